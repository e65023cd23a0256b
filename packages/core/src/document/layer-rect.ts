import { Type, type Static } from '@sinclair/typebox'
import { CornerRadiusSchema, PaintSchema, ShadowSchema, StrokeSchema } from './primitives.js'
import { layerSchema } from './layer-common.js'

/** A rectangle: solid or gradient fill, corner radius, stroke and shadow. */
export const RectLayerSchema = layerSchema(
  'rect',
  {
    fill: Type.Optional(PaintSchema),
    cornerRadius: Type.Optional(CornerRadiusSchema),
    stroke: Type.Optional(StrokeSchema),
    shadow: Type.Optional(ShadowSchema),
  },
  'RectLayer',
)
export type RectLayer = Static<typeof RectLayerSchema>
