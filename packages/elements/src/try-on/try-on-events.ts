import type { VitrineError } from '@vitrine/core'

/** Where the picture comes from: the camera, or a photo (uploaded, given by URL, or the sample). */
export type TryOnSource = 'camera' | 'photo'

/** `<vitrine-try-on>`'s state, reflected as its `status` attribute. */
export type TryOnStatus = 'idle' | 'loading' | 'ready' | 'error'

/** Milliseconds: model load, first frame, and the last frame's landmark and render times. */
export interface TryOnTimings {
  modelLoadMs?: number
  firstFrameMs?: number
  landmarkMs?: number
  renderMs?: number
}

/** `detail` of `ready`. */
export interface TryOnReadyEventDetail {
  source: TryOnSource
  sku: string | undefined
  timings: TryOnTimings
}
/** `detail` of `tracking-found` and `tracking-lost`. */
export interface TryOnTrackingEventDetail {
  source: TryOnSource
}
/** `detail` of `snapshot`: the PNG. Cancel the event to keep the element from downloading it. */
export interface TryOnSnapshotEventDetail {
  blob: Blob
  width: number
  height: number
  sku: string | undefined
}
/** `detail` of `error`: the VitrineError as JSON. */
export type TryOnErrorEventDetail = ReturnType<VitrineError['toJSON']>
