import type { EncodedVideo, VideoEncoder as VitrineVideoEncoder, VideoEncoderFactory, VideoEncoderInfo, VideoEncodeRequest } from '../../video/video-encoder.js'
import type { Surface } from '../../platform/platform.js'
import { VitrineError } from '../../errors/vitrine-error.js'
import { chooseVideoConfig, defaultBitrate } from './choose-video-config.js'
import { loadFfmpegWasm, runFfmpegWasm, type FfmpegWasmFiles } from './load-ffmpeg-wasm.js'
import { mixdownAudio, wavBytes } from './mixdown-audio.js'

type Mediabunny = typeof import('mediabunny')

/** Options for {@link webCodecsEncoder}. */
export interface WebCodecsEncoderOptions {
  /** Bits per second; default about 0.12 bit per pixel per frame. */
  bitrate?: number
  /** Loads mediabunny (the MP4/WebM muxer); default `import('mediabunny')`. */
  loadMediabunny?: () => Promise<Mediabunny>
  /**
   * ffmpeg.wasm files, for AAC audio in MP4 (Chromium has no AAC encoder). Without them an MP4
   * with music is refused; WebM gets Opus from WebCodecs.
   */
  ffmpeg?: FfmpegWasmFiles
}

/** A key frame every this many seconds. */
const KEY_FRAME_SECONDS = 2
/** Frames queued in the encoder before `addFrame` waits. */
const MAX_QUEUE = 4

/**
 * A {@link VideoEncoderFactory} with the browser's WebCodecs `VideoEncoder` and mediabunny's
 * muxer: MP4 (H.264, or VP9/AV1) and WebM (VP9, VP8 or AV1, with Opus audio). The codec string
 * is the first that `VideoEncoder.isConfigSupported` accepts (e.g. `avc1.640028` for
 * 1080x1920), reported in `info.codecDetail`. MP4 audio is AAC through ffmpeg.wasm.
 *
 * @example
 * ```ts
 * const video = await renderVideo(template, values, { format: 'instagram-story', container: 'mp4', encoder: webCodecsEncoder(), platform, assets, fonts })
 * const blob = new Blob([video.bytes!], { type: 'video/mp4' })
 * ```
 */
export function webCodecsEncoder(options: WebCodecsEncoderOptions = {}): VideoEncoderFactory {
  return async (request) => {
    const codec = request.codec ?? (request.container === 'webm' ? 'vp9' : 'h264')
    const capped = request.maxBitrate ? Math.min(request.maxBitrate, defaultBitrate(request.width, request.height, request.fps)) : undefined
    const config = await chooseVideoConfig(request.container, codec, request.width, request.height, request.fps, options.bitrate ?? capped)
    if (request.audio && request.container === 'mp4' && !options.ffmpeg) {
      throw new VitrineError(
        'video/unsupported',
        '/timeline/audio: MP4 audio must be AAC, which this browser cannot encode; give the encoder ffmpeg.wasm files (options.ffmpeg) or export WebM (Opus)',
        { path: '/timeline/audio' },
      )
    }
    const mb = await (options.loadMediabunny ?? (() => import('mediabunny')))()
    return new WebCodecsPipeline(mb, request, config, codec, options)
  }
}

const mediabunnyCodec = { h264: 'avc', vp9: 'vp9', vp8: 'vp8', av1: 'av1' } as const

class WebCodecsPipeline implements VitrineVideoEncoder {
  readonly info: VideoEncoderInfo
  private readonly output: InstanceType<Mediabunny['Output']>
  private readonly target: InstanceType<Mediabunny['BufferTarget']>
  private readonly source: InstanceType<Mediabunny['EncodedVideoPacketSource']>
  private readonly audioSource: InstanceType<Mediabunny['AudioBufferSource']> | undefined
  private readonly encoder: VideoEncoder
  private started: Promise<void>
  private muxing: Promise<void> = Promise.resolve()
  private failure: unknown
  private frames = 0

  constructor(
    private readonly mb: Mediabunny,
    private readonly request: VideoEncodeRequest,
    config: VideoEncoderConfig,
    codec: keyof typeof mediabunnyCodec | 'gif',
    private readonly options: WebCodecsEncoderOptions,
  ) {
    const family = codec as keyof typeof mediabunnyCodec
    this.target = new mb.BufferTarget()
    this.output = new mb.Output({ format: request.container === 'mp4' ? new mb.Mp4OutputFormat({ fastStart: 'in-memory' }) : new mb.WebMOutputFormat(), target: this.target })
    this.source = new mb.EncodedVideoPacketSource(mediabunnyCodec[family])
    this.output.addVideoTrack(this.source, { frameRate: request.fps })
    const opus = request.audio && request.container === 'webm'
    if (opus) {
      this.audioSource = new mb.AudioBufferSource({ codec: 'opus', bitrate: 96_000 })
      this.output.addAudioTrack(this.audioSource)
    }
    this.info = {
      container: request.container,
      codec: family,
      codecDetail: config.codec,
      encoder: 'webcodecs',
      ...(request.audio ? { audioCodec: request.container === 'mp4' ? 'aac' : 'opus' } : {}),
    }
    this.started = this.output.start()
    this.encoder = new VideoEncoder({
      output: (chunk, meta) => {
        const packet = this.mb.EncodedPacket.fromEncodedChunk(chunk)
        this.muxing = this.muxing.then(() => this.source.add(packet, meta)).catch((error: unknown) => {
          this.failure ??= error
        })
      },
      error: (error) => {
        this.failure ??= error
      },
    })
    this.encoder.configure(config)
  }

  private check(): void {
    if (this.failure) {
      if (this.failure instanceof VitrineError) throw this.failure
      throw new VitrineError('encode/failed', `WebCodecs (${this.info.codecDetail}) failed: ${(this.failure as Error)?.message ?? String(this.failure)}`, { cause: this.failure })
    }
  }

  async addFrame(surface: Surface): Promise<void> {
    this.check()
    await this.started
    const frameUs = 1_000_000 / this.request.fps
    const frame = new VideoFrame(surface.canvas as OffscreenCanvas, { timestamp: Math.round(this.frames * frameUs), duration: Math.round(frameUs) })
    try {
      this.encoder.encode(frame, { keyFrame: this.frames % Math.max(1, Math.round(this.request.fps * KEY_FRAME_SECONDS)) === 0 })
    } finally {
      frame.close()
    }
    this.frames++
    while (this.encoder.encodeQueueSize > MAX_QUEUE && !this.failure) {
      await new Promise<void>((resolve) => this.encoder.addEventListener('dequeue', () => resolve(), { once: true }))
    }
    await this.muxing
    this.check()
  }

  async finish(): Promise<EncodedVideo> {
    await this.encoder.flush()
    this.encoder.close()
    await this.muxing
    this.check()
    const duration = this.request.frames / this.request.fps
    if (this.audioSource && this.request.audio) {
      await this.audioSource.add(await mixdownAudio(this.request.audio, duration))
      this.audioSource.close()
    }
    this.source.close()
    await this.output.finalize()
    let bytes: Uint8Array = new Uint8Array(this.target.buffer!)
    if (this.request.audio && this.request.container === 'mp4' && this.options.ffmpeg) {
      bytes = await muxAac(bytes, wavBytes(await mixdownAudio(this.request.audio, duration)), this.options.ffmpeg)
    }
    return { bytes, byteLength: bytes.byteLength }
  }

  async abort(): Promise<void> {
    try {
      if (this.encoder.state !== 'closed') this.encoder.close()
      await this.output.cancel()
    } catch {
      // Already stopped.
    }
  }
}

/** Adds AAC audio to a finished MP4 with ffmpeg.wasm, copying the video as it is. */
async function muxAac(video: Uint8Array, wav: Uint8Array, files: FfmpegWasmFiles): Promise<Uint8Array> {
  const ffmpeg = await loadFfmpegWasm(files)
  const id = Math.random().toString(36).slice(2)
  const [v, a, out] = [`v-${id}.mp4`, `a-${id}.wav`, `o-${id}.mp4`]
  await ffmpeg.writeFile(v, video)
  await ffmpeg.writeFile(a, wav)
  try {
    await runFfmpegWasm(ffmpeg, ['-i', v, '-i', a, '-map', '0:v', '-map', '1:a', '-c:v', 'copy', '-c:a', 'aac', '-b:a', '128k', '-shortest', '-movflags', '+faststart', out])
    return (await ffmpeg.readFile(out)) as Uint8Array
  } finally {
    for (const f of [v, a, out]) await ffmpeg.deleteFile(f).catch(() => {})
  }
}
