// The base bitmaps of renderFrame across the rows of a batch: the background and bottom layers
// that a frame shares with a recent one (a brand's background in every format, one product in
// every locale) are copied from a bitmap, one per frame size and background, within a budget.
// A frame drawn over a base must be byte for byte the frame drawn from scratch.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { AssetStore, FontLibrary, frameBaseStats, parseTemplate, renderFrame, resolve, type ImageLookup, type Scene, type Surface } from '@vitrine/core'
import { NodePlatform, builtInFontBaseUrl } from '@vitrine/node'

const examples = join(import.meta.dirname, '..', '..', 'examples')
const platform = new NodePlatform()
const fonts = new FontLibrary(platform, { builtInBaseUrl: builtInFontBaseUrl() })
const store = new AssetStore(platform, { baseUrl: pathToFileURL(examples + '/').href })

/** The example card: a gradient of the row's brand colour, a glow, the product, its texts. */
const card = parseTemplate(readFileSync(join(examples, 'product-card.json'), 'utf8'))
const row = (brandColor: string, image: string, title: string) => ({ sku: title, title, price: 19.5, currency: 'EUR', image, brandColor })

const pixels = (surface: Surface) => Buffer.from((surface.canvas as { data(): Uint8Array }).data())

/** The frame drawn with a lookup of its own: nothing cached, everything drawn. */
function fresh(scene: Scene): Buffer {
  const surface = platform.createSurface(scene.width, scene.height)
  renderFrame(scene, 0, surface, { get: (key) => store.get(key), createSurface: (w, h) => platform.createSurface(w, h) })
  return pixels(surface)
}

/**
 * A lookup that counts the base bitmaps it is asked for (surfaces of a frame's size; smaller
 * ones are scratch surfaces, e.g. for shadows), and a surface per size that counts copies from them.
 */
function counting() {
  const bitmaps = new Set<unknown>()
  const surfaces = new Map<string, Surface>()
  const lookup: ImageLookup = {
    get: (key) => store.get(key),
    createSurface: (w, h) => {
      const s = platform.createSurface(w, h)
      if (surfaces.has(`${w}x${h}`)) bitmaps.add(s.canvas)
      return s
    },
  }
  let copies = 0
  const surfaceFor = (width: number, height: number): Surface => {
    const key = `${width}x${height}`
    let surface = surfaces.get(key)
    if (!surface) {
      const real = platform.createSurface(width, height)
      const context = new Proxy(real.context, {
        get(target, prop) {
          const member = (target as never)[prop]
          if (prop === 'drawImage') {
            return (...args: unknown[]) => {
              if (bitmaps.has(args[0])) copies++
              return (member as (...a: unknown[]) => void).apply(target, args)
            }
          }
          return typeof member === 'function' ? (member as (...a: unknown[]) => unknown).bind(target) : member
        },
        set(target, prop, value) {
          ;(target as never as Record<string | symbol, unknown>)[prop] = value
          return true
        },
      })
      surface = { ...real, context }
      surfaces.set(key, surface)
    }
    return surface
  }
  return { lookup, surfaceFor, bitmaps, copies: () => copies }
}

test('rows of one brand in every format: the background and glow come from one bitmap per size, and every frame equals a fresh one', async () => {
  const c = counting()
  const formats = ['instagram-square', 'instagram-story', 'facebook-link']
  const rows = [row('#0f766e', 'images/sneaker.png', 'Runner'), row('#0f766e', 'images/mug.png', 'Mug'), row('#0f766e', 'images/lamp.png', 'Lamp'), row('#0f766e', 'images/cap.png', 'Cap')]
  let frames = 0
  for (const values of rows) {
    for (const format of formats) {
      const scene = await resolve(card, values, { format, platform, assets: store, fonts })
      const surface = c.surfaceFor(scene.width, scene.height)
      renderFrame(scene, 0, surface, c.lookup)
      frames++
      assert.ok(pixels(surface).equals(fresh(scene)), `${values.title} in ${format} differs from a fresh render`)
    }
  }
  // The first row draws everything; the second finds the first in its recent frames and makes
  // one bitmap per size; the last two copy from them.
  assert.equal(c.bitmaps.size, formats.length, 'one bitmap per frame size')
  assert.equal(c.copies(), frames - formats.length, 'every frame after the first row starts from its base')
})

test('rows that alternate between two brand colours each keep a bitmap at the same size', async () => {
  const c = counting()
  const colours = ['#b91c1c', '#1d4ed8']
  const images = ['images/sneaker.png', 'images/mug.png', 'images/watch.png']
  for (let i = 0; i < 6; i++) {
    const scene = await resolve(card, row(colours[i % 2]!, images[i % 3]!, `Item ${i}`), { format: 'instagram-square', platform, assets: store, fonts })
    const surface = c.surfaceFor(scene.width, scene.height)
    renderFrame(scene, 0, surface, c.lookup)
    assert.ok(pixels(surface).equals(fresh(scene)), `row ${i} differs from a fresh render`)
  }
  // Rows 0 and 1 draw everything; rows 2 and 3 make a bitmap for their colour; 4 and 5 reuse them.
  assert.equal(c.bitmaps.size, 2)
  assert.equal(c.copies(), 4)
})

test('one product in several locales: the base reaches up to the product picture', async () => {
  const c = counting()
  const values = row('#7c3aed', 'images/headphones.png', 'Headphones')
  const scenes: Scene[] = []
  for (const locale of ['en-US', 'de-DE', 'fr-FR', 'ja-JP']) scenes.push(await resolve(card, values, { format: 'instagram-square', locale, platform, assets: store, fonts }))
  const glowAndProduct = scenes[0]!.nodes.findIndex((n) => n.id === 'product') + 1
  for (const scene of scenes) {
    const surface = c.surfaceFor(scene.width, scene.height)
    renderFrame(scene, 0, surface, c.lookup)
    assert.ok(pixels(surface).equals(fresh(scene)), `${scene.locale} differs from a fresh render`)
  }
  assert.ok(glowAndProduct >= 2)
  assert.equal(c.bitmaps.size, 1, 'one bitmap, made when the second locale shares the picture')
  assert.equal(c.copies(), 3)
})

test("two formats of one size in every row: the brand's base stays, and the second format of a row starts from it too", async () => {
  const c = counting()
  const images = ['images/sneaker.png', 'images/mug.png', 'images/watch.png', 'images/lamp.png']
  let frames = 0
  for (const [i, image] of images.entries()) {
    for (const format of ['instagram-square', 'facebook-feed']) {
      const scene = await resolve(card, row('#be123c', image, `Item ${i}`), { format, platform, assets: store, fonts })
      const surface = c.surfaceFor(scene.width, scene.height)
      renderFrame(scene, 0, surface, c.lookup)
      frames++
      assert.ok(pixels(surface).equals(fresh(scene)), `item ${i} in ${format} differs from a fresh render`)
    }
  }
  // The first frame draws everything; the second (the same picture in the other format) makes a
  // bitmap of all but its top layer (a base never holds a whole frame); the next row's first
  // frame shares the background and glow with both, a bitmap of those; every later frame
  // copies that one, the second format of a row included.
  assert.equal(c.bitmaps.size, 2)
  assert.equal(c.copies(), frames - 1)
})

test('the bitmaps of one lookup stay within 64 MiB: the newest that never served go first, past their wait', async () => {
  const c = counting()
  const values = row('#334155', 'images/bottle.png', 'Bottle')
  const sceneOf = (i: number) => resolve(card, values, { format: `1000x${1004 + i}`, platform, assets: store, fonts })
  // 20 sizes of about 4 MB each, each drawn twice in a row: the second makes its bitmap. Only
  // 16 fit in 64 MiB, so making the 17th to the 20th lets four go: none has served a second
  // frame, so the newest past their wait (four frames: their two frames came one apart) go,
  // sizes 13, 14, 15 and 16 (the 20th size's frames are the 39th and 40th: size 16's
  // bitmap was made at frame 34), keeping the older ones that a batch coming back round would need.
  for (let i = 0; i < 20; i++) {
    const scene = await sceneOf(i)
    const surface = c.surfaceFor(scene.width, scene.height)
    renderFrame(scene, 0, surface, c.lookup)
    renderFrame(scene, 0, surface, c.lookup)
    assert.ok(pixels(surface).equals(fresh(scene)))
  }
  assert.equal(c.bitmaps.size, 20)
  assert.equal(c.copies(), 20)
  assert.deepEqual(frameBaseStats(c.lookup), { frames: 40, hits: 0, builds: 20, evictions: 4, unused: 4 })
  // A size drawn once more: 'kept' when its bitmap served, 'made' when one was made again (its
  // frames are among the recent ones), 'drawn' when neither.
  const fate = async (i: number) => {
    const before = frameBaseStats(c.lookup)!
    const scene = await sceneOf(i)
    const surface = c.surfaceFor(scene.width, scene.height)
    renderFrame(scene, 0, surface, c.lookup)
    assert.ok(pixels(surface).equals(fresh(scene)))
    const after = frameBaseStats(c.lookup)!
    return after.hits > before.hits ? 'kept' : after.builds > before.builds ? 'made' : 'drawn'
  }
  // The first and the last sizes kept theirs, and so did 12 and 17 around the four that lost
  // theirs: those, still among the recent frames, make them again.
  const fates: string[] = []
  for (const i of [0, 19, 12, 17, 13, 14, 15, 16]) fates.push(`${i} ${await fate(i)}`)
  assert.deepEqual(fates, ['0 kept', '19 kept', '12 kept', '17 kept', '13 made', '14 made', '15 made', '16 made'])
})

test('a feed that cycles through more brand colours than the budget holds keeps as many bases as fit, each made once (least-recently-used would find none)', async () => {
  const c = counting()
  // 17 colours at 1080x1080 (4.7 MB a bitmap: 14 fit in 64 MiB), in the same order, turn after turn.
  const colours = Array.from({ length: 17 }, (_, i) => `#${(0x203040 + i * 0x070503).toString(16).padStart(6, '0')}`)
  const scenes: Scene[] = []
  for (const [i, colour] of colours.entries()) scenes.push(await resolve(card, row(colour, 'images/mug.png', `Mug ${i}`), { format: 'instagram-square', platform, assets: store, fonts }))
  const surface = c.surfaceFor(1080, 1080)
  const turn = () => {
    const before = frameBaseStats(c.lookup) ?? { hits: 0, builds: 0 }
    for (const scene of scenes) renderFrame(scene, 0, surface, c.lookup)
    const after = frameBaseStats(c.lookup)!
    return { hits: after.hits - before.hits, builds: after.builds - before.builds }
  }
  // The first turn has nothing to share; the second finds each row's first turn and makes a
  // bitmap for the first 14. The 15th would have to let go of one whose next frame is due (17
  // frames apart, the same as its own): it is not made, its frame is drawn directly.
  assert.deepEqual(turn(), { hits: 0, builds: 0 })
  assert.deepEqual(turn(), { hits: 0, builds: 14 })
  // Least-recently-used would have let go of the first colours' bitmaps to make the last ones,
  // then of each next one to remake the one before: no hit at all. Here the 14 that fit hit,
  // turn after turn, and nothing is made again for nothing.
  for (let i = 0; i < 2; i++) assert.deepEqual(turn(), { hits: 14, builds: 0 })
  assert.equal(frameBaseStats(c.lookup)!.unused, 0)
  assert.ok(pixels(surface).equals(fresh(scenes.at(-1)!)))
})

test('a ground that most rows share takes the place of one that comes back only every turn', async () => {
  const c = counting()
  // The example feed's pattern: rows in the template's own colour (each a different product)
  // between rows in 16 brand colours, 28 rows a turn. 14 bitmaps fit at 1080x1080 and 17
  // grounds come back every turn: the shared one, two rows apart, wins its place over the
  // brand colours, which come back 28 rows apart.
  const pictures = ['sneaker', 'mug', 'backpack', 'watch', 'headphones', 'bottle', 'lamp', 'chair', 'sunglasses', 'plant-pot', 'cap', 'perfume']
  const colours = Array.from({ length: 16 }, (_, i) => `#${(0x602030 + i * 0x050703).toString(16).padStart(6, '0')}`)
  const scenes: { scene: Scene; shared: boolean }[] = []
  for (let i = 0; i < 16; i++) {
    const branded = row(colours[i]!, `images/${pictures[i % 12]}.png`, `Branded ${i}`)
    scenes.push({ scene: await resolve(card, branded, { format: 'instagram-square', platform, assets: store, fonts }), shared: false })
    if (i >= 12) continue
    const { brandColor: _, ...plain } = row('#000000', `images/${pictures[i]}.png`, `Plain ${i}`)
    scenes.push({ scene: await resolve(card, plain, { format: 'instagram-square', platform, assets: store, fonts }), shared: true })
  }
  const surface = c.surfaceFor(1080, 1080)
  const turn = () => {
    let sharedHits = 0
    const before = frameBaseStats(c.lookup) ?? { hits: 0, builds: 0 }
    for (const { scene, shared } of scenes) {
      const hits = frameBaseStats(c.lookup)?.hits ?? 0
      renderFrame(scene, 0, surface, c.lookup)
      if (shared && frameBaseStats(c.lookup)!.hits > hits) sharedHits++
    }
    const after = frameBaseStats(c.lookup)!
    return { sharedHits, hits: after.hits - before.hits, builds: after.builds - before.builds }
  }
  turn()
  turn()
  // Every plain row starts from the shared base, and 13 of the 16 branded rows from theirs;
  // the other three are drawn directly, with no bitmap made for nothing.
  for (let i = 0; i < 2; i++) assert.deepEqual(turn(), { sharedHits: 12, hits: 25, builds: 0 })
  assert.ok(pixels(surface).equals(fresh(scenes.at(-1)!.scene)))
})

test('the recent frames and bitmaps keep no picture alive that the store has let go', async () => {
  const { setFlagsFromString } = await import('node:v8')
  const { runInNewContext } = await import('node:vm')
  setFlagsFromString('--expose-gc')
  const gc = runInNewContext('gc') as () => void
  const scene = await resolve(card, row('#0e7490', 'images/sneaker.png', 'Sneaker'), { format: 'instagram-square', platform, assets: store, fonts })
  // A lookup over a picture of its own, which it then replaces, as a store does when it evicts.
  const src = (scene.nodes.find((n) => n.id === 'product') as { src: string }).src
  const real = store.get(src)!
  const pictures = new Map<string, { source: unknown }>([[src, { source: real.source }]])
  const lookup: ImageLookup = { get: (key) => pictures.get(key) ?? store.get(key), createSurface: (w, h) => platform.createSurface(w, h) }
  const surface = platform.createSurface(scene.width, scene.height)
  for (let i = 0; i < 3; i++) renderFrame(scene, 0, surface, lookup)
  const first = new WeakRef(pictures.get(src)!)
  pictures.set(src, { source: real.source })
  for (let i = 0; i < 3; i++) renderFrame(scene, 0, surface, lookup)
  surface.context.getImageData(0, 0, 1, 1)
  assert.ok(pixels(surface).equals(fresh(scene)))
  await new Promise((r) => setTimeout(r, 10))
  gc()
  assert.equal(first.deref(), undefined, 'the replaced picture was collected')
})

test('a base of the background alone is copied, not drawn again over its copy (a translucent background shows it)', async () => {
  const glass = parseTemplate({
    schemaVersion: 3,
    size: { width: 200, height: 200 },
    variables: { title: { type: 'text', required: true } },
    background: { type: 'linear-gradient', angle: 90, stops: [{ offset: 0, color: '#1d4ed880' }, { offset: 1, color: '#be123c40' }] },
    layers: [{ id: 'title', type: 'text', text: '{title}', fontSize: 24, color: '#ffffff', box: { left: 10, top: 80, right: 10, height: 40 } }],
  })
  const c = counting()
  for (const title of ['One', 'Two', 'Three', 'Four']) {
    const scene = await resolve(glass, { title }, { format: '200x200', platform, assets: store, fonts })
    const surface = c.surfaceFor(scene.width, scene.height)
    renderFrame(scene, 0, surface, c.lookup)
    assert.ok(pixels(surface).equals(fresh(scene)), `"${title}" differs from a fresh render`)
  }
  assert.equal(c.copies(), 3, 'the background came from its bitmap from the second frame on')
})
