import { VitrineError } from '../errors/vitrine-error.js'
import type { Format } from '../formats/format-catalog.js'
import type { VideoCodec, VideoContainer } from '../formats/video-limits.js'
import type { SceneTimeline } from '../scene/scene-animation.js'

const s = (n: number) => `${Number(n.toFixed(3))} s`

/** The highest frame rate a GIF plays at in browsers: 2/100 s a frame. */
const MAX_GIF_FPS = 50

/**
 * Refuses, before any frame is drawn, a video that the format's platform would not take: its
 * duration, frame rate, container and codec against the format's {@link VideoLimits}.
 * Custom formats have no limits, but a GIF over 50 frames per second is refused anywhere.
 * Throws a `video/over-limit` VitrineError naming the field.
 */
export function checkVideoLimits(format: Format, timeline: SceneTimeline, container: VideoContainer, codec: VideoCodec): void {
  // A GIF frame lasts whole hundredths of a second, and browsers play delays under 2/100 s as
  // 1/10 s: faster GIFs would play slowly everywhere, whatever the format.
  if (container === 'gif' && timeline.fps > MAX_GIF_FPS) {
    throw new VitrineError(
      'video/over-limit',
      `/timeline/fps: a GIF plays at most ${MAX_GIF_FPS} frames per second (browsers show shorter frames for 1/10 s), found ${timeline.fps}; use mp4 or webm, or a lower frame rate`,
      { path: '/timeline/fps' },
    )
  }
  const limits = format.video
  if (!limits) return
  const where = `${format.id} (${limits.source})`
  const duration = timeline.frames / timeline.fps
  if (!limits.containers.includes(container)) {
    throw new VitrineError('video/over-limit', `container: ${where} takes ${limits.containers.join(' or ')} videos, found ${container}`, { path: '' })
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
