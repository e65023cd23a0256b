import type { VideoCodec } from '@vitrine/core'
import { defineOption, optionError } from './cli-option.js'

const codecs: Record<string, VideoCodec> = { h264: 'h264', avc: 'h264', vp9: 'vp9', vp8: 'vp8', av1: 'av1' }

/** `--codec`: the video codec. */
export const codecOption = defineOption<VideoCodec | undefined>({
  name: 'codec',
  type: 'string',
  valueName: '<h264|vp9|vp8|av1>',
  description: 'Video codec for --type mp4 or webm. H.264 uses NVENC when a GPU answers, else libx264.',
  defaultText: 'h264 for mp4, vp9 for webm',
  parse(raw) {
    if (raw === undefined) return undefined
    const codec = typeof raw === 'string' ? codecs[raw.trim().toLowerCase()] : undefined
    if (!codec) throw optionError('codec', 'h264, vp9, vp8 or av1', raw)
    return codec
  },
})
