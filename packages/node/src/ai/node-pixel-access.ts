import { createCanvas, type Canvas, type Image } from '@napi-rs/canvas'
import type { DecodedImage, PixelAccess, RgbaPixels } from '@vitrine/core'

/**
 * Pixels in and out of Skia canvases (`@napi-rs/canvas`), for cut-outs in Node.
 *
 * @example
 * ```ts
 * const engine = new CutoutEngine({ runtime, models, host, pixels: nodePixelAccess })
 * ```
 */
export const nodePixelAccess: PixelAccess = {
  async readPixels(image: DecodedImage, width: number, height: number): Promise<RgbaPixels> {
    const canvas = createCanvas(width, height)
    const ctx = canvas.getContext('2d')
    ctx.imageSmoothingEnabled = true
    ctx.imageSmoothingQuality = 'high'
    ctx.drawImage(image.source as Image | Canvas, 0, 0, image.width, image.height, 0, 0, width, height)
    const data = ctx.getImageData(0, 0, width, height).data
    return { width, height, data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength) }
  },
  async createImage(pixels: RgbaPixels): Promise<DecodedImage> {
    const canvas = createCanvas(pixels.width, pixels.height)
    const ctx = canvas.getContext('2d')
    const imageData = ctx.createImageData(pixels.width, pixels.height)
    imageData.data.set(pixels.data)
    ctx.putImageData(imageData, 0, 0)
    return { width: pixels.width, height: pixels.height, source: canvas }
  },
}
