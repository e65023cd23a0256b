// What a video does not draw twice: held frames (nothing moves) are repeated by the encoder,
// and the unchanging base of a frame (background, layers at rest) is copied from a bitmap.
// Both must give exactly the pixels a fresh renderFrame gives.
import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { AssetStore, FontLibrary, frameTime, parseTemplate, renderFrame, renderVideo, resolve, type Scene, type Surface, type Template } from '@vitrine/core'
import { NodePlatform, builtInFontBaseUrl, ffmpegEncoder, probeMedia } from '@vitrine/node'
import { as420, decodeFrame, folderWithSneaker } from './media-checks.js'
import { psnr } from './psnr.js'

const platform = new NodePlatform()
const fonts = new FontLibrary(platform, { builtInBaseUrl: builtInFontBaseUrl() })
let dir = ''
let assets: AssetStore

before(() => {
  dir = folderWithSneaker('vitrine-reuse-')
  assets = new AssetStore(platform, { baseUrl: pathToFileURL(dir + '/').href })
})
after(() => rmSync(dir, { recursive: true, force: true }))

/** Entrances in the first 0.8 s, then a hold to the end. */
function card(): Template {
  return parseTemplate({
    schemaVersion: 3,
    size: { width: 320, height: 240 },
    variables: {},
    background: { type: 'linear-gradient', angle: 135, stops: [{ offset: 0, color: '#1d4ed8' }, { offset: 1, color: '#0f172a' }] },
    timeline: { duration: 1.2, fps: 30 },
    layers: [
      { id: 'shoe', type: 'image', src: 'images/sneaker.png', fit: 'contain', box: { left: 20, top: 20, width: 140, height: 120 }, shadow: { color: '#00000066', blur: 16, offsetY: 6 }, animation: { enter: { preset: 'pop', duration: 0.4 } } },
      { id: 'bar', type: 'rect', box: { left: 0, bottom: 0, width: '100%', height: 50 }, fill: '#fde047', animation: { enter: { preset: 'wipe-right', delay: 0.2, duration: 0.4, easing: 'linear' } } },
      { id: 'title', type: 'text', text: 'Runner Sneaker', fontSize: 28, font: { weight: 700 }, color: '#111827', box: { left: 10, bottom: 5, right: 10, height: 40 }, animation: { text: { by: 'word', preset: 'fade', delay: 0.3, stagger: 0.2, duration: 0.3 } } },
    ],
  })
}

function still(scene: Scene, t: number): Uint8Array {
  const surface = platform.createSurface(scene.width, scene.height)
  // A lookup of its own: nothing cached, everything drawn.
  renderFrame(scene, t, surface, { get: (key) => assets.get(key), createSurface: (w, h) => platform.createSurface(w, h) })
  return new Uint8Array((surface.canvas as { data(): Uint8Array }).data())
}

test('held frames are repeated, not drawn again, and every frame still matches its still (PSNR ≥ 35 dB)', async () => {
  const file = join(dir, 'hold.mp4')
  const video = await renderVideo(card(), {}, { format: '320x240', container: 'mp4', encoder: ffmpegEncoder({ file, hardware: 'never' }), platform, assets, fonts })
  assert.equal(video.frames, 36)
  // At rest from 0.8 s (frame 24): frames 25 to 35 repeat frame 24.
  assert.equal(video.repeatedFrames, 11)
  const probe = await probeMedia(file, { countFrames: true })
  assert.equal(probe.streams.find((s) => s.type === 'video')?.frames, 36)
  for (const n of [10, 24, 30, 35]) {
    const db = psnr(decodeFrame(file, n, 320, 240), as420(still(video.scene, frameTime(n, 30)), 320, 240))
    assert.ok(db >= 35, `frame ${n}: ${db.toFixed(1)} dB`)
  }
})

test('frames drawn over a cached base are byte for byte the frames drawn from scratch', async () => {
  const store = new AssetStore(platform, { baseUrl: pathToFileURL(dir + '/').href })
  const scene = await resolve(card(), {}, { format: '320x240', platform, assets: store, fonts })
  let bases = 0
  const lookup = { get: (key: string) => store.get(key), createSurface: (w: number, h: number): Surface => ((bases += w === 320 && h === 240 ? 1 : 0), platform.createSurface(w, h)) }
  const surface = platform.createSurface(320, 240)
  for (let n = 0; n < scene.timeline!.frames; n++) {
    const t = frameTime(n, 30)
    renderFrame(scene, t, surface, lookup)
    const cached = new Uint8Array((surface.canvas as { data(): Uint8Array }).data())
    assert.ok(Buffer.from(cached).equals(Buffer.from(still(scene, t))), `frame ${n} differs from a fresh render`)
  }
  assert.equal(bases, 2, 'two base bitmaps (the background, then deeper as layers come to rest), each made once and redrawn in place')
  // A still re-rendered after an edit to its top layer: the layers below come from the base.
  const edited = { ...scene, nodes: scene.nodes.map((node, i) => (i === scene.nodes.length - 1 ? { ...node, opacity: 0.5 } : node)) } as Scene
  renderFrame(edited, 5, surface, lookup)
  assert.ok(Buffer.from((surface.canvas as { data(): Uint8Array }).data()).equals(Buffer.from(still(edited, 5))), 'the edited still differs from a fresh render')
})
