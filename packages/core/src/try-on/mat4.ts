/** A 4x4 matrix, column-major (the layout of WebGL, three.js and MediaPipe). */
export type Mat4 = [number, number, number, number, number, number, number, number, number, number, number, number, number, number, number, number]

/**
 * Translation · rotation · scale as one matrix. Rotation is in degrees about x, then y, then z
 * (applied to the object in that order, three.js's 'XYZ' Euler order).
 */
export function composeMat4(translation: readonly [number, number, number], rotationDeg: readonly [number, number, number], scale: readonly [number, number, number]): Mat4 {
  const [ax, ay, az] = rotationDeg.map((d) => (d * Math.PI) / 180) as [number, number, number]
  const a = Math.cos(ax), b = Math.sin(ax)
  const c = Math.cos(ay), d = Math.sin(ay)
  const e = Math.cos(az), f = Math.sin(az)
  const ae = a * e, af = a * f, be = b * e, bf = b * f
  // Rotation matrix of three.js Matrix4.makeRotationFromEuler, order XYZ (row-major here).
  const r = [
    [c * e, -c * f, d],
    [af + be * d, ae - bf * d, -b * c],
    [bf - ae * d, be + af * d, a * c],
  ]
  const [sx, sy, sz] = scale
  return [
    r[0]![0]! * sx, r[1]![0]! * sx, r[2]![0]! * sx, 0,
    r[0]![1]! * sy, r[1]![1]! * sy, r[2]![1]! * sy, 0,
    r[0]![2]! * sz, r[1]![2]! * sz, r[2]![2]! * sz, 0,
    translation[0], translation[1], translation[2], 1,
  ]
}

/** `m` applied to the point `p`. */
export function transformPoint(m: ArrayLike<number>, p: readonly [number, number, number]): [number, number, number] {
  const [x, y, z] = p
  const w = m[3]! * x + m[7]! * y + m[11]! * z + m[15]!
  return [
    (m[0]! * x + m[4]! * y + m[8]! * z + m[12]!) / w,
    (m[1]! * x + m[5]! * y + m[9]! * z + m[13]!) / w,
    (m[2]! * x + m[6]! * y + m[10]! * z + m[14]!) / w,
  ]
}
