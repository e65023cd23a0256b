import type { SceneClipTiming } from '../timeline/clip-time.js'
import type { SceneImage } from './scene.js'

/**
 * A video clip on the canvas: drawn like a picture (crop, destination, radii, shadow), with
 * the clip's frame for each time. `src` is the clip's resolved URL; `crop` is in its pixels.
 */
export interface SceneVideo extends Omit<SceneImage, 'type'> {
  type: 'video'
  clip: SceneClipTiming
}
