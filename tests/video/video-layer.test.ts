// Video layers in Node: a clip made here with ffmpeg (each frame a different grey), drawn
// frame-accurately at every time, trimmed, looped, frozen and delayed, then encoded.
import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { AssetStore, FontLibrary, VitrineError, parseTemplate, prepareFrame, renderFrame, renderImage, renderVideo, resolve, type Scene } from '@vitrine/core'
import { NodePlatform, builtInFontBaseUrl, ffmpegEncoder, probeMedia } from '@vitrine/node'
import { decodeFrame } from './media-checks.js'

const platform = new NodePlatform()
const fonts = new FontLibrary(platform, { builtInBaseUrl: builtInFontBaseUrl() })
let dir = ''
/** The grey level of each of the clip's 20 frames, as ffmpeg decodes them. */
let greys: number[] = []

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'vitrine-video-layer-'))
  // 2 s at 10 fps, 64x64, frame N is grey N*12; a key frame every 5 frames so seeks must decode forward.
  const made = spawnSync('ffmpeg', ['-v', 'error', '-y', '-f', 'lavfi', '-i', "color=black:s=64x64:r=10:d=2,format=yuv420p,geq=lum='16+N*10':cb=128:cr=128", '-c:v', 'libx264', '-crf', '4', '-g', '5', '-pix_fmt', 'yuv420p', join(dir, 'clip.mp4')])
  assert.equal(made.status, 0, made.stderr?.toString())
  greys = Array.from({ length: 20 }, (_, n) => decodeFrame(join(dir, 'clip.mp4'), n, 64, 64)[(32 * 64 + 32) * 4]!)
  writeFileSync(join(dir, 'broken.mp4'), 'not a video at all')
})
after(() => rmSync(dir, { recursive: true, force: true }))

const assets = () => new AssetStore(platform, { baseUrl: pathToFileURL(dir + '/').href })

async function sceneOf(video: Record<string, unknown>, timeline: Record<string, unknown> = { duration: 3, fps: 10 }) {
  const store = assets()
  const template = parseTemplate({ schemaVersion: 3, size: { width: 64, height: 64 }, variables: {}, timeline, layers: [{ id: 'clip', type: 'video', src: 'clip.mp4', box: {}, ...video }] })
  return { store, scene: await resolve(template, {}, { format: '64x64', platform, assets: store, fonts }) }
}

/** Which clip frame the still at time t shows (the nearest grey). */
async function shownFrame(scene: Scene, store: AssetStore, t: number): Promise<number> {
  const surface = platform.createSurface(64, 64)
  await prepareFrame(scene, t, store)
  renderFrame(scene, t, surface, store)
  const grey = (surface.canvas as { data(): Buffer }).data()[(32 * 64 + 32) * 4]!
  let best = 0
  greys.forEach((g, i) => (Math.abs(g - grey) < Math.abs(greys[best]! - grey) ? (best = i) : 0))
  assert.ok(Math.abs(greys[best]! - grey) <= 3, `t=${t}: grey ${grey} is a frame of the clip`)
  return best
}

test('a clip plays frame by frame and freezes on its last frame', async () => {
  const { scene, store } = await sceneOf({})
  const node = scene.nodes[0]!
  assert.equal(node.type, 'video')
  const shown = []
  for (const t of [0, 0.1, 0.5, 0.9, 1.9, 2.5, 2.9]) shown.push(await shownFrame(scene, store, t))
  assert.deepEqual(shown, [0, 1, 5, 9, 19, 19, 19])
})

test('trim and loop: the trimmed part repeats; going back in the clip decodes the right frame', async () => {
  const { scene, store } = await sceneOf({ trim: { start: 0.5, end: 1.5 }, end: 'loop' })
  const shown = []
  for (const t of [0, 0.4, 0.9, 1.0, 1.3, 2.0, 2.7]) shown.push(await shownFrame(scene, store, t))
  assert.deepEqual(shown, [5, 9, 14, 5, 8, 5, 12])
})

test('freezeAt shows one frame; a delayed layer starts its clip at its own start', async () => {
  const frozen = await sceneOf({ freezeAt: 1.2 })
  for (const t of [0, 1, 2.9]) assert.equal(await shownFrame(frozen.scene, frozen.store, t), 12)
  const late = await sceneOf({ animation: { start: 1 } })
  assert.equal(await shownFrame(late.scene, late.store, 1.3), 3)
  assert.equal(await shownFrame(late.scene, late.store, 2.0), 10)
})

test('the encoded video carries the clip frame-accurately', async () => {
  const template = parseTemplate({ schemaVersion: 3, size: { width: 64, height: 64 }, variables: {}, timeline: { duration: 1, fps: 20 }, layers: [{ id: 'clip', type: 'video', src: 'clip.mp4', box: {}, trim: { start: 0.3 } }] })
  const file = join(dir, 'out.mp4')
  const store = assets()
  const video = await renderVideo(template, {}, { format: '64x64', container: 'mp4', encoder: ffmpegEncoder({ file, hardware: 'never' }), platform, assets: store, fonts })
  assert.equal(video.frames, 20)
  assert.equal((await probeMedia(file, { countFrames: true })).streams[0]!.frames, 20)
  // Output frame k at 20 fps shows clip time 0.3 + k/20, i.e. clip frame 3 + floor(k/2).
  for (const k of [0, 1, 2, 7, 19]) {
    const grey = decodeFrame(file, k, 64, 64)[(32 * 64 + 32) * 4]!
    const expected = greys[3 + Math.floor(k / 2)]!
    assert.ok(Math.abs(grey - expected) <= 4, `output frame ${k}: grey ${grey}, expected clip frame ${3 + Math.floor(k / 2)} (${expected})`)
  }
})

test('a still of a template with a video layer shows the clip at the poster time', async () => {
  const template = parseTemplate({ schemaVersion: 3, size: { width: 64, height: 64 }, variables: {}, timeline: { duration: 2, fps: 10, poster: 0.7 }, layers: [{ id: 'clip', type: 'video', src: 'clip.mp4', box: {} }] })
  const { bytes } = await renderImage(template, {}, { format: '64x64', type: 'png', platform, assets: assets(), fonts })
  const decoded = spawnSync('ffmpeg', ['-v', 'error', '-i', 'pipe:0', '-f', 'rawvideo', '-pix_fmt', 'rgba', 'pipe:1'], { input: bytes })
  assert.ok(Math.abs(decoded.stdout[(32 * 64 + 32) * 4]! - greys[7]!) <= 3)
})

test('a file that is not a video, or a trim past its end, names the layer', async () => {
  await assert.rejects(sceneOf({ src: 'broken.mp4' }), (e: unknown) => e instanceof VitrineError && e.code === 'video/unsupported' && e.path === '/layers/0/src')
  await assert.rejects(sceneOf({ trim: { start: 5 } }), (e: unknown) => e instanceof VitrineError && e.code === 'video/unsupported' && e.path === '/layers/0/trim/start')
  await assert.rejects(sceneOf({ src: 'missing.mp4' }), (e: unknown) => e instanceof VitrineError && e.code === 'asset/not-found' && e.path === '/layers/0/src')
})
