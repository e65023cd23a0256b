import { FACE_ANCHORS, type FaceLandmark, type TryOnAnchor } from './face-anchors.js'

/** A point in image pixels. */
export interface PixelPoint {
  x: number
  y: number
}

/**
 * The named anchor points of one detected face, in pixels of an image `width` x `height`.
 * Landmarks are normalised (0..1), as the face tracker returns them.
 *
 * @example
 * ```ts
 * const points = anchorPoints(result.faceLandmarks[0], 640, 480)
 * console.log(points['nose-bridge'])  // { x: 321.4, y: 198.2 }
 * ```
 */
export function anchorPoints(landmarks: ReadonlyArray<FaceLandmark>, width: number, height: number): Record<TryOnAnchor, PixelPoint> {
  const out = {} as Record<TryOnAnchor, PixelPoint>
  for (const [name, index] of Object.entries(FACE_ANCHORS) as [TryOnAnchor, number][]) {
    const p = landmarks[index]
    if (!p) throw new RangeError(`anchorPoints: landmark ${index} (${name}) missing: ${landmarks.length} landmarks given, 468 or 478 expected`)
    out[name] = { x: p.x * width, y: p.y * height }
  }
  return out
}

/** Distance in pixels between the outer eye corners: the face's scale in the image. */
export function eyeSpan(points: Record<TryOnAnchor, PixelPoint>): number {
  const a = points['right-eye-outer']
  const b = points['left-eye-outer']
  return Math.hypot(b.x - a.x, b.y - a.y)
}
