import type { Box, Length } from '../document/primitives.js'
import type { Rect } from '../formats/format-catalog.js'
import { resolveLength } from './resolve-length.js'

interface AxisInput {
  start?: Length
  end?: Length
  size?: Length
  center?: Length
}

interface AxisResult {
  size?: number
  /** The size when nothing else decides it: the frame between the given edges. */
  fallback: number
  place(size: number): number
  /** Both edges were given, so a smaller size is centred between them. */
  between: boolean
}

function axis(input: AxisInput, frameStart: number, frameSize: number, which: 'x' | 'y', unit: number, frame: Rect): AxisResult {
  const ctx = { unit, frameWidth: frame.width, frameHeight: frame.height }
  const start = input.start === undefined ? undefined : resolveLength(input.start, which, ctx)
  const end = input.end === undefined ? undefined : resolveLength(input.end, which, ctx)
  const center = input.center === undefined ? undefined : resolveLength(input.center, which, ctx)
  let size = input.size === undefined ? undefined : resolveLength(input.size, which, ctx)
  if (size === undefined && start !== undefined && end !== undefined) size = frameSize - start - end
  const between = start !== undefined && end !== undefined
  return {
    size,
    fallback: frameSize - (start ?? 0) - (end ?? 0),
    between,
    place(s: number) {
      if (between) return frameStart + start! + (frameSize - start! - end! - s) / 2
      if (start !== undefined) return frameStart + start
      if (end !== undefined) return frameStart + frameSize - end - s
      if (center !== undefined) return frameStart + frameSize / 2 + center - s / 2
      return frameStart + (frameSize - s) / 2
    },
  }
}

/**
 * Places a box by its constraints inside a frame. Per axis: two of start/end/size, or a centre
 * offset and a size; a missing size fills the frame between the given edges. `aspectRatio`
 * (width / height) derives a missing size from the other, or, when both are set, shrinks one so
 * the box keeps the ratio (centred between two given edges, else held at the given edge).
 *
 * @param unit design pixels → output pixels
 */
export function resolveBox(box: Box, frame: Rect, unit: number): Rect {
  const h = axis({ start: box.left, end: box.right, size: box.width, center: box.centerX }, frame.x, frame.width, 'x', unit, frame)
  const v = axis({ start: box.top, end: box.bottom, size: box.height, center: box.centerY }, frame.y, frame.height, 'y', unit, frame)
  let width = h.size
  let height = v.size
  const ratio = box.aspectRatio
  if (ratio !== undefined) {
    if (width === undefined && height !== undefined) width = height * ratio
    else if (height === undefined && width !== undefined) height = width / ratio
    else if (width !== undefined && height !== undefined) {
      if (width / height > ratio) width = height * ratio
      else height = width / ratio
    }
  }
  width = Math.max(0, width ?? h.fallback)
  height = Math.max(0, height ?? v.fallback)
  return { x: h.place(width), y: v.place(height), width, height }
}
