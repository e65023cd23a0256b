import { closestName } from '../errors/closest-name.js'
import { VitrineError } from '../errors/vitrine-error.js'
import { withVideoLimits, type VideoLimits } from './video-limits.js'

/** A rectangle in output pixels. */
export interface Rect {
  x: number
  y: number
  width: number
  height: number
}

/** Insets in output pixels where the platform draws its own UI over the content. */
export interface SafeZone {
  top: number
  right: number
  bottom: number
  left: number
  /** Where the figures come from. */
  source: string
}

/** An output format: a platform placement with its pixel size and safe zone. */
export interface Format {
  id: string
  label: string
  width: number
  height: number
  /** The platform this format is for, if any. */
  platform?: string
  safeZone: SafeZone
  /** What the platform accepts for videos here; custom formats have no limits. */
  video?: VideoLimits
}

const none = (source = 'no platform UI overlaps this placement'): SafeZone => ({ top: 0, right: 0, bottom: 0, left: 0, source })

/** The built-in formats. Safe zones are data so that layout (`box.frame: "safe"`) and lint can honour them. */
export const formatCatalog: readonly Format[] = withVideoLimits([
  { id: 'instagram-square', label: 'Instagram feed, square', width: 1080, height: 1080, platform: 'instagram', safeZone: none() },
  { id: 'instagram-portrait', label: 'Instagram feed, portrait 4:5', width: 1080, height: 1350, platform: 'instagram', safeZone: none() },
  {
    id: 'instagram-story',
    label: 'Instagram story / reel 9:16',
    width: 1080,
    height: 1920,
    platform: 'instagram',
    safeZone: { top: 250, right: 60, bottom: 340, left: 60, source: 'Meta stories/reels guidance: keep ~14% top and ~20% bottom free of text (2025)' },
  },
  {
    id: 'tiktok',
    label: 'TikTok in-feed 9:16',
    width: 1080,
    height: 1920,
    platform: 'tiktok',
    safeZone: { top: 130, right: 140, bottom: 420, left: 60, source: 'TikTok ads safe zone for 1080x1920 (caption band at the bottom, action buttons on the right)' },
  },
  { id: 'facebook-feed', label: 'Facebook feed, square', width: 1080, height: 1080, platform: 'facebook', safeZone: none() },
  { id: 'facebook-link', label: 'Facebook link 1.91:1', width: 1200, height: 628, platform: 'facebook', safeZone: none() },
  {
    id: 'pinterest-pin',
    label: 'Pinterest standard pin 2:3',
    width: 1000,
    height: 1500,
    platform: 'pinterest',
    safeZone: { top: 0, right: 0, bottom: 0, left: 0, source: 'Pinterest standard pins have no overlay UI' },
  },
  {
    id: 'youtube-thumbnail',
    label: 'YouTube thumbnail 16:9',
    width: 1280,
    height: 720,
    platform: 'youtube',
    safeZone: { top: 0, right: 0, bottom: 0, left: 0, source: 'YouTube draws the duration badge in the bottom-right corner only' },
  },
  { id: 'x-post', label: 'X (Twitter) post image 16:9', width: 1600, height: 900, platform: 'x', safeZone: none() },
])

/** `tall` (< 0.7), `portrait` (< 0.95), `square` (≤ 1.05) or `landscape`, from width / height. */
export type AspectClass = 'tall' | 'portrait' | 'square' | 'landscape'

export function aspectClassOf(width: number, height: number): AspectClass {
  const r = width / height
  if (r < 0.7) return 'tall'
  if (r < 0.95) return 'portrait'
  if (r <= 1.05) return 'square'
  return 'landscape'
}

const custom = /^(\d{1,5})x(\d{1,5})$/

/**
 * Finds a format by id, or makes a custom one from `WIDTHxHEIGHT` (1 to 16384 on each side).
 *
 * @example
 * ```ts
 * getFormat('instagram-story') // { width: 1080, height: 1920, ... }
 * getFormat('800x600')         // a custom format with no safe zone
 * ```
 */
export function getFormat(id: string): Format {
  const known = formatCatalog.find((f) => f.id === id)
  if (known) return known
  const match = custom.exec(id)
  if (match) {
    const width = Number(match[1])
    const height = Number(match[2])
    if (width >= 1 && height >= 1 && width <= 16384 && height <= 16384) {
      return { id, label: `Custom ${width}x${height}`, width, height, safeZone: none('custom format') }
    }
  }
  throw new VitrineError(
    'format/unknown',
    `Unknown format ${JSON.stringify(id)}${formatHint(id)}: expected one of ${formatCatalog.map((f) => f.id).join(', ')}, or WIDTHxHEIGHT such as 1080x1080 (1 to 16384 each)`,
  )
}

/** " (did you mean …?)" for a mistyped format id or size, else "". */
function formatHint(id: string): string {
  if (typeof id !== 'string') return ''
  // A size written another way: "1080X1080", "1080 × 1080", "1080*1080".
  const size = /^\s*(\d+)\s*[xX×*]\s*(\d+)\s*$/.exec(id)
  if (size) {
    const [width, height] = [Number(size[1]), Number(size[2])]
    const fits = (n: number) => n >= 1 && n <= 16384
    return fits(width) && fits(height) ? ` (did you mean ${width}x${height}?)` : ''
  }
  const guess = closestName(id.trim(), formatCatalog.map((f) => f.id))
  return guess ? ` (did you mean ${guess}?)` : ''
}

/** The safe-zone rectangle of a format, in output pixels. */
export function safeRect(format: Format): Rect {
  const z = format.safeZone
  return { x: z.left, y: z.top, width: format.width - z.left - z.right, height: format.height - z.top - z.bottom }
}
