import type { Canvas2DContext } from '../platform/canvas-context.js'

/**
 * Saves the context's state, then sets the one every frame starts from (no transform, opaque,
 * source-over, high-quality smoothing) and clears `width` × `height`. The caller restores.
 */
export function saveAndResetContext(ctx: Canvas2DContext, width: number, height: number): void {
  ctx.save()
  ctx.setTransform(1, 0, 0, 1, 0, 0)
  ctx.globalAlpha = 1
  ctx.globalCompositeOperation = 'source-over'
  ctx.imageSmoothingEnabled = true
  ctx.imageSmoothingQuality = 'high'
  ctx.clearRect(0, 0, width, height)
}
