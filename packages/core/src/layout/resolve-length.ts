import type { Length } from '../document/primitives.js'

/** What lengths are measured against. */
export interface LengthContext {
  /** Design pixels → output pixels (ratio of the short sides of output and reference size). */
  unit: number
  /** The frame the value is relative to. */
  frameWidth: number
  frameHeight: number
}

const unitPattern = /^(-?(?:\d+(?:\.\d+)?|\.\d+))(px|%|vw|vh|vmin|vmax)$/

/**
 * Resolves a length to output pixels. `axis` says what `%` refers to: the frame's width (`x`),
 * its height (`y`), or its short side (`min`, for radii, blur and font sizes).
 */
export function resolveLength(value: Length, axis: 'x' | 'y' | 'min', ctx: LengthContext): number {
  if (typeof value === 'number') return value * ctx.unit
  const match = unitPattern.exec(value)
  // Validation guarantees the pattern; a bad value here is a bug, not bad input.
  if (!match) throw new Error(`Unresolvable length ${value}`)
  const n = Number(match[1])
  const short = Math.min(ctx.frameWidth, ctx.frameHeight)
  switch (match[2]) {
    case 'px':
      return n * ctx.unit
    case '%':
      return (n / 100) * (axis === 'x' ? ctx.frameWidth : axis === 'y' ? ctx.frameHeight : short)
    case 'vw':
      return (n / 100) * ctx.frameWidth
    case 'vh':
      return (n / 100) * ctx.frameHeight
    case 'vmin':
      return (n / 100) * short
    default:
      return (n / 100) * Math.max(ctx.frameWidth, ctx.frameHeight)
  }
}
