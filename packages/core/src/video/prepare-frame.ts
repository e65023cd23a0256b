import type { Scene, SceneNode } from '../scene/scene.js'
import { sampleAnimation } from '../timeline/sample-animation.js'
import { clipFrameAt } from '../timeline/clip-time.js'
import { videoFramesOf } from './video-frames.js'

/**
 * Loads what `renderFrame(scene, t, surface, images)` will need that cannot be loaded while
 * drawing: the frame of each video clip visible at time `t`. Does nothing for scenes without
 * video. Await it before each `renderFrame` of a scene with video layers.
 *
 * @example
 * ```ts
 * await prepareFrame(scene, t, assets)
 * renderFrame(scene, t, surface, assets)
 * ```
 */
export async function prepareFrame(scene: Scene, t: number, images: object): Promise<void> {
  const wanted: { url: string; index: number }[] = []
  const walk = (nodes: SceneNode[]) => {
    for (const node of nodes) {
      if (node.animation && !sampleAnimation(node.animation, t).visible) continue
      if (node.type === 'video') wanted.push({ url: node.src, index: clipFrameAt(node.clip, t) })
      else if (node.type === 'group') walk(node.children)
    }
  }
  walk(scene.nodes)
  const frames = videoFramesOf(images)
  if (wanted.length > 0 && !frames) throw new Error('prepareFrame: the scene has video layers but these images have no clips; resolve the scene with the same asset store')
  await frames?.prepare(wanted)
}
