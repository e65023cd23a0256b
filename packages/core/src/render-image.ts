import type { Template } from './document/template.js'
import type { Format } from './formats/format-catalog.js'
import type { AssetStore } from './platform/asset-store.js'
import type { ImageType, Platform, Surface } from './platform/platform.js'
import type { CutoutEngine } from './ai/cutout-engine.js'
import { VitrineError } from './errors/vitrine-error.js'
import { renderFrame } from './render/render-frame.js'
import { prepareFrame } from './video/prepare-frame.js'
import { videoFramesOf } from './video/video-frames.js'
import type { BoundValues } from './data/bind-row.js'
import { resolve } from './resolve/resolve.js'
import type { ResolveOptions } from './resolve/resolve.js'
import type { Scene } from './scene/scene.js'
import type { FontLibrary } from './text/font-library.js'

export interface RenderImageOptions {
  format: string | Format
  locale?: string
  /** The market: its digits and calendar (see ResolveOptions). */
  market?: ResolveOptions['market']
  /** Message catalogues (see ResolveOptions). */
  catalogs?: ResolveOptions['catalogs']
  platform: Platform
  assets: AssetStore
  fonts: FontLibrary
  type: ImageType
  /** 1..100 for JPEG and WebP. */
  quality?: number
  rowPointer?: string
  /** Reuse a surface of the right size across renders (saves an allocation per image). */
  surface?: Surface
  /** Removes backgrounds for image layers with `cutout` (see ResolveOptions). */
  cutout?: CutoutEngine
}

export interface RenderImageResult {
  bytes: Uint8Array
  scene: Scene
  width: number
  height: number
  /** Milliseconds spent resolving, drawing (rasterising included) and encoding. */
  timings: { resolveMs: number; drawMs: number; encodeMs: number }
}

/**
 * The whole still-image pipeline for one row, format and locale: resolve → renderFrame → encode.
 *
 * @example
 * ```ts
 * const { bytes } = await renderImage(template, values, { format: 'instagram-square', platform, assets, fonts, type: 'png' })
 * ```
 */
export async function renderImage(template: Template, values: BoundValues, options: RenderImageOptions): Promise<RenderImageResult> {
  const { platform } = options
  const t0 = platform.now()
  const scene = await resolve(template, values, options)
  // Video layers: their clip's frame at the poster time.
  await prepareFrame(scene, scene.timeline?.poster ?? 0, options.assets)
  const t1 = platform.now()
  const surface =
    options.surface && options.surface.width === scene.width && options.surface.height === scene.height
      ? options.surface
      : platform.createSurface(scene.width, scene.height)
  try {
    // A video's still is its poster frame.
    renderFrame(scene, scene.timeline?.poster ?? 0, surface, options.assets)
  } catch (error) {
    throw new VitrineError('render/failed', `Drawing failed: ${(error as Error).message}`, { cause: error })
  }
  // Rasterised now, so that the timings bill it to drawing.
  platform.finishDrawing?.(surface)
  // A still needs its clips' decoders no more.
  await videoFramesOf(options.assets)?.close()
  const t2 = platform.now()
  const bytes = await platform.encode(surface, { type: options.type, quality: options.quality })
  const t3 = platform.now()
  return { bytes, scene, width: scene.width, height: scene.height, timings: { resolveMs: t1 - t0, drawMs: t2 - t1, encodeMs: t3 - t2 } }
}
