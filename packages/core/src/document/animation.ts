import { Type, type Static, type TSchema } from '@sinclair/typebox'
import { EasingSchema } from './easing.js'
import { LengthSchema } from './primitives.js'

/** Seconds, from 0. */
const Seconds = (description: string) => Type.Number({ minimum: 0, description })

/** One keyframe of a property: its value at a time (seconds after the layer starts). */
export function keyframeSchema<T extends TSchema>(value: T) {
  return Type.Object(
    {
      /** Seconds after the layer's `start`. */
      time: Seconds('Seconds after the layer starts.'),
      value,
      /** The curve from this keyframe to the next; default `ease-in-out`. */
      easing: Type.Optional(EasingSchema),
    },
    { additionalProperties: false },
  )
}

/** Insets of the layer's box, as fractions of its width and height (0 shows all, 1 hides all). */
export const CropInsetSchema = Type.Object(
  {
    top: Type.Optional(Type.Number({ minimum: 0, maximum: 1 })),
    right: Type.Optional(Type.Number({ minimum: 0, maximum: 1 })),
    bottom: Type.Optional(Type.Number({ minimum: 0, maximum: 1 })),
    left: Type.Optional(Type.Number({ minimum: 0, maximum: 1 })),
  },
  { title: 'CropInset', additionalProperties: false },
)
export type CropInset = Static<typeof CropInsetSchema>

const track = <T extends TSchema>(value: T) => Type.Optional(Type.Array(keyframeSchema(value), { minItems: 1 }))

/**
 * Keyframed properties. Each one changes the layer as drawn, on top of its box: `x` and `y`
 * move it (lengths, `%` of the parent frame), `scale` and `rotation` (degrees, added to the
 * layer's own) turn it about its centre, `opacity` multiplies its own, `crop` hides edges.
 */
export const KeyframesSchema = Type.Object(
  {
    x: track(LengthSchema),
    y: track(LengthSchema),
    scale: track(Type.Number({ minimum: 0 })),
    rotation: track(Type.Number()),
    opacity: track(Type.Number({ minimum: 0, maximum: 1 })),
    crop: track(CropInsetSchema),
  },
  { title: 'Keyframes', additionalProperties: false },
)
export type Keyframes = Static<typeof KeyframesSchema>
/** A keyframed property name. */
export type KeyframedProperty = keyof Keyframes

/** The entrance and exit presets. Directions name the way the layer moves. */
export const effectPresets = [
  'fade',
  'slide-up',
  'slide-down',
  'slide-left',
  'slide-right',
  'pop',
  'zoom-in',
  'zoom-out',
  'wipe-up',
  'wipe-down',
  'wipe-left',
  'wipe-right',
] as const
export type EffectPreset = (typeof effectPresets)[number]

export const EffectPresetSchema = Type.Union(
  effectPresets.map((p) => Type.Literal(p)),
  { title: 'EffectPreset' },
)

/** An entrance or exit: a preset played over `duration` seconds. */
export const EffectSchema = Type.Object(
  {
    preset: EffectPresetSchema,
    /** Seconds; default 0.5. */
    duration: Type.Optional(Type.Number({ exclusiveMinimum: 0 })),
    /** Seconds after the layer starts (entrances only); default 0. */
    delay: Type.Optional(Type.Number({ minimum: 0 })),
    /** Default `ease-out` for entrances, `ease-in` for exits, `ease-out-back` for `pop` entrances. */
    easing: Type.Optional(EasingSchema),
    /** How far slides travel; default 8vmin. */
    distance: Type.Optional(LengthSchema),
  },
  { title: 'Effect', additionalProperties: false },
)
export type Effect = Static<typeof EffectSchema>

/** Text that enters line by line or word by word, each one playing the preset in turn. */
export const TextAnimationSchema = Type.Object(
  {
    by: Type.Union([Type.Literal('line'), Type.Literal('word')]),
    preset: EffectPresetSchema,
    /** Seconds each line or word takes; default 0.4. */
    duration: Type.Optional(Type.Number({ exclusiveMinimum: 0 })),
    /** Seconds between the starts of two lines or words; default 0.08. */
    stagger: Type.Optional(Type.Number({ minimum: 0 })),
    /** Seconds after the layer starts; default 0. */
    delay: Type.Optional(Type.Number({ minimum: 0 })),
    easing: Type.Optional(EasingSchema),
    distance: Type.Optional(LengthSchema),
  },
  { title: 'TextAnimation', additionalProperties: false },
)
export type TextAnimation = Static<typeof TextAnimationSchema>

const FocusSchema = Type.Object(
  { x: Type.Number({ minimum: 0, maximum: 1 }), y: Type.Number({ minimum: 0, maximum: 1 }) },
  { additionalProperties: false },
)

/** A slow zoom and pan of a picture inside its box, over the layer's whole life. */
export const KenBurnsSchema = Type.Object(
  {
    /** Zoom at the start and at the end; default [1, 1.15]. */
    scale: Type.Optional(Type.Tuple([Type.Number({ minimum: 1, maximum: 10 }), Type.Number({ minimum: 1, maximum: 10 })])),
    /** The point of the picture (fractions) zoomed towards at the start; default its focal point. */
    from: Type.Optional(FocusSchema),
    /** ... and at the end; default `from`. */
    to: Type.Optional(FocusSchema),
    /** Default `linear`. */
    easing: Type.Optional(EasingSchema),
  },
  { title: 'KenBurns', additionalProperties: false },
)
export type KenBurns = Static<typeof KenBurnsSchema>

/**
 * How a layer changes over time. Times are seconds: `start` and `end` from the start of the
 * layer's parent (the timeline, its scene, or its group), keyframe times from the layer's start.
 */
export const AnimationSchema = Type.Object(
  {
    /** When the layer appears; default 0. */
    start: Type.Optional(Seconds('When the layer appears, in seconds from its parent\'s start.')),
    /** When it disappears; default the end of its parent. */
    end: Type.Optional(Type.Number({ exclusiveMinimum: 0 })),
    enter: Type.Optional(EffectSchema),
    exit: Type.Optional(EffectSchema),
    keyframes: Type.Optional(KeyframesSchema),
    /** Text layers only. */
    text: Type.Optional(TextAnimationSchema),
    /** Image layers only. */
    kenBurns: Type.Optional(KenBurnsSchema),
  },
  { title: 'Animation', additionalProperties: false },
)
export type Animation = Static<typeof AnimationSchema>
