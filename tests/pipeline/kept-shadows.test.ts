// A soft shadow is scaled up once into a kept surface, at its place's fraction of a pixel, and
// copied onto the frame from there at whole pixels (render/kept-shadows.ts). What a frame shows
// must not depend on whether its shadow was kept from an earlier frame: a copy is the very same
// pixels as the first drawing, wherever the picture moved by whole pixels, and a surface used
// again leaves nothing of the shadow drawn on it before.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { renderFrame, type ImageLookup, type Scene, type SceneImage } from '@vitrine/core'
import { NodePlatform } from '@vitrine/node'
import { makeCutout, measurePicture, PICTURE, pictureNode, testScene } from '../../packages/core/test/render/clip-cases.ts'

const platform = new NodePlatform()
const SIZE = { width: 900, height: 560 }
const picture = makeCutout(platform)
const bounds = measurePicture(platform, picture)
const shadow = { color: '#00000066', blur: 48, offsetX: 0, offsetY: 28 }

function image(x: number, y: number, width = 250, more: Partial<SceneImage> = {}): SceneImage {
  return pictureNode('cutout', { x, y, width, height: (width * PICTURE.height) / PICTURE.width }, { shadow, ...more })
}

const scene = (nodes: SceneImage[], size = SIZE): Scene => testScene(size, nodes, { cutout: PICTURE })

/**
 * A lookup like an AssetStore (it knows where the picture has pixels) that counts the kept
 * surfaces it makes: scratch surfaces are asked for with `willReadFrequently`, kept ones without.
 */
function counting(withBounds = true) {
  let kept = 0
  const lookup: ImageLookup = {
    get: (key) => (key === 'cutout' ? { source: picture.canvas } : undefined),
    createSurface: (w, h, o) => {
      if (!o?.willReadFrequently) kept++
      return platform.createSurface(w, h, o)
    },
    ...(withBounds ? { contentBounds: (key: string) => (key === 'cutout' ? bounds : undefined) } : {}),
  }
  return { lookup, kept: () => kept }
}

function draw(s: Scene, lookup: ImageLookup): Uint8ClampedArray {
  const surface = platform.createSurface(s.width, s.height)
  renderFrame(s, 0, surface, lookup)
  return surface.context.getImageData(0, 0, s.width, s.height).data
}

/** How many pixels differ, and by how many levels at most. */
function compare(a: ArrayLike<number>, b: ArrayLike<number>) {
  let pixels = 0
  let most = 0
  for (let i = 0; i < a.length; i += 4) {
    let level = 0
    for (let j = 0; j < 4; j++) level = Math.max(level, Math.abs(a[i + j]! - b[i + j]!))
    if (level > 0) pixels++
    most = Math.max(most, level)
  }
  return { pixels, most }
}

test('a soft shadow is scaled up once, then copied: the same pixels, wherever the picture moved by whole pixels', () => {
  const c = counting()
  const here = scene([image(40.25, 150.5)])
  const first = draw(here, c.lookup)
  assert.equal(c.kept(), 1, 'one kept surface for the shadow')
  assert.deepEqual(draw(here, c.lookup), first, 'the next frame copies it, and shows the same pixels')
  assert.equal(c.kept(), 1)
  // 300 and 60 whole pixels away: the same fraction of a pixel, so the same kept shadow, and
  // the very frame a lookup that never saw the picture draws there.
  const moved = scene([image(340.25, 90.5)])
  const copied = draw(moved, c.lookup)
  assert.equal(c.kept(), 1, 'moved by whole pixels: still copied')
  assert.deepEqual(copied, draw(moved, counting().lookup))
  // Another fraction of a pixel, another size, another crop: each its own shadow.
  draw(scene([image(40.5, 150.5)]), c.lookup)
  assert.equal(c.kept(), 2, 'another fraction of a pixel')
  draw(scene([image(40.25, 150.5, 251)]), c.lookup)
  assert.equal(c.kept(), 3, 'another size')
  draw(scene([image(40.25, 150.5, 250, { crop: { x: 20, y: 0, width: 280, height: 200 } })]), c.lookup)
  assert.equal(c.kept(), 4, 'another part of the picture')
  // The shadow is there, and is what scaling it up straight onto the frame draws, within a
  // level where a sample is rounded twice (and where Skia resamples the clipped picture).
  const none = draw(scene([image(40.25, 150.5, 250, { shadow: undefined })]), counting().lookup)
  assert.ok(compare(first, none).pixels > 20_000, 'the shadow darkens a wide area')
  const straight = compare(first, draw(here, counting(false).lookup))
  assert.ok(straight.most <= 1, `a pixel differs from the shadow drawn straight by ${straight.most} levels`)
})

test('two pictures in one frame keep a shadow each; half transparent, each copies its own', () => {
  const c = counting()
  const both = scene([image(40.25, 150.5, 250, { opacity: 0.55 }), image(560.75, 120.25)])
  const first = draw(both, c.lookup)
  assert.equal(c.kept(), 2)
  assert.deepEqual(draw(both, c.lookup), first)
  assert.equal(c.kept(), 2)
  assert.deepEqual(first, draw(both, counting().lookup))
})

test('kept shadows stay within their budget, and a surface used again leaves nothing of the shadow before', () => {
  const c = counting()
  // Seventeen sizes a pixel apart: their kept surfaces (made in steps of 64 pixels) are all of
  // one size. Sixteen are kept; the seventeenth pushes the least recently used out and uses its
  // surface again.
  const sized = (i: number) => scene([image(40.25, 150.5, 250 + i)])
  const frames = Array.from({ length: 17 }, (_, i) => draw(sized(i), c.lookup))
  assert.equal(c.kept(), 16, 'the seventeenth used the first one’s surface')
  assert.deepEqual(draw(sized(16), c.lookup), frames[16], 'the last is kept')
  assert.equal(c.kept(), 16)
  // The first was let go: drawn again, on the surface of the second, cleared.
  assert.deepEqual(draw(sized(0), c.lookup), frames[0])
  assert.equal(c.kept(), 16)
  assert.deepEqual(draw(sized(0), counting().lookup), frames[0], 'as a lookup that never saw the others draws it')
  // The second was let go for it.
  draw(sized(1), c.lookup)
  assert.equal(c.kept(), 16)
  assert.deepEqual(draw(sized(2), c.lookup), frames[2])
  assert.equal(c.kept(), 16, 'the third was still kept')
})

test('a shadow too big to keep is drawn through a surface of its own each time, for the same pixels', () => {
  const c = counting()
  // The blur reaches ~2730 x 1810 pixels: 20 MB, over half of the 32 MiB budget.
  const big = scene([image(100.5, 80.5, 4400)], { width: 4600, height: 3100 })
  const first = draw(big, c.lookup)
  const second = draw(big, c.lookup)
  assert.equal(c.kept(), 2, 'not kept: made for each frame')
  assert.deepEqual(second, first)
})
