import type { Surface } from '../platform/platform.js'
import type { ImageLookup } from './render-frame.js'

/**
 * Scratch surfaces for effects drawn at a lower resolution (soft shadows), kept per image
 * lookup and handed out again, cleared, from frame to frame. Making a surface costs more than
 * the effect drawn on it: on @napi-rs/canvas a new 122x122 surface (a canvas and its 2D
 * context) took ~0.7 ms of a 1080x1080 card's ~4 ms of drawing, the blur on it a tenth of that.
 *
 * A batch renders a template in a few formats, each with its own shadow sizes, so a handful of
 * sizes are kept, the least recently used going first; a surface bigger than the budget is
 * made afresh each time.
 */

// Surfaces kept for one image lookup, and their bytes (RGBA) at most.
const MAX_SURFACES = 8
const MAX_BYTES = 16 * 1024 * 1024

interface Kept {
  width: number
  height: number
  surface: Surface
}

const pools = new WeakMap<object, Kept[]>()

/**
 * A transparent `width` × `height` surface in its initial state, to draw on and then read from
 * before asking for the next one: the same surface may be handed out again by the next call
 * for this lookup. The caller leaves its state as it found it (save and restore). Undefined
 * when the lookup cannot make surfaces.
 */
export function scratchSurface(images: ImageLookup, width: number, height: number): Surface | undefined {
  if (!images.createSurface) return undefined
  let pool = pools.get(images)
  if (!pool) {
    pool = []
    pools.set(images, pool)
  }
  const at = pool.findIndex((k) => k.width === width && k.height === height)
  if (at >= 0) {
    const [kept] = pool.splice(at, 1)
    pool.unshift(kept!)
    kept!.surface.context.clearRect(0, 0, width, height)
    return kept!.surface
  }
  const surface = images.createSurface(width, height, { willReadFrequently: true })
  if (width * height * 4 > MAX_BYTES) return surface
  pool.unshift({ width, height, surface })
  let bytes = 0
  for (let i = 0; i < pool.length; i++) {
    bytes += pool[i]!.width * pool[i]!.height * 4
    if (i >= MAX_SURFACES || bytes > MAX_BYTES) {
      pool.length = i
      break
    }
  }
  return surface
}

/** Lets go of the scratch surfaces kept for an image lookup. */
export function releaseScratchSurfaces(images: object): void {
  pools.delete(images)
}
