// @vitrine/elements: Vitrine's web components. Importing this module registers them.
export { VitrinePreview } from './vitrine-preview.js'
export type { VitrinePreviewStatus, VitrineRenderEventDetail, VitrineErrorEventDetail } from './vitrine-preview.js'
export type { VitrineTimeEventDetail } from './preview-playback.js'
export { vitrinePreviewStyles } from './vitrine-preview-styles.js'
export { sharedPreviewResources } from './preview-resources.js'
export type { PreviewResources } from './preview-resources.js'
export { VitrineTryOn } from './try-on/vitrine-try-on.js'
export type {
  TryOnSource,
  TryOnStatus,
  TryOnTimings,
  TryOnReadyEventDetail,
  TryOnTrackingEventDetail,
  TryOnSnapshotEventDetail,
  TryOnErrorEventDetail,
} from './try-on/try-on-events.js'
export { vitrineTryOnStyles } from './try-on/vitrine-try-on-styles.js'
