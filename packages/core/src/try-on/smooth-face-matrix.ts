import type { Mat4 } from './mat4.js'

/** How {@link smoothFaceMatrix} follows a face. */
export interface FaceSmoothing {
  /** Share of the way to the new pose taken for small moves (0..1); 1 = no smoothing. Default 0.5. */
  amount?: number
  /** A move of at least this many centimetres is followed at once (no lag on real motion). Default 1.5. */
  snapCm?: number
  /** A turn of at least this many degrees is followed at once. Default 8. */
  snapDeg?: number
}

/**
 * Steadies a face's transformation matrix from frame to frame: small moves (landmark jitter) are
 * followed part of the way, large ones at once. Position and scale are blended linearly, the
 * rotation along the shortest arc (quaternion slerp). Matrices are 4x4, column-major.
 *
 * @example
 * ```ts
 * let shown: Mat4 | undefined
 * shown = face ? smoothFaceMatrix(shown, face.matrix) : undefined
 * ```
 */
export function smoothFaceMatrix(previous: ArrayLike<number> | undefined, next: ArrayLike<number>, options: FaceSmoothing = {}): Mat4 {
  const b = decompose(next)
  if (!previous) return compose(b)
  const a = decompose(previous)
  const amount = options.amount ?? 0.5
  const moved = Math.hypot(b.t[0] - a.t[0], b.t[1] - a.t[1], b.t[2] - a.t[2])
  let dot = a.q[0] * b.q[0] + a.q[1] * b.q[1] + a.q[2] * b.q[2] + a.q[3] * b.q[3]
  const turned = (2 * Math.acos(Math.min(1, Math.abs(dot))) * 180) / Math.PI
  if (moved >= (options.snapCm ?? 1.5) || turned >= (options.snapDeg ?? 8)) return compose(b)
  const k = Math.min(1, Math.max(0, amount))
  const bq: Quat = dot < 0 ? [-b.q[0], -b.q[1], -b.q[2], -b.q[3]] : b.q
  dot = Math.abs(dot)
  let wa = 1 - k
  let wb = k
  if (dot < 0.9995) {
    const theta = Math.acos(dot)
    const sin = Math.sin(theta)
    wa = Math.sin((1 - k) * theta) / sin
    wb = Math.sin(k * theta) / sin
  }
  const q: Quat = [wa * a.q[0] + wb * bq[0], wa * a.q[1] + wb * bq[1], wa * a.q[2] + wb * bq[2], wa * a.q[3] + wb * bq[3]]
  const lerp = (i: 0 | 1 | 2) => a.t[i] + k * (b.t[i] - a.t[i])
  return compose({ t: [lerp(0), lerp(1), lerp(2)], q: normalize(q), s: a.s + k * (b.s - a.s) })
}

/** x, y, z, w */
type Quat = [number, number, number, number]

interface Pose {
  t: [number, number, number]
  q: Quat
  s: number
}

const normalize = (q: Quat): Quat => {
  const len = Math.hypot(...q)
  return [q[0] / len, q[1] / len, q[2] / len, q[3] / len]
}

function decompose(m: ArrayLike<number>): Pose {
  if (m.length !== 16) throw new RangeError(`smoothFaceMatrix: a 4x4 matrix has 16 values, found ${m.length}`)
  const s = Math.hypot(m[0]!, m[1]!, m[2]!)
  const r = (row: number, col: number) => m[col * 4 + row]! / s
  const trace = r(0, 0) + r(1, 1) + r(2, 2)
  let q: Quat
  if (trace > 0) {
    const f = 0.5 / Math.sqrt(trace + 1)
    q = [(r(2, 1) - r(1, 2)) * f, (r(0, 2) - r(2, 0)) * f, (r(1, 0) - r(0, 1)) * f, 0.25 / f]
  } else if (r(0, 0) > r(1, 1) && r(0, 0) > r(2, 2)) {
    const f = 2 * Math.sqrt(1 + r(0, 0) - r(1, 1) - r(2, 2))
    q = [0.25 * f, (r(0, 1) + r(1, 0)) / f, (r(0, 2) + r(2, 0)) / f, (r(2, 1) - r(1, 2)) / f]
  } else if (r(1, 1) > r(2, 2)) {
    const f = 2 * Math.sqrt(1 + r(1, 1) - r(0, 0) - r(2, 2))
    q = [(r(0, 1) + r(1, 0)) / f, 0.25 * f, (r(1, 2) + r(2, 1)) / f, (r(0, 2) - r(2, 0)) / f]
  } else {
    const f = 2 * Math.sqrt(1 + r(2, 2) - r(0, 0) - r(1, 1))
    q = [(r(0, 2) + r(2, 0)) / f, (r(1, 2) + r(2, 1)) / f, 0.25 * f, (r(1, 0) - r(0, 1)) / f]
  }
  return { t: [m[12]!, m[13]!, m[14]!], q: normalize(q), s }
}

function compose({ t, q, s }: Pose): Mat4 {
  const [x, y, z, w] = q
  const xx = x * x, yy = y * y, zz = z * z, xy = x * y, xz = x * z, yz = y * z, wx = w * x, wy = w * y, wz = w * z
  return [
    (1 - 2 * (yy + zz)) * s, 2 * (xy + wz) * s, 2 * (xz - wy) * s, 0,
    2 * (xy - wz) * s, (1 - 2 * (xx + zz)) * s, 2 * (yz + wx) * s, 0,
    2 * (xz + wy) * s, 2 * (yz - wx) * s, (1 - 2 * (xx + yy)) * s, 0,
    t[0], t[1], t[2], 1,
  ]
}
