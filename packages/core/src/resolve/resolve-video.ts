import type { VideoLayer } from '../document/layer-video.js'
import type { BoundValues } from '../data/bind-row.js'
import { VitrineError } from '../errors/vitrine-error.js'
import type { Rect } from '../formats/format-catalog.js'
import type { LengthContext } from '../layout/resolve-length.js'
import type { AssetStore } from '../platform/asset-store.js'
import type { Platform } from '../platform/platform.js'
import type { SceneImage } from '../scene/scene.js'
import type { SceneVideo } from '../scene/scene-video.js'
import { videoFramesFor } from '../video/video-frames.js'
import { boundSource } from './bound-source.js'
import { resolvePaint, resolveRadii, resolveShadow, resolveStroke } from './resolve-paint.js'

/** What resolving a video layer needs from `resolve`. */
export interface VideoResolveContext {
  values: BoundValues
  platform: Platform
  assets: AssetStore
  rowPointer?: string
}

/** Where a picture of a size goes in a box: the part of it drawn (`crop`) and where (`dest`). */
export function fitPicture(width: number, height: number, box: Rect, fit: 'cover' | 'contain' | 'fill', fx: number, fy: number): Pick<SceneImage, 'crop' | 'dest'> {
  let crop = { x: 0, y: 0, width, height }
  let dest = { ...box }
  if (fit === 'cover') {
    const scale = Math.max(box.width / width, box.height / height)
    const cw = box.width / scale
    const ch = box.height / scale
    crop = { x: Math.min(Math.max(fx * width - cw / 2, 0), width - cw), y: Math.min(Math.max(fy * height - ch / 2, 0), height - ch), width: cw, height: ch }
  } else if (fit === 'contain') {
    const scale = Math.min(box.width / width, box.height / height)
    const dw = width * scale
    const dh = height * scale
    dest = { x: box.x + (box.width - dw) * fx, y: box.y + (box.height - dh) * fy, width: dw, height: dh }
  }
  return { crop, dest }
}

/**
 * A video layer as a Scene node: the clip opened (its size, length and rate read), fitted in
 * the box like a picture, with its trim, loop or freeze. The clip's start time is set by the
 * timeline (the layer's start).
 */
export async function resolveVideo(
  layer: VideoLayer,
  box: Rect,
  base: Omit<SceneVideo, 'type' | 'src' | 'crop' | 'dest' | 'radii' | 'clip'>,
  ctx: VideoResolveContext,
  path: string,
  lctx: LengthContext,
): Promise<SceneVideo | undefined> {
  const { src, pointer } = boundSource(layer.src, ctx.values, ctx.rowPointer, `${path}/src`)
  if (src === undefined) return undefined
  const { url, info } = await videoFramesFor(ctx.assets, ctx.platform).open(src, pointer)
  const trimStart = layer.trim?.start ?? 0
  const trimEnd = Math.min(layer.trim?.end ?? info.duration, info.duration)
  if (trimStart >= trimEnd) {
    throw new VitrineError('video/unsupported', `${path}/trim/start: the trim starts at ${trimStart} s, but the clip (${pointer}) lasts ${info.duration.toFixed(3)} s`, { path: `${path}/trim/start` })
  }
  const fitted = fitPicture(info.width, info.height, box, layer.fit ?? 'cover', layer.focalPoint?.x ?? 0.5, layer.focalPoint?.y ?? 0.5)
  return {
    ...base,
    type: 'video',
    src: url,
    ...fitted,
    radii: resolveRadii(layer.cornerRadius, box, lctx),
    background: resolvePaint(layer.background, box, ctx.values),
    stroke: resolveStroke(layer.stroke, ctx.values, lctx),
    shadow: resolveShadow(layer.shadow, ctx.values, lctx),
    clip: { start: 0, trimStart, trimEnd, end: layer.end ?? 'freeze', fps: info.fps, ...(layer.freezeAt !== undefined ? { freezeAt: layer.freezeAt } : {}) },
  }
}
