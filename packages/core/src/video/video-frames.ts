import { VitrineError } from '../errors/vitrine-error.js'
import type { AssetStore } from '../platform/asset-store.js'
import type { DecodedImage, Platform } from '../platform/platform.js'
import type { VideoClip, VideoClipInfo } from '../platform/video-clip.js'

/**
 * The video clips of an asset store, opened once each, and the frames the current time needs.
 * One per AssetStore (see {@link videoFramesFor}); `renderFrame` finds it from the store it is
 * given, so video frames need no other argument.
 */
export class VideoFrames {
  private readonly clips = new Map<string, Promise<VideoClip>>()
  private readonly frames = new Map<string, DecodedImage>()

  constructor(
    private readonly platform: Platform,
    private readonly assets: AssetStore,
  ) {}

  /** Opens a clip (once): fetched under the asset policy, decoded by the platform. `path` names it in errors. */
  async open(src: string, path: string): Promise<{ url: string; info: VideoClipInfo }> {
    const url = this.assets.resolveUrl(src, path)
    let clip = this.clips.get(url)
    if (!clip) {
      clip = this.openClip(url, path)
      clip.catch(() => this.clips.delete(url))
      this.clips.set(url, clip)
    }
    return { url, info: (await clip).info }
  }

  private async openClip(url: string, path: string): Promise<VideoClip> {
    const openVideo = this.platform.openVideo?.bind(this.platform)
    if (!openVideo) throw new VitrineError('video/unsupported', `${path}: this platform (${this.platform.name}) cannot decode video`, { path })
    const { bytes } = await this.assets.loadBytes(url, path)
    return openVideo(bytes, { path })
  }

  /** Loads the frames wanted now (by clip URL and frame index) and lets go of all others. */
  async prepare(wanted: ReadonlyArray<{ url: string; index: number }>): Promise<void> {
    const keep = new Set<string>()
    for (const { url, index } of wanted) {
      const key = frameKey(url, index)
      keep.add(key)
      if (this.frames.has(key)) continue
      const clip = this.clips.get(url)
      if (!clip) throw new Error(`The clip ${url} was not opened by resolve`)
      this.frames.set(key, await (await clip).frame(index))
    }
    for (const [key, image] of this.frames) {
      if (!keep.has(key)) {
        image.close?.()
        this.frames.delete(key)
      }
    }
  }

  /** A prepared frame, or undefined. */
  frame(url: string, index: number): DecodedImage | undefined {
    return this.frames.get(frameKey(url, index))
  }

  /** Closes every clip. */
  async close(): Promise<void> {
    for (const image of this.frames.values()) image.close?.()
    this.frames.clear()
    for (const clip of this.clips.values()) (await clip.catch(() => undefined))?.close()
    this.clips.clear()
  }
}

/** The key a frame is drawn under (as an image key). */
export function frameKey(url: string, index: number): string {
  return `${url}#frame=${index}`
}

const stores = new WeakMap<object, VideoFrames>()

/** The {@link VideoFrames} of an asset store, made on first use. */
export function videoFramesFor(assets: AssetStore, platform: Platform): VideoFrames {
  let frames = stores.get(assets)
  if (!frames) {
    frames = new VideoFrames(platform, assets)
    stores.set(assets, frames)
  }
  return frames
}

/** The {@link VideoFrames} of an image lookup (an asset store), if it has any. */
export function videoFramesOf(images: object): VideoFrames | undefined {
  return stores.get(images)
}
