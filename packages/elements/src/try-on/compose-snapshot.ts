import { VitrineError } from '@vitrine/core'

/**
 * The picture with the product layer drawn over it, as a PNG: what the shopper sees
 * (mirror-wise when `mirror` is set). `overlay` must have been drawn in this same task, since a
 * WebGL canvas keeps its pixels only until the page is composited.
 */
export function composeSnapshot(picture: CanvasImageSource, overlay: HTMLCanvasElement, width: number, height: number, mirror: boolean): Promise<Blob> {
  const canvas = document.createElement('canvas')
  canvas.width = width
  canvas.height = height
  const ctx = canvas.getContext('2d')!
  if (mirror) {
    ctx.translate(width, 0)
    ctx.scale(-1, 1)
  }
  ctx.drawImage(picture, 0, 0, width, height)
  ctx.drawImage(overlay, 0, 0, width, height)
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new VitrineError('encode/failed', 'The snapshot could not be encoded as PNG'))), 'image/png'),
  )
}
