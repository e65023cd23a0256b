import { VitrineError } from '../../errors/vitrine-error.js'
import type { VideoEncoderFactory } from '../../video/video-encoder.js'
import { chooseVideoConfig } from './choose-video-config.js'
import { ffmpegWasmEncoder, type FfmpegWasmEncoderOptions } from './ffmpeg-wasm-encoder.js'
import { webCodecsEncoder, type WebCodecsEncoderOptions } from './webcodecs-encoder.js'

/** Options for {@link browserVideoEncoder}. */
export interface BrowserVideoEncoderOptions extends Omit<WebCodecsEncoderOptions, 'ffmpeg'> {
  /** ffmpeg.wasm files (and chunk size): the fallback, and AAC audio for MP4. Without them only WebCodecs is used. */
  ffmpeg?: FfmpegWasmEncoderOptions
  /** `auto` (default): WebCodecs when it can encode the request, else ffmpeg.wasm. */
  prefer?: 'auto' | 'webcodecs' | 'ffmpeg.wasm'
}

/**
 * The browser's encoder: WebCodecs (fast, hardware where the device has it) when
 * `VideoEncoder.isConfigSupported` accepts the request, else ffmpeg.wasm, loaded lazily; GIFs
 * always go to ffmpeg.wasm (WebCodecs has no GIF encoder). The
 * chosen path and codec are in the encoder's `info` (`encoder`: `webcodecs` or `ffmpeg.wasm`).
 *
 * @example
 * ```ts
 * const video = await renderVideo(template, values, {
 *   format: 'tiktok', container: 'mp4', platform, assets, fonts,
 *   encoder: browserVideoEncoder({ ffmpeg: { coreURL, wasmURL, workerURL } }),
 * })
 * console.log(video.info.encoder, video.info.codecDetail) // 'webcodecs' 'avc1.640028'
 * ```
 */
export function browserVideoEncoder(options: BrowserVideoEncoderOptions = {}): VideoEncoderFactory {
  const webCodecs = webCodecsEncoder(options)
  const wasm = options.ffmpeg ? ffmpegWasmEncoder(options.ffmpeg) : undefined
  return async (request) => {
    const prefer = options.prefer ?? 'auto'
    if (prefer === 'ffmpeg.wasm') {
      if (!wasm) throw new VitrineError('video/unsupported', 'ffmpeg.wasm was asked for, but no ffmpeg.wasm files were given (options.ffmpeg)')
      return wasm(request)
    }
    if (request.container === 'gif') {
      // WebCodecs has no GIF encoder: GIFs are always made by ffmpeg.wasm.
      if (prefer === 'webcodecs') throw new VitrineError('video/unsupported', 'WebCodecs cannot write GIF (it has no GIF encoder): GIF is made by ffmpeg.wasm (prefer "auto" or "ffmpeg.wasm")')
      if (!wasm) throw new VitrineError('video/unsupported', 'GIF in the browser is made by ffmpeg.wasm, but no ffmpeg.wasm files were given (options.ffmpeg)')
      return wasm(request)
    }
    let reason: unknown
    try {
      const codec = request.codec ?? (request.container === 'webm' ? 'vp9' : 'h264')
      await chooseVideoConfig(request.container, codec, request.width, request.height, request.fps)
      return await webCodecs(request)
    } catch (error) {
      if (prefer === 'webcodecs' || !wasm) throw error
      reason = error
    }
    try {
      return await wasm(request)
    } catch (error) {
      throw new VitrineError('video/unsupported', `Neither WebCodecs (${(reason as Error).message}) nor ffmpeg.wasm (${(error as Error).message}) can encode this video`, { cause: error })
    }
  }
}
