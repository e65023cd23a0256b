import { Type, type Static } from '@sinclair/typebox'

/** The named easing curves. `hold` keeps the start value until the next keyframe. */
export const easingNames = [
  'linear',
  'ease',
  'ease-in',
  'ease-out',
  'ease-in-out',
  'ease-in-cubic',
  'ease-out-cubic',
  'ease-in-out-cubic',
  'ease-in-back',
  'ease-out-back',
  'hold',
] as const

/**
 * How a value moves between two times: a named curve, or a CSS-style cubic Bézier
 * `[x1, y1, x2, y2]` (x1 and x2 from 0 to 1).
 */
export const EasingSchema = Type.Union(
  [
    ...easingNames.map((name) => Type.Literal(name)),
    Type.Tuple([Type.Number({ minimum: 0, maximum: 1 }), Type.Number(), Type.Number({ minimum: 0, maximum: 1 }), Type.Number()]),
  ],
  {
    title: 'Easing',
    description: `An easing curve: one of ${easingNames.join(', ')}, or a cubic Bézier [x1, y1, x2, y2].`,
  },
)
export type Easing = Static<typeof EasingSchema>
