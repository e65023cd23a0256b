import type { Canvas2DContext } from '../platform/canvas-context.js'

/** Widths are compared after rounding to 1/64 px: both environments' float noise is below that. */
export const quantize = (w: number) => Math.round(w * 64) / 64

/**
 * Measures text with a cache for one layout: the size search and the lines measure the same
 * pieces many times. Sets the shared context's font and letter spacing only when they change.
 */
export class TextMeasurer {
  private readonly cache = new Map<string, Map<string, number>>()
  private font: string | undefined
  private spacing: string | undefined

  constructor(
    private readonly ctx: Canvas2DContext,
    private readonly letterSpacing: number,
  ) {}

  width(font: string, spaced: boolean, text: string): number {
    if (text === '') return 0
    const key = spaced ? font : `\u0000${font}`
    let widths = this.cache.get(key)
    if (!widths) this.cache.set(key, (widths = new Map()))
    let w = widths.get(text)
    if (w === undefined) {
      const spacing = `${spaced ? this.letterSpacing : 0}px`
      // Nothing else sets the context's state while a layout measures.
      if (this.font !== font) this.ctx.font = this.font = font
      if (this.spacing !== spacing) this.ctx.letterSpacing = this.spacing = spacing
      w = quantize(this.ctx.measureText(text).width)
      widths.set(text, w)
    }
    return w
  }
}
