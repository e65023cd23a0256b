import type { Color, CornerRadius, Length, Paint, Shadow, Stroke } from '../document/primitives.js'
import type { Rect } from '../formats/format-catalog.js'
import { resolveLength, type LengthContext } from '../layout/resolve-length.js'
import type { SceneRadii, ScenePaint, SceneShadow, SceneStroke } from '../scene/scene.js'
import type { BoundValues } from '../data/bind-row.js'

/** Normalises a hex colour to `#rrggbb` or `#rrggbbaa` (lowercase). */
export function normaliseHex(hex: string): string {
  let h = hex.slice(1).toLowerCase()
  if (h.length === 3 || h.length === 4) h = [...h].map((c) => c + c).join('')
  return '#' + (h.length === 8 && h.endsWith('ff') ? h.slice(0, 6) : h)
}

/** A colour, or the value of the colour variable it binds to (undefined when the row has none). */
export function resolveColor(color: Color | undefined, values: BoundValues): string | undefined {
  if (color === undefined) return undefined
  if (typeof color === 'string') return normaliseHex(color)
  const v = values[color.var]
  return typeof v === 'string' && v.startsWith('#') ? normaliseHex(v) : undefined
}

/** A paint in absolute canvas coordinates for a box. */
export function resolvePaint(paint: Paint | undefined, box: Rect, values: BoundValues): ScenePaint | undefined {
  if (paint === undefined) return undefined
  if (typeof paint === 'string' || 'var' in paint) {
    const color = resolveColor(paint, values)
    return color ? { type: 'color', color } : undefined
  }
  const stops = paint.stops.map((s) => ({ offset: s.offset, color: resolveColor(s.color, values) ?? '#00000000' }))
  if (paint.type === 'linear-gradient') {
    // CSS semantics: the gradient line passes through the centre at `angle` (0 = up) and is
    // long enough that the corners get the first and last colours.
    const a = (paint.angle * Math.PI) / 180
    const dx = Math.sin(a)
    const dy = -Math.cos(a)
    const half = Math.abs((box.width / 2) * dx) + Math.abs((box.height / 2) * dy)
    const cx = box.x + box.width / 2
    const cy = box.y + box.height / 2
    return { type: 'linear', x0: cx - dx * half, y0: cy - dy * half, x1: cx + dx * half, y1: cy + dy * half, stops }
  }
  const cx = box.x + box.width * (paint.center?.x ?? 0.5)
  const cy = box.y + box.height * (paint.center?.y ?? 0.5)
  const r = (Math.hypot(box.width, box.height) / 2) * (paint.radius ?? 1)
  return { type: 'radial', cx, cy, r, stops }
}

export function resolveRadii(radius: CornerRadius | undefined, box: Rect, ctx: LengthContext): SceneRadii {
  if (radius === undefined) return [0, 0, 0, 0]
  const limit = Math.min(box.width, box.height) / 2
  const one = (r: Length) =>
    Math.max(0, Math.min(limit, resolveLength(r, 'min', { ...ctx, frameWidth: box.width, frameHeight: box.height })))
  if (Array.isArray(radius)) return [one(radius[0]), one(radius[1]), one(radius[2]), one(radius[3])]
  const r = one(radius)
  return [r, r, r, r]
}

export function resolveShadow(shadow: Shadow | undefined, values: BoundValues, ctx: LengthContext): SceneShadow | undefined {
  if (!shadow) return undefined
  const color = resolveColor(shadow.color, values)
  if (!color) return undefined
  return {
    color,
    blur: resolveLength(shadow.blur, 'min', ctx),
    offsetX: shadow.offsetX === undefined ? 0 : resolveLength(shadow.offsetX, 'x', ctx),
    offsetY: shadow.offsetY === undefined ? 0 : resolveLength(shadow.offsetY, 'y', ctx),
  }
}

export function resolveStroke(stroke: Stroke | undefined, values: BoundValues, ctx: LengthContext): SceneStroke | undefined {
  if (!stroke) return undefined
  const color = resolveColor(stroke.color, values)
  const width = resolveLength(stroke.width, 'min', ctx)
  return color && width > 0 ? { color, width } : undefined
}
