import type { Canvas2DContext } from '../platform/canvas-context.js'
import type { Surface } from '../platform/platform.js'
import type { Scene, SceneNode } from '../scene/scene.js'
import { appendNodeStateAt, sameFrameState } from '../timeline/frame-state.js'
import type { ImageLookup } from './render-frame.js'
import { saveAndResetContext } from './reset-context.js'

/** Draws the Scene's background and its first `count` nodes, in the state `renderFrame` sets up. */
export type DrawFrameBase = (ctx: Canvas2DContext, count: number) => void

/** One top-level node as drawn at some time: what it is and its values at that time. */
interface NodeKey {
  node: SceneNode
  state: number[]
  /** The decoded pictures it draws (a store may replace one under the same key). */
  images: unknown[]
}

interface BaseCache {
  /** What the last frame drew: its size, background and nodes (to see what stayed the same). */
  last?: { width: number; height: number; scene: [number, number]; background: Scene['background']; nodes: NodeKey[] }
  /** The bitmap of a base (background and the first `count` nodes), with what it shows. */
  bitmap?: { surface: Surface; scene: [number, number]; background: Scene['background']; nodes: NodeKey[] }
}

// Larger frames are drawn directly: the bitmap would cost more memory than it saves time.
const MAX_CACHED_PIXELS = 4096 * 4096

const caches = new WeakMap<object, BaseCache>()
const contents = new WeakMap<object, string>()

/** The resolved content of a Scene node or paint (Scenes are plain data, never changed once made). */
function contentOf(value: object): string {
  let json = contents.get(value)
  if (json === undefined) {
    json = JSON.stringify(value)
    contents.set(value, json)
  }
  return json
}

function sameContent(a: object | undefined, b: object | undefined): boolean {
  return a === b || (a !== undefined && b !== undefined && contentOf(a) === contentOf(b))
}

function imagesOf(node: SceneNode, images: ImageLookup, out: unknown[] = []): unknown[] {
  if (node.type === 'image') {
    out.push(images.get(node.src))
    if (node.backdrop?.type === 'image') out.push(images.get(node.backdrop.src))
  } else if (node.type === 'group') {
    for (const child of node.children) imagesOf(child, images, out)
  }
  return out
}

function keyOf(node: SceneNode, t: number, images: ImageLookup): NodeKey {
  const state: number[] = []
  appendNodeStateAt(node, t, state)
  return { node, state, images: imagesOf(node, images) }
}

function sameKey(a: NodeKey, b: NodeKey): boolean {
  return sameFrameState(a.state, b.state) && a.images.length === b.images.length && a.images.every((image, i) => image === b.images[i]) && sameContent(a.node, b.node)
}

function sameNodes(a: readonly NodeKey[], b: readonly NodeKey[], count: number): boolean {
  if (a.length < count || b.length < count) return false
  for (let i = 0; i < count; i++) if (!sameKey(a[i]!, b[i]!)) return false
  return true
}

/**
 * Draws the unchanging base of a frame — the background and every node below the first one
 * that changed since the last frame drawn with the same images — from a bitmap kept for it,
 * and returns how many of the Scene's nodes that base holds (the caller draws the rest).
 *
 * The bitmap is keyed by what it shows (the resolved background and nodes, their values at
 * that time, the pictures they draw), one per image lookup and only while frames keep
 * reusing it, so the steady part of a video (and of re-rendered stills, e.g. in an editor)
 * is drawn once and then copied. The copy is exact: the base is drawn into a cleared
 * bitmap with the same calls, and a cleared frame takes it unchanged. Without
 * `images.createSurface` everything is drawn directly.
 */
export function drawFrameBase(scene: Scene, t: number, surface: Surface, images: ImageLookup, draw: DrawFrameBase): number {
  const { width, height } = surface
  if (!images.createSurface || width * height > MAX_CACHED_PIXELS) {
    draw(surface.context, 0)
    return 0
  }
  let cache = caches.get(images)
  if (!cache) {
    cache = {}
    caches.set(images, cache)
  }
  const nodes = scene.nodes.map((node) => keyOf(node, t, images))
  const last = cache.last
  cache.last = { width, height, scene: [scene.width, scene.height], background: scene.background, nodes }
  // The base: the background and the leading nodes that drew the same as in the last frame.
  let count = -1
  if (last && last.width === width && last.height === height && last.scene[0] === scene.width && last.scene[1] === scene.height && sameContent(last.background, scene.background)) {
    count = 0
    while (count < nodes.length && count < last.nodes.length && sameKey(nodes[count]!, last.nodes[count]!)) count++
  }
  // Only worth a bitmap when it saves more than a copy costs: a gradient or a layer.
  if (count < 0 || (count === 0 && scene.background?.type !== 'linear' && scene.background?.type !== 'radial')) {
    draw(surface.context, 0)
    return 0
  }
  let bitmap = cache.bitmap
  const fresh = !bitmap || bitmap.surface.width !== width || bitmap.surface.height !== height || bitmap.nodes.length !== count || bitmap.scene[0] !== scene.width || bitmap.scene[1] !== scene.height || !sameContent(bitmap.background, scene.background) || !sameNodes(bitmap.nodes, nodes, count)
  if (fresh) {
    const target = bitmap && bitmap.surface.width === width && bitmap.surface.height === height ? bitmap.surface : images.createSurface(width, height)
    const c = target.context
    saveAndResetContext(c, width, height)
    draw(c, count)
    c.restore()
    bitmap = { surface: target, scene: [scene.width, scene.height], background: scene.background, nodes: nodes.slice(0, count) }
    cache.bitmap = bitmap
  }
  surface.context.drawImage(bitmap!.surface.canvas as never, 0, 0, width, height, 0, 0, width, height)
  return count
}

/** Lets go of the base bitmap kept for an image lookup (e.g. when a video is done). */
export function releaseFrameBase(images: object): void {
  caches.delete(images)
}
