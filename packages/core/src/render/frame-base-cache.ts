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

/** A frame as drawn: its size, background and nodes (to see what later frames share with it). */
interface FrameRecord {
  width: number
  height: number
  scene: [number, number]
  background: Scene['background']
  nodes: NodeKey[]
}

/** The bitmap of a base: the background and the first `nodes.length` nodes of some frame. */
interface BaseBitmap extends FrameRecord {
  surface: Surface
  /** When it was last drawn from (a counter), for letting the least recently used one go. */
  used: number
}

interface BaseCache {
  /** The last frames drawn, newest first. */
  recent: FrameRecord[]
  /** At most one bitmap per frame size and background (see {@link bitmapKey}). */
  bitmaps: Map<string, BaseBitmap>
  clock: number
}

// Larger frames are drawn directly: the bitmap would cost more memory than it saves time.
const MAX_CACHED_PIXELS = 4096 * 4096
// The bitmaps of one image lookup take at most this many bytes (RGBA): about 13 at 1080x1080,
// 7 at 1080x1920, enough for one base per size of a batch that renders every format.
const MAX_CACHED_BYTES = 64 * 1024 * 1024
// How many past frames a new base may be shared with: a batch that renders every format of a
// row in a few locales draws the same size again a few dozen frames later.
const RECENT_FRAMES = 32

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

/** How many leading nodes two frames draw the same (both with the same background). */
function leadingSame(a: readonly NodeKey[], b: readonly NodeKey[]): number {
  let count = 0
  while (count < a.length && count < b.length && sameKey(a[count]!, b[count]!)) count++
  return count
}

function sameFrame(a: FrameRecord, b: FrameRecord): boolean {
  return a.width === b.width && a.height === b.height && a.scene[0] === b.scene[0] && a.scene[1] === b.scene[1] && sameContent(a.background, b.background)
}

/** One bitmap per frame size and background: a newer base over the same background replaces it. */
function bitmapKey(frame: FrameRecord): string {
  return `${frame.width}x${frame.height} ${frame.scene[0]}x${frame.scene[1]} ${frame.background ? contentOf(frame.background) : 'none'}`
}

/**
 * How many nodes the base of this frame should hold, and the bitmap that holds or will hold
 * it; `depth` -1 when the frame shares nothing worth a bitmap with the frames before it.
 */
function chooseBase(cache: BaseCache, frame: FrameRecord): { depth: number; bitmap: BaseBitmap | undefined } {
  const bitmap = cache.bitmaps.get(bitmapKey(frame))
  const held = bitmap && leadingSame(bitmap.nodes, frame.nodes) === bitmap.nodes.length ? bitmap.nodes.length : -1
  // The last frame of this size first (a video's previous frame, the same row in another
  // locale): what it shares may deepen the base. Then, with no bitmap to draw from, any recent
  // frame of this size and background (the row before in a batch of every format).
  let last = -1
  for (const record of cache.recent) {
    if (record.width !== frame.width || record.height !== frame.height) continue
    if (sameFrame(record, frame)) last = leadingSame(record.nodes, frame.nodes)
    break
  }
  let depth = Math.max(held, last)
  if (depth < 0) {
    for (const record of cache.recent) if (sameFrame(record, frame)) depth = Math.max(depth, leadingSame(record.nodes, frame.nodes))
  }
  // Only worth a bitmap when it saves more than a copy costs: a gradient or a layer.
  const type = frame.background?.type
  if (depth === 0 && type !== 'linear' && type !== 'radial') depth = -1
  return { depth, bitmap }
}

/**
 * Draws the unchanging base of a frame — the background and the leading nodes that this frame
 * draws the same as a frame before it — from a bitmap kept for it, and returns how many of
 * the Scene's nodes that base holds (the caller draws the rest).
 *
 * Bitmaps are keyed by what they show (the resolved background and nodes, their values at
 * that time, the pictures they draw), one per frame size and background for each image lookup,
 * within a memory budget (the least recently used goes first). A bitmap is made only for what a
 * recent frame shared, so it serves the steady part of a video, stills re-rendered after an edit
 * above the base, and the rows of a batch that share their bottom layers (a brand's background
 * in every format, one product's picture in every locale). The copy is exact: the base is drawn
 * into a cleared bitmap with the same calls, and a cleared frame takes it unchanged. Without
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
    cache = { recent: [], bitmaps: new Map(), clock: 0 }
    caches.set(images, cache)
  }
  const frame: FrameRecord = { width, height, scene: [scene.width, scene.height], background: scene.background, nodes: scene.nodes.map((node) => keyOf(node, t, images)) }
  const { depth, bitmap: existing } = chooseBase(cache, frame)
  cache.recent.unshift(frame)
  if (cache.recent.length > RECENT_FRAMES) cache.recent.pop()
  if (depth < 0) {
    draw(surface.context, 0)
    return 0
  }
  let bitmap = existing
  if (!bitmap || bitmap.nodes.length !== depth || leadingSame(bitmap.nodes, frame.nodes) < depth) {
    const key = bitmapKey(frame)
    const target = bitmap?.surface ?? spareSurface(cache, key, width, height) ?? images.createSurface(width, height)
    const c = target.context
    saveAndResetContext(c, width, height)
    draw(c, depth)
    c.restore()
    bitmap = { ...frame, nodes: frame.nodes.slice(0, depth), surface: target, used: 0 }
    cache.bitmaps.set(key, bitmap)
  }
  bitmap.used = ++cache.clock
  surface.context.drawImage(bitmap.surface.canvas as never, 0, 0, width, height, 0, 0, width, height)
  return depth
}

/**
 * Makes room for a new bitmap: lets the least recently used ones go while the budget would be
 * passed, and hands back the surface of one of the same size to draw into again.
 */
function spareSurface(cache: BaseCache, key: string, width: number, height: number): Surface | undefined {
  let bytes = width * height * 4
  for (const b of cache.bitmaps.values()) bytes += b.width * b.height * 4
  let spare: Surface | undefined
  while (bytes > MAX_CACHED_BYTES && cache.bitmaps.size > 0) {
    let oldest: [string, BaseBitmap] | undefined
    for (const entry of cache.bitmaps) if (entry[0] !== key && (!oldest || entry[1].used < oldest[1].used)) oldest = entry
    if (!oldest) break
    cache.bitmaps.delete(oldest[0])
    bytes -= oldest[1].width * oldest[1].height * 4
    if (!spare && oldest[1].width === width && oldest[1].height === height) spare = oldest[1].surface
  }
  return spare
}

/** Lets go of the base bitmaps kept for an image lookup (e.g. when a video is done). */
export function releaseFrameBase(images: object): void {
  caches.delete(images)
}
