import type { Canvas2DContext } from '../platform/canvas-context.js'
import type { Surface } from '../platform/platform.js'
import type { Scene, SceneNode } from '../scene/scene.js'
import { appendNodeStateAt, sameFrameState } from '../timeline/frame-state.js'
import type { ImageLookup } from './render-frame.js'
import { saveAndResetContext } from './reset-context.js'

/**
 * Draws the Scene's nodes `from` to `to` (not included), after its background when
 * `background` is true, in the state `renderFrame` sets up.
 */
export type DrawFrameBase = (ctx: Canvas2DContext, from: number, to: number, background: boolean) => void

/** One top-level node as drawn at some time: what it is and its values at that time. */
interface NodeKey {
  node: SceneNode
  state: number[]
  /**
   * The decoded pictures it draws, as numbers (a store may replace one under the same key). Not
   * the pictures themselves: the recent frames must not keep pictures the store let go.
   */
  images: number[]
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
  /** The frame (counted by the cache) it was last drawn from, for letting the least recently used one go. */
  used: number
  /** How many frames were drawn from it after the one it was made for. */
  hits: number
  /**
   * How many frames apart its frame and the recent one it shares were when it was made, then
   * the most frames that passed between two frames drawn from it: how soon the next one is to
   * be expected.
   */
  gap: number
}

interface BaseCache {
  /** The last frames drawn, newest first. */
  recent: FrameRecord[]
  bitmaps: BaseBitmap[]
  /** Frames drawn through the cache: the clock that ages the bitmaps (and `frames` in the stats). */
  clock: number
  stats: Omit<FrameBaseStats, 'frames'>
}

/** What the base bitmaps of one image lookup did, for tests and benchmarks. */
export interface FrameBaseStats {
  /** Frames drawn through the cache. */
  frames: number
  /** Frames that started from a bitmap kept from an earlier frame. */
  hits: number
  /** Bitmaps made (or deepened). */
  builds: number
  /** Bitmaps let go to make room. */
  evictions: number
  /** Of those, the ones let go before any later frame drew from them: made for nothing. */
  unused: number
}

// Larger frames are drawn directly: the bitmap would cost more memory than it saves time.
const MAX_CACHED_PIXELS = 4096 * 4096
// The bitmaps of one image lookup take at most this many bytes (RGBA): about 13 at 1080x1080,
// 7 at 1080x1920.
const MAX_CACHED_BYTES = 64 * 1024 * 1024
// Bitmaps kept for one frame size and background: a shallow base that many frames share (a
// brand's background) and a deeper one that the next few share (a product in every locale).
const BITMAPS_PER_BACKGROUND = 2
// How many past frames a new base may be shared with: a batch that renders every format of a
// row in a few locales draws the same size again a few dozen frames later.
const RECENT_FRAMES = 32
// Ages below count frames drawn through the cache, whether from a bitmap or not.
// A bitmap not drawn from for this long is the first to go when room is needed.
const STALE_FRAMES = 2 * RECENT_FRAMES
// A bitmap that has not served yet is not judged before this many frames (the frames that
// share it may be a few formats away: instagram-square and facebook-feed, four apart), nor
// before twice the gap at which its frames came (a feed that comes back to a brand colour
// every 28 rows).
const GRACE_FRAMES = 4
const waitFor = (b: BaseBitmap) => Math.max(GRACE_FRAMES, 2 * b.gap)

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

const pictureIds = new WeakMap<object, number>()
let nextPictureId = 1

/** A number for a decoded picture, the same as long as it lives; 0 for none. */
function pictureId(picture: object | undefined): number {
  if (!picture) return 0
  let id = pictureIds.get(picture)
  if (id === undefined) {
    id = nextPictureId++
    pictureIds.set(picture, id)
  }
  return id
}

function imagesOf(node: SceneNode, images: ImageLookup, out: number[] = []): number[] {
  if (node.type === 'image') {
    out.push(pictureId(images.get(node.src)))
    if (node.backdrop?.type === 'image') out.push(pictureId(images.get(node.backdrop.src)))
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

/** Same frame size, Scene size and background. */
function sameGround(a: FrameRecord, b: FrameRecord): boolean {
  return a.width === b.width && a.height === b.height && a.scene[0] === b.scene[0] && a.scene[1] === b.scene[1] && sameContent(a.background, b.background)
}

const bytesOf = (b: FrameRecord) => b.width * b.height * 4

/**
 * Draws a frame, its unchanging base — the background and the leading nodes that this frame
 * draws the same as a frame before it — copied from a bitmap kept for it, the rest with `draw`.
 *
 * Bitmaps are keyed by what they show (the resolved background and nodes, their values at
 * that time, the pictures they draw). Each image lookup keeps up to two per frame size and
 * background, within 64 MiB, and makes one only for what a recent frame shared and only when
 * there is room for it (see victimOf for which go first, and which stay): so the steady part of a video, stills re-rendered after an edit above
 * the base, and the rows of a batch that share their bottom layers (a brand's background in
 * every format, one product's picture in every locale) are drawn once and then copied. A
 * deeper base starts as a copy of the shallower one. The copy is exact: a base is drawn into a
 * cleared bitmap with the same calls, and a cleared frame takes it unchanged. Without
 * `images.createSurface` everything is drawn directly.
 */
export function drawFrameBase(scene: Scene, t: number, surface: Surface, images: ImageLookup, draw: DrawFrameBase): void {
  const { width, height } = surface
  const all = scene.nodes.length
  if (!images.createSurface || width * height > MAX_CACHED_PIXELS) {
    draw(surface.context, 0, all, true)
    return
  }
  let cache = caches.get(images)
  if (!cache) {
    cache = { recent: [], bitmaps: [], clock: 0, stats: { hits: 0, builds: 0, evictions: 0, unused: 0 } }
    caches.set(images, cache)
  }
  const now = ++cache.clock
  const frame: FrameRecord = { width, height, scene: [scene.width, scene.height], background: scene.background, nodes: scene.nodes.map((node) => keyOf(node, t, images)) }
  const group = cache.bitmaps.filter((b) => sameGround(b, frame))
  // The deepest bitmap this frame can start from.
  let held: BaseBitmap | undefined
  for (const b of group) if ((!held || b.nodes.length > held.nodes.length) && leadingSame(b.nodes, frame.nodes) === b.nodes.length) held = b
  // How deep a base the recent frames of this size and background share with this one (and
  // how many frames back each is): a bitmap is made, or deepened, to what at least two of
  // them share, so that it is likely to serve again (a video's layers at rest, a product in
  // its third locale). The first bitmap of a ground may start from what one frame shares (a
  // brand's background in the row before). A base never holds a whole frame: a frame that is
  // only repeated (two formats of one size, the same row again) keeps the shared, shallower
  // base, and held video frames are not drawn.
  const shares: { depth: number; gap: number }[] = []
  cache.recent.forEach((r, i) => {
    if (sameGround(r, frame)) shares.push({ depth: Math.min(leadingSame(r.nodes, frame.nodes), all - 1), gap: i + 1 })
  })
  shares.sort((a, b) => b.depth - a.depth || a.gap - b.gap)
  const twice = shares[1]?.depth ?? -1
  let depth = held ? held.nodes.length : twice >= 0 ? twice : (shares[0]?.depth ?? -1)
  if (held && twice > depth) depth = twice
  cache.recent.unshift(frame)
  if (cache.recent.length > RECENT_FRAMES) cache.recent.pop()
  // Only worth a bitmap when it saves more than a copy costs: a gradient or a layer.
  const type = frame.background?.type
  if (depth < 0 || (depth === 0 && type !== 'linear' && type !== 'radial')) {
    draw(surface.context, 0, all, true)
    return
  }
  let bitmap = held
  if (!held || held.nodes.length !== depth) {
    // Made only when there is room for it; otherwise the frame starts from the bitmap it has,
    // or is drawn directly. The nearest recent frame that shares this much says how soon the
    // next one may come.
    const gap = shares.reduce((g, x) => (x.depth >= depth && x.gap < g ? x.gap : g), RECENT_FRAMES)
    const target = surfaceFor(cache, images, frame, group, held, gap)
    if (target) {
      const c = target.context
      saveAndResetContext(c, width, height)
      if (held) c.drawImage(held.surface.canvas as never, 0, 0, width, height, 0, 0, width, height)
      draw(c, held ? held.nodes.length : 0, depth, !held)
      c.restore()
      bitmap = { ...frame, nodes: frame.nodes.slice(0, depth), surface: target, used: now, hits: 0, gap }
      cache.bitmaps.push(bitmap)
      cache.stats.builds++
    }
  }
  if (!bitmap) {
    draw(surface.context, 0, all, true)
    return
  }
  if (bitmap === held) {
    bitmap.hits++
    bitmap.gap = Math.max(bitmap.gap, now - bitmap.used)
    cache.stats.hits++
  }
  bitmap.used = now
  surface.context.drawImage(bitmap.surface.canvas as never, 0, 0, width, height, 0, 0, width, height)
  draw(surface.context, bitmap.nodes.length, all, false)
}

/**
 * A surface for a new bitmap whose frames come every `gap` frames, or undefined when there is
 * no room for one: lets go of the least recently used bitmap of the same ground when it has
 * its two (never the one the new base starts from, and only when it may go: see mayGo), then
 * of others while the budget would be passed (see {@link victimOf}), and draws into the
 * surface of one of the same size when there is one. Lets go of nothing when there is no room.
 */
function surfaceFor(cache: BaseCache, images: ImageLookup, frame: FrameRecord, group: BaseBitmap[], keep: BaseBitmap | undefined, gap: number): Surface | undefined {
  const victims: BaseBitmap[] = []
  if (group.length >= BITMAPS_PER_BACKGROUND) {
    const sibling = leastRecent(group, keep)!
    if (!mayGo(cache, sibling, gap)) return undefined
    victims.push(sibling)
  }
  let bytes = bytesOf(frame) + cache.bitmaps.reduce((sum, b) => sum + bytesOf(b), 0) - victims.reduce((sum, b) => sum + bytesOf(b), 0)
  while (bytes > MAX_CACHED_BYTES) {
    const victim = victimOf(cache, keep, victims, gap)
    if (!victim) return undefined
    victims.push(victim)
    bytes -= bytesOf(victim)
  }
  let spare: Surface | undefined
  for (const b of victims) {
    cache.bitmaps.splice(cache.bitmaps.indexOf(b), 1)
    cache.stats.evictions++
    if (b.hits === 0) cache.stats.unused++
    if (!spare && b.width === frame.width && b.height === frame.height) spare = b.surface
  }
  return spare ?? images.createSurface!(frame.width, frame.height)
}

function leastRecent(among: BaseBitmap[], keep: BaseBitmap | undefined): BaseBitmap | undefined {
  return among.reduce<BaseBitmap | undefined>((o, b) => (b !== keep && (!o || b.used < o.used) ? b : o), undefined)
}

/** Whether `b` may be let go for a new bitmap whose frames come every `gap` frames (see victimOf). */
function mayGo(cache: BaseCache, b: BaseBitmap, gap: number): boolean {
  const age = cache.clock - b.used
  return age > STALE_FRAMES || age > waitFor(b) || b.gap > 2 * gap
}

/**
 * The bitmap to let go when the budget is short for a new one whose frames come every `gap`
 * frames, or undefined when none should go:
 *
 * 1. one no frame has drawn from for a while (the least recently used of those);
 * 2. else the newest of those that have not served yet and are past their wait (see waitFor);
 * 3. else the least recently used of those that have served but are past their wait (the
 *    frames that shared them have moved on);
 * 4. else, of those within their wait, the one whose frames come the most rarely, when the
 *    new one's come more than twice as often (a brand's background shared by every other row
 *    is worth more than one row's picture that comes back every 28 rows).
 *
 * Otherwise none: the new bitmap is not made and its frame is drawn directly, since a bitmap
 * within its wait will likely serve again and the new one is no surer.
 *
 * Plain least-recently-used fails a batch that comes back to more grounds in turn than the
 * budget holds (a feed that cycles through brand colours, every format of every row): it lets
 * go of the very bitmap the next frames will need, every time, and none ever serves twice.
 * Keeping the bitmaps that have served or wait to serve, and not making the ones there is no
 * room for, lets as many of the cycle hit as the budget holds, each made once; the stale rule
 * lets a batch that moves on (a new brand) replace them.
 */
function victimOf(cache: BaseCache, keep: BaseBitmap | undefined, chosen: readonly BaseBitmap[], gap: number): BaseBitmap | undefined {
  let stale: BaseBitmap | undefined
  let unproven: BaseBitmap | undefined
  let done: BaseBitmap | undefined
  let rarest: BaseBitmap | undefined
  for (const b of cache.bitmaps) {
    if (b === keep || chosen.includes(b) || !mayGo(cache, b, gap)) continue
    const age = cache.clock - b.used
    if (age > STALE_FRAMES) {
      if (!stale || b.used < stale.used) stale = b
    } else if (age <= waitFor(b)) {
      if (!rarest || b.gap > rarest.gap) rarest = b
    } else if (b.hits === 0) {
      if (!unproven || b.used > unproven.used) unproven = b
    } else if (!done || b.used < done.used) done = b
  }
  return stale ?? unproven ?? done ?? rarest
}

/** Counters of the base bitmaps kept for an image lookup, or undefined when it has none. */
export function frameBaseStats(images: object): FrameBaseStats | undefined {
  const cache = caches.get(images)
  return cache && { frames: cache.clock, ...cache.stats }
}

/** Lets go of the base bitmaps kept for an image lookup (e.g. when a video is done). */
export function releaseFrameBase(images: object): void {
  caches.delete(images)
}
