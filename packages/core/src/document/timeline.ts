import { Type, type Static } from '@sinclair/typebox'
import { AudioTrackSchema } from './audio-track.js'
import { EasingSchema } from './easing.js'

/** How one timeline scene gives way to the next. Directions name the way the pictures move. */
export const transitionTypes = [
  'cut',
  'fade',
  'slide-left',
  'slide-right',
  'slide-up',
  'slide-down',
  'wipe-left',
  'wipe-right',
  'wipe-up',
  'wipe-down',
  'zoom',
] as const
export type TransitionType = (typeof transitionTypes)[number]

/** The change into a scene from the one before; the two overlap for `duration` seconds. */
export const TransitionSchema = Type.Object(
  {
    type: Type.Union(
      transitionTypes.map((t) => Type.Literal(t)),
      { title: 'TransitionType' },
    ),
    /** Seconds; default 0.5 (ignored for `cut`). */
    duration: Type.Optional(Type.Number({ exclusiveMinimum: 0 })),
    /** Default `ease-in-out`. */
    easing: Type.Optional(EasingSchema),
  },
  { title: 'Transition', additionalProperties: false },
)
export type Transition = Static<typeof TransitionSchema>

/** One scene of a timeline: a top-level layer (usually a group) shown for a while. */
export const TimelineSceneSchema = Type.Object(
  {
    /** The id of a top-level layer. Its children's times count from the scene's start. */
    layer: Type.String({ minLength: 1 }),
    /** Seconds, transition into the next scene included. */
    duration: Type.Number({ exclusiveMinimum: 0 }),
    /** How this scene replaces the previous one; default `cut`. */
    transition: Type.Optional(TransitionSchema),
  },
  { title: 'TimelineScene', additionalProperties: false },
)
export type TimelineScene = Static<typeof TimelineSceneSchema>

/**
 * Makes a template a video: its length and frame rate, optional scenes played one after the
 * other, and an optional music bed. Every frame is a pure function of its time.
 */
export const TimelineSchema = Type.Object(
  {
    /** Seconds. Optional when `scenes` are given: then it is their total. */
    duration: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 3600 })),
    /** Frames per second; default 30. */
    fps: Type.Optional(Type.Integer({ minimum: 1, maximum: 120 })),
    /** The time of the frame used as a still (poster, thumbnail, image renders); default 0. */
    poster: Type.Optional(Type.Number({ minimum: 0 })),
    /** Layers played in sequence; layers in no scene show for the whole timeline. */
    scenes: Type.Optional(Type.Array(TimelineSceneSchema, { minItems: 1 })),
    audio: Type.Optional(AudioTrackSchema),
  },
  { title: 'Timeline', additionalProperties: false },
)
export type Timeline = Static<typeof TimelineSchema>

/** Frames per second when a timeline gives none. */
export const DEFAULT_FPS = 30
