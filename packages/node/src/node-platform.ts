import { createCanvas, getTextRenderer, GlobalFonts, Image, setTextRenderer, type Canvas, type FontKey } from '@napi-rs/canvas'
import sharp from 'sharp'
import {
  VitrineError,
  type Canvas2DContext,
  type DecodedImage,
  type EncodeOptions,
  type FetchOptions,
  type FontFaceSource,
  type Platform,
  type RgbaPixels,
  type Surface,
  type VideoClip,
} from '@vitrine/core'
import { encodeCanvas, type EncoderSettings } from './encode-canvas.js'
import { fetchBytes, type FileStamp } from './fetch-bytes.js'
import { findPictureDamage, pictureKind } from './find-picture-damage.js'
import { withFaceStyle } from './font-face-style.js'
import { isWoff2, unpackWoff2 } from './unpack-woff2.js'
import { openFfmpegVideoClip } from './video/ffmpeg-video-clip.js'

/** Options for {@link NodePlatform}. */
export interface NodePlatformOptions {
  /** Encoder speed/size trade-offs; the defaults are the fastest measured settings. */
  encoder?: EncoderSettings
  /**
   * Pictures with more pixels than this are refused before they are decoded (a small file can
   * unpack to gigabytes). A safety net under the asset policy's own `maxPixels`. Default 16384².
   */
  maxDecodePixels?: number
  /**
   * How Skia turns glyphs into pixels, for the whole process (worker threads included).
   * `'system'`, the default on Linux, rasterises as Chromium on Linux does (Fontations, with
   * Chromium's text gamma and contrast), so text in Node and in the browser gives the same
   * pixels, thin CJK strokes at small sizes included. `'portable'`, the default elsewhere (where
   * `'system'` means the OS's own renderer, e.g. CoreText), is the canvas library's FreeType path,
   * the same on every OS. Either way every face comes from Vitrine's font registry.
   */
  textRenderer?: 'system' | 'portable'
}

/** How many files' stamps a platform remembers (the latest read); a file read longer ago is stat'ed again when asked for. */
const FILE_STAMPS_KEPT = 10_000

// Skia's font collection is one per process; remember what this thread put in it, so that a
// face registered again with the same bytes is not added twice, and new bytes replace old ones.
const registered = new Map<string, { key: FontKey; bytes: Uint8Array }>()

/**
 * The {@link Platform} for Node: surfaces are Skia canvases from `@napi-rs/canvas`, pictures
 * decode through Skia, fonts register in Skia's font collection, bytes come from `fs` and
 * `fetch`, and encoding takes the fastest path per type (libvips through sharp for PNG and
 * WebP, Skia for JPEG).
 *
 * @example
 * ```ts
 * import { FontLibrary } from '@vitrine/core'
 * import { NodePlatform, builtInFontBaseUrl } from '@vitrine/node'
 *
 * const platform = new NodePlatform()
 * const fonts = new FontLibrary(platform, { builtInBaseUrl: builtInFontBaseUrl() })
 * const surface = platform.createSurface(1080, 1080)
 * const png = await platform.encode(surface, { type: 'png' })
 * ```
 */
export class NodePlatform implements Platform {
  readonly name = 'node'
  private readonly encoder: EncoderSettings
  private readonly maxDecodePixels: number
  /** The size and time of the latest local files read, as they were at their latest read, by URL (oldest first). */
  private readonly fileStamps = new Map<string, FileStamp>()

  constructor(options: NodePlatformOptions = {}) {
    this.encoder = options.encoder ?? {}
    this.maxDecodePixels = options.maxDecodePixels ?? 16384 * 16384
    const renderer = options.textRenderer ?? (process.platform === 'linux' ? 'system' : 'portable')
    if (getTextRenderer() !== renderer) setTextRenderer(renderer)
  }

  createSurface(width: number, height: number): Surface {
    if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1) {
      throw new VitrineError('usage', `A surface needs a positive whole width and height, found ${width}x${height}`)
    }
    const canvas = createCanvas(width, height)
    const context = canvas.getContext('2d') as unknown as Canvas2DContext
    return { width, height, canvas, context }
  }

  async decodeImage(bytes: Uint8Array): Promise<DecodedImage> {
    const kind = pictureKind(bytes)
    if (!kind) {
      throw new VitrineError('asset/corrupt', `Could not decode the picture: expected PNG, JPEG, WebP or GIF data, found ${describeBytes(bytes)}`)
    }
    const damage = findPictureDamage(bytes, kind)
    if (damage) throw new VitrineError('asset/corrupt', `Could not decode the ${kind} picture: ${damage}`)
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    await this.checkPixelCount(buffer, kind)
    const image = new Image()
    try {
      image.src = buffer
      await image.decode()
    } catch (error) {
      throw new VitrineError(
        'asset/corrupt',
        `Could not decode the picture: expected PNG, JPEG, WebP or GIF data, found ${describeBytes(bytes)} (${(error as Error).message})`,
        { cause: error },
      )
    }
    if (!(image.width > 0 && image.height > 0)) {
      throw new VitrineError('asset/corrupt', `Could not decode the picture: expected PNG, JPEG, WebP or GIF data, found ${describeBytes(bytes)}`)
    }
    return { width: image.width, height: image.height, source: image }
  }

  private async checkPixelCount(buffer: Buffer, kind: string): Promise<void> {
    let size: { width?: number; height?: number }
    try {
      size = await sharp(buffer, { limitInputPixels: false }).metadata()
    } catch (error) {
      throw new VitrineError('asset/corrupt', `Could not decode the ${kind} picture: its header is damaged (${(error as Error).message.trim()})`, { cause: error })
    }
    const pixels = (size.width ?? 0) * (size.height ?? 0)
    if (pixels > this.maxDecodePixels) {
      throw new VitrineError(
        'asset/too-large',
        `The picture is too large: expected at most ${this.maxDecodePixels} pixels, found ${size.width}x${size.height} (${pixels} pixels)`,
      )
    }
  }

  async registerFont(face: FontFaceSource): Promise<void> {
    const id = `${face.family}|${face.weight}|${face.style}`
    const previous = registered.get(id)
    if (previous && sameBytes(previous.bytes, face.bytes)) return
    const source = isWoff2(face.bytes) ? await unpackWoff2(face.bytes, `${face.family} ${face.weight} ${face.style}`) : face.bytes
    const styled = withFaceStyle(source, face.weight, face.style)
    const key = GlobalFonts.register(Buffer.from(styled.buffer, styled.byteOffset, styled.byteLength), face.family)
    if (!key) {
      throw new VitrineError(
        'font/load-failed',
        `Could not read the font ${face.family} ${face.weight} ${face.style}: expected TTF, OTF, WOFF or WOFF2 data, found ${describeBytes(face.bytes)}`,
      )
    }
    if (previous) GlobalFonts.remove(previous.key)
    registered.set(id, { key, bytes: face.bytes })
  }

  fetchBytes(url: string, options: FetchOptions): Promise<Uint8Array> {
    return fetchBytes(url, options, (read, stamp) => this.rememberStamp(read, stamp))
  }

  private rememberStamp(url: string, stamp: FileStamp): void {
    // Kept in the order last read, and bounded, so that a long-lived platform does not grow.
    this.fileStamps.delete(url)
    this.fileStamps.set(url, stamp)
    if (this.fileStamps.size > FILE_STAMPS_KEPT) this.fileStamps.delete(this.fileStamps.keys().next().value!)
  }

  /**
   * The size and modification time a local file (`file:` URL) had when this platform last read
   * it, taken just before the read; undefined for one it has not read (or not among the latest
   * 10,000 files it read). A batch records them for `resume`, which renders an output again when
   * a file it was made from has changed since.
   */
  fileStamp(url: string): FileStamp | undefined {
    return this.fileStamps.get(url)
  }

  encode(surface: Surface, options: EncodeOptions): Promise<Uint8Array> {
    return encodeCanvas(surface.canvas as Canvas, options, this.encoder)
  }

  now(): number {
    return performance.now()
  }

  /**
   * Skia (@napi-rs/canvas) queues draw calls until pixels are read: reading one pixel makes it
   * rasterise now, so timings bill drawing to drawing. The pixels would be rasterised anyway.
   */
  finishDrawing(surface: Surface): void {
    ;(surface.canvas as Canvas).getContext('2d').getImageData(0, 0, 1, 1)
  }

  /** Video layers: native ffmpeg decodes the clip frame by frame. */
  openVideo(bytes: Uint8Array, options: { path: string }): Promise<VideoClip> {
    return openFfmpegVideoClip(bytes, options)
  }

  /** Reads the surface back as RGBA pixels (a copy), for lint's visual checks. */
  readPixels(surface: Surface): RgbaPixels {
    const context = (surface.canvas as Canvas).getContext('2d')
    const image = context.getImageData(0, 0, surface.width, surface.height)
    return { width: surface.width, height: surface.height, data: new Uint8ClampedArray(image.data) }
  }
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a === b || (a.byteLength === b.byteLength && Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength)))
}

/** A few words on what some bytes look like, for errors about files that are not what they should be. */
function describeBytes(bytes: Uint8Array): string {
  if (bytes.length === 0) return 'an empty file'
  const head = Array.from(bytes.subarray(0, 8), (b) => b.toString(16).padStart(2, '0')).join(' ')
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 64)).toString('utf8').trimStart().toLowerCase()
  if (text.startsWith('<!doctype html') || text.startsWith('<html')) return 'an HTML page'
  if (text.startsWith('<svg') || (text.startsWith('<?xml') && text.includes('<svg'))) return 'an SVG document (not supported; use PNG, JPEG, WebP or GIF)'
  if (text.startsWith('{') || text.startsWith('[')) return 'JSON text'
  return `${bytes.length} bytes starting with ${head}`
}
