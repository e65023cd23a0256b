// @vitrine/elements: Vitrine's web components. Importing this module registers them.
export { VitrinePreview } from './vitrine-preview.js'
export type { VitrinePreviewStatus, VitrineRenderEventDetail, VitrineErrorEventDetail } from './vitrine-preview.js'
export { vitrinePreviewStyles } from './vitrine-preview-styles.js'
export { sharedPreviewResources } from './preview-resources.js'
export type { PreviewResources } from './preview-resources.js'
