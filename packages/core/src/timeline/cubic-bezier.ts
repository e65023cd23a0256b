/**
 * A CSS cubic Bézier timing function: the y of the curve (0,0)–(x1,y1)–(x2,y2)–(1,1) at a
 * given x. Newton steps with a bisection fallback, as browsers do.
 */
export function cubicBezier(x1: number, y1: number, x2: number, y2: number): (x: number) => number {
  const cx = 3 * x1
  const bx = 3 * (x2 - x1) - cx
  const ax = 1 - cx - bx
  const cy = 3 * y1
  const by = 3 * (y2 - y1) - cy
  const ay = 1 - cy - by
  const sampleX = (s: number) => ((ax * s + bx) * s + cx) * s
  const sampleY = (s: number) => ((ay * s + by) * s + cy) * s
  const slopeX = (s: number) => (3 * ax * s + 2 * bx) * s + cx
  const solve = (x: number) => {
    let s = x
    for (let i = 0; i < 8; i++) {
      const error = sampleX(s) - x
      if (Math.abs(error) < 1e-7) return s
      const slope = slopeX(s)
      if (Math.abs(slope) < 1e-6) break
      s -= error / slope
    }
    let lo = 0
    let hi = 1
    s = x
    for (let i = 0; i < 40; i++) {
      const value = sampleX(s)
      if (Math.abs(value - x) < 1e-7) return s
      if (value < x) lo = s
      else hi = s
      s = (lo + hi) / 2
    }
    return s
  }
  return (x) => (x <= 0 ? 0 : x >= 1 ? 1 : sampleY(solve(x)))
}
