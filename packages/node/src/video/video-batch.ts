import { randomUUID } from 'node:crypto'
import { DEFAULT_FPS, frameCount, timelineDuration, VitrineError, type Template } from '@vitrine/core'
import { frameCounter, type FrameProgress } from './frame-progress.js'
import type { VideoOutputSetup } from './render-video-row.js'
import { checkEncoderThreads } from './encoder-threads.js'

/** Video settings of a batch, as `renderBatch` takes them. */
export type VideoBatchOptions = Omit<VideoOutputSetup, 'progressChannel'>

/**
 * Prepares a batch of videos: refuses a still template up front (a usage error, exit 2), and
 * starts counting the frames the workers report.
 */
export function videoBatch(template: Template, outputs: number, options: VideoBatchOptions | undefined, startedAt: number, onFrames: () => void): { setup: VideoOutputSetup; frames(): FrameProgress; close(): void } {
  const timeline = template.timeline
  if (!timeline) {
    throw new VitrineError('usage', 'This template is a still: video types (mp4, webm, gif) need a "timeline" in the template (see docs/video.md)', { path: '/timeline' })
  }
  if (options?.encoderThreads !== undefined) checkEncoderThreads(options.encoderThreads, 'video.encoderThreads')
  const perVideo = frameCount(timelineDuration(timeline), timeline.fps ?? DEFAULT_FPS)
  const progressChannel = `vitrine-frames-${randomUUID()}`
  const counter = frameCounter(progressChannel, perVideo * outputs, startedAt, onFrames)
  return { setup: { ...options, progressChannel }, frames: counter.snapshot, close: counter.close }
}
