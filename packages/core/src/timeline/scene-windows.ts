import type { Easing } from '../document/easing.js'
import type { Timeline, TransitionType } from '../document/timeline.js'

/** When one timeline scene plays, in seconds from the start of the video. */
export interface SceneWindow {
  index: number
  /** The id of the top-level layer that plays as this scene. */
  layer: string
  start: number
  end: number
  /** The change into this scene; it overlaps the previous one for `duration` seconds. */
  transition?: { type: TransitionType; duration: number; easing: Easing }
}

/** Transition length when a transition gives none. */
export const DEFAULT_TRANSITION_SECONDS = 0.5

/**
 * The windows of a timeline's scenes: each starts where the previous one ends, less the length
 * of the transition into it (the two overlap while it plays).
 */
export function sceneWindows(timeline: Timeline): SceneWindow[] {
  const windows: SceneWindow[] = []
  let end = 0
  for (const [index, scene] of (timeline.scenes ?? []).entries()) {
    const t = scene.transition
    const overlap = index === 0 || !t || t.type === 'cut' ? 0 : (t.duration ?? DEFAULT_TRANSITION_SECONDS)
    const start = Math.max(0, end - overlap)
    const window: SceneWindow = { index, layer: scene.layer, start, end: start + scene.duration }
    if (overlap > 0 && t) window.transition = { type: t.type, duration: overlap, easing: t.easing ?? 'ease-in-out' }
    windows.push(window)
    end = window.end
  }
  return windows
}

/** The length of a timeline in seconds: its `duration`, else the end of its last scene. */
export function timelineDuration(timeline: Timeline): number {
  if (timeline.duration !== undefined) return timeline.duration
  const windows = sceneWindows(timeline)
  return windows.length > 0 ? windows[windows.length - 1]!.end : 0
}
