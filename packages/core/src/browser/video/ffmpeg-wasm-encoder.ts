import type { FFmpeg } from '@ffmpeg/ffmpeg'
import { VitrineError } from '../../errors/vitrine-error.js'
import type { Surface } from '../../platform/platform.js'
import { defaultCodecOf, type EncodedVideo, type VideoEncoder, type VideoEncoderFactory, type VideoEncoderInfo, type VideoEncodeRequest } from '../../video/video-encoder.js'
import { loadFfmpegWasm, runFfmpegWasm, type FfmpegWasmFiles } from './load-ffmpeg-wasm.js'
import { mixdownAudio, wavBytes } from './mixdown-audio.js'

/** Options for {@link ffmpegWasmEncoder}. */
export interface FfmpegWasmEncoderOptions extends FfmpegWasmFiles {
  /**
   * Raw frames gathered before they are encoded into a segment, in bytes; default 48 MB. The
   * engine holds one such chunk and the encoded segments, never the whole video raw.
   */
  chunkBytes?: number
}

const codecArgs = {
  h264: ['-c:v', 'libx264', '-preset', 'veryfast', '-crf', '20', '-profile:v', 'high'],
  vp8: ['-c:v', 'libvpx', '-deadline', 'realtime', '-cpu-used', '8', '-crf', '10', '-b:v', '4M'],
  // GIF segments are the paletted frames themselves (one palette per frame, as the Node encoder
  // makes them), kept losslessly as PNG in NUT: GIF files cannot be joined by stream copy (each
  // would bring its own header), so the GIF is written once, from all segments, at the end.
  gif: ['-c:v', 'png', '-f', 'nut'],
} as const

// RGB to BT.709 4:2:0, tagged, so players show the colours that were drawn.
const yuvArgs = ['-vf', 'scale=out_color_matrix=bt709:out_range=tv,format=yuv420p']
const yuvTags = ['-colorspace', 'bt709', '-color_primaries', 'bt709', '-color_trc', 'bt709', '-color_range', 'tv']
// The same filter chain as the Node encoder: a palette per frame keeps memory flat.
const gifArgs = ['-filter_complex', '[0:v]split[f][p];[p]palettegen=stats_mode=single:reserve_transparent=0[pal];[f][pal]paletteuse=new=1:dither=bayer:bayer_scale=3[v]', '-map', '[v]']

/**
 * A {@link VideoEncoderFactory} running ffmpeg (libx264, libvpx VP8, GIF, AAC, Vorbis) compiled
 * to WebAssembly, for browsers without WebCodecs or without the asked codec, and for animated
 * GIFs (WebCodecs has no GIF encoder). Loaded lazily from files the page serves. Frames are
 * gathered into chunks of `chunkBytes`, each encoded to a segment as soon as it is full; the
 * segments are joined (stream copy) at the end, with the music encoded as AAC (MP4) or Vorbis
 * (WebM). GIFs get one palette per frame (palettegen + paletteuse, as in Node), loop forever
 * and have no audio.
 *
 * @example
 * ```ts
 * const encoder = ffmpegWasmEncoder({ coreURL: '/ffmpeg/ffmpeg-core.js', wasmURL: '/ffmpeg/ffmpeg-core.wasm', workerURL: '/ffmpeg/worker.js' })
 * ```
 */
export function ffmpegWasmEncoder(options: FfmpegWasmEncoderOptions): VideoEncoderFactory {
  return async (request) => {
    // libvpx-vp9 (and libopus) crash in @ffmpeg/core 0.12's single-thread build ("memory access
    // out of bounds"), so WebM is VP8 (with Vorbis) here, which every WebM player takes; info says so.
    const asked = request.codec ?? defaultCodecOf(request.container)
    const codec = request.container === 'webm' && asked === 'vp9' ? 'vp8' : asked
    const fits = { mp4: codec === 'h264', webm: codec === 'vp8', gif: codec === 'gif' }[request.container]
    if (!fits) {
      throw new VitrineError('video/unsupported', `ffmpeg.wasm here writes MP4 with H.264, WebM with VP8 and GIF, found ${request.container} with ${asked}`)
    }
    if (request.container !== 'gif' && (request.width % 2 !== 0 || request.height % 2 !== 0)) {
      throw new VitrineError('video/unsupported', `${request.container.toUpperCase()} video in 4:2:0 needs an even width and height, found ${request.width}x${request.height}`)
    }
    const ffmpeg = await loadFfmpegWasm(options)
    return new FfmpegWasmPipeline(ffmpeg, request, codec as keyof typeof codecArgs, options.chunkBytes ?? 48 * 1024 * 1024)
  }
}

class FfmpegWasmPipeline implements VideoEncoder {
  readonly info: VideoEncoderInfo
  private readonly frameBytes: number
  private chunk: Uint8Array
  private readonly chunkFrames: number
  private inChunk = 0
  private readonly segments: string[] = []
  /** Frames in each segment (NUT records no last-frame duration, so GIF joins say each length). */
  private readonly segmentFrames: number[] = []
  private readonly id = Math.random().toString(36).slice(2)

  constructor(
    private readonly ffmpeg: FFmpeg,
    private readonly request: VideoEncodeRequest,
    private readonly codec: keyof typeof codecArgs,
    chunkBytes: number,
  ) {
    this.frameBytes = request.width * request.height * 4
    this.chunkFrames = Math.max(1, Math.min(request.frames, Math.floor(chunkBytes / this.frameBytes)))
    this.chunk = new Uint8Array(this.chunkFrames * this.frameBytes)
    const libs = { h264: 'libx264', vp8: 'libvpx', gif: 'gif' }
    this.info = {
      container: request.container,
      codec,
      codecDetail: libs[codec],
      encoder: 'ffmpeg.wasm',
      // libopus crashes in the same build, so WebM audio is Vorbis here.
      ...(request.audio && request.container !== 'gif' ? { audioCodec: request.container === 'mp4' ? 'aac' : 'vorbis' } : {}),
    }
  }

  async addFrame(surface: Surface): Promise<void> {
    const context = surface.context as unknown as OffscreenCanvasRenderingContext2D
    const pixels = context.getImageData(0, 0, surface.width, surface.height).data
    this.chunk.set(pixels, this.inChunk * this.frameBytes)
    this.inChunk++
    if (this.inChunk === this.chunkFrames) await this.flushChunk()
  }

  /** Encodes the gathered frames into the next segment and frees them. */
  private async flushChunk(): Promise<void> {
    if (this.inChunk === 0) return
    const { width, height, fps, container } = this.request
    const raw = `raw-${this.id}.rgba`
    const segment = `seg-${this.id}-${this.segments.length}.${container === 'gif' ? 'nut' : container}`
    // writeFile hands the buffer over to the engine's worker (it is detached here): the next
    // chunk gets a new one.
    await this.ffmpeg.writeFile(raw, this.chunk.subarray(0, this.inChunk * this.frameBytes))
    this.chunk = new Uint8Array(this.chunkFrames * this.frameBytes)
    try {
      await runFfmpegWasm(this.ffmpeg, [
        '-f', 'rawvideo', '-pix_fmt', 'rgba', '-video_size', `${width}x${height}`, '-framerate', String(fps), '-i', raw,
        ...(container === 'gif' ? [...gifArgs, ...codecArgs.gif] : [...yuvArgs, ...codecArgs[this.codec], ...yuvTags, '-f', container]),
        segment,
      ])
    } finally {
      await this.ffmpeg.deleteFile(raw).catch(() => {})
    }
    this.segments.push(segment)
    this.segmentFrames.push(this.inChunk)
    this.inChunk = 0
  }

  async finish(): Promise<EncodedVideo> {
    await this.flushChunk()
    const { container, audio, frames, fps } = this.request
    const list = `list-${this.id}.txt`
    const out = `out-${this.id}.${container}`
    const wav = `audio-${this.id}.wav`
    const entry = (s: string, i: number) => (container === 'gif' ? `file '${s}'\nduration ${this.segmentFrames[i]! / fps}` : `file '${s}'`)
    await this.ffmpeg.writeFile(list, this.segments.map(entry).join('\n') + '\n')
    const args = ['-f', 'concat', '-safe', '0', '-i', list]
    if (audio && container !== 'gif') {
      await this.ffmpeg.writeFile(wav, wavBytes(await mixdownAudio(audio, frames / fps)))
      args.push('-i', wav, '-map', '0:v', '-map', '1:a', ...(container === 'mp4' ? ['-c:a', 'aac', '-b:a', '128k'] : ['-c:a', 'libvorbis', '-q:a', '4']), '-shortest')
    }
    // GIF: the paletted frames of every segment are written into one GIF (no new palettes).
    args.push(...(container === 'gif' ? ['-c:v', 'gif', '-loop', '0'] : ['-c:v', 'copy']))
    if (container === 'mp4') args.push('-movflags', '+faststart')
    args.push(out)
    try {
      await runFfmpegWasm(this.ffmpeg, args)
      const bytes = (await this.ffmpeg.readFile(out)) as Uint8Array
      return { bytes, byteLength: bytes.byteLength }
    } finally {
      await this.cleanUp([list, out, wav])
    }
  }

  async abort(): Promise<void> {
    await this.cleanUp([`raw-${this.id}.rgba`])
  }

  private async cleanUp(extra: string[]): Promise<void> {
    for (const file of [...this.segments, ...extra]) await this.ffmpeg.deleteFile(file).catch(() => {})
    this.segments.length = 0
    this.segmentFrames.length = 0
  }
}
