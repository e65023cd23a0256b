import type { Surface } from '../platform/platform.js'
import type { ImageLookup } from './render-frame.js'

/**
 * Soft shadows as they land on the surface, kept per image lookup to be drawn again.
 *
 * A picture's soft shadow is blurred small and scaled up to its place (see drawSoftImageShadow),
 * and the scaling up is the dearest part of a product card's drawing: ~1.3 ms of a 1080x1080
 * card's ~3 ms on Skia, for a few hundred thousand pixels of bilinear sampling. The same
 * picture at the same size casts the very same shadow in every format of that size, every
 * locale and every preview of a row, so each shadow is scaled up once into a surface of its own
 * and copied onto the frame from there (a copy at whole-pixel offsets: ~0.3 ms).
 *
 * Every soft shadow goes through a kept surface, made on the first frame and copied on the
 * next ones alike, so that a frame's pixels do not depend on what was drawn before it.
 */

// Shadows kept for one image lookup, and their bytes (RGBA) at most: a 1080x1080 card's
// product shadow is ~1.5-2.5 MB, so a batch's formats for a dozen products.
const MAX_SHADOWS = 16
const MAX_BYTES = 32 * 1024 * 1024
// Kept surfaces are made in steps of this many pixels, so that one let go can be used again
// for a shadow of a similar size.
const STEP = 64

/** Where a kept shadow lands, relative to the whole pixel its key was made for, and its size. */
export interface ShadowPlacement {
  x: number
  y: number
  width: number
  height: number
}

interface Kept extends ShadowPlacement {
  key: string
  surface: Surface
}

const caches = new WeakMap<object, Kept[]>()

/**
 * The kept shadow for `key`, or a new one: `place()` says where it lands (undefined when it
 * draws nothing), then `draw(surface, placement)` draws it onto a transparent surface, the
 * placement's corner at the surface's corner. The surface is the lookup's until the next call: copy it
 * onto the frame before asking for another. Undefined when the shadow draws nothing or the
 * lookup cannot make surfaces.
 */
export function keptShadow(
  images: ImageLookup,
  key: string,
  place: () => ShadowPlacement | undefined,
  draw: (surface: Surface, placement: ShadowPlacement) => void,
): (ShadowPlacement & { surface: Surface }) | undefined {
  if (!images.createSurface) return undefined
  let kept = caches.get(images)
  if (!kept) {
    kept = []
    caches.set(images, kept)
  }
  const at = kept.findIndex((k) => k.key === key)
  if (at >= 0) {
    const [hit] = kept.splice(at, 1)
    kept.unshift(hit!)
    return hit
  }
  const placement = place()
  if (!placement || placement.width <= 0 || placement.height <= 0) return undefined
  const width = Math.ceil(placement.width / STEP) * STEP
  const height = Math.ceil(placement.height / STEP) * STEP
  const bytes = width * height * 4
  if (bytes > MAX_BYTES / 2) {
    // Too big to keep: drawn through a surface all the same, for the same pixels.
    const surface = images.createSurface(placement.width, placement.height)
    draw(surface, placement)
    return { ...placement, surface }
  }
  // Room for it: the least recently used go, and one of theirs of the same size is used again.
  let used = bytes
  let spare: Surface | undefined
  let keep = 0
  while (keep < kept.length && keep < MAX_SHADOWS - 1 && used + surfaceBytes(kept[keep]!.surface) <= MAX_BYTES) used += surfaceBytes(kept[keep++]!.surface)
  for (const gone of kept.splice(keep)) if (!spare && gone.surface.width === width && gone.surface.height === height) spare = gone.surface
  let surface: Surface
  if (spare) {
    surface = spare
    surface.context.clearRect(0, 0, placement.width, placement.height)
  } else surface = images.createSurface(width, height)
  draw(surface, placement)
  const entry: Kept = { key, surface, ...placement }
  kept.unshift(entry)
  return entry
}

const surfaceBytes = (s: Surface) => s.width * s.height * 4

/** Lets go of the shadows kept for an image lookup. */
export function releaseKeptShadows(images: object): void {
  caches.delete(images)
}
