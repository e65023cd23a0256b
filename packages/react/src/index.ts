// @vitrine/react: React components for Vitrine's web components, made with @lit/react.
import * as React from 'react'
import { createComponent, type EventName } from '@lit/react'
import { VitrinePreview as VitrinePreviewElement, type VitrineErrorEventDetail, type VitrineRenderEventDetail } from '@vitrine/elements'

/** The `render` event of `<vitrine-preview>`: `event.detail.scene` is what was drawn. */
export type VitrineRenderEvent = CustomEvent<VitrineRenderEventDetail>
/** The `error` event of `<vitrine-preview>`: `event.detail` is the VitrineError as JSON. */
export type VitrineErrorEvent = CustomEvent<VitrineErrorEventDetail>

/**
 * `<vitrine-preview>` as a React component. Element properties (`template`, `data`, `format`,
 * `locale`, `src`, `baseUrl`, ...) are props; `onRender` and `onError` receive the element's
 * events; a ref gives the element, e.g. for `toBlob()`.
 *
 * @example
 * ```tsx
 * <VitrinePreview template={template} data={row} format="instagram-story"
 *   onRender={(e) => console.log(e.detail.timings)} onError={(e) => setProblem(e.detail.message)} />
 * ```
 */
export const VitrinePreview = createComponent({
  react: React,
  tagName: 'vitrine-preview',
  elementClass: VitrinePreviewElement,
  events: {
    onRender: 'render' as EventName<VitrineRenderEvent>,
    onError: 'error' as EventName<VitrineErrorEvent>,
  },
  displayName: 'VitrinePreview',
})

export type { VitrineErrorEventDetail, VitrineRenderEventDetail, VitrinePreviewStatus } from '@vitrine/elements'
