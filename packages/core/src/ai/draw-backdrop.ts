import type { Canvas2DContext } from '../platform/canvas-context.js'
import type { SceneImage } from '../scene/scene.js'

/**
 * Draws an image node's backdrop (what replaces a cut-out's background) over its whole box,
 * inside its rounded corners. `setPaint` is the renderer's own paint setter.
 */
export function drawBackdrop(
  ctx: Canvas2DContext,
  node: SceneImage,
  images: { get(key: string): { source: unknown } | undefined },
  path: () => void,
  setPaint: (ctx: Canvas2DContext, paint: NonNullable<SceneImage['background']>) => void,
): void {
  const backdrop = node.backdrop
  if (!backdrop) return
  ctx.save()
  path()
  if (backdrop.type === 'paint') {
    setPaint(ctx, backdrop.paint)
    ctx.fill()
  } else {
    const image = images.get(backdrop.src)
    if (!image) throw new Error(`renderFrame: backdrop image ${backdrop.src} is not loaded; load the scene's images first`)
    ctx.clip()
    const { crop } = backdrop
    ctx.drawImage(image.source as never, crop.x, crop.y, crop.width, crop.height, node.x, node.y, node.width, node.height)
  }
  ctx.restore()
}
