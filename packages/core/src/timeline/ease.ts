import type { Easing } from '../document/easing.js'
import { cubicBezier } from './cubic-bezier.js'

const back = 1.70158
const named: Record<Exclude<Easing, readonly number[]>, (p: number) => number> = {
  linear: (p) => p,
  ease: cubicBezier(0.25, 0.1, 0.25, 1),
  'ease-in': cubicBezier(0.42, 0, 1, 1),
  'ease-out': cubicBezier(0, 0, 0.58, 1),
  'ease-in-out': cubicBezier(0.42, 0, 0.58, 1),
  'ease-in-cubic': (p) => p * p * p,
  'ease-out-cubic': (p) => 1 - (1 - p) ** 3,
  'ease-in-out-cubic': (p) => (p < 0.5 ? 4 * p * p * p : 1 - (-2 * p + 2) ** 3 / 2),
  'ease-in-back': (p) => (back + 1) * p * p * p - back * p * p,
  'ease-out-back': (p) => 1 + (back + 1) * (p - 1) ** 3 + back * (p - 1) ** 2,
  hold: (p) => (p >= 1 ? 1 : 0),
}

const curves = new Map<string, (p: number) => number>()

/**
 * The eased progress of a curve at `p` (0 to 1, clamped). `back` curves overshoot: their
 * result may leave 0..1 between the ends.
 *
 * @example
 * ```ts
 * ease('ease-out', 0.5)          // ≈ 0.68
 * ease([0.2, 0, 0, 1], 0.5)      // a custom Bézier
 * ```
 */
export function ease(easing: Easing, p: number): number {
  if (p <= 0) return 0
  if (p >= 1) return 1
  const x = p
  if (typeof easing === 'string') return named[easing](x)
  const key = easing.join(',')
  let curve = curves.get(key)
  if (!curve) {
    if (curves.size > 256) curves.clear()
    curve = cubicBezier(easing[0], easing[1], easing[2], easing[3])
    curves.set(key, curve)
  }
  return curve(x)
}
