import type { ImageType, VideoContainer } from '@vitrine/core'

/** What a batch writes: an image type or a video container. */
export type OutputType = ImageType | VideoContainer

/** True for `mp4`, `webm` and `gif`. */
export function isVideoType(type: OutputType): type is VideoContainer {
  return type === 'mp4' || type === 'webm' || type === 'gif'
}
