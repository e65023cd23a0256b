import type { PixelAccess } from '../../ai/cutout-engine.js'
import type { RgbaPixels } from '../../ai/mask.js'
import type { DecodedImage } from '../../platform/platform.js'

/**
 * Pixels in and out of OffscreenCanvas, for cut-outs in browsers (main thread or worker).
 *
 * @example
 * ```ts
 * const engine = new CutoutEngine({ runtime, models, host, pixels: browserPixelAccess })
 * ```
 */
export const browserPixelAccess: PixelAccess = {
  async readPixels(image: DecodedImage, width: number, height: number): Promise<RgbaPixels> {
    const canvas = new OffscreenCanvas(width, height)
    const ctx = canvas.getContext('2d', { willReadFrequently: true }) as OffscreenCanvasRenderingContext2D
    ctx.imageSmoothingEnabled = true
    ctx.imageSmoothingQuality = 'high'
    ctx.drawImage(image.source as CanvasImageSource, 0, 0, image.width, image.height, 0, 0, width, height)
    const data = ctx.getImageData(0, 0, width, height).data
    return { width, height, data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength) }
  },
  async createImage(pixels: RgbaPixels): Promise<DecodedImage> {
    const data = new Uint8ClampedArray(pixels.width * pixels.height * 4)
    data.set(pixels.data)
    const bitmap = await createImageBitmap(new ImageData(data, pixels.width, pixels.height), { premultiplyAlpha: 'default' })
    return { width: pixels.width, height: pixels.height, source: bitmap, close: () => bitmap.close() }
  },
}
