import { VitrineError } from '../errors/vitrine-error.js'
import type { Format } from '../formats/format-catalog.js'
import type { VideoCodec, VideoContainer } from '../formats/video-limits.js'
import type { SceneTimeline } from '../scene/scene-animation.js'

const s = (n: number) => `${Number(n.toFixed(3))} s`

/**
 * Refuses, before any frame is drawn, a video that the format's platform would not take: its
 * duration, frame rate, container and codec against the format's {@link VideoLimits}.
 * Custom formats have no limits. Throws a `video/over-limit` VitrineError naming the field.
 */
export function checkVideoLimits(format: Format, timeline: SceneTimeline, container: VideoContainer, codec: VideoCodec): void {
  const limits = format.video
  if (!limits) return
  const where = `${format.id} (${limits.source})`
  const duration = timeline.frames / timeline.fps
  if (!limits.containers.includes(container)) {
    throw new VitrineError('video/over-limit', `--type: ${where} takes ${limits.containers.join(' or ')} videos, found ${container}`, { path: '' })
  }
  if (!limits.codecs.includes(codec)) {
    throw new VitrineError('video/over-limit', `codec: ${where} takes ${limits.codecs.join(', ')}, found ${codec}`, { path: '' })
  }
  if (duration > limits.maxDuration + 1e-9 || duration < limits.minDuration - 1e-9) {
    throw new VitrineError(
      'video/over-limit',
      `/timeline/duration: ${where} takes videos from ${s(limits.minDuration)} to ${s(limits.maxDuration)}, found ${s(duration)}`,
      { path: '/timeline/duration' },
    )
  }
  if (timeline.fps > limits.maxFps) {
    throw new VitrineError('video/over-limit', `/timeline/fps: ${where} takes up to ${limits.maxFps} frames per second, found ${timeline.fps}`, { path: '/timeline/fps' })
  }
}

/** Refuses a finished file over the platform's size limit. */
export function checkVideoBytes(format: Format, byteLength: number): void {
  const limits = format.video
  if (limits && byteLength > limits.maxBytes) {
    const mb = (n: number) => `${(n / 1024 ** 2).toFixed(1)} MB`
    throw new VitrineError('video/over-limit', `${format.id} (${limits.source}) takes files up to ${mb(limits.maxBytes)}, found ${mb(byteLength)}`, { path: '' })
  }
}
