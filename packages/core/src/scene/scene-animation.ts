import type { Easing } from '../document/easing.js'

/**
 * The time-dependent parts of a Scene, resolved to absolute seconds and output pixels. Plain
 * data: `sampleAnimation(animation, t)` turns them into a node's state at time `t`.
 */

/** Insets of a node's box as fractions of its size (0 shows all of that side). */
export interface SceneInset {
  top: number
  right: number
  bottom: number
  left: number
}

/**
 * A preset entrance or exit (or one side of a transition), as the state the node has when it
 * is fully away; at rest it is as drawn. `in` moves from away to rest, `out` from rest to away.
 */
export interface SceneEffect {
  phase: 'in' | 'out'
  /** Seconds from the start of the video. */
  start: number
  duration: number
  easing: Easing
  /** Opacity factor when away (0 for fades, 1 for none). */
  opacity: number
  /** Offset in pixels when away. */
  dx: number
  dy: number
  /** Scale factor when away (about the box centre). */
  scale: number
  /** The side of the box that is hidden when away (a wipe). */
  wipe?: keyof SceneInset
}

/** One keyframe with its absolute time. */
export interface SceneKeyframe<T> {
  time: number
  value: T
  /** The curve to the next keyframe. */
  easing: Easing
}

/** Keyframed properties in output pixels, degrees and fractions. */
export interface SceneTracks {
  x?: SceneKeyframe<number>[]
  y?: SceneKeyframe<number>[]
  scale?: SceneKeyframe<number>[]
  rotation?: SceneKeyframe<number>[]
  opacity?: SceneKeyframe<number>[]
  crop?: SceneKeyframe<SceneInset>[]
}

/** A slow zoom and pan of an image inside its box between two times. */
export interface SceneKenBurns {
  start: number
  end: number
  scaleFrom: number
  scaleTo: number
  /** Points of the picture zoomed towards (fractions of the drawn picture). */
  from: { x: number; y: number }
  to: { x: number; y: number }
  easing: Easing
}

/** A text node that enters line by line or word by word: unit `i` plays `effect` at `start + i × stagger`. */
export interface SceneTextAnimation {
  by: 'line' | 'word'
  start: number
  stagger: number
  effect: Omit<SceneEffect, 'start' | 'phase'>
}

/** How a node changes over time. It is drawn while `start <= t < end`. */
export interface SceneAnimation {
  start: number
  end: number
  effects: SceneEffect[]
  tracks?: SceneTracks
  kenBurns?: SceneKenBurns
  text?: SceneTextAnimation
}

/** A music bed, ready for an encoder. */
export interface SceneAudio {
  /** The resolved URL of the audio file. */
  src: string
  volume: number
  fadeIn: number
  fadeOut: number
  /** Seconds of the file to start from. */
  trimStart: number
  /** Seconds of the file to stop at; undefined plays to its end. */
  trimEnd?: number
  loop: boolean
}

/** The timeline of a Scene that is a video. */
export interface SceneTimeline {
  /** Seconds. */
  duration: number
  fps: number
  /** `round(duration × fps)`; frame N shows time N / fps. */
  frames: number
  /** The time of the still frame (poster, thumbnail, image renders). */
  poster: number
  audio?: SceneAudio
}
