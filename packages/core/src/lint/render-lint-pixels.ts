import { VitrineError } from '../errors/vitrine-error.js'
import type { Platform, Surface } from '../platform/platform.js'
import { renderFrame, type ImageLookup } from '../render/render-frame.js'
import type { Scene, SceneNode } from '../scene/scene.js'
import type { LintPixels } from './lint.js'

/** Options for {@link renderLintPixels}. */
export interface RenderLintPixelsOptions {
  platform: Platform
  /** Decoded pictures by asset key: the AssetStore the Scene was resolved with. */
  images: ImageLookup
  /** A surface of the Scene's size to draw on (one is made when absent). */
  surface?: Surface
  /** Time in seconds for videos; default the poster time, else 0. */
  t?: number
}

/** The Scene with every text node replaced by its background box: what is behind the text. */
export function withoutText(scene: Scene): Scene {
  const strip = (nodes: SceneNode[]): SceneNode[] =>
    nodes.flatMap((node): SceneNode[] => {
      if (node.type === 'group') return [{ ...node, children: strip(node.children) }]
      if (node.type !== 'text') return [node]
      if (!node.background) return []
      return [{ id: node.id, type: 'rect', x: node.x, y: node.y, width: node.width, height: node.height, opacity: node.opacity, rotation: node.rotation, fill: node.background, radii: [0, 0, 0, 0], ...(node.animation ? { animation: node.animation } : {}) }]
    })
  return { ...scene, nodes: strip(scene.nodes) }
}

/**
 * Renders a Scene twice for lint's visual checks: as it ships (`frame`) and without its text
 * (`backdrop`, text backgrounds kept), and reads both back with the platform's `readPixels`.
 * Throws `lint/no-pixels` when the platform cannot read pixels.
 *
 * @example
 * ```ts
 * const pixels = renderLintPixels(scene, { platform, images: assets })
 * lint(scene, { market: 'de-DE', platform: 'tiktok', pixels })
 * ```
 */
export function renderLintPixels(scene: Scene, options: RenderLintPixelsOptions): LintPixels {
  const { platform } = options
  if (!platform.readPixels) throw new VitrineError('lint/no-pixels', `The ${platform.name} platform cannot read pixels back (it has no readPixels), so visual lint rules cannot run`)
  const surface = options.surface ?? platform.createSurface(scene.width, scene.height)
  const t = options.t ?? scene.timeline?.poster ?? 0
  renderFrame(scene, t, surface, options.images)
  const frame = platform.readPixels(surface)
  renderFrame(withoutText(scene), t, surface, options.images)
  const backdrop = platform.readPixels(surface)
  return { frame, backdrop }
}
