// Videos made in headless Chromium from the same template and Scene: WebCodecs + mediabunny,
// and ffmpeg.wasm (served from this machine) in a page where WebCodecs is removed before any
// script runs. Each file is checked by ffprobe in Node and decoded frames are compared with
// the Chromium renderFrame stills (PSNR).
import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { createServer, type Server } from 'node:http'
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, extname, join, normalize } from 'node:path'
import { build } from 'esbuild'
import { chromium, type Browser, type Page } from 'playwright-core'
import { probeMedia } from '@vitrine/node'
import { as420, decodeFrame } from './media-checks.js'
import { psnr } from './psnr.js'
import { chromiumLaunchOptions } from '../../scripts/chromium.mjs'

const here = import.meta.dirname
const root = join(here, '..', '..')
const fontsDir = join(root, 'packages', 'core', 'fonts')
const coreRequire = createRequire(join(root, 'packages', 'core', 'package.json'))
// The ESM builds: ffmpeg.wasm's worker is a module that imports the core.
const ffmpegCoreDir = join(dirname(coreRequire.resolve('@ffmpeg/core/wasm')), '..', 'esm')
const ffmpegDir = dirname(coreRequire.resolve('@ffmpeg/ffmpeg/worker'))
const types: Record<string, string> = { '.js': 'text/javascript', '.wasm': 'application/wasm', '.png': 'image/png', '.woff2': 'font/woff2', '.ttf': 'font/ttf', '.wav': 'audio/wav', '.m4a': 'audio/mp4' }
let server: Server
let origin = ''
let browser: Browser
let work = ''
let bundle = ''

before(async () => {
  work = mkdtempSync(join(tmpdir(), 'vitrine-browser-video-'))
  // A clip for the video layer: 2 s at 10 fps, frame N grey 16 + 10N, a key frame every 5 frames.
  const clip = spawnSync('ffmpeg', ['-v', 'error', '-y', '-f', 'lavfi', '-i', "color=black:s=64x64:r=10:d=2,format=yuv420p,geq=lum='16+N*10':cb=128:cr=128", '-c:v', 'libx264', '-crf', '4', '-g', '5', '-pix_fmt', 'yuv420p', join(work, 'clip.mp4')])
  assert.equal(clip.status, 0, clip.stderr?.toString())
  const result = await build({ entryPoints: [join(here, 'browser-video-entry.ts')], bundle: true, format: 'esm', platform: 'browser', write: false, conditions: ['browser'], logLevel: 'error' })
  bundle = result.outputFiles[0]!.text
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x')
    const send = (file: string | undefined) => {
      if (!file || !existsSync(file)) return res.writeHead(404).end()
      res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file))
    }
    if (url.pathname === '/bundle.js') return res.writeHead(200, { 'content-type': 'text/javascript' }).end(bundle)
    if (url.pathname === '/') return res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><script type="module" src="/bundle.js"></script>')
    const under = (prefix: string, dir: string) => (url.pathname.startsWith(prefix) ? join(dir, normalize(decodeURIComponent(url.pathname.slice(prefix.length)))) : undefined)
    send(under('/fonts/', fontsDir) ?? under('/ffmpeg-core/', ffmpegCoreDir) ?? under('/ffmpeg/', ffmpegDir) ?? under('/examples/', join(root, 'examples')) ?? under('/work/', work))
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const address = server.address()
  origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`
  browser = await chromium.launch(chromiumLaunchOptions(['--disable-gpu']))
})

after(async () => {
  await browser?.close()
  server?.close()
  rmSync(work, { recursive: true, force: true })
})

/** A page; `withoutWebCodecs` removes the WebCodecs interfaces before any page script runs. */
async function openPage(withoutWebCodecs = false): Promise<Page> {
  const page = await browser.newPage()
  if (withoutWebCodecs) {
    await page.addInitScript(() => {
      for (const name of ['VideoEncoder', 'VideoDecoder', 'AudioEncoder', 'AudioDecoder', 'EncodedVideoChunk', 'EncodedAudioChunk']) delete (globalThis as Record<string, unknown>)[name]
    })
  }
  await page.goto(origin + '/')
  await page.waitForFunction(() => 'vitrineVideo' in globalThis)
  return page
}

const card = (timeline: Record<string, unknown>) => ({
  schemaVersion: 3,
  size: { width: 320, height: 240 },
  variables: {},
  background: { type: 'linear-gradient', angle: 135, stops: [{ offset: 0, color: '#1d4ed8' }, { offset: 1, color: '#0f172a' }] },
  timeline: { duration: 1, fps: 30, ...timeline },
  layers: [
    { id: 'shoe', type: 'image', src: 'images/sneaker.png', fit: 'contain', box: { left: 20, top: 20, width: 140, height: 120 }, animation: { enter: { preset: 'pop', duration: 0.4 }, keyframes: { x: [{ time: 0, value: 0 }, { time: 1, value: 140 }] } } },
    { id: 'bar', type: 'rect', box: { left: 0, bottom: 0, width: '100%', height: 50 }, fill: '#fde047', animation: { enter: { preset: 'wipe-right', duration: 0.6, easing: 'linear' } } },
    { id: 'title', type: 'text', text: 'Runner Sneaker', fontSize: 28, font: { weight: 700 }, color: '#111827', box: { left: 10, bottom: 5, right: 10, height: 40 }, animation: { text: { by: 'word', preset: 'fade', stagger: 0.3, duration: 0.3 } } },
  ],
})

interface Encoded {
  bytes: string
  info: { container: string; codec: string; codecDetail: string; encoder: string; audioCodec?: string }
  frames: number
  ms: number
  stills: Record<number, string>
  webCodecs: boolean
}

async function encodeIn(page: Page, spec: Record<string, unknown>, name: string) {
  const payload = {
    format: '320x240',
    baseUrl: `${origin}/examples/`,
    fontBaseUrl: `${origin}/fonts/`,
    ffmpeg: { coreURL: `${origin}/ffmpeg-core/ffmpeg-core.js`, wasmURL: `${origin}/ffmpeg-core/ffmpeg-core.wasm`, workerURL: `${origin}/ffmpeg/worker.js` },
    stills: [],
    ...spec,
  }
  const result = await page.evaluate((p) => (globalThis as unknown as { vitrineVideo(p: unknown): Promise<Encoded> }).vitrineVideo(p), payload)
  const file = join(work, name)
  writeFileSync(file, Buffer.from(result.bytes, 'base64'))
  return { ...result, file, probe: await probeMedia(file, { countFrames: true }) }
}

/** Decoded frames of the file against the Chromium stills, through 4:2:0 (see media-checks.ts). */
/** Renders a video in the page and returns the error it fails with (null when it does not fail). */
function videoError(page: Page, options: Record<string, unknown>): Promise<{ code?: string; message: string } | null> {
  return page.evaluate(async (o) => {
    try {
      await (globalThis as unknown as { vitrineVideo(p: unknown): Promise<unknown> }).vitrineVideo(o)
      return null
    } catch (e) {
      return { code: (e as { code?: string }).code, message: (e as Error).message }
    }
  }, options)
}

function checkFrames(file: string, stills: Record<number, string>, min: number) {
  for (const [n, b64] of Object.entries(stills)) {
    const still = new Uint8Array(Buffer.from(b64, 'base64'))
    const db = psnr(decodeFrame(file, Number(n), 320, 240), as420(still, 320, 240))
    assert.ok(db >= min, `frame ${n}: PSNR ${db.toFixed(1)} dB against Chromium's renderFrame(scene, ${n}/30)`)
  }
}

test('Chromium, WebCodecs: MP4 (H.264, the codec string isConfigSupported chose) and WebM (VP9 + Opus); frames match renderFrame', async () => {
  const page = await openPage()
  try {
    const mp4 = await encodeIn(page, { template: card({}), container: 'mp4', stills: [0, 12, 29] }, 'webcodecs.mp4')
    assert.equal(mp4.webCodecs, true)
    assert.equal(mp4.info.encoder, 'webcodecs')
    assert.match(mp4.info.codecDetail, /^avc1\.(64|4d|42)/)
    const v = mp4.probe.streams.find((s) => s.type === 'video')!
    assert.deepEqual([v.codec, v.width, v.height, v.frames, v.fps], ['h264', 320, 240, 30, 30])
    assert.ok(Math.abs(mp4.probe.duration - 1) <= 1 / 30 + 1e-3, `duration ${mp4.probe.duration}`)
    checkFrames(mp4.file, mp4.stills, 35)

    const webm = await encodeIn(page, { template: card({ audio: { src: 'audio/music-bed.m4a', fadeOut: 0.3 } }), container: 'webm' }, 'webcodecs.webm')
    assert.equal(webm.info.codecDetail.startsWith('vp09'), true, webm.info.codecDetail)
    assert.deepEqual(webm.probe.streams.map((s) => s.codec).sort(), ['opus', 'vp9'])
    assert.equal(webm.probe.streams.find((s) => s.type === 'video')!.frames, 30)
  } finally {
    await page.close()
  }
})

test('Chromium without WebCodecs: the same template falls back to ffmpeg.wasm (MP4, H.264 + AAC); frames match renderFrame', async () => {
  const page = await openPage(true)
  try {
    // Chunks of 8 frames: four segments encoded one by one and joined at the end.
    const ffmpeg = { coreURL: `${origin}/ffmpeg-core/ffmpeg-core.js`, wasmURL: `${origin}/ffmpeg-core/ffmpeg-core.wasm`, workerURL: `${origin}/ffmpeg/worker.js`, chunkBytes: 320 * 240 * 4 * 8 }
    const mp4 = await encodeIn(page, { template: card({ audio: { src: 'audio/music-bed.m4a', volume: 0.5 } }), container: 'mp4', stills: [0, 15, 29], ffmpeg }, 'wasm.mp4')
    assert.equal(mp4.webCodecs, false)
    assert.equal(mp4.info.encoder, 'ffmpeg.wasm')
    const v = mp4.probe.streams.find((s) => s.type === 'video')!
    assert.deepEqual([v.codec, v.width, v.height, v.frames], ['h264', 320, 240, 30])
    assert.equal(mp4.probe.streams.find((s) => s.type === 'audio')?.codec, 'aac')
    assert.ok(Math.abs(mp4.probe.duration - 1) <= 1 / 30 + 0.03, `duration ${mp4.probe.duration}`)
    checkFrames(mp4.file, mp4.stills, 35)

    // WebM through ffmpeg.wasm is VP8 with Vorbis (its VP9 and Opus encoders crash in this build).
    const webm = await encodeIn(page, { template: card({ audio: { src: 'audio/music-bed.m4a' } }), container: 'webm', ffmpeg }, 'wasm.webm')
    assert.deepEqual([webm.info.encoder, webm.info.codec], ['ffmpeg.wasm', 'vp8'])
    assert.deepEqual(webm.probe.streams.map((s) => s.codec).sort(), ['vorbis', 'vp8'])
    assert.equal(webm.probe.streams.find((s) => s.type === 'video')!.frames, 30)
  } finally {
    await page.close()
  }
})

test('Chromium: an animated GIF through ffmpeg.wasm (a palette per frame, looping forever), in segments joined into one GIF', async () => {
  const page = await openPage()
  try {
    // 2 s at 10 fps, chunks of 8 frames: three segments written into one GIF at the end.
    const ffmpeg = { coreURL: `${origin}/ffmpeg-core/ffmpeg-core.js`, wasmURL: `${origin}/ffmpeg-core/ffmpeg-core.wasm`, workerURL: `${origin}/ffmpeg/worker.js`, chunkBytes: 320 * 240 * 4 * 8 }
    const gif = await encodeIn(page, { template: card({ duration: 2, fps: 10, audio: { src: 'audio/music-bed.m4a' } }), container: 'gif', stills: [0, 9, 19], ffmpeg }, 'wasm.gif')
    assert.deepEqual([gif.info.encoder, gif.info.codec, gif.info.audioCodec], ['ffmpeg.wasm', 'gif', undefined])
    const bytes = readFileSync(gif.file)
    assert.equal(bytes.subarray(0, 6).toString('latin1'), 'GIF89a')
    // One file: one header (segments joined by stream copy would each bring theirs).
    assert.equal(bytes.toString('latin1').split('GIF89a').length - 1, 1, 'one GIF89a header')
    assert.deepEqual([bytes.readUInt16LE(6), bytes.readUInt16LE(8)], [320, 240])
    // The NETSCAPE2.0 application extension with a loop count of 0: loops forever.
    const loop = bytes.indexOf('NETSCAPE2.0', 0, 'latin1')
    assert.ok(loop > 0, 'a NETSCAPE2.0 loop extension')
    assert.deepEqual([bytes[loop + 11], bytes[loop + 12], bytes.readUInt16LE(loop + 13)], [3, 1, 0])
    const v = gif.probe.streams.find((s) => s.type === 'video')!
    assert.deepEqual([gif.probe.streams.length, v.codec, v.width, v.height, v.frames], [1, 'gif', 320, 240, 20])
    assert.ok(Math.abs(gif.probe.duration - 2) <= 1 / 10 + 0.01, `duration ${gif.probe.duration}`)
    // 256 colours per frame with ordered dithering: close to the still (about 42 dB here), not exact.
    for (const [n, b64] of Object.entries(gif.stills)) {
      const db = psnr(decodeFrame(gif.file, Number(n), 320, 240), new Uint8Array(Buffer.from(b64, 'base64')))
      assert.ok(db >= 35, `frame ${n}: PSNR ${db.toFixed(1)} dB against Chromium's renderFrame(scene, ${n}/10)`)
    }
    // Asking WebCodecs alone for a GIF is a clear error.
    const error = await videoError(page, { template: card({}), format: '320x240', container: 'gif', prefer: 'webcodecs', ffmpeg, baseUrl: `${origin}/examples/`, fontBaseUrl: `${origin}/fonts/`, stills: [] })
    assert.equal(error?.code, 'video/unsupported')
    assert.match(error?.message ?? '', /WebCodecs cannot write GIF/)
  } finally {
    await page.close()
  }
})

test('Chromium: a codec the browser cannot encode and no fallback is a clear video/unsupported error', async () => {
  const page = await openPage(true)
  try {
    const error = await videoError(page, { template: card({}), format: '320x240', container: 'mp4', baseUrl: `${origin}/examples/`, fontBaseUrl: `${origin}/fonts/`, stills: [] })
    assert.equal(error?.code, 'video/unsupported')
    assert.match(error?.message ?? '', /no WebCodecs VideoEncoder/)
  } finally {
    await page.close()
  }
})

test('Chromium: a video layer is decoded frame-accurately (mediabunny + WebCodecs) into the exported video', async () => {
  const page = await openPage()
  try {
    const template = { schemaVersion: 3, size: { width: 64, height: 64 }, variables: {}, timeline: { duration: 1, fps: 20 }, layers: [{ id: 'clip', type: 'video', src: 'clip.mp4', box: {}, trim: { start: 0.3 } }] }
    const out = await encodeIn(page, { template, format: '64x64', container: 'mp4', baseUrl: `${origin}/work/` }, 'clip-layer.mp4')
    const greys = Array.from({ length: 20 }, (_, n) => decodeFrame(join(work, 'clip.mp4'), n, 64, 64)[(32 * 64 + 32) * 4]!)
    for (const k of [0, 1, 2, 7, 19]) {
      const grey = decodeFrame(out.file, k, 64, 64)[(32 * 64 + 32) * 4]!
      const expected = greys[3 + Math.floor(k / 2)]!
      assert.ok(Math.abs(grey - expected) <= 4, `output frame ${k}: grey ${grey}, expected clip frame ${3 + Math.floor(k / 2)} (${expected})`)
    }
  } finally {
    await page.close()
  }
})
