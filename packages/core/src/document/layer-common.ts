import { Type, type TProperties } from '@sinclair/typebox'
import { BoxSchema, ConditionSchema } from './primitives.js'
import { AnimationSchema } from './animation.js'

/** Properties every layer has and that a format override may change. */
export const overridableCommon = {
  box: BoxSchema,
  /** 0 to 1. */
  opacity: Type.Optional(Type.Number({ minimum: 0, maximum: 1 })),
  /** Degrees clockwise about the box centre. */
  rotation: Type.Optional(Type.Number()),
  /** `false` hides the layer; a condition shows it only for rows that meet it. */
  visible: Type.Optional(Type.Union([Type.Boolean(), ConditionSchema])),
  /**
   * Right-to-left markets mirror the layout: the layer's place, rotation and left/right
   * alignment flip. `false` keeps it as designed (logos, product photos), with its children.
   */
  mirror: Type.Optional(Type.Boolean({ description: 'Mirror this layer in right-to-left markets (default true); false keeps it as designed.' })),
}

/**
 * Builds a layer schema: `id`, `type`, `name`, the common properties, the layer's own ones,
 * and `overrides` (by format id or aspect class) holding a partial copy of the overridable ones.
 */
export function layerSchema<K extends string, P extends TProperties>(type: K, own: P, title: string) {
  const overridable = { ...overridableCommon, ...own }
  const override = Type.Partial(Type.Object(overridable, { additionalProperties: false }))
  return Type.Object(
    {
      id: Type.String({ minLength: 1, pattern: '^[A-Za-z0-9_.-]+$' }),
      type: Type.Literal(type),
      name: Type.Optional(Type.String()),
      ...overridable,
      /** How the layer changes over time, when the template has a `timeline`. */
      animation: Type.Optional(AnimationSchema),
      /**
       * Changes for some formats. Keys are aspect classes (`tall`, `portrait`, `square`,
       * `landscape`) or format ids; a format id wins over its aspect class.
       */
      overrides: Type.Optional(Type.Record(Type.String({ pattern: '^[A-Za-z0-9_-]+$' }), override)),
    },
    { additionalProperties: false, title },
  )
}
