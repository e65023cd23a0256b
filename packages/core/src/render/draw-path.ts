import type { Canvas2DContext } from '../platform/canvas-context.js'
import type { SceneRadii } from '../scene/scene.js'

/** Adds a rectangle with per-corner radii to the current path (arcTo, which every canvas has). */
export function roundedRectPath(ctx: Canvas2DContext, x: number, y: number, w: number, h: number, radii: SceneRadii): void {
  const [tl, tr, br, bl] = radii
  ctx.beginPath()
  if (tl === 0 && tr === 0 && br === 0 && bl === 0) {
    ctx.rect(x, y, w, h)
    return
  }
  ctx.moveTo(x + tl, y)
  ctx.lineTo(x + w - tr, y)
  ctx.arcTo(x + w, y, x + w, y + tr, tr)
  ctx.lineTo(x + w, y + h - br)
  ctx.arcTo(x + w, y + h, x + w - br, y + h, br)
  ctx.lineTo(x + bl, y + h)
  ctx.arcTo(x, y + h, x, y + h - bl, bl)
  ctx.lineTo(x, y + tl)
  ctx.arcTo(x, y, x + tl, y, tl)
  ctx.closePath()
}
