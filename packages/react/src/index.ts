// @vitrine/react: React components for Vitrine's web components, made with @lit/react.
import * as React from 'react'
import { createComponent, type EventName } from '@lit/react'
import { VitrinePreview as VitrinePreviewElement, type VitrineErrorEventDetail, type VitrineRenderEventDetail, type VitrineTimeEventDetail } from '@vitrine/elements'
import {
  VitrineTryOn as VitrineTryOnElement,
  type TryOnErrorEventDetail,
  type TryOnReadyEventDetail,
  type TryOnSnapshotEventDetail,
  type TryOnTrackingEventDetail,
} from '@vitrine/elements'

/** The `render` event of `<vitrine-preview>`: `event.detail.scene` is what was drawn. */
export type VitrineRenderEvent = CustomEvent<VitrineRenderEventDetail>
/** The `error` event of `<vitrine-preview>`: `event.detail` is the VitrineError as JSON. */
export type VitrineErrorEvent = CustomEvent<VitrineErrorEventDetail>
/** The `play`, `pause`, `timeupdate` and `ended` events of `<vitrine-preview>` for video templates. */
export type VitrineTimeEvent = CustomEvent<VitrineTimeEventDetail>

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
    onPlay: 'play' as EventName<VitrineTimeEvent>,
    onPause: 'pause' as EventName<VitrineTimeEvent>,
    onTimeUpdate: 'timeupdate' as EventName<VitrineTimeEvent>,
    onEnded: 'ended' as EventName<VitrineTimeEvent>,
  },
  displayName: 'VitrinePreview',
})

export type { VitrineErrorEventDetail, VitrineRenderEventDetail, VitrinePreviewStatus, VitrineTimeEventDetail } from '@vitrine/elements'

/** The `ready` event of `<vitrine-try-on>`. */
export type VitrineTryOnReadyEvent = CustomEvent<TryOnReadyEventDetail>
/** The `tracking-found` and `tracking-lost` events of `<vitrine-try-on>`. */
export type VitrineTryOnTrackingEvent = CustomEvent<TryOnTrackingEventDetail>
/** The `snapshot` event of `<vitrine-try-on>`: `event.detail.blob` is the PNG. */
export type VitrineTryOnSnapshotEvent = CustomEvent<TryOnSnapshotEventDetail>
/** The `error` event of `<vitrine-try-on>`: `event.detail` is the VitrineError as JSON. */
export type VitrineTryOnErrorEvent = CustomEvent<TryOnErrorEventDetail>

/**
 * `<vitrine-try-on>` as a React component. Element properties (`sku`, `catalog`, `source`,
 * `mirror`, `sample`, `photo`, `modelUrl`, `wasmUrl`, ...) are props; `onReady`,
 * `onTrackingFound`, `onTrackingLost`, `onSnapshot`, `onError` and `onProductChange` receive its
 * events; a ref gives the element, e.g. for `snapshot()` or `setProduct()`.
 *
 * @example
 * ```tsx
 * <VitrineTryOn catalog="/try-on/catalog.json" sku={sku} sample="/try-on/model.jpg"
 *   modelUrl="/try-on/face_landmarker.task" wasmUrl="/try-on/wasm"
 *   onSnapshot={(e) => addToCart(sku, e.detail.blob)} onError={(e) => log(e.detail.code)} />
 * ```
 */
export const VitrineTryOn = createComponent({
  react: React,
  tagName: 'vitrine-try-on',
  elementClass: VitrineTryOnElement,
  events: {
    onReady: 'ready' as EventName<VitrineTryOnReadyEvent>,
    onTrackingFound: 'tracking-found' as EventName<VitrineTryOnTrackingEvent>,
    onTrackingLost: 'tracking-lost' as EventName<VitrineTryOnTrackingEvent>,
    onSnapshot: 'snapshot' as EventName<VitrineTryOnSnapshotEvent>,
    onError: 'error' as EventName<VitrineTryOnErrorEvent>,
    onProductChange: 'product-change' as EventName<CustomEvent<{ sku: string | undefined }>>,
  },
  displayName: 'VitrineTryOn',
})

export type { TryOnSource, TryOnStatus, TryOnTimings, TryOnReadyEventDetail, TryOnTrackingEventDetail, TryOnSnapshotEventDetail, TryOnErrorEventDetail } from '@vitrine/elements'
