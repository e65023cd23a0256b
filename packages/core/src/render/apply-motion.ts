import type { Canvas2DContext } from '../platform/canvas-context.js'
import type { SceneNode } from '../scene/scene.js'
import type { AnimationState } from '../timeline/sample-animation.js'

/** Before the node's own rotation: fades and moves it (in canvas axes). */
export function moveByMotion(ctx: Canvas2DContext, motion: AnimationState): void {
  ctx.globalAlpha *= motion.opacity
  if (motion.dx !== 0 || motion.dy !== 0) ctx.translate(motion.dx, motion.dy)
}

/**
 * After the node's own rotation: turns and scales it about its box centre, and clips away
 * the cropped or wiped edges of its box (which turn with it).
 */
export function turnAndCropByMotion(ctx: Canvas2DContext, node: Pick<SceneNode, 'x' | 'y' | 'width' | 'height'>, motion: AnimationState): void {
  if (motion.rotation !== 0 || motion.scale !== 1) {
    const cx = node.x + node.width / 2
    const cy = node.y + node.height / 2
    ctx.translate(cx, cy)
    if (motion.rotation !== 0) ctx.rotate((motion.rotation * Math.PI) / 180)
    if (motion.scale !== 1) ctx.scale(motion.scale, motion.scale)
    ctx.translate(-cx, -cy)
  }
  const c = motion.crop
  if (c.top > 0 || c.right > 0 || c.bottom > 0 || c.left > 0) {
    const x = node.x + c.left * node.width
    const y = node.y + c.top * node.height
    ctx.beginPath()
    ctx.rect(x, y, Math.max(0, node.x + node.width * (1 - c.right) - x), Math.max(0, node.y + node.height * (1 - c.bottom) - y))
    ctx.clip()
  }
}

/** True when nothing of the node can show. */
export function hiddenByMotion(motion: AnimationState): boolean {
  const c = motion.crop
  return !motion.visible || motion.opacity <= 0 || motion.scale <= 0 || c.left + c.right >= 1 || c.top + c.bottom >= 1
}
