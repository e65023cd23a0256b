import { Type, type TSchema } from '@sinclair/typebox'
import { layerSchema } from './layer-common.js'

/** Builds the group schema around a schema for its children (recursive in the JSON Schema). */
export function groupLayerSchema<C extends TSchema>(child: C) {
  return layerSchema(
    'group',
    {
      /** Children are placed by constraints on the group's box. */
      children: Type.Array(child),
      /** Clip children to the group's box. */
      clip: Type.Optional(Type.Boolean()),
    },
    'GroupLayer',
  )
}

/** For validation: children are checked one by one, so they are `unknown` here. */
export const GroupLayerShallowSchema = groupLayerSchema(Type.Unknown())
