import type { Surface } from '../platform/platform.js'
import type { ImageLookup } from './render-frame.js'

/**
 * Soft shadows, and still pictures, as they land on the surface, kept per image lookup to be
 * drawn again. What follows is said of shadows; pictures (keptPicture) go the same way, with
 * a transit surface, a budget and statistics of their own.
 *
 * A picture's soft shadow is blurred small and scaled up to its place (see drawSoftImageShadow),
 * and the scaling up is the dearest part of a product card's drawing: ~1.3 ms of a 1080x1080
 * card's ~3 ms on Skia, for a few hundred thousand pixels of bilinear sampling. The same
 * picture at the same size casts the very same shadow in every format of that size, every
 * locale and every preview of a row, so a shadow is scaled up into a surface of its own and
 * copied onto the frame from there (a copy at whole-pixel offsets: ~0.1 ms).
 *
 * Every soft shadow goes through a surface, so that a frame's pixels do not depend on what was
 * drawn before it. A shadow seen for the first time goes through one transit surface, used
 * again for the next (a catalogue of unique products makes no surface per row); one seen again
 * among the last shadows drawn gets a surface of its own, kept for the frames after it.
 */

// Shadows kept for one image lookup, and their bytes (RGBA) at most: a 1080x1080 card's
// product shadow is ~1-2.5 MB, so a batch's formats for a dozen products.
const MAX_SHADOWS = 16
const MAX_BYTES = 32 * 1024 * 1024
// How many shadows drawn once are remembered, to be kept when they come back.
const REMEMBERED = 64
// Surfaces are made in steps of this many pixels, so that one let go can be used again for a
// shadow of a similar size.
const STEP = 64

/** Where a kept shadow lands, relative to the whole pixel its key was made for, and its size. */
export interface ShadowPlacement {
  x: number
  y: number
  width: number
  height: number
}

/** A kept shadow or picture: its surface, and where on it what was drawn lies. */
export type KeptSurface = ShadowPlacement & { surface: Surface }

interface Kept extends ShadowPlacement {
  key: string
  surface: Surface
}

/** What the shadows of one image lookup cost: see keptShadowStats. */
export interface KeptShadowStats {
  /** Shadows scaled up: through the transit surface, into a kept one, or too big to keep. */
  drawn: number
  /** Shadows copied from a kept surface without being scaled up again. */
  copied: number
  /** Surfaces made for shadows (kept ones, the transit surface as it grows, and too big ones). */
  surfaces: number
  /** Shadows kept now, and their surfaces' bytes. */
  kept: number
  bytes: number
}

interface Shadows {
  kept: Kept[]
  /** Keys of shadows drawn once through the transit surface, most recent first. */
  seen: string[]
  transit?: Surface
  stats: Omit<KeptShadowStats, 'kept' | 'bytes'>
}

/**
 * What is kept: soft shadows, and pictures at their drawn size (see keptPicture). Each kind has
 * its own transit surface, budget and statistics, so that a shadow and its picture can both be
 * held while they are copied.
 */
type Kind = 'shadow' | 'picture'

const caches = new WeakMap<object, Partial<Record<Kind, Shadows>>>()

const sources = new WeakMap<object, number>()
let nextSource = 1

/**
 * A number for a decoded picture, for keys of what is drawn from it: a lookup that evicts a
 * picture and loads it again (perhaps changed, from the same address) gives a new object, and
 * what was kept from the old one is not copied for it.
 */
export function sourceTag(source: unknown): number {
  if (typeof source !== 'object' || source === null) return 0
  let tag = sources.get(source)
  if (tag === undefined) sources.set(source, (tag = nextSource++))
  return tag
}

const surfaceBytes = (s: Surface) => s.width * s.height * 4
const stepUp = (n: number) => Math.ceil(n / STEP) * STEP

/**
 * The surface holding the shadow for `key`, drawn now or earlier: `place()` says where the
 * shadow lands (undefined when it draws nothing), then `draw(surface, placement)` draws it onto
 * a transparent surface, the placement's corner at the surface's corner. The surface is the
 * lookup's: copy it onto the frame before asking for another shadow. Undefined when the shadow
 * draws nothing or the lookup cannot make surfaces.
 */
export function keptShadow(
  images: ImageLookup,
  key: string,
  place: () => ShadowPlacement | undefined,
  draw: (surface: Surface, placement: ShadowPlacement) => void,
): KeptSurface | undefined {
  return keptSurface('shadow', images, key, place, draw)
}

/**
 * A picture as it lands on the surface, resampled to its drawn size at its fraction of a pixel:
 * like {@link keptShadow}, with a budget of its own. Resampling a product picture to its place
 * ('high' quality) is ~0.7-1 ms of a 1080x1080 card; copying it at whole pixels ~0.2 ms.
 */
export function keptPicture(
  images: ImageLookup,
  key: string,
  place: () => ShadowPlacement | undefined,
  draw: (surface: Surface, placement: ShadowPlacement) => void,
): KeptSurface | undefined {
  return keptSurface('picture', images, key, place, draw)
}

function keptSurface(
  kind: Kind,
  images: ImageLookup,
  key: string,
  place: () => ShadowPlacement | undefined,
  draw: (surface: Surface, placement: ShadowPlacement) => void,
): KeptSurface | undefined {
  if (!images.createSurface) return undefined
  let kinds = caches.get(images)
  if (!kinds) caches.set(images, (kinds = {}))
  const shadows = (kinds[kind] ??= { kept: [], seen: [], stats: { drawn: 0, copied: 0, surfaces: 0 } })
  const { kept, seen, stats } = shadows
  const at = kept.findIndex((k) => k.key === key)
  if (at >= 0) {
    const [hit] = kept.splice(at, 1)
    kept.unshift(hit!)
    stats.copied++
    return hit
  }
  const placement = place()
  if (!placement || placement.width <= 0 || placement.height <= 0) return undefined
  const make = (width: number, height: number) => {
    stats.surfaces++
    return images.createSurface!(width, height)
  }
  const drawOn = (surface: Surface, clear: boolean) => {
    if (clear) surface.context.clearRect(0, 0, placement.width, placement.height)
    draw(surface, placement)
    stats.drawn++
    return { ...placement, surface }
  }
  const width = stepUp(placement.width)
  const height = stepUp(placement.height)
  const bytes = width * height * 4
  // Too big to keep: drawn through a surface all the same, for the same pixels.
  if (bytes > MAX_BYTES / 2) return drawOn(make(placement.width, placement.height), false)
  const before = seen.indexOf(key)
  if (before < 0) {
    // The first time: through the transit surface, grown to hold it.
    seen.unshift(key)
    seen.length = Math.min(seen.length, REMEMBERED)
    let transit = shadows.transit
    const fresh = !transit || transit.width < width || transit.height < height
    if (fresh) transit = shadows.transit = make(Math.max(width, transit?.width ?? 0), Math.max(height, transit?.height ?? 0))
    return drawOn(transit!, !fresh)
  }
  seen.splice(before, 1)
  // Seen again: kept. Room for it: the least recently used go, and one of theirs of the same
  // size is used again.
  let used = bytes
  let keep = 0
  while (keep < kept.length && keep < MAX_SHADOWS - 1 && used + surfaceBytes(kept[keep]!.surface) <= MAX_BYTES) used += surfaceBytes(kept[keep++]!.surface)
  const spare = kept.splice(keep).find((gone) => gone.surface.width === width && gone.surface.height === height)?.surface
  const entry: Kept = { key, ...drawOn(spare ?? make(width, height), spare !== undefined) }
  kept.unshift(entry)
  return entry
}

/**
 * What the soft shadows drawn through an image lookup (an AssetStore) cost so far: how many were
 * scaled up and how many copied from a kept surface, the surfaces made for them, and what is
 * kept now. Undefined before the first.
 */
export function keptShadowStats(images: object): KeptShadowStats | undefined {
  return statsOf(caches.get(images)?.shadow)
}

/** Like {@link keptShadowStats}, for pictures kept at their drawn size (see keptPicture). */
export function keptPictureStats(images: object): KeptShadowStats | undefined {
  return statsOf(caches.get(images)?.picture)
}

function statsOf(shadows: Shadows | undefined): KeptShadowStats | undefined {
  return shadows && { ...shadows.stats, kept: shadows.kept.length, bytes: shadows.kept.reduce((n, k) => n + surfaceBytes(k.surface), 0) }
}

/** Lets go of the shadows and pictures kept for an image lookup. */
export function releaseKeptShadows(images: object): void {
  caches.delete(images)
}
