import type { SceneImage } from '../scene/scene.js'
import { ease } from './ease.js'

/**
 * An image node as drawn at time `t` of its Ken Burns move: the picture scaled about the
 * moving focus point and cut back to the node's box, as a new crop and destination (so no
 * clip is needed and rounded corners, strokes and shadows still apply).
 */
export function kenBurnsAt(node: SceneImage, t: number): SceneImage {
  const k = node.animation?.kenBurns
  if (!k) return node
  const p = ease(k.easing, k.end > k.start ? (t - k.start) / (k.end - k.start) : 1)
  const scale = k.scaleFrom + (k.scaleTo - k.scaleFrom) * p
  if (scale <= 1 && k.from.x === k.to.x && k.from.y === k.to.y) return node
  const { crop, dest } = node
  const fx = k.from.x + (k.to.x - k.from.x) * p
  const fy = k.from.y + (k.to.y - k.from.y) * p
  // The focus point stays where it is drawn; everything else moves away from it.
  const px = dest.x + fx * dest.width
  const py = dest.y + fy * dest.height
  let x0 = px + (dest.x - px) * scale
  let y0 = py + (dest.y - py) * scale
  let x1 = px + (dest.x + dest.width - px) * scale
  let y1 = py + (dest.y + dest.height - py) * scale
  // Keep the box covered where the picture covered it: slide the zoomed picture back inside.
  const box = { x0: node.x, y0: node.y, x1: node.x + node.width, y1: node.y + node.height }
  if (dest.x <= box.x0 + 0.5 && x0 > box.x0) [x0, x1] = [box.x0, x1 - (x0 - box.x0)]
  if (dest.x + dest.width >= box.x1 - 0.5 && x1 < box.x1) [x0, x1] = [x0 + (box.x1 - x1), box.x1]
  if (dest.y <= box.y0 + 0.5 && y0 > box.y0) [y0, y1] = [box.y0, y1 - (y0 - box.y0)]
  if (dest.y + dest.height >= box.y1 - 0.5 && y1 < box.y1) [y0, y1] = [y0 + (box.y1 - y1), box.y1]
  // Cut to the box and map the visible part back to picture pixels.
  const vx0 = Math.max(x0, box.x0)
  const vy0 = Math.max(y0, box.y0)
  const vx1 = Math.min(x1, box.x1)
  const vy1 = Math.min(y1, box.y1)
  if (vx1 <= vx0 || vy1 <= vy0) return node
  const sx = crop.width / (x1 - x0)
  const sy = crop.height / (y1 - y0)
  return {
    ...node,
    crop: { x: crop.x + (vx0 - x0) * sx, y: crop.y + (vy0 - y0) * sy, width: (vx1 - vx0) * sx, height: (vy1 - vy0) * sy },
    dest: { x: vx0, y: vy0, width: vx1 - vx0, height: vy1 - vy0 },
  }
}
