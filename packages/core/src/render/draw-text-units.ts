import type { Canvas2DContext } from '../platform/canvas-context.js'
import type { SceneText, SceneTextLine } from '../scene/scene.js'
import { sampleEffect } from '../timeline/sample-effect.js'

/** One line or word of a text node, drawn as a text node of its own. */
interface TextUnit {
  line: SceneTextLine
  /** The unit's box, for scaling about its centre and wiping. */
  x: number
  y: number
  width: number
  height: number
}

const unitCache = new WeakMap<SceneText, TextUnit[]>()

function unitsOf(ctx: Canvas2DContext, node: SceneText, by: 'line' | 'word'): TextUnit[] {
  const cached = unitCache.get(node)
  if (cached) return cached
  const ascent = node.fontSize * 0.9
  const height = node.fontSize * 1.2
  const units: TextUnit[] = []
  if (by === 'line') {
    for (const line of node.lines) units.push({ line, x: line.x, y: line.baseline - ascent, width: line.width, height })
  } else {
    ctx.save()
    for (const line of node.lines) {
      const words: TextUnit[] = []
      // Words inside each run (a run has one font and direction), where the run draws them.
      for (const run of line.runs) {
        ctx.font = run.font
        ctx.letterSpacing = `${run.letterSpacing}px`
        ctx.direction = run.direction
        const pattern = /\S+/gu
        for (let m = pattern.exec(run.text); m; m = pattern.exec(run.text)) {
          const offset = m.index === 0 ? 0 : ctx.measureText(run.text.slice(0, m.index)).width
          const width = ctx.measureText(m[0]).width
          const x = run.direction === 'rtl' ? run.x + run.width - offset - width : run.x + offset
          const wordRun = { ...run, text: m[0], x, width }
          words.push({ line: { text: m[0], x, baseline: line.baseline, width, runs: [wordRun] }, x, y: line.baseline - ascent, width, height })
        }
      }
      // Reading order: left to right, or right to left in a right-to-left paragraph.
      words.sort((a, b) => (node.direction === 'rtl' ? b.x - a.x : a.x - b.x))
      units.push(...words)
    }
    ctx.letterSpacing = '0px'
    ctx.restore()
  }
  unitCache.set(node, units)
  return units
}

/**
 * Draws a text node whose lines or words enter one after the other: each unit is drawn by
 * `drawText` as a one-line node, moved, scaled and faded by its own copy of the effect.
 */
export function drawTextUnits(ctx: Canvas2DContext, node: SceneText, t: number, drawText: (ctx: Canvas2DContext, node: SceneText) => void): void {
  const animation = node.animation?.text
  if (!animation) return drawText(ctx, node)
  if (node.background) drawText(ctx, { ...node, lines: [] })
  const units = unitsOf(ctx, node, animation.by)
  units.forEach((unit, i) => {
    const state = sampleEffect({ ...animation.effect, phase: 'in', start: animation.start + i * animation.stagger }, t)
    if (state.opacity <= 0 || state.scale <= 0) return
    ctx.save()
    ctx.globalAlpha *= state.opacity
    ctx.translate(state.dx, state.dy)
    if (state.scale !== 1) {
      const cx = unit.x + unit.width / 2
      const cy = unit.y + unit.height / 2
      ctx.translate(cx, cy)
      ctx.scale(state.scale, state.scale)
      ctx.translate(-cx, -cy)
    }
    if (state.wipe && state.wipe.amount > 0) {
      // The unit's box, padded for overhanging glyphs and shadows, less the wiped part.
      const pad = unit.height
      let left = unit.x - pad
      let right = unit.x + unit.width + pad
      let top = unit.y - pad
      let bottom = unit.y + unit.height + pad
      const a = state.wipe.amount
      if (state.wipe.side === 'left') left += a * (right - left)
      else if (state.wipe.side === 'right') right -= a * (right - left)
      else if (state.wipe.side === 'top') top += a * (bottom - top)
      else bottom -= a * (bottom - top)
      ctx.beginPath()
      ctx.rect(left, top, right - left, bottom - top)
      ctx.clip()
    }
    drawText(ctx, { ...node, background: undefined, lines: [unit.line] })
    ctx.restore()
  })
}
