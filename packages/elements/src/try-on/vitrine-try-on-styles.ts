import { css } from 'lit'

/**
 * `<vitrine-try-on>`'s styles. The picture (photo canvas or camera video) and the transparent
 * product layer over it keep the picture's resolution (a photo up to 1280 pixels, the camera's
 * frames) and are scaled together by CSS to the element's width. Motion (the snapshot
 * flash, fades) is off under `reduced-motion` or the system's reduced-motion setting.
 */
export const vitrineTryOnStyles = css`
  :host {
    display: block;
    position: relative;
    box-sizing: border-box;
    font: var(--vitrine-try-on-font, 14px/1.4 system-ui, sans-serif);
    background: var(--vitrine-try-on-background, #111);
    border-radius: var(--vitrine-try-on-radius, 8px);
    overflow: hidden;
    color: var(--vitrine-try-on-button-text, #fff);
  }
  :host([hidden]) {
    display: none;
  }
  [part='stage'] {
    position: relative;
    display: flex;
    justify-content: center;
    align-items: center;
    min-height: 120px;
    outline: none;
  }
  [part='stage']:focus-visible {
    box-shadow: inset 0 0 0 3px var(--vitrine-try-on-accent, #4c8dff);
  }
  [part='stage']::after {
    content: '';
    position: absolute;
    inset: 0;
    background: var(--vitrine-try-on-flash, #fff);
    opacity: 0;
    pointer-events: none;
    transition: opacity 160ms ease-out;
  }
  [part='stage'].flash::after {
    opacity: 0.6;
    transition: none;
  }
  [part='view'] {
    position: relative;
    width: 100%;
    min-height: 120px;
  }
  [part='picture'] {
    display: block;
    width: 100%;
    height: 100%;
    object-fit: contain;
  }
  [part='canvas'] {
    position: absolute;
    inset: 0;
    width: 100%;
    height: 100%;
    pointer-events: none;
  }
  [part='status-text'] {
    position: absolute;
    left: 50%;
    bottom: 12px;
    transform: translateX(-50%);
    padding: 4px 10px;
    border-radius: 999px;
    background: rgb(0 0 0 / 0.6);
    color: #fff;
    transition: opacity 200ms;
  }
  [part='message'] {
    position: absolute;
    left: 12px;
    right: 12px;
    top: 12px;
    padding: 10px 12px;
    border-radius: 6px;
    color: var(--vitrine-try-on-error-color, #fff);
    background: var(--vitrine-try-on-error-background, rgb(160 20 30 / 0.92));
  }
  [part='message-code'] {
    font-family: ui-monospace, monospace;
    font-size: 0.85em;
    opacity: 0.85;
  }
  [part='controls'],
  [part='products'] {
    display: flex;
    flex-wrap: wrap;
    gap: 6px;
  }
  [part='controls'] {
    padding: 8px;
  }
  [part~='button'] {
    font: inherit;
    padding: 6px 12px;
    border-radius: var(--vitrine-try-on-button-radius, 6px);
    border: 1px solid rgb(255 255 255 / 0.25);
    background: var(--vitrine-try-on-button-background, #2a2a2a);
    color: var(--vitrine-try-on-button-text, #fff);
    cursor: pointer;
    transition: background 120ms;
  }
  [part~='button']:focus-visible {
    outline: 3px solid var(--vitrine-try-on-accent, #4c8dff);
    outline-offset: 1px;
  }
  [part~='button'][aria-pressed='true'] {
    background: var(--vitrine-try-on-accent, #4c8dff);
    color: var(--vitrine-try-on-accent-text, #fff);
  }
  [part~='button']:disabled {
    opacity: 0.5;
    cursor: default;
  }
  :host([reduced-motion]) *,
  :host([reduced-motion]) [part='stage']::after {
    transition: none !important;
  }
  :host([reduced-motion]) [part='stage'].flash::after {
    opacity: 0;
  }
  @media (prefers-reduced-motion: reduce) {
    *,
    [part='stage']::after {
      transition: none !important;
    }
    [part='stage'].flash::after {
      opacity: 0;
    }
  }
`
