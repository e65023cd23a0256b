import { VitrineError } from '../../errors/vitrine-error.js'
import type { VideoCodec, VideoContainer } from '../../formats/video-limits.js'

/** Codec strings tried in order for each codec family: the lowest profile/level that fits first. */
export const webCodecsCandidates: Record<Exclude<VideoCodec, 'gif'>, string[]> = {
  // High 4.0, 4.2, 5.0, 5.1, then Main 4.0 and Baseline 3.1 (1080x1920 needs more than Baseline 3.1).
  h264: ['avc1.640028', 'avc1.64002a', 'avc1.640032', 'avc1.640033', 'avc1.4d0028', 'avc1.42e01f'],
  vp9: ['vp09.00.40.08', 'vp09.00.10.08'],
  vp8: ['vp8'],
  av1: ['av01.0.08M.08', 'av01.0.04M.08'],
}

const containerCodecs: Record<VideoContainer, VideoCodec[]> = { mp4: ['h264', 'vp9', 'av1'], webm: ['vp9', 'vp8', 'av1'], gif: [] }

/** A bitrate that keeps small, sharp graphics clean: about 0.12 bit per pixel per frame, at least 0.5 Mbit/s. */
export function defaultBitrate(width: number, height: number, fps: number): number {
  return Math.max(500_000, Math.round(width * height * fps * 0.12))
}

/**
 * The first WebCodecs encoder configuration this browser says it supports
 * (`VideoEncoder.isConfigSupported`) for a codec family at this size and rate. Rejects with
 * `video/unsupported`, listing what was tried, when there is none.
 */
export async function chooseVideoConfig(container: VideoContainer, codec: VideoCodec, width: number, height: number, fps: number, bitrate?: number): Promise<VideoEncoderConfig> {
  if (typeof VideoEncoder !== 'function') throw new VitrineError('video/unsupported', 'This browser has no WebCodecs VideoEncoder')
  if (codec === 'gif' || !containerCodecs[container].includes(codec)) {
    throw new VitrineError('video/unsupported', `WebCodecs cannot write ${codec} in ${container}: expected ${containerCodecs[container].join(', ') || 'nothing (GIF is made by ffmpeg)'}`)
  }
  const tried: string[] = []
  for (const candidate of webCodecsCandidates[codec]) {
    const config: VideoEncoderConfig = {
      codec: candidate,
      width,
      height,
      framerate: fps,
      bitrate: bitrate ?? defaultBitrate(width, height, fps),
      ...(codec === 'h264' ? { avc: { format: 'avc' } } : {}),
    }
    tried.push(candidate)
    try {
      const support = await VideoEncoder.isConfigSupported(config)
      if (support.supported) return { ...config, ...support.config }
    } catch {
      // An unknown codec string: try the next.
    }
  }
  throw new VitrineError('video/unsupported', `This browser cannot encode ${codec} at ${width}x${height} ${fps} fps with WebCodecs (tried ${tried.join(', ')})`)
}
