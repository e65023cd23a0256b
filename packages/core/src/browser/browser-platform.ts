import { VitrineError } from '../errors/vitrine-error.js'
import type { Canvas2DContext } from '../platform/canvas-context.js'
import type { DecodedImage, EncodeOptions, FetchOptions, FontFaceSource, ImageType, Platform, Surface, SurfaceOptions } from '../platform/platform.js'
import type { RgbaPixels } from '../ai/mask.js'
import type { VideoClip } from '../platform/video-clip.js'
import { fetchWithLimits, type FetchResponseLike } from '../platform/fetch-with-limits.js'

/** Options for {@link BrowserPlatform}. */
export interface BrowserPlatformOptions {
  /**
   * What surfaces are made of. `auto` (the default) uses `OffscreenCanvas` where it exists
   * and a detached `<canvas>` elsewhere; `element` always makes a `<canvas>` (it needs a document).
   */
  canvas?: 'auto' | 'offscreen' | 'element'
  /** Credentials mode for {@link BrowserPlatform.fetchBytes}. Default `same-origin`. */
  credentials?: RequestCredentials
}

type AnyCanvas = OffscreenCanvas | HTMLCanvasElement

const mimeTypes: Record<ImageType, string> = { png: 'image/png', jpeg: 'image/jpeg', webp: 'image/webp' }

/**
 * How pictures are decoded so that they draw the same pixels as Skia in `@vitrine/node`
 * (test-browser/fixtures holds the proof: ICC profiles, PNG gamma, EXIF orientation and
 * semi-transparent pixels all match exactly): colours are converted to sRGB, as Skia does;
 * EXIF orientation is applied, as Skia does; alpha is premultiplied up front (left to
 * `'none'`, semi-transparent pixels come out a few levels off after drawing).
 */
const decodeOptions: ImageBitmapOptions = {
  colorSpaceConversion: 'default',
  premultiplyAlpha: 'premultiply',
  imageOrientation: 'from-image',
}

/** A copy backed by a plain ArrayBuffer when the view sits on shared memory (Blob and FontFace refuse those). */
function ownBytes(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  return bytes.buffer instanceof ArrayBuffer ? (bytes as Uint8Array<ArrayBuffer>) : bytes.slice()
}

/** A few words on what some bytes look like, for error messages about files that are not pictures. */
export function describeBytes(bytes: Uint8Array): string {
  if (bytes.length === 0) return 'an empty file'
  const head = Array.from(bytes.subarray(0, 8), (b) => b.toString(16).padStart(2, '0')).join(' ')
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, 64)).trimStart().toLowerCase()
  const kind =
    text.startsWith('<!doctype html') || text.startsWith('<html')
      ? 'an HTML page'
      : text.startsWith('<svg') || (text.startsWith('<?xml') && text.includes('<svg'))
        ? 'an SVG document (not supported; use PNG, JPEG, WebP or GIF)'
        : text.startsWith('{') || text.startsWith('[')
          ? 'JSON text'
          : `${bytes.length} bytes starting with ${head}`
  return kind
}

/**
 * The {@link Platform} for browsers and web workers: surfaces are `OffscreenCanvas` (or a
 * detached `<canvas>`), pictures decode through `createImageBitmap`, fonts register as
 * `FontFace`s in the document's (or worker's) font set, bytes come from `fetch`.
 *
 * @example
 * ```ts
 * import { BrowserPlatform, FontLibrary, builtInFontBaseUrl } from '@vitrine/core/browser'
 * const platform = new BrowserPlatform()
 * const fonts = new FontLibrary(platform, { builtInBaseUrl: builtInFontBaseUrl() })
 * const surface = platform.createSurface(1080, 1080)
 * ```
 */
export class BrowserPlatform implements Platform {
  readonly name = 'browser'
  private readonly options: Required<BrowserPlatformOptions>

  constructor(options: BrowserPlatformOptions = {}) {
    this.options = { canvas: options.canvas ?? 'auto', credentials: options.credentials ?? 'same-origin' }
  }

  createSurface(width: number, height: number, options: SurfaceOptions = {}): Surface {
    if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1) {
      throw new VitrineError('usage', `A surface needs a positive whole width and height, found ${width}x${height}`)
    }
    const useOffscreen = this.options.canvas === 'offscreen' || (this.options.canvas === 'auto' && typeof OffscreenCanvas === 'function')
    let canvas: AnyCanvas
    if (useOffscreen) {
      canvas = new OffscreenCanvas(width, height)
    } else {
      if (typeof document === 'undefined') {
        throw new VitrineError('usage', 'This environment has neither OffscreenCanvas nor a document to make a <canvas> in')
      }
      canvas = document.createElement('canvas')
      canvas.width = width
      canvas.height = height
    }
    const settings = options.willReadFrequently ? { willReadFrequently: true } : undefined
    const context = canvas.getContext('2d', settings) as OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D | null
    if (!context) throw new VitrineError('render/failed', `Could not get a 2D context for a ${width}x${height} canvas (out of memory?)`)
    return { width, height, canvas, context: context satisfies Canvas2DContext }
  }

  async decodeImage(bytes: Uint8Array): Promise<DecodedImage> {
    let bitmap: ImageBitmap
    try {
      bitmap = await createImageBitmap(new Blob([ownBytes(bytes)]), decodeOptions)
    } catch (error) {
      throw new VitrineError(
        'asset/corrupt',
        `Could not decode the picture: expected PNG, JPEG, WebP or GIF data, found ${describeBytes(bytes)} (${(error as Error).message})`,
        { cause: error },
      )
    }
    return { width: bitmap.width, height: bitmap.height, source: bitmap, close: () => bitmap.close() }
  }

  async registerFont(face: FontFaceSource): Promise<void> {
    const fontFace = new FontFace(face.family, ownBytes(face.bytes), { weight: String(face.weight), style: face.style })
    try {
      await fontFace.load()
    } catch (error) {
      throw new VitrineError(
        'font/load-failed',
        `Could not read the font ${face.family} ${face.weight} ${face.style}: expected TTF, OTF, WOFF or WOFF2 data, found ${describeBytes(face.bytes)}`,
        { cause: error },
      )
    }
    fontSet().add(fontFace)
  }

  fetchBytes(url: string, options: FetchOptions): Promise<Uint8Array> {
    return fetchWithLimits(
      (u, signal) => fetch(u, { signal, credentials: this.options.credentials }) as Promise<FetchResponseLike>,
      url,
      options,
      (error) => `network error, or the server does not allow this origin: ${(error as Error).message}`,
    )
  }

  async encode(surface: Surface, options: EncodeOptions): Promise<Uint8Array> {
    const type = mimeTypes[options.type]
    if (!type) throw new VitrineError('usage', `Cannot encode as ${JSON.stringify(options.type)}: expected "png", "jpeg" or "webp"`)
    const quality = options.quality ?? 90
    if (!Number.isFinite(quality) || quality < 1 || quality > 100) {
      throw new VitrineError('usage', `Quality must be a number from 1 to 100, found ${quality}`)
    }
    const canvas = surface.canvas as AnyCanvas
    let blob: Blob | null
    try {
      blob =
        typeof OffscreenCanvas === 'function' && canvas instanceof OffscreenCanvas
          ? await canvas.convertToBlob({ type, quality: quality / 100 })
          : await new Promise<Blob | null>((resolve) => (canvas as HTMLCanvasElement).toBlob(resolve, type, quality / 100))
    } catch (error) {
      throw new VitrineError('encode/failed', `Could not encode a ${surface.width}x${surface.height} surface as ${type}: ${(error as Error).message}`, { cause: error })
    }
    // Browsers fall back to PNG for types they cannot write; say so instead of mislabelling it.
    if (!blob || blob.type !== type) {
      throw new VitrineError('encode/failed', `This browser cannot encode ${type} (it produced ${blob ? blob.type || 'an untyped blob' : 'nothing'})`)
    }
    return new Uint8Array(await blob.arrayBuffer())
  }

  now(): number {
    return performance.now()
  }

  /** Video layers: mediabunny and WebCodecs decode the clip, loaded on first use. */
  async openVideo(bytes: Uint8Array, options: { path: string }): Promise<VideoClip> {
    const { openMediabunnyVideoClip } = await import('./video/mediabunny-video-clip.js')
    return openMediabunnyVideoClip(bytes, options)
  }

  /** Reads the surface back as RGBA pixels (a copy), for lint's visual checks. */
  readPixels(surface: Surface): RgbaPixels {
    const context = surface.context as unknown as CanvasRenderingContext2D
    const image = context.getImageData(0, 0, surface.width, surface.height)
    return { width: surface.width, height: surface.height, data: new Uint8ClampedArray(image.data) }
  }
}

/** The font set that canvases of this global use: `document.fonts` in a window, `self.fonts` in a worker. */
function fontSet(): FontFaceSet {
  if (typeof document !== 'undefined' && document.fonts) return document.fonts
  const fonts = (self as unknown as { fonts?: FontFaceSet }).fonts
  if (!fonts) throw new VitrineError('font/load-failed', 'This environment has no font set (document.fonts or self.fonts) to register fonts in')
  return fonts
}


