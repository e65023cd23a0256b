import type { Scene, SceneNode, SceneText } from '../scene/scene.js'
import { clipFrameAt } from './clip-time.js'
import { kenBurnsAt } from './ken-burns-at.js'
import { sampleAnimation } from './sample-animation.js'
import { sampleEffect } from './sample-effect.js'

const unitCounts = new WeakMap<SceneText, number>()

/** How many units a line- or word-animated text draws (the same count `drawTextUnits` makes). */
function textUnitCount(node: SceneText, by: 'line' | 'word'): number {
  if (by === 'line') return node.lines.length
  let count = unitCounts.get(node)
  if (count === undefined) {
    count = 0
    for (const line of node.lines) for (const run of line.runs) count += run.text.match(/\S+/gu)?.length ?? 0
    unitCounts.set(node, count)
  }
  return count
}

/**
 * Appends to `out` every value of `node` (and its children) that depends on time, at time `t`:
 * its sampled animation, its Ken Burns crop, the state of each animated text unit, the frame
 * of its video clip. Two times with equal values draw the same pixels, since everything else
 * a frame draws is fixed by the Scene. A node that does not change over time appends nothing.
 */
export function appendNodeStateAt(node: SceneNode, t: number, out: number[]): void {
  const animation = node.animation
  if (animation) {
    const s = sampleAnimation(animation, t)
    if (!s.visible || s.opacity <= 0 || s.scale <= 0) {
      // Not drawn: nothing else about it shows.
      out.push(0)
      return
    }
    out.push(1, s.opacity, s.dx, s.dy, s.scale, s.rotation, s.crop.top, s.crop.right, s.crop.bottom, s.crop.left)
    if (animation.kenBurns && node.type === 'image') {
      const { crop, dest } = kenBurnsAt(node, t)
      out.push(crop.x, crop.y, crop.width, crop.height, dest.x, dest.y, dest.width, dest.height)
    }
    const text = animation.text
    if (text && node.type === 'text') {
      const units = textUnitCount(node, text.by)
      for (let i = 0; i < units; i++) {
        const e = sampleEffect({ ...text.effect, phase: 'in', start: text.start + i * text.stagger }, t)
        out.push(e.opacity, e.dx, e.dy, e.scale, e.wipe?.amount ?? 0)
      }
    }
  }
  if (node.type === 'video') out.push(clipFrameAt(node.clip, t))
  else if (node.type === 'group') for (const child of node.children) appendNodeStateAt(child, t, out)
}

/**
 * Everything of a Scene that depends on time, at time `t`, as numbers. Frames whose states are
 * equal are the same picture (`renderFrame` is a pure function of the Scene and these values),
 * so a video can repeat the previous frame instead of drawing and reading it back again.
 *
 * @example
 * ```ts
 * const same = sameFrameState(frameStateAt(scene, 1), frameStateAt(scene, 1 + 1 / 30))
 * ```
 */
export function frameStateAt(scene: Scene, t: number): number[] {
  const out: number[] = []
  for (const node of scene.nodes) appendNodeStateAt(node, t, out)
  return out
}

/** True when two states from {@link frameStateAt} (or {@link appendNodeStateAt}) are equal. */
export function sameFrameState(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false
  return true
}
