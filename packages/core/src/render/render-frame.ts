import type { Canvas2DContext, TransformLike } from '../platform/canvas-context.js'
import { surfaceContentBounds, type PixelRect } from '../platform/content-bounds.js'
import type { Surface, SurfaceOptions } from '../platform/platform.js'
import type { Scene, SceneImage, SceneNode, ScenePaint, SceneRect, SceneShadow, SceneText } from '../scene/scene.js'
import { drawBackdrop } from '../ai/draw-backdrop.js'
import { roundedRectPath } from './draw-path.js'
import { hiddenByMotion, moveByMotion, turnAndCropByMotion } from './apply-motion.js'
import { drawTextUnits } from './draw-text-units.js'
import { drawVideo } from './draw-video.js'
import { drawFrameBase } from './frame-base-cache.js'
import { saveAndResetContext } from './reset-context.js'
import { keptPicture, keptShadow, sourceTag, type KeptSurface } from './kept-shadows.js'
import { scratchSurface } from './scratch-surfaces.js'
import { kenBurnsAt } from '../timeline/ken-burns-at.js'
import { sampleAnimation } from '../timeline/sample-animation.js'

/** Where decoded images come from: an AssetStore, or anything with the same `get`. */
export interface ImageLookup {
  get(key: string): { source: unknown } | undefined
  /**
   * Scratch surfaces for effects drawn at a lower resolution (soft shadows), kept and reused
   * from frame to frame, and base bitmaps (see drawFrameBase). An AssetStore provides it from
   * its platform; without it those effects are drawn at full resolution.
   */
  createSurface?(width: number, height: number, options?: SurfaceOptions): Surface
  /**
   * Where a picture's pixels that are not fully transparent are (see
   * AssetStore.contentBounds). With it, only that part of a picture and of its shadow is
   * drawn: the same picture for less work (where a clip cuts through a picture's destination,
   * Skia resamples it by another path, which can move a sample on a rounding edge by a level
   * or two), and soft shadows and still pictures are kept from frame to frame at their size on
   * the surface (see keptShadow and keptPicture; copied from there, a shadow may differ from one
   * drawn straight by a level, a semi-transparent pixel of a picture by two).
   */
  contentBounds?(key: string): PixelRect | undefined
}

// Soft shadows are blurred at a scale where the blur is at most this many pixels, then scaled
// up: a blur is low-frequency, so this looks the same and costs a fraction (a 48 px shadow
// under a 1080 px card's product photo took ~14 ms at full size).
const MAX_SCRATCH_BLUR = 8

/** A rectangle on the surface, in device pixels, from (x0, y0) to (x1, y1). */
interface DeviceBox {
  x0: number
  y0: number
  x1: number
  y1: number
}

/**
 * How far past its scaled content a picture drawn at `scale` device pixels per picture pixel
 * can change pixels, in device pixels: the resampling filter reaches 2 picture pixels when
 * scaled up, a pixel or two of mipmap when scaled down. Measured under 2 px in both Skia builds;
 * this keeps room to spare, since a clip that cut into the filter's reach would cut off pixels.
 */
const reachOf = (scale: number) => 3 * Math.max(1, scale) + 4

/**
 * Where the rectangle `r` of a picture lands in device pixels, grown by `reach` on every side:
 * the picture's corner is drawn at local (x, y), `sx` × `sy` local units per picture pixel,
 * under the axis-aligned transform `m`.
 */
function deviceBox(m: TransformLike, x: number, y: number, sx: number, sy: number, r: PixelRect, reach: number): DeviceBox {
  const ax = m.a * (x + r.x * sx) + m.e
  const bx = m.a * (x + (r.x + r.width) * sx) + m.e
  const ay = m.d * (y + r.y * sy) + m.f
  const by = m.d * (y + (r.y + r.height) * sy) + m.f
  return { x0: Math.min(ax, bx) - reach, y0: Math.min(ay, by) - reach, x1: Math.max(ax, bx) + reach, y1: Math.max(ay, by) + reach }
}

/**
 * Where the part `content` of a source, drawn at scale (sx, sy) with its corner at the fraction
 * (fx, fy) of a pixel, lands on a kept surface: widened by the filter's `reach` in pixels,
 * rounded out to whole pixels, and kept between the surface's corner and (right, bottom).
 */
function keptPlacement(content: PixelRect, sx: number, sy: number, fx: number, fy: number, reach: number, right: number, bottom: number): PixelRect {
  const x0 = Math.max(Math.floor(fx + content.x * sx - reach), 0)
  const y0 = Math.max(Math.floor(fy + content.y * sy - reach), 0)
  const x1 = Math.min(Math.ceil(fx + (content.x + content.width) * sx + reach), right)
  const y1 = Math.min(Math.ceil(fy + (content.y + content.height) * sy + reach), bottom)
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 }
}

/** Clips to a device box, rounded out to whole pixels (a pixel-aligned clip costs nothing to apply). */
function clipToDeviceBox(ctx: Canvas2DContext, m: TransformLike, box: DeviceBox): void {
  const x0 = Math.floor(box.x0)
  const y0 = Math.floor(box.y0)
  ctx.setTransform(1, 0, 0, 1, 0, 0)
  ctx.beginPath()
  ctx.rect(x0, y0, Math.ceil(box.x1) - x0, Math.ceil(box.y1) - y0)
  ctx.clip()
  ctx.setTransform(m.a, m.b, m.c, m.d, m.e, m.f)
}

/**
 * The transform under which clipping to a box in device pixels is safe and worth it: one with
 * no rotation or skew, while drawing with source-over (where a transparent pixel changes
 * nothing). Undefined otherwise.
 */
function axisAlignedTransform(ctx: Canvas2DContext): TransformLike | undefined {
  if (ctx.globalCompositeOperation !== 'source-over') return undefined
  const m = ctx.getTransform()
  return m.b === 0 && m.c === 0 ? m : undefined
}

/**
 * Draws only the shadow of a picture, blurred on a small scratch surface and scaled up to its
 * place. Returns false when the shadow is sharp enough to draw directly.
 *
 * With a lookup that knows content bounds, for a `still` layer (no animation of its own or of
 * a group around it) under a transform that only moves and scales (no rotation, no
 * mirroring), the shadow is scaled up into a kept surface at its place's fraction
 * of a pixel, only where the blur reached (a cut-out's shadow covers half of the scratch
 * surface or less), and copied onto the frame at whole pixels: the next frame with the same
 * picture at the same size and fraction copies it again (see keptShadow). Otherwise it is
 * scaled up straight onto the frame, clipped to where the blur reached when `clip` is set
 * (the picture has transparent margins) and the transform is `aligned` (axisAlignedTransform).
 */
function drawSoftImageShadow(ctx: Canvas2DContext, node: SceneImage, source: unknown, images: ImageLookup, aligned: TransformLike | undefined, clip: boolean, still: boolean): boolean {
  const shadow = node.shadow
  if (!shadow || !images.createSurface || shadow.blur <= MAX_SCRATCH_BLUR) return false
  const k = MAX_SCRATCH_BLUR / shadow.blur
  const pad = Math.ceil(shadow.blur * 1.5)
  const { crop, dest } = node
  const width = Math.ceil((dest.width + 2 * pad) * k)
  const height = Math.ceil((dest.height + 2 * pad) * k)
  const blurred = () => {
    const scratch = scratchSurface(images, width, height)!
    const s = scratch.context
    s.save()
    // The picture is drawn out of view and only its shadow is offset into the scratch surface.
    const away = width + 16
    s.shadowColor = shadow.color
    s.shadowBlur = shadow.blur * k
    s.shadowOffsetX = away
    s.shadowOffsetY = 0
    s.imageSmoothingEnabled = true
    s.imageSmoothingQuality = 'high'
    s.drawImage(source as never, crop.x, crop.y, crop.width, crop.height, pad * k - away, pad * k, dest.width * k, dest.height * k)
    s.restore()
    return scratch
  }
  const x = dest.x - pad + shadow.offsetX
  const y = dest.y - pad + shadow.offsetY
  // A lookup that knows where pictures have pixels (an AssetStore) draws only where the blur
  // reached, from a kept surface: for a layer that stays still, whose shadow the next frames
  // can copy (one that moves, or is moved by a group, is another shadow on every frame).
  const t = images.contentBounds && still ? aligned : undefined
  if (t && t.a > 0 && t.d > 0) {
    // Device pixels per scratch pixel, and where the scratch surface's corner lands: a whole
    // pixel (ix, iy) and a fraction (fx, fy) of one. The kept shadow is a function of its key.
    const sx = t.a / k
    const sy = t.d / k
    const { ix, iy, fx, fy } = devicePixel(t, x, y)
    const key = `${node.src}#${sourceTag(source)}\u0000${crop.x},${crop.y},${crop.width},${crop.height},${dest.width},${dest.height}\u0000${shadow.color},${shadow.blur}\u0000${sx},${sy},${fx},${fy}`
    let scratch: Surface | undefined
    const kept = keptShadow(
      images,
      key,
      () => {
        scratch = blurred()
        const reached = surfaceContentBounds(scratch)
        if (!reached) return undefined
        // Bilinear reaches one scratch pixel past the blur's last one; nothing lands outside
        // the scaled-up scratch surface.
        return keptPlacement(reached, sx, sy, fx, fy, Math.max(sx, sy) + 2, Math.ceil(fx + width * sx), Math.ceil(fy + height * sy))
      },
      (surface, placed) => {
        const c = surface.context
        c.save()
        // Bilinear is enough to scale a blur up, and a third of the cost of 'high'.
        c.imageSmoothingEnabled = true
        c.imageSmoothingQuality = 'low'
        c.drawImage(scratch!.canvas as never, 0, 0, width, height, fx - placed.x, fy - placed.y, width * sx, height * sy)
        c.restore()
      },
    )
    if (kept) copyKept(ctx, kept, ix, iy)
    return true
  }
  const scratch = blurred()
  const m = clip ? aligned : undefined
  ctx.save()
  if (m) {
    const reached = surfaceContentBounds(scratch)
    if (!reached) {
      ctx.restore()
      return true
    }
    // Bilinear reaches one scratch pixel past the blur's last one.
    const box = deviceBox(m, x, y, 1 / k, 1 / k, reached, Math.max(Math.abs(m.a), Math.abs(m.d)) / k + 2)
    clipToDeviceBox(ctx, m, box)
  }
  // Bilinear is enough to scale a blur up, and a third of the cost of 'high'.
  ctx.imageSmoothingQuality = 'low'
  ctx.drawImage(scratch.canvas as never, 0, 0, width, height, x, y, width / k, height / k)
  ctx.restore()
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

/** Draws a picture; `still` when neither it nor a group around it is animated. */
function drawImage(ctx: Canvas2DContext, node: SceneImage, images: ImageLookup, still = false): void {
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
  // The part of the crop that has visible pixels, relative to the crop: undefined when unknown.
  const visible = visiblePart(node, images.contentBounds?.(node.src))
  if (visible?.width !== 0) {
    ctx.save()
    if (rounded) {
      roundedRectPath(ctx, node.x, node.y, node.width, node.height, node.radii)
      ctx.clip()
    }
    // The transform under which clipping (and copying a kept shadow) is safe, if any.
    const aligned = axisAlignedTransform(ctx)
    const m = visible ? aligned : undefined
    // The shadow follows the picture's own alpha (a cut-out product casts a product-shaped shadow).
    const softShadow = !rounded && drawSoftImageShadow(ctx, node, image.source, images, aligned, visible !== undefined, still)
    // A canvas shadow follows what is drawn: the picture itself is drawn, not a copy of it.
    const castsShadow = !softShadow && node.shadow !== undefined
    if (castsShadow || !drawKeptPicture(ctx, node, image.source, images, still ? aligned : undefined, visible)) {
      if (!softShadow) setShadow(ctx, node.shadow)
      if (visible && m) clipToPicture(ctx, m, node, visible, softShadow ? undefined : node.shadow)
      ctx.drawImage(image.source as never, crop.x, crop.y, crop.width, crop.height, dest.x, dest.y, dest.width, dest.height)
    }
    ctx.restore()
  }
  if (node.stroke) {
    roundedRectPath(ctx, node.x, node.y, node.width, node.height, node.radii)
    ctx.strokeStyle = node.stroke.color
    ctx.lineWidth = node.stroke.width
    ctx.stroke()
  }
}

/**
 * Draws a still picture from a surface that holds it resampled to its place, at its fraction of
 * a pixel, copied onto the frame at whole pixels: the next frame with the same picture, crop,
 * size and fraction copies it again (see keptPicture). Only with a lookup that knows where
 * pictures have pixels (an AssetStore), which keeps the surface to that part, and under a
 * transform `t` that only moves and scales (axisAlignedTransform). Returns false, having drawn
 * nothing, when it does not apply.
 */
function drawKeptPicture(ctx: Canvas2DContext, node: SceneImage, source: unknown, images: ImageLookup, t: TransformLike | undefined, visible: PixelRect | undefined): boolean {
  if (!images.contentBounds || !images.createSurface || !t || t.a <= 0 || t.d <= 0) return false
  const { crop, dest } = node
  const { ix, iy, fx, fy } = devicePixel(t, dest.x, dest.y)
  // The picture's size in device pixels.
  const w = t.a * dest.width
  const h = t.d * dest.height
  const key = `${node.src}#${sourceTag(source)}\u0000${crop.x},${crop.y},${crop.width},${crop.height}\u0000${w},${h},${fx},${fy}`
  const kept = keptPicture(
    images,
    key,
    () => {
      const right = Math.ceil(fx + w)
      const bottom = Math.ceil(fy + h)
      if (!visible) return { x: 0, y: 0, width: right, height: bottom }
      // Where the picture has pixels, with the resampling filter's reach.
      const sx = w / crop.width
      const sy = h / crop.height
      return keptPlacement(visible, sx, sy, fx, fy, reachOf(Math.max(sx, sy)), right, bottom)
    },
    (surface, placed) => {
      const c = surface.context
      c.save()
      c.imageSmoothingEnabled = true
      c.imageSmoothingQuality = 'high'
      c.drawImage(source as never, crop.x, crop.y, crop.width, crop.height, fx - placed.x, fy - placed.y, w, h)
      c.restore()
    },
  )
  if (kept) copyKept(ctx, kept, ix, iy)
  return true
}

/**
 * Where the point (x, y) lands on the surface under an axis-aligned transform: a whole pixel
 * (ix, iy) and a fraction (fx, fy) of one. What is kept is drawn at the fraction and copied at
 * the whole pixel.
 */
function devicePixel(t: TransformLike, x: number, y: number): { ix: number; iy: number; fx: number; fy: number } {
  const dx = t.a * x + t.e
  const dy = t.d * y + t.f
  const ix = Math.floor(dx)
  const iy = Math.floor(dy)
  return { ix, iy, fx: dx - ix, fy: dy - iy }
}

/** Copies a kept shadow or picture onto the frame at whole device pixels, without resampling. */
function copyKept(ctx: Canvas2DContext, kept: KeptSurface, ix: number, iy: number): void {
  ctx.save()
  ctx.setTransform(1, 0, 0, 1, 0, 0)
  ctx.imageSmoothingEnabled = false
  ctx.drawImage(kept.surface.canvas as never, 0, 0, kept.width, kept.height, ix + kept.x, iy + kept.y, kept.width, kept.height)
  ctx.restore()
}

/**
 * The visible part of a picture's crop, relative to the crop's corner (width 0 when none of it
 * shows), or undefined when its bounds are unknown or the whole crop has visible pixels (an
 * opaque photo: nothing to leave out).
 */
function visiblePart(node: SceneImage, bounds: PixelRect | undefined): PixelRect | undefined {
  if (!bounds) return undefined
  const { crop } = node
  const x0 = Math.max(crop.x, bounds.x)
  const y0 = Math.max(crop.y, bounds.y)
  const x1 = Math.min(crop.x + crop.width, bounds.x + bounds.width)
  const y1 = Math.min(crop.y + crop.height, bounds.y + bounds.height)
  if (x1 <= x0 || y1 <= y0) return { x: 0, y: 0, width: 0, height: 0 }
  if (x0 <= crop.x && y0 <= crop.y && x1 >= crop.x + crop.width && y1 >= crop.y + crop.height) return undefined
  return { x: x0 - crop.x, y: y0 - crop.y, width: x1 - x0, height: y1 - y0 }
}

/**
 * Clips to where the picture's visible part lands, with the resampling filter's reach, and
 * where its canvas shadow (if it casts one) lands: offset and blurred in device pixels, as
 * canvas shadows are. Left unclipped when a scaled transform makes that shadow's place unclear.
 */
function clipToPicture(ctx: Canvas2DContext, m: TransformLike, node: SceneImage, visible: PixelRect, shadow: SceneShadow | undefined): void {
  const { crop, dest } = node
  const sx = dest.width / crop.width
  const sy = dest.height / crop.height
  const box = deviceBox(m, dest.x, dest.y, sx, sy, visible, reachOf(Math.max(Math.abs(m.a * sx), Math.abs(m.d * sy))))
  if (shadow) {
    if (Math.abs(m.a) !== 1 || Math.abs(m.d) !== 1) return
    // A Gaussian blur reaches about 1.5 × shadowBlur (3 sigma); twice that keeps room to spare.
    const blur = 2 * shadow.blur + 2
    box.x0 = Math.min(box.x0, box.x0 + shadow.offsetX - blur)
    box.y0 = Math.min(box.y0, box.y0 + shadow.offsetY - blur)
    box.x1 = Math.max(box.x1, box.x1 + shadow.offsetX + blur)
    box.y1 = Math.max(box.y1, box.y1 + shadow.offsetY + blur)
  }
  clipToDeviceBox(ctx, m, box)
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

/** Draws a node at time `t`; `moving` when a group around it is animated. */
function drawNode(ctx: Canvas2DContext, node: SceneNode, images: ImageLookup, t: number, moving = false): void {
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
      drawImage(ctx, node.animation?.kenBurns ? kenBurnsAt(node, t) : node, images, !moving && !node.animation)
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
      for (const child of node.children) drawNode(ctx, child, images, t, moving || node.animation !== undefined)
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
