import type { VideoCodec, VideoContainer } from '../formats/video-limits.js'
import type { Surface } from '../platform/platform.js'
import type { SceneAudio } from '../scene/scene-animation.js'

/** What to encode: sent once to a {@link VideoEncoderFactory} before the first frame. */
export interface VideoEncodeRequest {
  container: VideoContainer
  /** The codec wanted; default the container's usual one (H.264 for MP4, VP9 for WebM). */
  codec?: VideoCodec
  width: number
  height: number
  fps: number
  /** How many frames will be added. */
  frames: number
  /** Seconds: `frames / fps`. */
  duration: number
  /** Upper bound in bits per second (a platform limit), if any. */
  maxBitrate?: number
  /** A music bed to mix in, with the bytes of its file. */
  audio?: SceneAudio & { bytes: Uint8Array }
}

/** What an encoder chose, for reports and manifests. */
export interface VideoEncoderInfo {
  container: VideoContainer
  /** Codec family, e.g. `h264`. */
  codec: VideoCodec
  /** The exact codec string or encoder, e.g. `avc1.640028` (WebCodecs) or `libx264` (ffmpeg). */
  codecDetail: string
  /** `aac`, `opus`, or undefined when there is no audio. */
  audioCodec?: string
  /** Which implementation encodes: `ffmpeg`, `webcodecs` or `ffmpeg.wasm`. */
  encoder: string
}

/** A finished video. */
export interface EncodedVideo {
  /** The file's bytes, when the encoder keeps them in memory (browsers). */
  bytes?: Uint8Array
  /** The file's path, when the encoder wrote one (Node). */
  file?: string
  byteLength: number
}

/**
 * Our video encoder interface (not the DOM's `VideoEncoder`): frames go in one at a time, as
 * they are drawn, and are never all held. Implementations: WebCodecs with a muxer and
 * ffmpeg.wasm in `@vitrine/core/browser`, native ffmpeg in `@vitrine/node`.
 */
export interface VideoEncoder {
  readonly info: VideoEncoderInfo
  /**
   * Takes what is on the surface now as the next frame. Resolves when the encoder can take
   * another (back-pressure); the surface may be drawn into again as soon as it resolves.
   */
  addFrame(surface: Surface): Promise<void>
  /**
   * Takes the last frame given again, without reading the surface (a hold: nothing on the
   * frame moves). Optional; without it the unchanged surface is given to `addFrame` again.
   */
  repeatFrame?(): Promise<void>
  /** Ends the stream and returns the file. */
  finish(): Promise<EncodedVideo>
  /** Stops and discards everything (after an error). Never rejects. */
  abort(): Promise<void>
}

/** Makes an encoder for one video; rejects with `video/unsupported` when it cannot. */
export type VideoEncoderFactory = (request: VideoEncodeRequest) => Promise<VideoEncoder>

/** The usual codec of a container. */
export function defaultCodecOf(container: VideoContainer): VideoCodec {
  return container === 'mp4' ? 'h264' : container === 'webm' ? 'vp9' : 'gif'
}
