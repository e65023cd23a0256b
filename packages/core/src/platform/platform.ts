import type { Canvas2DContext } from './canvas-context.js'
import type { VideoClip } from './video-clip.js'
import type { RgbaPixels } from '../ai/mask.js'

/** A drawing surface made by a platform: a canvas and its 2D context. */
export interface Surface {
  readonly width: number
  readonly height: number
  readonly context: Canvas2DContext
  /** The platform's own canvas object (HTMLCanvasElement, OffscreenCanvas, @napi-rs/canvas Canvas). */
  readonly canvas: unknown
}

/** A decoded picture, ready to draw. */
export interface DecodedImage {
  readonly width: number
  readonly height: number
  /** What `drawImage` takes on this platform. */
  readonly source: unknown
  /** Frees native memory early, where the platform allows it. */
  close?(): void
}

/** A font face to register, from bytes. */
export interface FontFaceSource {
  family: string
  weight: number
  style: 'normal' | 'italic'
  bytes: Uint8Array
}

export type ImageType = 'png' | 'jpeg' | 'webp'

export interface EncodeOptions {
  type: ImageType
  /** 1..100 for JPEG and WebP; ignored for PNG. Default 90. */
  quality?: number
}

export interface FetchOptions {
  /** Give up after this many milliseconds. */
  timeoutMs: number
  /** Refuse bodies larger than this. */
  maxBytes: number
}

/** How a surface will be used. */
export interface SurfaceOptions {
  /**
   * Its pixels will be read back often (small scratch surfaces whose content is measured).
   * Browsers then keep it in CPU memory, where reading is cheap; Node's are always there.
   */
  willReadFrequently?: boolean
}

/**
 * Everything that differs between environments. Nothing else in `@vitrine/core` touches
 * `document`, `Image`, `fetch` or `fs`: it asks its Platform.
 * Implementations: `BrowserPlatform` in `@vitrine/core/browser`, `NodePlatform` in `@vitrine/node`.
 */
export interface Platform {
  readonly name: string
  createSurface(width: number, height: number, options?: SurfaceOptions): Surface
  /** Decodes PNG, JPEG, WebP or GIF bytes. Rejects with a VitrineError `asset/corrupt` when it cannot. */
  decodeImage(bytes: Uint8Array): Promise<DecodedImage>
  /** Makes a face usable by `ctx.font` under `family` on every surface of this platform. */
  registerFont(face: FontFaceSource): Promise<void>
  /**
   * Fetches bytes from a URL the asset policy has already allowed: `http:`/`https:` everywhere,
   * `file:` in Node, same-origin relative URLs in the browser. Rejects with VitrineErrors
   * `asset/not-found`, `asset/timeout`, `asset/too-large`.
   */
  fetchBytes(url: string, options: FetchOptions): Promise<Uint8Array>
  /** Encodes what is on a surface. */
  encode(surface: Surface, options: EncodeOptions): Promise<Uint8Array>
  /** Milliseconds on a steady clock, for measuring and for the asset store's pauses of slow hosts; drawing never reads it. */
  now(): number
  /**
   * Carries out the drawing queued on a surface. Skia in Node records draw calls and
   * rasterises them only when pixels are needed; calling this right after drawing bills that
   * work to drawing rather than to encoding, so that timings say where the time goes. It adds
   * no work. Optional: where drawing happens at once, there is nothing to do.
   */
  finishDrawing?(surface: Surface): void
  /**
   * Opens a video file for frame-accurate decoding (video layers). Optional: platforms
   * without it refuse video layers with `video/unsupported`. Rejects with `video/unsupported`
   * at `options.path` when the bytes are not a video it can decode.
   */
  openVideo?(bytes: Uint8Array, options: { path: string }): Promise<VideoClip>
  /**
   * Reads back what is drawn on a surface as RGBA pixels (a copy), for lint's visual checks
   * (contrast against the pixels behind text, white backgrounds). Optional: without it those
   * checks are skipped.
   */
  readPixels?(surface: Surface): RgbaPixels
}
