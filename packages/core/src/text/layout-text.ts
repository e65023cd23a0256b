import type { Canvas2DContext } from '../platform/canvas-context.js'
import { lineLevels, OVERRIDE_NONE, OVERRIDE_RTL, visualOrder } from './bidi.js'
import type { FontMetrics } from './font-metrics.js'
import { justificationGaps } from './justification-gaps.js'
import { drawableText, prepareText, type PreparedText } from './prepare-text.js'
import { quantize, TextMeasurer } from './text-measurer.js'

/** A stretch of the text set in one font, for {@link TextLayoutInput.runs}. */
export interface TextLayoutFontRun {
  start: number
  end: number
  /** Builds the CSS font shorthand of this run's face for a size. */
  fontAt(size: number): string
}

/** Input to {@link layoutText}. All sizes in output pixels. */
export interface TextLayoutInput {
  text: string
  /** Builds the CSS font shorthand of the layer's own face for a size. */
  fontAt(size: number): string
  /** Fonts per stretch of text (from `assignFonts`), covering the text; default: `fontAt` throughout. */
  runs?: readonly TextLayoutFontRun[]
  /** The font of the ellipsis that ends a truncated last line; default `fontAt`. */
  ellipsisFontAt?(size: number): string
  fontSize: number
  /** Smallest size `shrink` may go to. */
  minFontSize: number
  shrink: boolean
  lineHeight: number
  letterSpacing: number
  maxLines?: number
  width: number
  height: number
  /** `start`, `end` and `justify` (whose last line aligns to the start) follow `direction`. */
  align: 'left' | 'center' | 'right' | 'start' | 'end' | 'justify'
  verticalAlign: 'top' | 'middle' | 'bottom'
  /** The paragraph direction (UAX #9 base direction). Default `ltr`. */
  direction?: 'ltr' | 'rtl'
  metrics: FontMetrics
  locale: string
}

/** A piece of a line drawn with one font in one direction, at `x` from the box's left edge. */
export interface TextLayoutRun {
  text: string
  x: number
  width: number
  font: string
  direction: 'ltr' | 'rtl'
  letterSpacing: number
}

export interface TextLayoutLine {
  /** The line's characters in logical order, without directional controls. */
  text: string
  /** Left edge of the line's ink box, from the box's left edge. */
  x: number
  baseline: number
  width: number
  /** What to draw, in visual order (left to right). */
  runs: TextLayoutRun[]
}

export interface TextLayoutResult {
  fontSize: number
  lines: TextLayoutLine[]
  status: 'fit' | 'shrunk' | 'truncated' | 'overflow'
}

const ELLIPSIS = '\u2026'
// Sizes are searched in quarter pixels so that Chromium and Node pick the same one.
const STEP = 0.25

interface LineRange {
  start: number
  end: number
  /** The line ends its paragraph (a newline or the end of the text). */
  last: boolean
}

class Sizer {
  /** Widths of ranges at this size, by `start * (length + 1) + end`. */
  private readonly widths = new Map<number, number>()
  /** Each font run's CSS font at the measuring size. */
  private readonly fonts: string[] = []

  constructor(
    readonly measurer: TextMeasurer,
    private readonly input: TextLayoutInput,
    private readonly p: PreparedText,
    readonly size: number,
    /** Measure at this size and scale to `size` (an estimate; valid without letter spacing). */
    private readonly estimateFrom?: number,
  ) {}

  /** Width of `text.slice(start, end)` as the sum of its font runs. */
  rangeWidth(start: number, end: number): number {
    const key = start * (this.p.text.length + 1) + end
    let w = this.widths.get(key)
    if (w === undefined) {
      w = this.measureRange(start, end)
      this.widths.set(key, w)
    }
    return w
  }

  private measureRange(start: number, end: number): number {
    const { p } = this
    const at = this.estimateFrom ?? this.size
    let w = 0
    let i = start
    while (i < end) {
      const r = p.runOf[i]!
      const runEnd = Math.min(end, p.runs[r]!.end)
      const font = (this.fonts[r] ??= p.runs[r]!.fontAt(at))
      w += this.measurer.width(font, !p.runIsCursive[r], drawableText(p, i, runEnd))
      i = runEnd
    }
    return this.estimateFrom !== undefined ? quantize((w * this.size) / at) : w
  }

  /** End of `[start, end)` without trailing whitespace, line ends and controls. */
  trimEnd(start: number, end: number): number {
    const t = this.p.trimmable
    while (end > start && t[end - 1]) end--
    return end
  }

  /** The line from `start` to the end of segment `k` is wider than the box. */
  private overflows(start: number, k: number): boolean {
    return this.rangeWidth(start, this.trimEnd(start, this.p.segments[k]!.end)) > this.input.width
  }

  /**
   * The first segment in `[from, last]` whose end makes the line that starts at `start` wider
   * than the box (`last + 1` when none does). Widths grow with the line, so this is a search:
   * a guess from the width of the whole stretch, then galloping and bisection, instead of
   * measuring the line once per segment.
   */
  private firstOverflow(start: number, from: number, last: number): number {
    const segs = this.p.segments
    if (from > last || !this.overflows(start, last)) return last + 1
    // Invariant: the line up to `lo` fits (lo = from - 1: the line as it is), up to `hi` overflows.
    let lo = from - 1
    let hi = last
    const whole = this.rangeWidth(start, this.trimEnd(start, segs[last]!.end))
    const at = start + ((segs[last]!.end - start) * this.input.width) / whole
    let guess = from
    while (guess < last && segs[guess]!.end <= at) guess++
    if (guess < hi && guess > lo) {
      if (this.overflows(start, guess)) hi = guess
      else lo = guess
    }
    // Gallop from the side that moved, then bisect.
    for (let step = 1; hi - lo > 1; step *= 2) {
      const down = hi === guess
      const probe = down ? Math.max(lo + 1, hi - step) : Math.min(hi - 1, lo + step)
      if (this.overflows(start, probe)) hi = probe
      else lo = probe
      if ((down && lo === probe) || (!down && hi === probe)) break
    }
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1
      if (this.overflows(start, mid)) hi = mid
      else lo = mid
    }
    return hi
  }

  /** Greedy line breaking at the break opportunities; a segment wider than the box breaks between graphemes. */
  wrap(stopAfter = Infinity): { lines: LineRange[]; brokeWord: boolean } {
    const { p, input } = this
    const segs = p.segments
    const lines: LineRange[] = []
    let brokeWord = false
    let lineStart = -1
    let lineEnd = 0
    // Index of the segment that no longer fits on the open line.
    let limit = 0
    // Index of the next segment that ends in a mandatory break (or the last segment).
    let paragraphEnd = -1
    const openLine = (from: number, s: number) => {
      if (paragraphEnd < s) for (paragraphEnd = s; paragraphEnd < segs.length - 1 && !segs[paragraphEnd]!.mandatory; paragraphEnd++);
      limit = segs[s]!.mandatory ? s + 1 : this.firstOverflow(from, s + 1, paragraphEnd)
    }
    for (let s = 0; s < segs.length; s++) {
      const seg = segs[s]!
      // More lines than can fit: the answer (does not fit) is known, stop measuring.
      if (lines.length > stopAfter) break
      if (lineStart >= 0 && s >= limit) {
        lines.push({ start: lineStart, end: lineEnd, last: false })
        lineStart = -1
      }
      if (lineStart < 0) {
        lineStart = seg.start
        if (this.rangeWidth(seg.start, this.trimEnd(seg.start, seg.end)) > input.width) {
          // One unbreakable piece wider than the box: break it between grapheme clusters.
          brokeWord = true
          let from = seg.start
          let i = seg.start + 1
          let lastFit = -1
          while (i <= seg.end) {
            if (p.clusters[i]) {
              if (this.rangeWidth(from, this.trimEnd(from, i)) > input.width && lastFit > from) {
                lines.push({ start: from, end: lastFit, last: false })
                from = lastFit
                lastFit = -1
                continue
              }
              lastFit = i
            }
            i++
          }
          lineStart = from
          lineEnd = seg.end
          if (seg.mandatory) {
            lines.push({ start: lineStart, end: lineEnd, last: true })
            lineStart = -1
          } else openLine(lineStart, s)
          continue
        }
        openLine(lineStart, s)
      }
      lineEnd = seg.end
      if (seg.mandatory) {
        lines.push({ start: lineStart, end: lineEnd, last: true })
        lineStart = -1
      }
    }
    if (lineStart >= 0) lines.push({ start: lineStart, end: lineEnd, last: true })
    if (lines.length === 0) lines.push({ start: 0, end: 0, last: true })
    return { lines, brokeWord }
  }

  /** The runs of one line in visual order, positioned from the line's left edge. */
  lineRuns(range: LineRange, ellipsis: boolean, justifyTo?: number): { runs: TextLayoutRun[]; width: number; text: string } {
    const { p, input } = this
    const end = this.trimEnd(range.start, range.end)
    const levels = lineLevels(p.text, p.bidi, range.start, end)
    interface Piece { start: number; end: number; run: number; level: number; text: string; font: string; spaced: boolean; width: number; stretches: boolean }
    const pieces: Piece[] = []
    const splitAtSpaces = justifyTo !== undefined
    // Where justification may add space besides spaces: between CJK characters, between Thai, Lao, Khmer or Burmese words.
    const gaps = splitAtSpaces ? justificationGaps(p, range.start, end) : undefined
    let i = range.start
    while (i < end) {
      if (p.hidden[i]) {
        i++
        continue
      }
      const run = p.runOf[i]!
      const level = levels[i - range.start]!
      let j = i + 1
      while (j < end) {
        if (p.hidden[j]) {
          j++
          continue
        }
        if (p.runOf[j] !== run || levels[j - range.start] !== level || (p.overrides && p.overrides[j] !== p.overrides[i])) break
        if (splitAtSpaces && (p.text[j - 1] === ' ' || gaps![j - range.start])) break
        j++
      }
      // Under an override the characters do not say their direction: the drawn text keeps it.
      const override = p.overrides?.[i] ?? OVERRIDE_NONE
      const plain = drawableText(p, i, j)
      const text = override === OVERRIDE_NONE ? plain : `${override === OVERRIDE_RTL ? '\u202e' : '\u202d'}${plain}\u202c`
      const font = p.runs[run]!.fontAt(this.size)
      const spaced = !p.runIsCursive[run]
      const stretches = / $/.test(plain) || (gaps !== undefined && j < end && gaps[j - range.start] === 1)
      pieces.push({ start: i, end: j, run, level, text, font, spaced, width: this.measurer.width(font, spaced, text), stretches })
      i = j
    }
    if (ellipsis) {
      const font = (input.ellipsisFontAt ?? input.fontAt)(this.size)
      pieces.push({ start: end, end, run: -1, level: p.paragraphLevel, text: ELLIPSIS, font, spaced: true, width: this.measurer.width(font, true, ELLIPSIS), stretches: false })
    }
    const order = visualOrder(pieces.map((q) => q.level))
    const natural = pieces.reduce((sum, q) => sum + q.width, 0)
    // Justification widens the spaces, and the gaps between CJK characters and between words of
    // scripts written without spaces: each piece that ends (logically) at one gets a share.
    const stretchable = pieces.filter((q) => q.stretches).length
    const extra = justifyTo !== undefined && stretchable > 0 && justifyTo > natural ? (justifyTo - natural) / stretchable : 0
    const runs: TextLayoutRun[] = []
    let x = 0
    for (const index of order) {
      const q = pieces[index]!
      const rtl = q.level % 2 === 1
      const grow = extra > 0 && q.stretches ? extra : 0
      // The added space sits where the piece's trailing space is: its right in LTR, its left in RTL.
      const drawX = rtl ? x + grow : x
      const run: TextLayoutRun = { text: q.text, x: drawX, width: q.width, font: q.font, direction: rtl ? 'rtl' : 'ltr', letterSpacing: q.spaced ? input.letterSpacing : 0 }
      const before = runs[runs.length - 1]
      if (!splitAtSpaces && before && before.font === run.font && before.direction === run.direction && before.letterSpacing === run.letterSpacing) {
        // Neighbours in one font and direction draw as one string (kerning between them kept).
        const text = rtl ? run.text + before.text : before.text + run.text
        const width = this.measurer.width(run.font, q.spaced, text)
        runs[runs.length - 1] = { ...before, text, width }
        x = before.x + width
      } else {
        runs.push(run)
        x += q.width + grow
      }
    }
    return { runs, width: x, text: drawableText(p, range.start, end) + (ellipsis ? ELLIPSIS : '') }
  }
}

function physicalAlign(align: TextLayoutInput['align'], direction: 'ltr' | 'rtl'): 'left' | 'center' | 'right' {
  if (align === 'left' || align === 'right' || align === 'center') return align
  const start = direction === 'rtl' ? 'right' : 'left'
  const end = direction === 'rtl' ? 'left' : 'right'
  return align === 'end' ? end : start
}

/** Lays out at one size; `probe` may stop early once the text cannot fit (for the size search). */
function attemptAt(measurer: TextMeasurer, input: TextLayoutInput, p: PreparedText, size: number, probe = false, estimateFrom?: number) {
  const sizer = new Sizer(measurer, input, p, size, estimateFrom)
  const lineHeightPx = input.lineHeight * size
  const maxByHeight = Math.max(1, Math.floor((input.height + 0.01) / lineHeightPx))
  const maxLines = Math.min(input.maxLines ?? Infinity, maxByHeight)
  const wrapped = sizer.wrap(probe ? maxLines : Infinity)
  const fits = wrapped.lines.length <= maxLines && !wrapped.brokeWord
  return { sizer, wrapped, lineHeightPx, maxLines, fits }
}

/**
 * Lays out a paragraph in a box, the same way in Chromium and Node (it uses only
 * `measureText`): line breaking by UAX #14 with dictionary word breaks for Thai, Lao, Khmer
 * and Burmese and never inside a grapheme cluster; bidirectional reordering by UAX #9 into
 * runs drawn each with its own font and direction; letter spacing (none in cursive scripts);
 * alignment start/end/center/justify following the direction; `maxLines` with an ellipsis;
 * and shrink-to-fit (the largest size, in quarter pixels, from `fontSize` down to
 * `minFontSize` at which every line fits).
 *
 * @example
 * ```ts
 * const result = layoutText(ctx, { text: 'مرحبا Vitrine 49.99', fontAt: (s) => `${s}px Inter`, direction: 'rtl', align: 'start', ... })
 * for (const line of result.lines) for (const run of line.runs) { ctx.font = run.font; ctx.direction = run.direction; ctx.fillText(run.text, line.x + run.x, line.baseline) }
 * ```
 */
export function layoutText(ctx: Canvas2DContext, input: TextLayoutInput): TextLayoutResult {
  const p = prepareText(input)
  const measurer = new TextMeasurer(ctx, input.letterSpacing)
  const direction = input.direction ?? 'ltr'
  let size = input.fontSize
  const searching = input.shrink && input.minFontSize < input.fontSize
  let attempt = attemptAt(measurer, input, p, size, searching)
  let status: TextLayoutResult['status'] = 'fit'
  if (!attempt.fits && searching) {
    // Binary search over quarter-pixel steps for the largest size that fits. Without letter
    // spacing, widths scale with the size: the search runs on the widths measured at
    // `fontSize`, then exact measurements settle the last step either way.
    const lo = Math.ceil(input.minFontSize / STEP)
    const hi = Math.floor(input.fontSize / STEP) - 1
    const estimate = input.letterSpacing === 0 ? size : undefined
    let low = lo
    let high = hi
    let found = lo - 1
    let best: typeof attempt | undefined
    while (low <= high) {
      const mid = (low + high) >> 1
      const a = attemptAt(measurer, input, p, mid * STEP, true, estimate)
      if (a.fits) {
        found = mid
        if (estimate === undefined) best = a
        low = mid + 1
      } else high = mid - 1
    }
    if (estimate !== undefined) {
      const exact = (k: number) => attemptAt(measurer, input, p, k * STEP, true)
      let k = Math.max(found, lo)
      let a = k <= hi ? exact(k) : undefined
      if (a?.fits) {
        for (let next = k + 1 <= hi ? exact(k + 1) : undefined; next?.fits; next = k + 1 <= hi ? exact(k + 1) : undefined) {
          k++
          a = next
        }
        best = a
      } else {
        for (k--; k >= lo; k--) {
          a = exact(k)
          if (a.fits) {
            best = a
            break
          }
        }
      }
    }
    if (best) {
      size = best.sizer.size
      attempt = best
      status = 'shrunk'
    } else {
      size = input.minFontSize
      attempt = attemptAt(measurer, input, p, size)
    }
  }
  let lines = attempt.wrapped.lines
  if (!attempt.fits) {
    // With shrink, not fitting at the minimum size is an overflow; without, lines may be cut.
    if (input.shrink) status = 'overflow'
    else status = lines.length > attempt.maxLines ? 'truncated' : 'fit'
  }
  const sizer = attempt.sizer
  let truncated = false
  if (lines.length > attempt.maxLines) {
    lines = lines.slice(0, attempt.maxLines)
    const last = lines[lines.length - 1]!
    // Drop graphemes from the logical end until the rest and the ellipsis fit.
    const ellipsisWidth = sizer.lineRuns({ start: last.start, end: last.start, last: true }, true).width
    let end = last.end
    while (end > last.start && sizer.rangeWidth(last.start, sizer.trimEnd(last.start, end)) + ellipsisWidth > input.width) {
      end--
      while (end > last.start && !p.clusters[end]) end--
    }
    lines[lines.length - 1] = { start: last.start, end, last: true }
    truncated = true
  }
  const align = input.align
  const physical = physicalAlign(align, direction)
  const { ascent, descent } = input.metrics
  const lineHeightPx = attempt.lineHeightPx
  const blockHeight = lines.length * lineHeightPx
  const top = input.verticalAlign === 'top' ? 0 : input.verticalAlign === 'bottom' ? input.height - blockHeight : (input.height - blockHeight) / 2
  const halfLeading = (lineHeightPx - (ascent + descent) * size) / 2
  const laidOut = lines.map((range, i) => {
    const isEllipsis = truncated && i === lines.length - 1
    const justify = align === 'justify' && !range.last && !isEllipsis ? input.width : undefined
    const built = sizer.lineRuns(range, isEllipsis, justify)
    const width = built.width
    const x = physical === 'left' ? 0 : physical === 'right' ? input.width - width : (input.width - width) / 2
    return {
      text: built.text,
      x,
      baseline: top + i * lineHeightPx + halfLeading + ascent * size,
      width,
      runs: built.runs,
    }
  })
  ctx.letterSpacing = '0px'
  return { fontSize: size, status, lines: laidOut }
}
