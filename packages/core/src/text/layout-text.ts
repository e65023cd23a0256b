import type { Canvas2DContext } from '../platform/canvas-context.js'
import type { FontMetrics } from './font-metrics.js'

/** Input to {@link layoutText}. All sizes in output pixels. */
export interface TextLayoutInput {
  text: string
  /** Builds the CSS font shorthand for a size. */
  fontAt(size: number): string
  fontSize: number
  /** Smallest size `shrink` may go to. */
  minFontSize: number
  shrink: boolean
  lineHeight: number
  letterSpacing: number
  maxLines?: number
  width: number
  height: number
  align: 'left' | 'center' | 'right'
  verticalAlign: 'top' | 'middle' | 'bottom'
  metrics: FontMetrics
  locale: string
}

export interface TextLayoutLine {
  text: string
  x: number
  baseline: number
  width: number
}

export interface TextLayoutResult {
  fontSize: number
  lines: TextLayoutLine[]
  status: 'fit' | 'shrunk' | 'truncated' | 'overflow'
}

const ELLIPSIS = '\u2026'
// Sizes are searched in quarter pixels so that Chromium and Node pick the same one.
const STEP = 0.25
// Widths are compared after rounding to 1/64 px: both environments' float noise is below that.
const quantize = (w: number) => Math.round(w * 64) / 64

function graphemes(text: string, locale: string): string[] {
  const seg = new Intl.Segmenter(locale, { granularity: 'grapheme' })
  return Array.from(seg.segment(text), (s) => s.segment)
}

/** Break opportunities: after spaces and hyphens; each piece keeps its trailing space. */
function pieces(paragraph: string): string[] {
  return paragraph.match(/[^\s-]*-+|[^\s-]+\s*|\s+/g) ?? []
}

interface Wrapped {
  lines: string[]
  /** A word was wider than the box and had to be broken. */
  brokeWord: boolean
}

function wrap(ctx: Canvas2DContext, text: string, width: number, locale: string): Wrapped {
  const measure = (s: string) => quantize(ctx.measureText(s).width)
  const lines: string[] = []
  let brokeWord = false
  for (const paragraph of text.split(/\r\n|\n|\r|\u2028|\u2029/)) {
    let line = ''
    for (const piece of pieces(paragraph)) {
      const candidate = line + piece
      if (measure(candidate.trimEnd()) <= width || line === '') {
        if (line === '' && measure(piece.trimEnd()) > width) {
          // One word wider than the box: break between graphemes.
          brokeWord = true
          let part = ''
          for (const g of graphemes(piece, locale)) {
            if (part !== '' && measure((part + g).trimEnd()) > width) {
              lines.push(part)
              part = ''
            }
            part += g
          }
          line = part
        } else line = candidate
      } else {
        lines.push(line.trimEnd())
        line = piece.trimStart() === '' ? '' : piece
      }
    }
    lines.push(line.trimEnd())
  }
  return { lines, brokeWord }
}

function layoutAt(ctx: Canvas2DContext, input: TextLayoutInput, size: number) {
  ctx.font = input.fontAt(size)
  ctx.letterSpacing = `${input.letterSpacing}px`
  const wrapped = wrap(ctx, input.text, input.width, input.locale)
  const lineHeightPx = input.lineHeight * size
  const maxByHeight = Math.max(1, Math.floor((input.height + 0.01) / lineHeightPx))
  const maxLines = Math.min(input.maxLines ?? Infinity, maxByHeight)
  const fits = wrapped.lines.length <= maxLines && !wrapped.brokeWord
  return { wrapped, lineHeightPx, maxLines, fits }
}

/**
 * Lays out a paragraph in a box: greedy line breaking at spaces and hyphens (words wider than
 * the box break between graphemes), `maxLines` with an ellipsis, and shrink-to-fit (the largest
 * size, in quarter pixels, from `fontSize` down to `minFontSize` at which every line fits).
 * Uses only `measureText`, so Chromium and Node lay out the same text the same way.
 */
export function layoutText(ctx: Canvas2DContext, input: TextLayoutInput): TextLayoutResult {
  let size = input.fontSize
  let attempt = layoutAt(ctx, input, size)
  let status: TextLayoutResult['status'] = 'fit'
  if (!attempt.fits && input.shrink && input.minFontSize < input.fontSize) {
    // Binary search over quarter-pixel steps for the largest size that fits.
    let lo = Math.ceil(input.minFontSize / STEP)
    let hi = Math.floor(input.fontSize / STEP) - 1
    let best: { size: number; attempt: typeof attempt } | undefined
    while (lo <= hi) {
      const mid = (lo + hi) >> 1
      const a = layoutAt(ctx, input, mid * STEP)
      if (a.fits) {
        best = { size: mid * STEP, attempt: a }
        lo = mid + 1
      } else hi = mid - 1
    }
    if (best) {
      size = best.size
      attempt = best.attempt
      status = 'shrunk'
    } else {
      size = input.minFontSize
      attempt = layoutAt(ctx, input, size)
    }
  }
  ctx.font = input.fontAt(size)
  ctx.letterSpacing = `${input.letterSpacing}px`
  const measure = (s: string) => quantize(ctx.measureText(s).width)
  let lines = attempt.wrapped.lines
  if (!attempt.fits) {
    // With shrink, not fitting at the minimum size is an overflow; without, lines may be cut.
    if (input.shrink) status = 'overflow'
    else status = lines.length > attempt.maxLines ? 'truncated' : 'fit'
  }
  if (lines.length > attempt.maxLines) {
    lines = lines.slice(0, attempt.maxLines)
    const lastIndex = lines.length - 1
    let last = lines[lastIndex]!
    const gs = graphemes(last, input.locale)
    while (gs.length > 0 && measure(gs.join('').trimEnd() + ELLIPSIS) > input.width) gs.pop()
    last = gs.join('').trimEnd() + ELLIPSIS
    lines[lastIndex] = last
  }
  const widths = lines.map(measure)
  ctx.letterSpacing = '0px'
  const { ascent, descent } = input.metrics
  const lineHeightPx = attempt.lineHeightPx
  const blockHeight = lines.length * lineHeightPx
  const top = input.verticalAlign === 'top' ? 0 : input.verticalAlign === 'bottom' ? input.height - blockHeight : (input.height - blockHeight) / 2
  const halfLeading = (lineHeightPx - (ascent + descent) * size) / 2
  return {
    fontSize: size,
    status,
    lines: lines.map((text, i) => {
      const width = widths[i]!
      const x = input.align === 'left' ? 0 : input.align === 'right' ? input.width - width : (input.width - width) / 2
      return { text, x, baseline: top + i * lineHeightPx + halfLeading + ascent * size, width }
    }),
  }
}
