// A soft shadow is scaled up once into a kept surface, at its place's fraction of a pixel, and
// copied onto the frame from there at whole pixels (render/kept-shadows.ts); so is a still
// picture, resampled to its drawn size. What a frame shows must not depend on whether its
// shadow or picture was kept from an earlier frame: a copy is the very same pixels as the first
// drawing, wherever the picture moved by whole pixels, and a surface used again leaves nothing
// of what was drawn on it before.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { keptPictureStats, keptShadowStats, renderFrame, type ImageLookup, type Scene, type SceneImage } from '@vitrine/core'
import { NodePlatform } from '@vitrine/node'
import { makeCutout, measurePicture, PICTURE, PICTURE_CONTENT, pictureNode, testScene } from '../../packages/core/test/render/clip-cases.ts'

const platform = new NodePlatform()
const SIZE = { width: 900, height: 560 }
const picture = makeCutout(platform)
const bounds = measurePicture(platform, picture)
const shadow = { color: '#00000066', blur: 48, offsetX: 0, offsetY: 28 }
// A 250 px picture's shadow reaches ~300 x 230 pixels: kept on a 320 x 256 surface.
const SHADOW_BYTES = 320 * 256 * 4

function image(x: number, y: number, width = 250, more: Partial<SceneImage> = {}): SceneImage {
  return pictureNode('cutout', { x, y, width, height: (width * PICTURE.height) / PICTURE.width }, { shadow, ...more })
}

const scene = (nodes: SceneImage[], size = SIZE): Scene => testScene(size, nodes, { cutout: PICTURE })

/** A lookup like an AssetStore: it knows where the picture has pixels. */
function lookup(withBounds = true): ImageLookup {
  return {
    get: (key) => (key === 'cutout' ? { source: picture.canvas } : undefined),
    createSurface: (w, h, o) => platform.createSurface(w, h, o),
    ...(withBounds ? { contentBounds: (key: string) => (key === 'cutout' ? bounds : undefined) } : {}),
  }
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

test('a soft shadow is scaled up, kept when it comes back, then copied: the same pixels, wherever the picture moved by whole pixels', () => {
  const images = lookup()
  const here = scene([image(40.25, 150.5)])
  const first = draw(here, images)
  assert.deepEqual(keptShadowStats(images), { drawn: 1, copied: 0, surfaces: 1, kept: 0, bytes: 0 }, 'the first time, through the transit surface')
  assert.deepEqual(draw(here, images), first, 'the second time, scaled up into a surface of its own')
  assert.deepEqual(keptShadowStats(images), { drawn: 2, copied: 0, surfaces: 2, kept: 1, bytes: SHADOW_BYTES })
  assert.deepEqual(draw(here, images), first, 'then copied')
  assert.equal(keptShadowStats(images)!.copied, 1)
  // 300 and 60 whole pixels away: the same fraction of a pixel, so the same kept shadow, and
  // the very frame a lookup that never saw the picture draws there.
  const moved = scene([image(340.25, 90.5)])
  const copied = draw(moved, images)
  assert.deepEqual(keptShadowStats(images), { drawn: 2, copied: 2, surfaces: 2, kept: 1, bytes: SHADOW_BYTES }, 'moved by whole pixels: still copied')
  assert.deepEqual(copied, draw(moved, lookup()))
  // Another fraction of a pixel, another size, another crop: each its own shadow.
  for (const other of [image(40.5, 150.5), image(40.25, 150.5, 251), image(40.25, 150.5, 250, { crop: { x: 20, y: 0, width: 280, height: 200 } })]) {
    const before = keptShadowStats(images)!
    draw(scene([other]), images)
    assert.deepEqual(keptShadowStats(images), { ...before, drawn: before.drawn + 1 }, `${JSON.stringify(other.dest)}, ${JSON.stringify(other.crop)}: drawn anew`)
  }
  // The shadow is there, and is what scaling it up straight onto the frame draws, within a
  // level where a sample is rounded twice (and where Skia resamples the clipped picture); the
  // picture over it, also kept, rounds once more where it is semi-transparent.
  const none = draw(scene([image(40.25, 150.5, 250, { shadow: undefined })]), lookup())
  assert.ok(compare(first, none).pixels > 20_000, 'the shadow darkens a wide area')
  const straight = compare(first, draw(here, lookup(false)))
  assert.ok(straight.most <= 2, `a pixel differs from the shadow and picture drawn straight by ${straight.most} levels`)
  assert.equal(keptShadowStats(lookup()), undefined)
})

test('two pictures in one frame keep a shadow each; half transparent, each copies its own', () => {
  const images = lookup()
  const both = scene([image(40.25, 150.5, 250, { opacity: 0.55 }), image(560.75, 120.25)])
  const first = draw(both, images)
  assert.deepEqual(draw(both, images), first)
  assert.deepEqual(draw(both, images), first)
  assert.deepEqual(keptShadowStats(images), { drawn: 4, copied: 2, surfaces: 3, kept: 2, bytes: 2 * SHADOW_BYTES })
  assert.deepEqual(first, draw(both, lookup()))
})

test('kept shadows stay within their budget, and a surface used again leaves nothing of the shadow before', () => {
  const images = lookup()
  // Seventeen sizes a pixel apart, each drawn twice to be kept: their surfaces (made in steps
  // of 64 pixels) are all of one size. Sixteen are kept; the seventeenth pushes the least
  // recently used out and uses its surface again.
  const sized = (i: number) => scene([image(40.25, 150.5, 250 + i)])
  const frames = Array.from({ length: 17 }, (_, i) => draw(sized(i), images))
  for (let i = 0; i < 17; i++) assert.deepEqual(draw(sized(i), images), frames[i], `size ${i}: kept as the first drawing`)
  assert.deepEqual(keptShadowStats(images), { drawn: 34, copied: 0, surfaces: 17, kept: 16, bytes: 16 * SHADOW_BYTES }, 'the seventeenth used the first one’s surface')
  assert.deepEqual(draw(sized(16), images), frames[16], 'the last is kept')
  assert.equal(keptShadowStats(images)!.copied, 1)
  // The first was let go: drawn through the transit surface, then kept again on the surface of
  // the second, cleared.
  assert.deepEqual(draw(sized(0), images), frames[0])
  assert.deepEqual(draw(sized(0), images), frames[0])
  assert.deepEqual(keptShadowStats(images), { drawn: 36, copied: 1, surfaces: 17, kept: 16, bytes: 16 * SHADOW_BYTES })
  assert.deepEqual(draw(sized(0), lookup()), frames[0], 'as a lookup that never saw the others draws it')
  assert.deepEqual(draw(sized(2), images), frames[2])
  assert.equal(keptShadowStats(images)!.copied, 2, 'the third was still kept')
})

test('a shadow too big to keep is drawn through a surface of its own each time, for the same pixels', () => {
  const images = lookup()
  // The blur reaches ~2730 x 1810 pixels: 20 MB, over half of the 32 MiB budget.
  const big = scene([image(100.5, 80.5, 4400)], { width: 4600, height: 3100 })
  const first = draw(big, images)
  const second = draw(big, images)
  assert.deepEqual(keptShadowStats(images), { drawn: 2, copied: 0, surfaces: 2, kept: 0, bytes: 0 }, 'not kept: made for each frame')
  assert.deepEqual(second, first)
})

test('a picture that moves, or that a group moves, is not kept: its shadow is another on every frame', () => {
  const images = lookup()
  const animation = { start: 0, end: 2, effects: [] }
  const picture = image(40.25, 150.5)
  draw(scene([{ ...picture, animation }]), images)
  const group = { type: 'group' as const, id: 'moving', x: 0, y: 0, width: SIZE.width, height: SIZE.height, opacity: 1, rotation: 0, clip: false, animation, children: [picture] }
  draw({ ...scene([]), nodes: [group] }, images)
  assert.equal(keptShadowStats(images), undefined, 'drawn straight, as before')
  // The same picture, still: kept.
  draw(scene([picture]), images)
  assert.equal(keptShadowStats(images)!.drawn, 1)
})


test('a still picture is resampled to its place, kept when it comes back, then copied: the same pixels, wherever it moved by whole pixels', () => {
  const images = lookup()
  const bare = (x: number, y: number, width = 250, more: Partial<SceneImage> = {}) => image(x, y, width, { shadow: undefined, ...more })
  const here = scene([bare(40.25, 150.5)])
  const first = draw(here, images)
  assert.equal(keptShadowStats(images), undefined, 'no shadow')
  assert.deepEqual(keptPictureStats(images), { drawn: 1, copied: 0, surfaces: 1, kept: 0, bytes: 0 }, 'the first time, through the transit surface')
  assert.deepEqual(draw(here, images), first, 'the second time, into a surface of its own')
  assert.equal(keptPictureStats(images)!.kept, 1)
  assert.deepEqual(draw(here, images), first, 'then copied')
  assert.equal(keptPictureStats(images)!.copied, 1)
  const moved = scene([bare(340.25, 90.5)])
  assert.deepEqual(draw(moved, images), draw(moved, lookup()), 'moved by whole pixels: copied, as a lookup that never saw it draws it there')
  assert.equal(keptPictureStats(images)!.copied, 2)
  // Another fraction of a pixel, size or crop: drawn anew.
  for (const other of [bare(40.5, 150.5), bare(40.25, 150.5, 251), bare(40.25, 150.5, 250, { crop: { x: 20, y: 0, width: 280, height: 200 } })]) {
    const before = keptPictureStats(images)!
    draw(scene([other]), images)
    assert.deepEqual(keptPictureStats(images), { ...before, drawn: before.drawn + 1 }, `${JSON.stringify(other.dest)}, ${JSON.stringify(other.crop)}: drawn anew`)
  }
  // The copy is the picture resampled straight onto the frame, within the two levels of a
  // sample stored premultiplied in 8 bits, then blended; half transparent, too.
  assert.ok(compare(first, draw(scene([]), images)).pixels > 10_000, 'the picture is drawn')
  const straight = compare(first, draw(here, lookup(false)))
  assert.ok(straight.most <= 2, `${straight.pixels} pixels differ, by ${straight.most} levels at most`)
  const faded = scene([bare(40.25, 150.5, 250, { opacity: 0.55 })])
  const fadedStraight = compare(draw(faded, images), draw(faded, lookup(false)))
  assert.ok(fadedStraight.most <= 2, `half transparent: a pixel differs by ${fadedStraight.most} levels`)
  // Only what has pixels is kept: the cut-out's visible part (220 x 140 of 300 x 200), scaled.
  assert.ok(keptPictureStats(images)!.bytes <= 6 * 256 * 192 * 4, `kept ${keptPictureStats(images)!.bytes} bytes`)
})

test('a picture that moves, casts a canvas shadow, or is turned, is drawn straight', () => {
  const images = lookup()
  const animation = { start: 0, end: 2, effects: [] }
  const bare = image(40.25, 150.5, 250, { shadow: undefined })
  draw(scene([{ ...bare, animation }]), images)
  const sharp = { color: '#1e293bcc', blur: 6, offsetX: 5, offsetY: -7 }
  const casting = scene([{ ...bare, shadow: sharp }])
  // Drawn straight, clipped to where picture and shadow land (one level, where Skia resamples
  // the clipped picture).
  assert.ok(compare(draw(casting, images), draw(casting, lookup(false))).most <= 1, 'a canvas shadow follows the picture drawn straight')
  draw(scene([{ ...bare, rotation: 12 }]), images)
  assert.equal(keptPictureStats(images), undefined, 'none went through a kept surface')
  draw(scene([bare]), images)
  assert.equal(keptPictureStats(images)!.drawn, 1, 'the same picture, still: kept')
})

test('a picture loaded again under the same key (evicted, then changed at its address) is drawn anew, not copied', () => {
  const other = platform.createSurface(PICTURE.width, PICTURE.height)
  other.context.fillStyle = '#16a34a'
  other.context.fillRect(PICTURE_CONTENT.x, PICTURE_CONTENT.y, PICTURE_CONTENT.width, PICTURE_CONTENT.height)
  let current = picture
  const images: ImageLookup = { ...lookup(), get: (key) => (key === 'cutout' ? { source: current.canvas } : undefined) }
  const here = scene([image(40.25, 150.5)])
  draw(here, images)
  draw(here, images)
  assert.equal(keptPictureStats(images)!.kept, 1)
  assert.equal(keptShadowStats(images)!.kept, 1)
  current = other
  const fresh: ImageLookup = { ...lookup(), get: (key) => (key === 'cutout' ? { source: other.canvas } : undefined) }
  assert.deepEqual(draw(here, images), draw(here, fresh), 'the new picture and its shadow, as a lookup that only saw it draws them')
})
