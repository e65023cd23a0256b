import { css } from 'lit'

/**
 * `<vitrine-preview>`'s styles. The canvas keeps the format's full resolution and is scaled by
 * CSS to fit the element's box: with no height set, the element takes the format's aspect
 * ratio at its width; with both set, the picture is letterboxed inside.
 */
export const vitrinePreviewStyles = css`
  :host {
    display: block;
    position: relative;
    box-sizing: border-box;
    contain: layout paint;
    background: var(--vitrine-preview-background, transparent);
    border-radius: var(--vitrine-preview-radius, 0);
    overflow: hidden;
  }
  :host([hidden]) {
    display: none;
  }
  [part='frame'] {
    width: 100%;
    height: 100%;
    display: flex;
    align-items: center;
    justify-content: center;
  }
  [part='canvas'] {
    display: block;
    width: 100%;
    height: 100%;
    max-width: 100%;
    max-height: 100%;
    object-fit: contain;
    transition: opacity var(--vitrine-preview-transition, 120ms) ease;
  }
  :host([status='loading']) [part='canvas'] {
    opacity: var(--vitrine-preview-loading-opacity, 0.6);
  }
  :host([status='error']) [part='canvas'] {
    visibility: hidden;
  }
  [part='error'] {
    position: absolute;
    inset: 0;
    overflow: auto;
    box-sizing: border-box;
    padding: var(--vitrine-preview-error-padding, 12px 14px);
    color: var(--vitrine-preview-error-color, #7a1212);
    background: var(--vitrine-preview-error-background, #fff4f4);
    border: var(--vitrine-preview-error-border, 1px solid #e9b4b4);
    border-radius: inherit;
    font: var(--vitrine-preview-error-font, 13px/1.45 system-ui, sans-serif);
    text-align: start;
  }
  [part='error-code'] {
    font-weight: 600;
    font-family: ui-monospace, monospace;
  }
  [part='error-message'] {
    margin: 4px 0 0;
    overflow-wrap: anywhere;
  }
  [part='error-issues'] {
    margin: 6px 0 0;
    padding-inline-start: 18px;
  }
  code {
    font-family: ui-monospace, monospace;
    font-size: 0.95em;
  }
`
