import type { VideoEncodeRequest } from '@vitrine/core'

/** The video encoder ffmpeg runs for a request. */
export type FfmpegVideoCodec = 'libx264' | 'h264_nvenc' | 'libvpx' | 'libvpx-vp9' | 'libaom-av1' | 'gif'

/** Settings that trade speed for size. */
export interface FfmpegQuality {
  /** x264 preset; default `veryfast` (measured: the best end-to-end speed with the drawing on the same cores). */
  x264Preset?: string
  /** x264 constant rate factor, 0 (lossless) to 51; default 20. */
  crf?: number
  /**
   * Threads of the video encoder (`-threads`) for the CPU codecs (x264, libvpx, libaom).
   * Unset leaves ffmpeg's own choice, about 1.5 threads per core for x264; {@link ffmpegEncoder}
   * sets it to {@link encoderThreads}, the cores the drawing leaves.
   */
  threads?: number
}

/** A music bed input: a file ffmpeg can read and what ffprobe said about it. */
export interface FfmpegAudioInput {
  file: string
  sampleRate: number
}

/**
 * The arguments for one ffmpeg run that reads raw RGBA frames on stdin (and maybe a music
 * file) and writes one video file. Pure, so that it can be tested and shown.
 */
export function ffmpegArgs(request: VideoEncodeRequest, codec: FfmpegVideoCodec, output: string, audio?: FfmpegAudioInput, quality: FfmpegQuality = {}): string[] {
  const { width, height, fps, duration } = request
  const args = ['-hide_banner', '-loglevel', 'error', '-nostdin', '-y']
  args.push('-f', 'rawvideo', '-pix_fmt', 'rgba', '-video_size', `${width}x${height}`, '-framerate', String(fps), '-i', 'pipe:0')
  const filters: string[] = []
  const withAudio = audio && request.audio && request.container !== 'gif'
  if (withAudio) {
    const a = request.audio!
    args.push('-i', audio.file)
    const chain: string[] = []
    const trimEnd = a.trimEnd === undefined ? '' : `:end=${a.trimEnd}`
    chain.push(`atrim=start=${a.trimStart}${trimEnd}`, 'asetpts=PTS-STARTPTS')
    if (a.loop && a.trimEnd !== undefined) {
      // aloop repeats a buffer of `size` samples: the trimmed part, measured in samples.
      chain.push(`aloop=loop=-1:size=${Math.ceil((a.trimEnd - a.trimStart) * audio.sampleRate)}`)
    } else if (a.loop) {
      chain.push(`aloop=loop=-1:size=${Math.ceil(Math.max(1, duration) * audio.sampleRate) + audio.sampleRate}`)
    }
    chain.push('apad', `atrim=end=${duration}`)
    if (a.volume !== 1) chain.push(`volume=${a.volume}`)
    if (a.fadeIn > 0) chain.push(`afade=t=in:st=0:d=${a.fadeIn}`)
    if (a.fadeOut > 0) chain.push(`afade=t=out:st=${Math.max(0, duration - a.fadeOut)}:d=${a.fadeOut}`)
    filters.push(`[1:a]${chain.join(',')}[a]`)
  }
  if (request.container === 'gif') {
    // One palette per frame keeps memory flat (a global palette would hold every frame).
    filters.push('[0:v]split[f][p];[p]palettegen=stats_mode=single:reserve_transparent=0[pal];[f][pal]paletteuse=new=1:dither=bayer:bayer_scale=3[v]')
  } else {
    // RGB to BT.709 4:2:0, tagged, so players show the colours that were drawn.
    filters.push('[0:v]scale=out_color_matrix=bt709:out_range=tv,format=yuv420p[v]')
  }
  args.push('-filter_complex', filters.join(';'), '-map', '[v]')
  if (withAudio) args.push('-map', '[a]')
  switch (codec) {
    case 'libx264':
      args.push('-c:v', 'libx264', '-preset', quality.x264Preset ?? 'veryfast', '-crf', String(quality.crf ?? 20), '-profile:v', 'high')
      break
    case 'h264_nvenc':
      args.push('-c:v', 'h264_nvenc', '-preset', 'p4', '-rc', 'vbr', '-cq', '21', '-b:v', '0', '-profile:v', 'high')
      break
    case 'libvpx-vp9':
      args.push('-c:v', 'libvpx-vp9', '-deadline', 'realtime', '-cpu-used', '8', '-row-mt', '1', '-crf', '32', '-b:v', '0')
      break
    case 'libvpx':
      args.push('-c:v', 'libvpx', '-deadline', 'realtime', '-cpu-used', '8', '-crf', '10', '-b:v', '4M')
      break
    case 'libaom-av1':
      args.push('-c:v', 'libaom-av1', '-usage', 'realtime', '-cpu-used', '8', '-row-mt', '1', '-crf', '34', '-b:v', '0')
      break
    case 'gif':
      args.push('-c:v', 'gif', '-loop', '0')
      break
  }
  if (quality.threads !== undefined && codec !== 'gif' && codec !== 'h264_nvenc') args.push('-threads', String(quality.threads))
  if (codec !== 'gif') {
    args.push('-colorspace', 'bt709', '-color_primaries', 'bt709', '-color_trc', 'bt709', '-color_range', 'tv')
    if (request.maxBitrate) args.push('-maxrate', String(request.maxBitrate), '-bufsize', String(request.maxBitrate * 2))
  }
  if (withAudio) {
    if (request.container === 'mp4') args.push('-c:a', 'aac', '-b:a', '128k')
    else args.push('-c:a', 'libopus', '-b:a', '96k')
  }
  args.push('-r', String(fps), '-frames:v', String(request.frames))
  if (request.container === 'mp4') args.push('-movflags', '+faststart')
  args.push('-f', request.container, output)
  return args
}
