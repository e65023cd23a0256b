/** Where a face is and which way it looks, read from a facial transformation matrix. */
export interface HeadPose {
  /** Degrees about the vertical axis; positive turns the nose to the image's right (unmirrored). */
  yaw: number
  /** Degrees about the horizontal axis; positive tips the nose up. */
  pitch: number
  /** Degrees about the view axis; positive tilts the head counter-clockwise as seen by the camera. */
  roll: number
  /** Centimetres from the camera: x right, y up, z towards the viewer (a face in view has z < 0). */
  translation: [number, number, number]
  /** Uniform scale of the canonical face to this face (1 = the canonical size). */
  scale: number
}

/**
 * Decomposes a facial transformation matrix (4x4, column-major, as MediaPipe's FaceLandmarker
 * returns it: canonical face space → camera space in centimetres) into a {@link HeadPose}.
 * Euler angles are taken in yaw, pitch, roll order (Y, then X, then Z).
 *
 * @example
 * ```ts
 * const pose = headPose(result.facialTransformationMatrixes[0].data)
 * if (Math.abs(pose.yaw) > 45) showHint('Turn towards the camera')
 * ```
 */
export function headPose(matrix: ArrayLike<number>): HeadPose {
  if (matrix.length !== 16) throw new RangeError(`headPose: a 4x4 matrix has 16 values, found ${matrix.length}`)
  const m = (i: number) => matrix[i]!
  const scale = Math.hypot(m(0), m(1), m(2))
  if (!(scale > 0) || !Number.isFinite(scale)) throw new RangeError('headPose: the matrix has no scale')
  const r = (row: number, col: number) => m(col * 4 + row) / scale
  const deg = 180 / Math.PI
  const r12 = Math.max(-1, Math.min(1, r(1, 2)))
  const pitch = Math.asin(-r12)
  let yaw: number
  let roll: number
  if (Math.abs(r12) < 0.9999) {
    yaw = Math.atan2(r(0, 2), r(2, 2))
    roll = Math.atan2(r(1, 0), r(1, 1))
  } else {
    yaw = Math.atan2(-r(2, 0), r(0, 0))
    roll = 0
  }
  return { yaw: yaw * deg, pitch: pitch * deg, roll: roll * deg, translation: [m(12), m(13), m(14)], scale }
}
