import { html, nothing, type TemplateResult } from 'lit'
import type { TryOnProduct } from '@vitrine/core'

/** What the controls show, and what they call. */
export interface TryOnControlsState {
  products: TryOnProduct[]
  sku: string | undefined
  camera: boolean
  sample: boolean
  canSnapshot: boolean
  onProduct: (sku: string) => void
  onCamera: () => void
  onFlip: () => void
  onUpload: () => void
  onSample: () => void
  onSnapshot: () => void
  onFileChosen: (event: Event) => void
}

/**
 * `<vitrine-try-on>`'s toolbar: a button per product (pressed: the one worn), camera, switch
 * camera, upload, sample photo and snapshot. Native buttons, so every control works with the
 * keyboard and is announced by screen readers.
 */
export function tryOnControls(state: TryOnControlsState): TemplateResult {
  return html`<div part="controls" role="toolbar" aria-label="Try-on">
        ${state.products.length > 1
          ? html`<div part="products" role="group" aria-label="Products">
              ${state.products.map(
                (p) => html`<button part=${p.sku === state.sku ? 'button product product-selected' : 'button product'} aria-pressed=${p.sku === state.sku ? 'true' : 'false'}
                  @click=${() => state.onProduct(p.sku)}>${p.name ?? p.sku}</button>`,
              )}
            </div>`
          : nothing}
        <button part="button camera-button" aria-pressed=${state.camera ? 'true' : 'false'} @click=${state.onCamera}>Camera</button>
        ${state.camera ? html`<button part="button flip-button" @click=${state.onFlip}>Switch camera</button>` : nothing}
        <button part="button upload-button" @click=${state.onUpload}>Upload photo</button>
        ${state.sample ? html`<button part="button sample-button" @click=${state.onSample}>Sample photo</button>` : nothing}
        <button part="button snapshot-button" ?disabled=${!state.canSnapshot} @click=${state.onSnapshot}>Snapshot</button>
        <input type="file" accept="image/*" hidden @change=${state.onFileChosen} />
      </div>`
}
