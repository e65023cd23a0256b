import type { Format } from './format-catalog.js'

/** A video file type Vitrine writes. */
export type VideoContainer = 'mp4' | 'webm' | 'gif'

/** A video codec, by family (the encoder picks the profile and level). */
export type VideoCodec = 'h264' | 'vp8' | 'vp9' | 'av1' | 'gif'

/** What a platform accepts for videos in one placement. Checked before encoding starts. */
export interface VideoLimits {
  /** File types the platform takes. */
  containers: VideoContainer[]
  /** Video codecs it takes. */
  codecs: VideoCodec[]
  /** Seconds. */
  minDuration: number
  maxDuration: number
  /** Frames per second. */
  maxFps: number
  /** Bytes of the whole file. */
  maxBytes: number
  /** Bits per second, when the platform publishes a maximum (encoders cap their rate at it). */
  maxBitrate?: number
  /** Where the figures come from. */
  source: string
}

const GB = 1024 ** 3
const MB = 1024 ** 2

const meta = (maxDuration: number, source: string): VideoLimits => ({
  containers: ['mp4'],
  codecs: ['h264'],
  minDuration: 1,
  maxDuration,
  maxFps: 60,
  maxBytes: 4 * GB,
  source,
})

/** Platform video limits by format id, as published by each platform for ads (2025). */
export const videoLimitsByFormat: Readonly<Record<string, VideoLimits>> = {
  'instagram-square': meta(3600, 'Meta ads guide, Instagram feed video: MP4 H.264, 1 s to 60 min, up to 4 GB'),
  'instagram-portrait': meta(3600, 'Meta ads guide, Instagram feed video: MP4 H.264, 1 s to 60 min, up to 4 GB'),
  'instagram-story': meta(60, 'Meta ads guide, Instagram stories: MP4 H.264, 1 to 60 s, up to 4 GB'),
  tiktok: {
    containers: ['mp4'],
    codecs: ['h264'],
    minDuration: 5,
    maxDuration: 60,
    maxFps: 60,
    maxBytes: 500 * MB,
    source: 'TikTok ads specs, in-feed video: MP4, 5 to 60 s, up to 500 MB',
  },
  'facebook-feed': { ...meta(14460, 'Meta ads guide, Facebook feed video: MP4 or GIF, 1 s to 241 min, up to 4 GB'), containers: ['mp4', 'gif'], codecs: ['h264', 'gif'] },
  'facebook-link': { ...meta(14460, 'Meta ads guide, Facebook feed video: MP4 or GIF, 1 s to 241 min, up to 4 GB'), containers: ['mp4', 'gif'], codecs: ['h264', 'gif'] },
  'pinterest-pin': {
    containers: ['mp4'],
    codecs: ['h264'],
    minDuration: 4,
    maxDuration: 900,
    maxFps: 60,
    maxBytes: 2 * GB,
    source: 'Pinterest video pin specs: MP4 H.264, 4 s to 15 min, up to 2 GB',
  },
  'youtube-thumbnail': {
    containers: ['mp4', 'webm'],
    codecs: ['h264', 'vp9', 'vp8', 'av1'],
    minDuration: 1,
    maxDuration: 43200,
    maxFps: 60,
    maxBytes: 256 * GB,
    source: 'YouTube upload limits: MP4 or WebM, up to 12 h and 256 GB, up to 60 fps',
  },
  'x-post': {
    containers: ['mp4', 'gif'],
    codecs: ['h264', 'gif'],
    minDuration: 0.5,
    maxDuration: 140,
    maxFps: 60,
    maxBytes: 512 * MB,
    maxBitrate: 25_000_000,
    source: 'X media upload limits: MP4 H.264 0.5 to 140 s up to 512 MB and 25 Mbit/s; GIF up to 15 MB',
  },
}

/** Gives each catalogue format its platform's video limits. */
export function withVideoLimits(formats: Format[]): Format[] {
  return formats.map((f) => (videoLimitsByFormat[f.id] ? { ...f, video: videoLimitsByFormat[f.id] } : f))
}
