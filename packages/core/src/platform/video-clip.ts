import type { DecodedImage } from './platform.js'

/** What a video clip is: its picture size, length and frame rate. */
export interface VideoClipInfo {
  width: number
  height: number
  /** Seconds. */
  duration: number
  /** Frames per second (the clip's average rate). */
  fps: number
}

/**
 * A decoded video file, frame by frame. Made by a platform's `openVideo` (native ffmpeg in
 * Node, WebCodecs through mediabunny in browsers). Frame `k` is the picture shown from clip
 * time `k / fps`; frames asked in increasing order decode without seeking.
 */
export interface VideoClip {
  readonly info: VideoClipInfo
  /** The frame at an index (clamped to the last frame). */
  frame(index: number): Promise<DecodedImage>
  /** Frees the decoder. */
  close(): void
}
