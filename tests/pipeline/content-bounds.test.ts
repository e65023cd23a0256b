// renderFrame draws only the part of a cut-out picture (and of its shadow) that has pixels,
// from the bounds AssetStore measures once per picture. Each case below is drawn with and
// without the bounds: nothing drawn may fall outside the clips, and the two frames may differ
// by a level or so where Skia resamples a clipped picture (see checkCase). The same cases run
// in Chromium (packages/core/test-browser/content-bounds.test.ts).
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { AssetStore, FontLibrary, parseTemplate, renderFrame, resolve, type ImageLookup, type Scene } from '@vitrine/core'
import { NodePlatform, builtInFontBaseUrl } from '@vitrine/node'
import { measureContentBounds } from '../../packages/core/src/platform/content-bounds.ts'
import { PICTURE_CONTENT, checkCase, clipCases, drawBothWays, makeCutout, measurePicture } from '../../packages/core/test/render/clip-cases.ts'

const platform = new NodePlatform()
const examples = join(import.meta.dirname, '..', '..', 'examples')

/** The bounds of a picture drawn by `draw` on a `width` × `height` surface. */
function boundsOf(width: number, height: number, draw: (ctx: CanvasRenderingContext2D) => void) {
  const s = platform.createSurface(width, height)
  draw(s.context as unknown as CanvasRenderingContext2D)
  return measureContentBounds(s.canvas, width, height, (w, h, o) => platform.createSurface(w, h, o))
}

test('the content bounds of a cut-out are exact, down to a pixel of alpha 1/255 on each edge', () => {
  const picture = makeCutout(platform)
  assert.deepEqual(measurePicture(platform, picture), PICTURE_CONTENT)
  // The faint pixels are really there (alpha 1), or the test proves nothing.
  assert.equal(picture.context.getImageData(PICTURE_CONTENT.x, 101, 1, 1).data[3], 1)
})

test('content bounds: an opaque picture is all content, a transparent one has none, and pixels past a band edge are found', () => {
  assert.deepEqual(
    boundsOf(150, 70, (c) => {
      c.fillStyle = '#123456'
      c.fillRect(0, 0, 150, 70)
    }),
    { x: 0, y: 0, width: 150, height: 70 },
  )
  assert.deepEqual(
    boundsOf(150, 70, () => {}),
    { x: 0, y: 0, width: 0, height: 0 },
  )
  // Single pixels at the first row and column of a second 64-pixel band, and on the last row.
  const dots = boundsOf(260, 210, (c) => {
    c.fillStyle = '#000'
    c.fillRect(64, 130, 1, 1)
    c.fillRect(191, 64, 1, 1)
    c.fillRect(100, 209, 1, 1)
  })
  assert.deepEqual(dots, { x: 64, y: 64, width: 191 - 64 + 1, height: 209 - 64 + 1 })
  assert.deepEqual(
    boundsOf(1, 1, (c) => {
      c.fillStyle = '#fff'
      c.fillRect(0, 0, 1, 1)
    }),
    { x: 0, y: 0, width: 1, height: 1 },
  )
})

test('drawing only the visible part of a picture and its shadow cuts nothing off (Skia)', () => {
  const picture = makeCutout(platform)
  const bounds = measurePicture(platform, picture)
  const cases = clipCases()
  for (const c of cases) assert.equal(checkCase(c, drawBothWays(platform, picture, bounds, c.scene)), undefined)
  assert.ok(cases.filter((c) => c.clipped).length >= 20)
})

test('AssetStore measures a picture once, and the example card drawn with it is the same card', async () => {
  const store = new AssetStore(platform, { baseUrl: pathToFileURL(examples + '/').href })
  const fonts = new FontLibrary(platform, { builtInBaseUrl: builtInFontBaseUrl() })
  const card = parseTemplate(readFileSync(join(examples, 'product-card.json'), 'utf8'))
  for (const [format, image] of [
    ['instagram-square', 'images/sneaker.png'],
    ['instagram-story', 'images/lamp.png'],
    ['facebook-link', 'images/perfume.png'],
  ] as const) {
    const scene: Scene = await resolve(card, { sku: 'X', title: 'A title', price: 12, currency: 'EUR', image, brandColor: '#0f4c5c' }, { format, platform, assets: store, fonts })
    const key = Object.keys(scene.images)[0]!
    const size = scene.images[key]!
    const bounds = store.contentBounds(key)!
    assert.ok(bounds.width > 0 && bounds.width * bounds.height < 0.6 * size.width * size.height, `${image}: a cut-out is mostly margin`)
    assert.equal(store.contentBounds(key), bounds, 'measured once, then kept')
    const draw = (lookup: ImageLookup) => {
      const s = platform.createSurface(scene.width, scene.height)
      renderFrame(scene, 0, s, lookup)
      return s.context.getImageData(0, 0, scene.width, scene.height).data
    }
    const base = { get: (k: string) => store.get(k), createSurface: (w: number, h: number) => platform.createSurface(w, h) }
    const clipped = draw({ ...base, contentBounds: (k) => store.contentBounds(k) })
    const whole = draw(base)
    let pixels = 0
    let most = 0
    for (let i = 0; i < whole.length; i += 4) {
      const level = Math.max(...[0, 1, 2, 3].map((j) => Math.abs(clipped[i + j]! - whole[i + j]!)))
      most = Math.max(most, level)
      if (level > 0) pixels++
    }
    // Measured: 14 pixels (at most 3 levels) in the square, 90 (4 levels) in the story, none in
    // the link; all in one column, where a sample falls on a rounding edge.
    assert.ok(most <= 4, `${format}: a pixel differs by ${most} levels`)
    assert.ok(pixels <= 0.0001 * scene.width * scene.height, `${format}: ${pixels} pixels differ`)
    assert.ok(pixels < 0.0005 * scene.width * scene.height, `${format}: ${pixels} pixels differ by a level`)
  }
  assert.equal(store.contentBounds('file:///not/loaded.png'), undefined)
})
