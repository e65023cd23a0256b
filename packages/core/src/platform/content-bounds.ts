import type { Canvas2DContext } from './canvas-context.js'
import type { Surface, SurfaceOptions } from './platform.js'

/** A rectangle in whole pixels. */
export interface PixelRect {
  x: number
  y: number
  width: number
  height: number
}

// Rows (or columns) read back at a time while measuring: a few hundred kilobytes for a large photo.
const BAND = 64

/**
 * The smallest rectangle that holds every pixel of a picture whose alpha is not 0, in the
 * picture's own pixels; `width` and `height` are 0 when the whole picture is transparent.
 *
 * A cut-out product photo is mostly transparent margin (a third to a half of its area is
 * often all there is to draw), and drawing transparent pixels costs as much as drawing the
 * product. Knowing the bounds lets `renderFrame` leave them out.
 *
 * It reads bands of rows from the top and from the bottom until it finds a visible pixel,
 * then bands of columns from each side between them: an opaque photo costs four small reads,
 * a cut-out about its empty margins, and memory stays at one band whatever the picture's size.
 */
export function measureContentBounds(
  source: unknown,
  width: number,
  height: number,
  createSurface: (width: number, height: number, options?: SurfaceOptions) => Surface,
): PixelRect {
  const rows = createSurface(width, Math.min(BAND, height), { willReadFrequently: true })
  // Rows [y, y + h): the index (from y) of the first (or last) row with a visible pixel, or -1.
  const scanRows = (y: number, h: number, fromEnd: boolean): number => {
    const data = readBand(rows.context, source, 0, y, width, h)
    for (let r = 0; r < h; r++) {
      const row = fromEnd ? h - 1 - r : r
      for (let i = row * width * 4 + 3, end = (row + 1) * width * 4; i < end; i += 4) if (data[i] !== 0) return row
    }
    return -1
  }
  const top = firstInBands(0, height, (y, h) => scanRows(y, h, false))
  if (top < 0) return { x: 0, y: 0, width: 0, height: 0 }
  const bottom = lastInBands(top, height, (y, h) => scanRows(y, h, true))
  const span = bottom - top + 1
  const columns = createSurface(Math.min(BAND, width), span, { willReadFrequently: true })
  // Columns [x, x + w) of the rows top to bottom: the index (from x) of the first (or last)
  // column with a visible pixel, or -1.
  const scanColumns = (x: number, w: number, fromEnd: boolean): number => {
    const data = readBand(columns.context, source, x, top, w, span)
    let best = -1
    for (let r = 0; r < span; r++) {
      const base = r * w * 4 + 3
      for (let c = 0; c < w; c++) {
        const column = fromEnd ? w - 1 - c : c
        if (best >= 0 && (fromEnd ? column <= best : column >= best)) break
        if (data[base + column * 4] !== 0) {
          best = column
          break
        }
      }
    }
    return best
  }
  // Rows top and bottom hold a visible pixel, so both searches find one.
  const left = firstInBands(0, width, (x, w) => scanColumns(x, w, false))
  const right = lastInBands(left, width, (x, w) => scanColumns(x, w, true))
  return { x: left, y: top, width: right - left + 1, height: span }
}

/**
 * The first index in [from, to) that `scan` finds, reading bands of up to BAND from `from`
 * on; `scan(start, length)` returns an index from `start`, or -1. -1 when none has one.
 */
function firstInBands(from: number, to: number, scan: (start: number, length: number) => number): number {
  for (let start = from; start < to; start += BAND) {
    const found = scan(start, Math.min(BAND, to - start))
    if (found >= 0) return start + found
  }
  return -1
}

/** The last index in [from, to) that `scan` finds, reading bands back from `to`; `from` when none has one. */
function lastInBands(from: number, to: number, scan: (start: number, length: number) => number): number {
  for (let end = to; end > from; end -= BAND) {
    const start = Math.max(from, end - BAND)
    const found = scan(start, end - start)
    if (found >= 0) return start + found
  }
  return from
}

/** The alpha-bearing RGBA of the picture's pixels [x, x + w) × [y, y + h), copied one to one. */
function readBand(ctx: Canvas2DContext, source: unknown, x: number, y: number, w: number, h: number): ArrayLike<number> {
  ctx.save()
  ctx.setTransform(1, 0, 0, 1, 0, 0)
  ctx.globalCompositeOperation = 'copy'
  ctx.imageSmoothingEnabled = false
  ctx.drawImage(source as never, x, y, w, h, 0, 0, w, h)
  ctx.restore()
  return ctx.getImageData(0, 0, w, h).data
}

/**
 * The bounds of the pixels of a surface whose alpha is not 0 (all of it read back: for small
 * scratch surfaces), or undefined when it is empty.
 */
export function surfaceContentBounds(surface: Surface): PixelRect | undefined {
  const { width, height } = surface
  const data = surface.context.getImageData(0, 0, width, height).data
  let x0 = width
  let y0 = height
  let x1 = -1
  let y1 = -1
  for (let y = 0; y < height; y++) {
    let i = y * width * 4 + 3
    let first = -1
    for (let x = 0; x < width; x++, i += 4) {
      if (data[i] !== 0) {
        first = x
        break
      }
    }
    if (first < 0) continue
    if (y0 === height) y0 = y
    y1 = y
    if (first < x0) x0 = first
    i = y * width * 4 + 3 + (width - 1) * 4
    for (let x = width - 1; x > x1; x--, i -= 4) {
      if (data[i] !== 0) {
        x1 = x
        break
      }
    }
  }
  return x1 < 0 ? undefined : { x: x0, y: y0, width: x1 - x0 + 1, height: y1 - y0 + 1 }
}
