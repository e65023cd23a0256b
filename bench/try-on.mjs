#!/usr/bin/env node
// Try-on benchmark: <vitrine-try-on> on the demo's product page in headless Chromium (software
// WebGL here), with a fake camera playing a real face photo at 640x480 (the public-domain
// astronaut photo). Prints, per delegate (CPU, GPU):
//   - model load: fetching the FaceLandmarker bundle and starting the engine, in a fresh page;
//   - first frame: from asking for the camera to the first frame drawn with the product on;
//   - landmarks and render: per frame, median and p95 over the timed frames;
//   - fps: frames tracked and drawn per second, one after another (the camera is not the limit).
//
//   pnpm bench:try-on                       # both delegates, 120 frames each
//   node bench/try-on.mjs --frames 60 --delegate CPU
import { spawnSync } from 'node:child_process'
import { createReadStream, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs'
import { createServer } from 'node:http'
import { tmpdir } from 'node:os'
import { extname, join, resolve, sep } from 'node:path'
import { parseArgs } from 'node:util'
import { chromium } from 'playwright-core'
import { chromiumLaunchOptions } from '../scripts/chromium.mjs'

const root = resolve(import.meta.dirname, '..')
const { values: args } = parseArgs({
  options: {
    frames: { type: 'string', default: '120' },
    delegate: { type: 'string', default: 'CPU,GPU' },
    help: { type: 'boolean', default: false },
  },
})
if (args.help) {
  console.log('usage: node bench/try-on.mjs [--frames N] [--delegate CPU|GPU|CPU,GPU]')
  process.exit(0)
}
const frames = Math.max(10, Number.parseInt(args.frames, 10) || 120)
const delegates = args.delegate.split(',').map((d) => d.trim().toUpperCase())

const work = mkdtempSync(join(tmpdir(), 'vitrine-bench-try-on-'))
const site = join(work, 'site')
const camera = join(work, 'camera.y4m')
try {
  const vite = join(root, 'demo/node_modules/vite/bin/vite.js')
  const build = spawnSync(process.execPath, [vite, 'build', '--outDir', site, '--emptyOutDir', '--logLevel', 'error'], { cwd: join(root, 'demo'), encoding: 'utf8' })
  if (build.status !== 0) throw new Error(`demo build failed:\n${build.stdout}\n${build.stderr}`)
  // 640x480 at 60 fps, so that the camera never holds the pipeline back.
  const photo = join(root, 'packages/elements/assets/try-on/astronaut.jpg')
  const ffmpeg = spawnSync('ffmpeg', ['-v', 'error', '-y', '-loop', '1', '-r', '60', '-i', photo, '-vf', 'scale=480:480,pad=640:480:80:0', '-frames:v', '10', '-pix_fmt', 'yuv420p', camera], { encoding: 'utf8' })
  if (ffmpeg.status !== 0) throw new Error(`ffmpeg failed: ${ffmpeg.stderr}`)

  const server = await serve(site)
  const browser = await chromium.launch(
    chromiumLaunchOptions(['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${camera}`]),
  )
  const rows = []
  try {
    for (const delegate of delegates) rows.push({ delegate, ...(await measure(browser, server.origin, delegate)) })
  } finally {
    await browser.close()
    server.close()
  }
  const cpuInfo = spawnSync('nproc', { encoding: 'utf8' }).stdout.trim()
  console.log(`\nTry-on, 640x480 camera frames of a real face, Chromium (software WebGL), ${cpuInfo} cores, ${frames} timed frames\n`)
  const table = [['delegate', 'model load', 'first frame', 'landmarks (median / p95)', 'render (median / p95)', 'fps']]
  for (const r of rows) {
    table.push([r.delegate, `${r.modelLoadMs.toFixed(0)} ms`, `${r.firstFrameMs.toFixed(0)} ms`, `${r.landmarks.median.toFixed(1)} / ${r.landmarks.p95.toFixed(1)} ms`, `${r.render.median.toFixed(1)} / ${r.render.p95.toFixed(1)} ms`, r.fps.toFixed(1)])
  }
  const widths = table[0].map((_, i) => Math.max(...table.map((row) => row[i].length)))
  for (const row of table) console.log(row.map((cell, i) => cell.padEnd(widths[i])).join('  '))
  if (rows.some((r) => r.delegateUsed !== r.delegate)) console.log('\n(GPU fell back to CPU where the delegate used differs)')
  for (const r of rows) if (r.delegateUsed !== r.delegate) console.log(`  ${r.delegate}: ran on ${r.delegateUsed}`)
} finally {
  rmSync(work, { recursive: true, force: true })
}

async function measure(browser, origin, delegate) {
  const page = await browser.newPage({ viewport: { width: 1200, height: 900 } })
  try {
    // The product page, its try-on starting on the camera with this delegate: model load and first
    // frame are measured by the element itself (its `timings`).
    await page.route('**/product.html', async (route) => {
      const response = await route.fetch()
      const body = (await response.text()).replace('<vitrine-try-on', `<vitrine-try-on source="camera" delegate="${delegate}"`)
      await route.fulfill({ response, body })
    })
    await page.goto(`${origin}/product.html`)
    await page.waitForFunction(() => {
      const el = document.querySelector('vitrine-try-on')
      return el?.status === 'error' || (el?.source === 'camera' && el.cameraOn && el.tracking && el.timings.firstFrameMs !== undefined)
    }, null, { timeout: 120_000 })
    const start = await page.evaluate(() => {
      const el = document.querySelector('vitrine-try-on')
      return { error: el.error?.message, timings: { ...el.timings } }
    })
    if (start.error) throw new Error(`try-on failed (${delegate}): ${start.error}`)
    // Then frames one after another, as the element's camera loop does them, without waiting for
    // the camera's next frame. The element's own loop is ended first so the two do not share.
    const result = await page.evaluate(async (count) => {
      const el = document.querySelector('vitrine-try-on')
      const { tracker, renderer } = el
      const video = el.camera.video
      // Ends the element's frame loop but keeps the camera on (a private field: bench only).
      el.generation++
      const landmarks = []
      const render = []
      let found = 0
      const warm = 10
      const t0 = performance.now()
      let timedStart = t0
      for (let i = 0; i < count + warm; i++) {
        if (i === warm) timedStart = performance.now()
        const a = performance.now()
        const face = await tracker.detectVideo(video)
        const b = performance.now()
        renderer.setSize(video.videoWidth, video.videoHeight)
        renderer.setFace(face?.matrix)
        renderer.render()
        // Wait for the GPU to finish the frame (a pixel read), as a displayed frame would.
        renderer.canvas.getContext('webgl2').readPixels(0, 0, 1, 1, 0x1908, 0x1401, new Uint8Array(4))
        const c = performance.now()
        if (i >= warm) {
          landmarks.push(b - a)
          render.push(c - b)
          if (face) found++
        }
      }
      const seconds = (performance.now() - timedStart) / 1000
      return { landmarks, render, fps: count / seconds, found, size: [video.videoWidth, video.videoHeight], delegateUsed: tracker.delegate }
    }, frames)
    if (result.found < frames * 0.9) throw new Error(`the face was found in only ${result.found} of ${frames} frames`)
    if (result.size.join('x') !== '640x480') throw new Error(`the camera gave ${result.size.join('x')}, not 640x480`)
    return {
      modelLoadMs: start.timings.modelLoadMs,
      firstFrameMs: start.timings.firstFrameMs,
      landmarks: stats(result.landmarks),
      render: stats(result.render),
      fps: result.fps,
      delegateUsed: result.delegateUsed,
    }
  } finally {
    await page.close()
  }
}

function stats(values) {
  const sorted = [...values].sort((a, b) => a - b)
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]
  return { median: at(0.5), p95: at(0.95) }
}

async function serve(folder) {
  const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.jpg': 'image/jpeg', '.wasm': 'application/wasm', '.gltf': 'model/gltf+json' }
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)
    const file = resolve(folder, '.' + path)
    if (!file.startsWith(folder + sep) || !existsSync(file) || !statSync(file).isFile()) return res.writeHead(404).end()
    res.writeHead(200, { 'Content-Type': types[extname(file)] ?? 'application/octet-stream' })
    createReadStream(file).pipe(res)
  })
  await new Promise((done) => server.listen(0, '127.0.0.1', done))
  return { origin: `http://127.0.0.1:${server.address().port}`, close: () => server.close() }
}
