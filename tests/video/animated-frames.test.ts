// renderFrame(scene, t) in Node: the same Scene drawn at different times shows the animation
// the template describes, frame by frame, with real fonts and a real Skia canvas.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { AssetStore, FontLibrary, parseTemplate, renderFrame, resolve, type Scene } from '@vitrine/core'
import { NodePlatform, builtInFontBaseUrl } from '@vitrine/node'

const platform = new NodePlatform()
const fonts = new FontLibrary(platform, { builtInBaseUrl: builtInFontBaseUrl() })
const assets = new AssetStore(platform, { baseUrl: pathToFileURL(join(import.meta.dirname, '..', 'parity') + '/').href })

async function sceneOf(doc: Record<string, unknown>): Promise<Scene> {
  const template = parseTemplate({ schemaVersion: 3, size: { width: 100, height: 100 }, variables: {}, background: '#000000', ...doc })
  return resolve(template, {}, { format: '100x100', platform, assets, fonts })
}

/** RGBA of one pixel of the frame at time t. */
function pixelsAt(scene: Scene, t: number) {
  const surface = platform.createSurface(scene.width, scene.height)
  renderFrame(scene, t, surface, assets)
  const data = (surface.context as unknown as { getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray } }).getImageData(0, 0, scene.width, scene.height).data
  return (x: number, y: number) => Array.from(data.subarray((y * scene.width + x) * 4, (y * scene.width + x) * 4 + 4))
}

const close = (actual: number[], expected: number[], tolerance: number, what: string) =>
  assert.ok(actual.every((v, i) => Math.abs(v - expected[i]!) <= tolerance), `${what}: expected about ${expected}, found ${actual}`)

test('a fade-in is transparent at its start, half way at its middle, opaque after; the layer is gone after its end', async () => {
  const scene = await sceneOf({
    timeline: { duration: 3 },
    layers: [{ id: 'r', type: 'rect', box: {}, fill: '#ff0000', animation: { end: 2, enter: { preset: 'fade', duration: 1, easing: 'linear' } } }],
  })
  close(pixelsAt(scene, 0)(50, 50), [0, 0, 0, 255], 0, 't=0')
  close(pixelsAt(scene, 0.5)(50, 50), [128, 0, 0, 255], 2, 't=0.5')
  close(pixelsAt(scene, 1.5)(50, 50), [255, 0, 0, 255], 0, 't=1.5')
  close(pixelsAt(scene, 2)(50, 50), [0, 0, 0, 255], 0, 't=2 (after its end)')
})

test('a slide moves the layer by its distance, and keyframes move, scale and crop it', async () => {
  const scene = await sceneOf({
    timeline: { duration: 2 },
    layers: [
      {
        id: 'r',
        type: 'rect',
        box: { left: 0, top: 0, width: 50, height: 100 },
        fill: '#00ff00',
        animation: { keyframes: { x: [{ time: 0, value: 0, easing: 'linear' }, { time: 1, value: 50 }], crop: [{ time: 1, value: { bottom: 0 }, easing: 'linear' }, { time: 2, value: { bottom: 0.5 } }] } },
      },
    ],
  })
  const start = pixelsAt(scene, 0)
  close(start(25, 50), [0, 255, 0, 255], 0, 'left half at t=0')
  close(start(75, 50), [0, 0, 0, 255], 0, 'right half at t=0')
  const moved = pixelsAt(scene, 1)
  close(moved(25, 50), [0, 0, 0, 255], 0, 'left half at t=1')
  close(moved(75, 50), [0, 255, 0, 255], 0, 'right half at t=1')
  const cropped = pixelsAt(scene, 1.999)
  close(cropped(75, 25), [0, 255, 0, 255], 0, 'top kept')
  close(cropped(75, 75), [0, 0, 0, 255], 0, 'bottom cropped')
})

test('scenes play in sequence and a wipe transition reveals the next scene from left to right', async () => {
  const scene = await sceneOf({
    timeline: { scenes: [{ layer: 'a', duration: 1 }, { layer: 'b', duration: 1, transition: { type: 'wipe-right', duration: 0.5, easing: 'linear' } }] },
    layers: [
      { id: 'a', type: 'group', box: {}, children: [{ id: 'a-fill', type: 'rect', box: {}, fill: '#ff0000' }] },
      { id: 'b', type: 'group', box: {}, children: [{ id: 'b-fill', type: 'rect', box: {}, fill: '#0000ff' }] },
      { id: 'logo', type: 'rect', box: { left: 0, top: 0, width: 10, height: 10 }, fill: '#ffffff' },
    ],
  })
  assert.equal(scene.timeline?.duration, 1.5)
  assert.equal(scene.timeline?.frames, 45)
  const first = pixelsAt(scene, 0.2)
  close(first(50, 50), [255, 0, 0, 255], 0, 'scene a')
  close(first(5, 5), [255, 255, 255, 255], 0, 'the logo shows throughout')
  const middle = pixelsAt(scene, 0.75)
  close(middle(20, 50), [0, 0, 255, 255], 0, 'revealed part of b')
  close(middle(80, 50), [255, 0, 0, 255], 0, 'a still shows on the right')
  const last = pixelsAt(scene, 1.4)
  close(last(50, 50), [0, 0, 255, 255], 0, 'scene b')
  close(last(5, 5), [255, 255, 255, 255], 0, 'the logo again')
})

test('a slide-left transition pushes the old scene out as the new one comes in', async () => {
  const scene = await sceneOf({
    timeline: { scenes: [{ layer: 'a', duration: 1 }, { layer: 'b', duration: 1, transition: { type: 'slide-left', duration: 1, easing: 'linear' } }] },
    layers: [
      { id: 'a', type: 'group', box: {}, children: [{ id: 'a-fill', type: 'rect', box: {}, fill: '#ff0000' }] },
      { id: 'b', type: 'group', box: {}, children: [{ id: 'b-fill', type: 'rect', box: {}, fill: '#0000ff' }] },
    ],
  })
  const half = pixelsAt(scene, 0.5)
  close(half(25, 50), [255, 0, 0, 255], 0, 'old scene on the left')
  close(half(75, 50), [0, 0, 255, 255], 0, 'new scene on the right')
})

test('children of a scene count their times from the scene start', async () => {
  const scene = await sceneOf({
    timeline: { scenes: [{ layer: 'a', duration: 1 }, { layer: 'b', duration: 1 }] },
    layers: [
      { id: 'a', type: 'group', box: {}, children: [] },
      { id: 'b', type: 'group', box: {}, children: [{ id: 'late', type: 'rect', box: {}, fill: '#ffffff', animation: { start: 0.5 } }] },
    ],
  })
  close(pixelsAt(scene, 1.25)(50, 50), [0, 0, 0, 255], 0, 'not yet (scene b started 0.25 s ago)')
  close(pixelsAt(scene, 1.75)(50, 50), [255, 255, 255, 255], 0, 'shown 0.5 s into scene b')
})

test('text enters word by word: the first word shows before the last', async () => {
  const scene = await sceneOf({
    timeline: { duration: 2 },
    layers: [
      {
        id: 't',
        type: 'text',
        text: 'AB CD',
        fontSize: 24,
        color: '#ffffff',
        box: { left: 0, top: 30, width: 100, height: 40 },
        animation: { text: { by: 'word', preset: 'fade', duration: 0.2, stagger: 1, easing: 'linear' } },
      },
    ],
  })
  const text = scene.nodes[0]!
  assert.equal(text.type, 'text')
  const lines = (text as { lines: { x: number; width: number }[] }).lines
  assert.equal(lines.length, 1)
  const line = lines[0]!
  const brightness = (px: (x: number, y: number) => number[], from: number, to: number) => {
    let sum = 0
    for (let x = Math.floor(from); x < Math.ceil(to); x++) for (let y = 30; y < 70; y++) sum += px(x, y)[0]!
    return sum
  }
  const mid = line.x + line.width / 2
  const early = pixelsAt(scene, 0.5)
  assert.ok(brightness(early, line.x, mid) > 1000, 'the first word is drawn')
  assert.equal(brightness(early, mid + 2, line.x + line.width), 0, 'the second word is not drawn yet')
  const late = pixelsAt(scene, 1.5)
  assert.ok(brightness(late, mid + 2, line.x + line.width) > 1000, 'the second word is drawn later')
  // Once every word is in, the frame equals the still text drawn in one piece.
  const whole = await sceneOf({ layers: [{ id: 't', type: 'text', text: 'AB CD', fontSize: 24, color: '#ffffff', box: { left: 0, top: 30, width: 100, height: 40 } }] })
  const still = pixelsAt(whole, 0)
  let diff = 0
  for (let x = 0; x < 100; x++) for (let y = 30; y < 70; y++) diff = Math.max(diff, Math.abs(still(x, y)[0]! - late(x, y)[0]!))
  assert.ok(diff <= 64, `word-by-word text lands where the whole line draws (largest difference ${diff})`)
})

test('Ken Burns zooms the picture inside its box and keeps the box covered', async () => {
  const scene = await sceneOf({
    timeline: { duration: 2 },
    layers: [{ id: 'p', type: 'image', src: 'assets/landscape.png', fit: 'cover', box: {}, animation: { kenBurns: { scale: [1, 2], from: { x: 0, y: 0 } } } }],
  })
  const node = scene.nodes[0]!
  assert.equal(node.type, 'image')
  const at0 = pixelsAt(scene, 0)
  const at1 = pixelsAt(scene, 1.999)
  let changed = 0
  for (let x = 0; x < 100; x += 5) for (let y = 0; y < 100; y += 5) if (at0(x, y).some((v, i) => Math.abs(v - at1(x, y)[i]!) > 8)) changed++
  assert.ok(changed > 100, `the picture moved (${changed} of 400 samples changed)`)
  // The top-left corner is the zoom's fixed point.
  close(at1(1, 1), at0(1, 1), 24, 'the focus point stays put')
  for (const [x, y] of [[99, 99], [0, 99], [99, 0]] as const) assert.equal(at1(x, y)[3], 255, `the box stays covered at ${x},${y}`)
})

test('the Scene of a video is plain data with its timeline and survives a JSON round trip', async () => {
  const scene = await sceneOf({
    timeline: { duration: 1.5, fps: 24, poster: 0.5 },
    layers: [{ id: 'r', type: 'rect', box: {}, fill: '#ff0000', animation: { enter: { preset: 'pop' }, exit: { preset: 'wipe-left', duration: 0.3 } } }],
  })
  assert.deepEqual(scene.timeline, { duration: 1.5, fps: 24, frames: 36, poster: 0.5 })
  assert.deepEqual(JSON.parse(JSON.stringify(scene)), scene)
  const a = scene.nodes[0]!.animation!
  assert.deepEqual([a.start, a.end], [0, 1.5])
  assert.deepEqual(a.effects.map((e) => [e.phase, e.start, e.duration, e.easing]), [['in', 0, 0.5, 'ease-out-back'], ['out', 1.2, 0.3, 'ease-in']])
})
