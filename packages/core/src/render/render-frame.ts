import type { Canvas2DContext } from '../platform/canvas-context.js'
import type { Surface } from '../platform/platform.js'
import type { Scene, SceneImage, SceneNode, ScenePaint, SceneRect, SceneShadow, SceneText } from '../scene/scene.js'
import { drawBackdrop } from '../ai/draw-backdrop.js'
import { roundedRectPath } from './draw-path.js'
import { hiddenByMotion, moveByMotion, turnAndCropByMotion } from './apply-motion.js'
import { drawTextUnits } from './draw-text-units.js'
import { drawVideo } from './draw-video.js'
import { drawFrameBase } from './frame-base-cache.js'
import { saveAndResetContext } from './reset-context.js'
import { kenBurnsAt } from '../timeline/ken-burns-at.js'
import { sampleAnimation } from '../timeline/sample-animation.js'

/** Where decoded images come from: an AssetStore, or anything with the same `get`. */
export interface ImageLookup {
  get(key: string): { source: unknown } | undefined
  /**
   * Scratch surfaces for effects drawn at a lower resolution (soft shadows). An AssetStore
   * provides it from its platform; without it those effects are drawn at full resolution.
   */
  createSurface?(width: number, height: number): Surface
}

// Soft shadows are blurred at a scale where the blur is at most this many pixels, then scaled
// up: a blur is low-frequency, so this looks the same and costs a fraction (a 48 px shadow
// under a 1080 px card's product photo took ~14 ms at full size).
const MAX_SCRATCH_BLUR = 8

/**
 * Draws only the shadow of a picture, blurred on a small scratch surface. Returns false when
 * the shadow is sharp enough to draw directly.
 */
function drawSoftImageShadow(ctx: Canvas2DContext, node: SceneImage, source: unknown, images: ImageLookup): boolean {
  const shadow = node.shadow
  if (!shadow || !images.createSurface || shadow.blur <= MAX_SCRATCH_BLUR) return false
  const k = MAX_SCRATCH_BLUR / shadow.blur
  const pad = Math.ceil(shadow.blur * 1.5)
  const { crop, dest } = node
  const width = Math.ceil((dest.width + 2 * pad) * k)
  const height = Math.ceil((dest.height + 2 * pad) * k)
  const scratch = images.createSurface(width, height)
  const s = scratch.context
  // The picture is drawn out of view and only its shadow is offset into the scratch surface.
  const away = width + 16
  s.shadowColor = shadow.color
  s.shadowBlur = shadow.blur * k
  s.shadowOffsetX = away
  s.shadowOffsetY = 0
  s.imageSmoothingEnabled = true
  s.imageSmoothingQuality = 'high'
  s.drawImage(source as never, crop.x, crop.y, crop.width, crop.height, pad * k - away, pad * k, dest.width * k, dest.height * k)
  // Bilinear is enough to scale a blur up, and a third of the cost of 'high'.
  const quality = ctx.imageSmoothingQuality
  ctx.imageSmoothingQuality = 'low'
  ctx.drawImage(scratch.canvas as never, 0, 0, width, height, dest.x - pad + shadow.offsetX, dest.y - pad + shadow.offsetY, width / k, height / k)
  ctx.imageSmoothingQuality = quality
  return true
}

function setPaint(ctx: Canvas2DContext, paint: ScenePaint): void {
  if (paint.type === 'color') {
    ctx.fillStyle = paint.color
    return
  }
  const g = paint.type === 'linear' ? ctx.createLinearGradient(paint.x0, paint.y0, paint.x1, paint.y1) : ctx.createRadialGradient(paint.cx, paint.cy, 0, paint.cx, paint.cy, paint.r)
  for (const stop of paint.stops) g.addColorStop(stop.offset, stop.color)
  ctx.fillStyle = g
}

function setShadow(ctx: Canvas2DContext, shadow: SceneShadow | undefined): void {
  if (!shadow) return
  ctx.shadowColor = shadow.color
  // Canvas shadowBlur is twice the Gaussian sigma; our blur is the CSS-like radius.
  ctx.shadowBlur = shadow.blur
  ctx.shadowOffsetX = shadow.offsetX
  ctx.shadowOffsetY = shadow.offsetY
}

function clearShadow(ctx: Canvas2DContext): void {
  ctx.shadowColor = 'rgba(0,0,0,0)'
  ctx.shadowBlur = 0
  ctx.shadowOffsetX = 0
  ctx.shadowOffsetY = 0
}

function drawRect(ctx: Canvas2DContext, node: SceneRect): void {
  roundedRectPath(ctx, node.x, node.y, node.width, node.height, node.radii)
  if (node.fill) {
    setPaint(ctx, node.fill)
    setShadow(ctx, node.shadow)
    ctx.fill()
    clearShadow(ctx)
  }
  if (node.stroke) {
    ctx.strokeStyle = node.stroke.color
    ctx.lineWidth = node.stroke.width
    ctx.stroke()
  }
}

function drawImage(ctx: Canvas2DContext, node: SceneImage, images: ImageLookup): void {
  const image = images.get(node.src)
  if (!image) throw new Error(`renderFrame: image ${node.src} is not loaded; load the scene's images first`)
  const rounded = node.radii.some((r) => r > 0)
  if (node.background) {
    roundedRectPath(ctx, node.x, node.y, node.width, node.height, node.radii)
    setPaint(ctx, node.background)
    ctx.fill()
  }
  if (node.backdrop) drawBackdrop(ctx, node, images, () => roundedRectPath(ctx, node.x, node.y, node.width, node.height, node.radii), setPaint)
  const { crop, dest } = node
  const draw = () => ctx.drawImage(image.source as never, crop.x, crop.y, crop.width, crop.height, dest.x, dest.y, dest.width, dest.height)
  ctx.save()
  if (rounded) {
    roundedRectPath(ctx, node.x, node.y, node.width, node.height, node.radii)
    ctx.clip()
  }
  // The shadow follows the picture's own alpha (a cut-out product casts a product-shaped shadow).
  if (rounded || !drawSoftImageShadow(ctx, node, image.source, images)) setShadow(ctx, node.shadow)
  draw()
  ctx.restore()
  if (node.stroke) {
    roundedRectPath(ctx, node.x, node.y, node.width, node.height, node.radii)
    ctx.strokeStyle = node.stroke.color
    ctx.lineWidth = node.stroke.width
    ctx.stroke()
  }
}

function drawText(ctx: Canvas2DContext, node: SceneText): void {
  if (node.background) {
    setPaint(ctx, node.background)
    ctx.fillRect(node.x, node.y, node.width, node.height)
  }
  ctx.textAlign = 'left'
  ctx.textBaseline = 'alphabetic'
  ctx.fillStyle = node.color
  setShadow(ctx, node.shadow)
  // Each run in its own font and direction, left edge at its x: the layout placed them.
  for (const line of node.lines) {
    for (const run of line.runs) {
      ctx.font = run.font
      ctx.letterSpacing = `${run.letterSpacing}px`
      ctx.direction = run.direction
      ctx.fillText(run.text, run.x, line.baseline)
    }
  }
  clearShadow(ctx)
  ctx.letterSpacing = '0px'
  ctx.direction = 'ltr'
}

function drawNode(ctx: Canvas2DContext, node: SceneNode, images: ImageLookup, t: number): void {
  if (node.opacity <= 0) return
  // The node's state at time t (videos): a pure function of its animation and t.
  const motion = node.animation ? sampleAnimation(node.animation, t) : undefined
  if (motion && hiddenByMotion(motion)) return
  ctx.save()
  ctx.globalAlpha *= node.opacity
  if (motion) moveByMotion(ctx, motion)
  if (node.rotation !== 0) {
    const cx = node.x + node.width / 2
    const cy = node.y + node.height / 2
    ctx.translate(cx, cy)
    ctx.rotate((node.rotation * Math.PI) / 180)
    ctx.translate(-cx, -cy)
  }
  if (motion) turnAndCropByMotion(ctx, node, motion)
  switch (node.type) {
    case 'rect':
      drawRect(ctx, node)
      break
    case 'image':
      drawImage(ctx, node.animation?.kenBurns ? kenBurnsAt(node, t) : node, images)
      break
    case 'text':
      if (node.animation?.text) drawTextUnits(ctx, node, t, drawText)
      else drawText(ctx, node)
      break
    case 'video':
      drawVideo(ctx, node, t, images, drawImage)
      break
    case 'group':
      if (node.clip) {
        ctx.beginPath()
        ctx.rect(node.x, node.y, node.width, node.height)
        ctx.clip()
      }
      for (const child of node.children) drawNode(ctx, child, images, t)
      break
  }
  ctx.restore()
}

/**
 * Draws a Scene at time `t` (seconds; stills ignore it, videos show frame N at N / fps) onto a surface, with Canvas 2D
 * calls only — the same code in Chromium and Node. Fonts must be registered and the scene's
 * images loaded in `images` (an AssetStore) first.
 *
 * @example
 * ```ts
 * const surface = platform.createSurface(scene.width, scene.height)
 * renderFrame(scene, 0, surface, assets)
 * const png = await platform.encode(surface, { type: 'png' })
 * ```
 */
export function renderFrame(scene: Scene, t: number, surface: Surface, images: ImageLookup): void {
  const ctx = surface.context
  saveAndResetContext(ctx, surface.width, surface.height)
  // The background and the nodes a recent frame drew the same may come from a bitmap.
  drawFrameBase(scene, t, surface, images, (c, from, to, background) => {
    if (background && scene.background) {
      setPaint(c, scene.background)
      c.fillRect(0, 0, scene.width, scene.height)
    }
    for (let i = from; i < to; i++) drawNode(c, scene.nodes[i]!, images, t)
  })
  ctx.restore()
}
