import type { SceneAnimation, SceneInset } from '../scene/scene-animation.js'
import { sampleEffect } from './sample-effect.js'
import { sampleInsetTrack, sampleNumberTrack } from './sample-tracks.js'

/** A node's animated state at one time, on top of its own box, opacity and rotation. */
export interface AnimationState {
  /** False outside the node's [start, end) window. */
  visible: boolean
  /** Multiplies the node's opacity. */
  opacity: number
  /** Pixels to move by. */
  dx: number
  dy: number
  /** About the box centre. */
  scale: number
  /** Degrees, added to the node's rotation. */
  rotation: number
  /** Hidden edges of the box, fractions of its size. */
  crop: SceneInset
}

/**
 * A node's state at time `t` (seconds): a pure function of the animation and `t`, so any
 * frame can be drawn alone, in any order, in parallel.
 *
 * @example
 * ```ts
 * const state = sampleAnimation(node.animation, 1.5)
 * if (state.visible) drawWith(state)
 * ```
 */
export function sampleAnimation(animation: SceneAnimation, t: number): AnimationState {
  const state: AnimationState = { visible: t >= animation.start && t < animation.end, opacity: 1, dx: 0, dy: 0, scale: 1, rotation: 0, crop: { top: 0, right: 0, bottom: 0, left: 0 } }
  if (!state.visible) return state
  const tracks = animation.tracks
  if (tracks) {
    if (tracks.x) state.dx = sampleNumberTrack(tracks.x, t)
    if (tracks.y) state.dy = sampleNumberTrack(tracks.y, t)
    if (tracks.scale) state.scale = Math.max(0, sampleNumberTrack(tracks.scale, t))
    if (tracks.rotation) state.rotation = sampleNumberTrack(tracks.rotation, t)
    if (tracks.opacity) state.opacity = Math.min(1, Math.max(0, sampleNumberTrack(tracks.opacity, t)))
    if (tracks.crop) state.crop = sampleInsetTrack(tracks.crop, t)
  }
  for (const effect of animation.effects) {
    const e = sampleEffect(effect, t)
    state.opacity *= e.opacity
    state.dx += e.dx
    state.dy += e.dy
    state.scale *= e.scale
    if (e.wipe) state.crop[e.wipe.side] = Math.max(state.crop[e.wipe.side], e.wipe.amount)
  }
  return state
}
