/** One face landmark as MediaPipe gives it: x and y normalised to the image (0..1), z relative depth. */
export interface FaceLandmark {
  x: number
  y: number
  z: number
}

/**
 * Named points of the MediaPipe face mesh (478 landmarks; the same indices in the canonical face
 * model) that products are fitted to. "left" and "right" are the wearer's: `right-ear` is on the
 * left of an unmirrored photo.
 */
export const FACE_ANCHORS = {
  'nose-bridge': 168,
  'nose-tip': 1,
  forehead: 10,
  chin: 152,
  'right-eye-outer': 33,
  'right-eye-inner': 133,
  'left-eye-inner': 362,
  'left-eye-outer': 263,
  'right-ear': 234,
  'left-ear': 454,
} as const

/** A name of {@link FACE_ANCHORS}. */
export type TryOnAnchor = keyof typeof FACE_ANCHORS

/** Every anchor name, in a stable order. */
export const tryOnAnchors = Object.keys(FACE_ANCHORS) as TryOnAnchor[]

/** Whether `value` names an anchor. */
export function isTryOnAnchor(value: unknown): value is TryOnAnchor {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(FACE_ANCHORS, value)
}
