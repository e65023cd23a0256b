import { VitrineError } from '../../errors/vitrine-error.js'
import type { DecodedImage } from '../../platform/platform.js'
import type { VideoClip, VideoClipInfo } from '../../platform/video-clip.js'

type Mediabunny = typeof import('mediabunny')

/**
 * Opens a video file in the browser for frame-accurate decoding: mediabunny demuxes it and
 * WebCodecs' `VideoDecoder` decodes the frame shown at each time (from the key frame before
 * it). Rejects with `video/unsupported` at `path` when the browser cannot read or decode it.
 */
export async function openMediabunnyVideoClip(bytes: Uint8Array, options: { path: string; loadMediabunny?: () => Promise<Mediabunny> }): Promise<VideoClip> {
  const mb = await (options.loadMediabunny ?? (() => import('mediabunny')))()
  const fail = (why: string, cause?: unknown) => new VitrineError('video/unsupported', `${options.path}: ${why}`, { path: options.path, cause })
  let input: InstanceType<Mediabunny['Input']>
  let track: Awaited<ReturnType<InstanceType<Mediabunny['Input']>['getPrimaryVideoTrack']>>
  try {
    input = new mb.Input({ source: new mb.BufferSource(bytes), formats: mb.ALL_FORMATS })
    track = await input.getPrimaryVideoTrack()
  } catch (error) {
    throw fail(`the browser could not read the video file (${(error as Error).message})`, error)
  }
  if (!track) throw fail('the file has no video track')
  if (!(await track.canDecode())) throw fail(`this browser cannot decode ${track.codec ?? 'its'} video`)
  const [duration, stats, first] = await Promise.all([track.computeDuration(), track.computePacketStats(120), track.getFirstTimestamp()])
  const info: VideoClipInfo = { width: track.displayWidth, height: track.displayHeight, duration: duration - first, fps: stats.averagePacketRate }
  const sink = new mb.CanvasSink(track)
  const count = Math.max(1, Math.round(info.duration * info.fps))
  let last: { index: number; image: DecodedImage } | undefined
  return {
    info,
    async frame(index) {
      const wanted = Math.max(0, Math.min(Math.floor(index), count - 1))
      if (last?.index === wanted) return last.image
      // A quarter frame in: the frame shown then, clear of rounding at frame boundaries.
      const wrapped = await sink.getCanvas(first + (wanted + 0.25) / info.fps)
      if (!wrapped) throw fail(`could not decode frame ${wanted}`)
      last = { index: wanted, image: { width: info.width, height: info.height, source: wrapped.canvas } }
      return last.image
    },
    close() {
      input.dispose()
    },
  }
}
