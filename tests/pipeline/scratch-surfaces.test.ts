// Soft shadows are blurred on a small scratch surface, which renderFrame keeps per image lookup
// and hands out again, cleared, for the next shadow of the same size, in the same frame or a
// later one. A reused surface must leave nothing of the shadow drawn on it before.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { renderFrame, type ImageLookup, type Scene, type SceneImage } from '@vitrine/core'
import { NodePlatform } from '@vitrine/node'
import { makeCutout, PICTURE, pictureNode, testScene } from '../../packages/core/test/render/clip-cases.ts'

const platform = new NodePlatform()
const SIZE = { width: 900, height: 500 }

/** A second cut-out, of another shape: a bar across the lower half of the picture. */
function makeBar() {
  const surface = platform.createSurface(PICTURE.width, PICTURE.height)
  surface.context.fillStyle = '#0f766e'
  surface.context.fillRect(20, 120, 260, 50)
  return surface
}

const pictures = { ellipse: { source: makeCutout(platform).canvas }, bar: { source: makeBar().canvas } }

function image(src: keyof typeof pictures, x: number): SceneImage {
  const dest = { x, y: 150.5, width: 250, height: (250 * PICTURE.height) / PICTURE.width }
  return pictureNode(src, dest, { shadow: { color: '#00000066', blur: 48, offsetX: 0, offsetY: 28 } })
}

const scene = (nodes: SceneImage[]): Scene => testScene(SIZE, nodes, { ellipse: PICTURE, bar: PICTURE })

/** A lookup that counts the scratch surfaces (smaller than the frame) it is asked for. */
function counting() {
  let scratch = 0
  const lookup: ImageLookup = {
    get: (key) => pictures[key as keyof typeof pictures],
    createSurface: (w, h, o) => {
      if (w < SIZE.width && h < SIZE.height) scratch++
      return platform.createSurface(w, h, o)
    },
  }
  return { lookup, scratch: () => scratch }
}

function draw(s: Scene, lookup: ImageLookup): Uint8ClampedArray {
  const surface = platform.createSurface(s.width, s.height)
  renderFrame(s, 0, surface, lookup)
  return surface.context.getImageData(0, 0, s.width, s.height).data
}

/** Whether two frames are equal in the columns from x0 to x1. */
function sameColumns(a: ArrayLike<number>, b: ArrayLike<number>, x0: number, x1: number): boolean {
  for (let y = 0; y < SIZE.height; y++) {
    for (let i = (y * SIZE.width + x0) * 4; i < (y * SIZE.width + x1) * 4; i++) if (a[i] !== b[i]) return false
  }
  return true
}

test('soft shadows of one size share one scratch surface, in a frame and from frame to frame, and each shows only its own picture', () => {
  // The two pictures and their shadows stay on their own side of x = 450.
  const both = scene([image('ellipse', 40.25), image('bar', 610.75)])
  const c = counting()
  const first = draw(both, c.lookup)
  assert.equal(c.scratch(), 1, 'one scratch surface for both shadows')
  const second = draw(both, c.lookup)
  assert.equal(c.scratch(), 1, 'and the same one in the next frame')
  // Each side equals the frame with that picture alone, drawn on scratch surfaces of its own.
  const ellipse = draw(scene([image('ellipse', 40.25)]), counting().lookup)
  const bar = draw(scene([image('bar', 610.75)]), counting().lookup)
  for (const [name, frame] of [
    ['first', first],
    ['second', second],
  ] as const) {
    assert.ok(sameColumns(frame, ellipse, 0, 450), `${name} frame: the left side differs from the ellipse drawn alone`)
    assert.ok(sameColumns(frame, bar, 450, SIZE.width), `${name} frame: the right side differs from the bar drawn alone`)
  }
  // The pictures are there, on their own sides (or the comparisons prove nothing).
  const bare = draw(scene([]), counting().lookup)
  assert.ok(!sameColumns(ellipse, bare, 0, 450) && sameColumns(ellipse, bare, 450, SIZE.width))
  assert.ok(!sameColumns(bar, bare, 450, SIZE.width) && sameColumns(bar, bare, 0, 450))
})

test('a shadow of another size gets a scratch surface of its own, and the kept ones stay few', () => {
  const c = counting()
  // Nine sizes in turn, twice: the first eight are kept and serve again, the ninth pushes the
  // least recently used one out, and so on round the turn.
  const sizes = Array.from({ length: 9 }, (_, i) => 120 + 20 * i)
  const sized = (width: number): Scene => {
    const node = image('ellipse', 40.25)
    const dest = { ...node.dest, width, height: (width * PICTURE.height) / PICTURE.width }
    return scene([{ ...node, ...dest, dest }])
  }
  for (const width of sizes) draw(sized(width), c.lookup)
  assert.equal(c.scratch(), 9)
  draw(sized(sizes[8]!), c.lookup)
  assert.equal(c.scratch(), 9, 'the last size is kept')
  draw(sized(sizes[0]!), c.lookup)
  assert.equal(c.scratch(), 10, 'the first, least recently used, was let go')
})
