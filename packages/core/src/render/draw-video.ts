import type { Canvas2DContext } from '../platform/canvas-context.js'
import type { SceneImage } from '../scene/scene.js'
import type { SceneVideo } from '../scene/scene-video.js'
import { clipFrameAt } from '../timeline/clip-time.js'
import { frameKey, videoFramesOf } from '../video/video-frames.js'
import type { ImageLookup } from './render-frame.js'

/** Draws a video node's frame for time `t` as a picture, with the picture's own drawing code. */
export function drawVideo(ctx: Canvas2DContext, node: SceneVideo, t: number, images: ImageLookup, drawImage: (ctx: Canvas2DContext, node: SceneImage, images: ImageLookup) => void): void {
  const index = clipFrameAt(node.clip, t)
  const frame = videoFramesOf(images)?.frame(node.src, index)
  if (!frame) throw new Error(`renderFrame: frame ${index} of ${node.src} is not loaded; await prepareFrame(scene, t, assets) before renderFrame`)
  const key = frameKey(node.src, index)
  const { clip: _clip, ...picture } = node
  const lookup: ImageLookup = {
    get: (k) => (k === key ? frame : images.get(k)),
    ...(images.createSurface ? { createSurface: (w: number, h: number) => images.createSurface!(w, h) } : {}),
  }
  drawImage(ctx, { ...picture, type: 'image', src: key }, lookup)
}
