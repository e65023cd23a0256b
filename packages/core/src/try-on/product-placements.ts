import { FACE_ANCHORS } from './face-anchors.js'
import { canonicalPoint, type CanonicalFace } from './canonical-face.js'
import { composeMat4, type Mat4 } from './mat4.js'
import type { TryOnFit } from './try-on-catalog.js'

/**
 * Where a product's model goes on the canonical face: one matrix (column-major, canonical face
 * space, centimetres) per anchor of its fit. The model's origin is put on the anchor, moved by
 * `offset`, turned by `rotation` and scaled by `scale`. With several anchors (earrings), the
 * offset's x points away from the face's middle on each side, and the model is mirrored on the
 * wearer's right so that both sides look alike.
 *
 * @example
 * ```ts
 * const [glasses] = productPlacements({ anchor: 'nose-bridge', offset: [0, 0, 0.6] }, face)
 * object.matrix.fromArray(glasses)
 * ```
 */
export function productPlacements(fit: TryOnFit, face: CanonicalFace): Mat4[] {
  const anchors = Array.isArray(fit.anchor) ? fit.anchor : [fit.anchor]
  const [ox, oy, oz] = fit.offset ?? [0, 0, 0]
  const rotation = fit.rotation ?? [0, 0, 0]
  const s = fit.scale ?? 1
  return anchors.map((anchor) => {
    const [ax, ay, az] = canonicalPoint(face, FACE_ANCHORS[anchor])
    const side = anchors.length > 1 && ax < 0 ? -1 : 1
    return composeMat4([ax + side * ox, ay + oy, az + oz], [rotation[0], side * rotation[1], side * rotation[2]], [side * s, s, s])
  })
}
