import { VitrineError } from '@vitrine/core'
import { ffmpegTools, lastLines, runTool, type FfmpegTools } from './ffmpeg-tools.js'

/** One stream of a media file, as ffprobe reports it. */
export interface ProbedStream {
  type: 'video' | 'audio' | string
  codec: string
  width?: number
  height?: number
  /** Frames per second (video). */
  fps?: number
  /** Frames counted by decoding (video, when asked). */
  frames?: number
  sampleRate?: number
  channels?: number
  duration?: number
}

/** What ffprobe says about a media file. */
export interface ProbedMedia {
  format: string
  duration: number
  bytes: number
  streams: ProbedStream[]
}

const rate = (r: string | undefined) => {
  if (!r) return undefined
  const [n, d] = r.split('/').map(Number)
  return n && d ? n / d : undefined
}

/**
 * Reads a media file's container, duration and streams with ffprobe. `countFrames` decodes
 * the video to count its frames exactly. Rejects with `video/unsupported` when ffprobe cannot
 * read it, naming `path` (a JSON pointer) in the error.
 */
export async function probeMedia(file: string, options: { path?: string; countFrames?: boolean; tools?: FfmpegTools } = {}): Promise<ProbedMedia> {
  const tools = options.tools ?? ffmpegTools()
  const args = ['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams']
  if (options.countFrames) args.push('-count_frames')
  const { code, stdout, stderr } = await runTool(tools.ffprobe, [...args, file])
  let json: { format?: Record<string, string>; streams?: Record<string, string | number>[] } | undefined
  try {
    json = code === 0 ? JSON.parse(stdout.toString()) : undefined
  } catch {
    json = undefined
  }
  if (!json?.format) {
    const path = options.path ?? ''
    throw new VitrineError('video/unsupported', `${path ? path + ': ' : ''}could not read the media file: ${lastLines(stderr) || 'not a known audio or video format'}`, { path })
  }
  return {
    format: String(json.format.format_name ?? ''),
    duration: Number(json.format.duration ?? 0),
    bytes: Number(json.format.size ?? 0),
    streams: (json.streams ?? []).map((s) => ({
      type: String(s.codec_type),
      codec: String(s.codec_name),
      width: s.width === undefined ? undefined : Number(s.width),
      height: s.height === undefined ? undefined : Number(s.height),
      fps: rate(s.avg_frame_rate as string) ?? rate(s.r_frame_rate as string),
      frames: s.nb_read_frames === undefined ? (s.nb_frames === undefined ? undefined : Number(s.nb_frames)) : Number(s.nb_read_frames),
      sampleRate: s.sample_rate === undefined ? undefined : Number(s.sample_rate),
      channels: s.channels === undefined ? undefined : Number(s.channels),
      duration: s.duration === undefined ? undefined : Number(s.duration),
    })),
  }
}
