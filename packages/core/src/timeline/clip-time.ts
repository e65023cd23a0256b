/** How a video node maps the video's time to its clip's time. Plain data, in seconds. */
export interface SceneClipTiming {
  /** When the clip starts playing, in seconds of the video (the layer's start). */
  start: number
  /** The part of the clip played. */
  trimStart: number
  trimEnd: number
  end: 'freeze' | 'loop'
  /** A single time of the clip shown throughout, when set. */
  freezeAt?: number
  /** The clip's own frame rate. */
  fps: number
}

/**
 * The clip time shown at video time `t`: trimmed, looped or held on the last frame. A pure
 * function, like every other part of a frame.
 */
export function clipTimeAt(clip: SceneClipTiming, t: number): number {
  const frame = 1 / clip.fps
  const last = Math.max(clip.trimStart, clip.trimEnd - frame)
  if (clip.freezeAt !== undefined) return Math.min(clip.freezeAt, last)
  const local = Math.max(0, t - clip.start)
  const length = clip.trimEnd - clip.trimStart
  if (clip.end === 'loop' && length > 0) return clip.trimStart + (local % length)
  return Math.min(clip.trimStart + local, last)
}

/** The clip's frame index for video time `t` (frame k covers clip time [k / fps, (k + 1) / fps)). */
export function clipFrameAt(clip: SceneClipTiming, t: number): number {
  return Math.floor(clipTimeAt(clip, t) * clip.fps + 1e-6)
}
