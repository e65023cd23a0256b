import type { BoundValues } from '../data/bind-row.js'
import type { Template } from '../document/template.js'
import { VitrineError } from '../errors/vitrine-error.js'
import { getFormat, type Format } from '../formats/format-catalog.js'
import type { VideoCodec, VideoContainer } from '../formats/video-limits.js'
import type { Surface } from '../platform/platform.js'
import { releaseFrameBase } from '../render/frame-base-cache.js'
import { releaseKeptShadows } from '../render/kept-shadows.js'
import { releaseScratchSurfaces } from '../render/scratch-surfaces.js'
import { renderFrame } from '../render/render-frame.js'
import { resolve, type ResolveOptions } from '../resolve/resolve.js'
import type { Scene } from '../scene/scene.js'
import { frameStateAt, sameFrameState } from '../timeline/frame-state.js'
import { frameTime } from '../timeline/frame-time.js'
import { checkVideoBytes, checkVideoLimits } from './check-video-limits.js'
import { prepareFrame } from './prepare-frame.js'
import { videoFramesOf } from './video-frames.js'
import { defaultCodecOf, type EncodedVideo, type VideoEncoderFactory, type VideoEncoderInfo, type VideoEncodeRequest } from './video-encoder.js'

/** Options for {@link renderVideo}. */
export interface RenderVideoOptions extends ResolveOptions {
  container: VideoContainer
  /** Default: the container's usual codec (H.264 for MP4, VP9 for WebM). */
  codec?: VideoCodec
  /** Makes the encoder (WebCodecs, ffmpeg.wasm, native ffmpeg). */
  encoder: VideoEncoderFactory
  /** Reuse a surface of the right size. */
  surface?: Surface
  /** Called after each frame is handed to the encoder. */
  onFrame?: (done: number, total: number) => void
  /** Checked between frames; when it is aborted the encoder is stopped and the render rejects. */
  signal?: { readonly aborted: boolean }
}

/** What {@link renderVideo} returns. */
export interface RenderVideoResult extends EncodedVideo {
  scene: Scene
  info: VideoEncoderInfo
  width: number
  height: number
  fps: number
  frames: number
  /** Seconds: frames / fps. */
  duration: number
  /** Frames that showed the same as the one before (holds): not drawn again, the encoder repeated the last. */
  repeatedFrames: number
  /** Milliseconds: resolving, drawing all frames, waiting for the encoder, finishing the file. */
  timings: { resolveMs: number; drawMs: number; encodeMs: number; finishMs: number }
}

/**
 * The whole video pipeline for one row, format and locale: resolve → check the platform's
 * limits → for each frame N, `renderFrame(scene, N / fps)` → encoder. Frames are streamed:
 * one surface is drawn and handed over at a time, never all held.
 *
 * @example
 * ```ts
 * import { ffmpegEncoder } from '@vitrine/node'
 * const video = await renderVideo(template, values, {
 *   format: 'instagram-story', container: 'mp4', encoder: ffmpegEncoder({ file: 'out/ad.mp4' }),
 *   platform, assets, fonts,
 * })
 * console.log(video.info.codecDetail, video.byteLength)
 * ```
 */
export async function renderVideo(template: Template, values: BoundValues, options: RenderVideoOptions): Promise<RenderVideoResult> {
  const { platform } = options
  const format: Format = typeof options.format === 'string' ? getFormat(options.format) : options.format
  const t0 = platform.now()
  const scene = await resolve(template, values, { ...options, format })
  const timeline = scene.timeline
  if (!timeline) {
    throw new VitrineError('usage', 'This template is a still: a video needs a "timeline" with a duration (see docs/video.md)', { path: '/timeline' })
  }
  const codec = options.codec ?? defaultCodecOf(options.container)
  checkVideoLimits(format, timeline, options.container, codec)
  const request: VideoEncodeRequest = {
    container: options.container,
    codec,
    width: scene.width,
    height: scene.height,
    fps: timeline.fps,
    frames: timeline.frames,
    duration: timeline.frames / timeline.fps,
    ...(format.video?.maxBitrate ? { maxBitrate: format.video.maxBitrate } : {}),
  }
  if (timeline.audio && options.container !== 'gif') {
    const { bytes } = await options.assets.loadBytes(timeline.audio.src, '/timeline/audio/src')
    request.audio = { ...timeline.audio, bytes }
  }
  const surface = options.surface && options.surface.width === scene.width && options.surface.height === scene.height ? options.surface : platform.createSurface(scene.width, scene.height)
  const t1 = platform.now()
  const encoder = await options.encoder(request)
  let drawMs = 0
  let encodeMs = 0
  let repeatedFrames = 0
  let previous: number[] | undefined
  let output: EncodedVideo
  const t2 = platform.now()
  try {
    for (let i = 0; i < timeline.frames; i++) {
      if (options.signal?.aborted) throw new VitrineError('render/failed', 'The video render was cancelled')
      const a = platform.now()
      const t = frameTime(i, timeline.fps)
      // A frame is a pure function of these values: when they equal the last frame's, so do its pixels.
      const state = frameStateAt(scene, t)
      const hold = previous !== undefined && sameFrameState(state, previous)
      previous = state
      if (!hold) {
        await prepareFrame(scene, t, options.assets)
        try {
          renderFrame(scene, t, surface, options.assets)
        } catch (error) {
          throw new VitrineError('render/failed', `Drawing frame ${i} failed: ${(error as Error).message}`, { cause: error })
        }
      } else repeatedFrames++
      const b = platform.now()
      if (hold && encoder.repeatFrame) await encoder.repeatFrame()
      else await encoder.addFrame(surface)
      encodeMs += platform.now() - b
      drawMs += b - a
      options.onFrame?.(i + 1, timeline.frames)
    }
    output = await encoder.finish()
  } catch (error) {
    await encoder.abort()
    releaseFrameBase(options.assets)
    releaseScratchSurfaces(options.assets)
    releaseKeptShadows(options.assets)
    await videoFramesOf(options.assets)?.close()
    throw error
  }
  const t3 = platform.now()
  // Decoders of video layers and the frame base bitmap are not needed any more (a batch's
  // next row opens its own clips).
  releaseFrameBase(options.assets)
  releaseScratchSurfaces(options.assets)
  releaseKeptShadows(options.assets)
  await videoFramesOf(options.assets)?.close()
  checkVideoBytes(format, output.byteLength)
  return {
    ...output,
    scene,
    info: encoder.info,
    width: scene.width,
    height: scene.height,
    fps: timeline.fps,
    frames: timeline.frames,
    duration: request.duration,
    repeatedFrames,
    timings: { resolveMs: t1 - t0, drawMs, encodeMs, finishMs: t3 - t2 - drawMs - encodeMs },
  }
}
