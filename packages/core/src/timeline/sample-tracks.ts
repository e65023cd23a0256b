import type { Easing } from '../document/easing.js'
import type { SceneInset, SceneKeyframe } from '../scene/scene-animation.js'
import { ease } from './ease.js'

function segment<T>(track: SceneKeyframe<T>[], t: number): { a: SceneKeyframe<T>; b: SceneKeyframe<T>; p: number } | T {
  const first = track[0]!
  if (t <= first.time || track.length === 1) return first.value
  const last = track[track.length - 1]!
  if (t >= last.time) return last.value
  let i = 1
  while (track[i]!.time <= t) i++
  const a = track[i - 1]!
  const b = track[i]!
  return { a, b, p: b.time > a.time ? (t - a.time) / (b.time - a.time) : 1 }
}

const isSegment = <T>(v: unknown): v is { a: SceneKeyframe<T>; b: SceneKeyframe<T>; p: number } =>
  typeof v === 'object' && v !== null && 'p' in v && 'a' in v

const mix = (from: number, to: number, easing: Easing, p: number) => from + (to - from) * ease(easing, p)

/**
 * A numeric track's value at `t`: the first value before the first keyframe, the last after
 * the last, and between two keyframes the curve of the earlier one.
 */
export function sampleNumberTrack(track: SceneKeyframe<number>[], t: number): number {
  const s = segment(track, t)
  return isSegment<number>(s) ? mix(s.a.value, s.b.value, s.a.easing, s.p) : s
}

/** An inset track's value at `t`, side by side. */
export function sampleInsetTrack(track: SceneKeyframe<SceneInset>[], t: number): SceneInset {
  const s = segment(track, t)
  if (!isSegment<SceneInset>(s)) return s
  const { a, b, p } = s
  return {
    top: mix(a.value.top, b.value.top, a.easing, p),
    right: mix(a.value.right, b.value.right, a.easing, p),
    bottom: mix(a.value.bottom, b.value.bottom, a.easing, p),
    left: mix(a.value.left, b.value.left, a.easing, p),
  }
}
