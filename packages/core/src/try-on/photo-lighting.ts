/** Light intensities for a product render (three.js units: ambient and one key light). */
export interface PhotoLighting {
  ambient: number
  key: number
}

/**
 * Lighting that follows the photo: a dim photo gets a dimmer product, so it does not glow.
 * `luminance` is the mean relative luminance of the face region, 0 (black) to 1 (white); a
 * typical indoor face is about 0.45.
 */
export function photoLighting(luminance: number): PhotoLighting {
  const l = Number.isFinite(luminance) ? Math.min(1, Math.max(0, luminance)) : 0.45
  return { ambient: 0.35 + 1.1 * l, key: 0.5 + 1.6 * l }
}

/** Mean relative luminance (Rec. 709, sRGB values taken as they are) of RGBA pixels, 0..1. */
export function meanLuminance(rgba: ArrayLike<number>): number {
  let sum = 0
  const n = Math.floor(rgba.length / 4)
  if (n === 0) return 0.45
  for (let i = 0; i < n * 4; i += 4) sum += 0.2126 * rgba[i]! + 0.7152 * rgba[i + 1]! + 0.0722 * rgba[i + 2]!
  return sum / n / 255
}
