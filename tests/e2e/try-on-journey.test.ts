// The shopper's journey on the demo's product page, in Chromium: the sample photo with glasses,
// another product, an uploaded photo, a snapshot that downloads as a PNG, then the camera (a fake
// camera playing the same public-domain photo) which goes off when the try-on is hidden. The
// request log proves that the page talks to no origin but its own, and uploads nothing.
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { createReadStream, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { extname, join, resolve, sep } from 'node:path'
import { after, before, test } from 'node:test'
import { fileURLToPath } from 'node:url'
import { chromium, type Browser, type Page } from 'playwright-core'
import { chromiumLaunchOptions } from '../../scripts/chromium.mjs'

const root = fileURLToPath(new URL('../..', import.meta.url))
const demo = join(root, 'demo')
const work = mkdtempSync(join(tmpdir(), 'vitrine-try-on-e2e-'))
const out = join(work, 'site')
const photo = join(root, 'packages/elements/assets/try-on/astronaut.jpg')
/** The fake camera's video, 640x480, looped by Chromium: one second of the astronaut photo, one second of an empty grey frame (no face). */
const cameraVideo = join(work, 'camera.y4m')

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.jpg': 'image/jpeg',
  '.wasm': 'application/wasm',
  '.gltf': 'model/gltf+json',
}

let server: Server
let origin = ''
const served: { method: string; path: string; bytes: number }[] = []
let browser: Browser

before(async () => {
  const vite = join(demo, 'node_modules/vite/bin/vite.js')
  const build = spawnSync(process.execPath, [vite, 'build', '--outDir', out, '--emptyOutDir', '--logLevel', 'warn'], { cwd: demo, encoding: 'utf8' })
  assert.equal(build.status, 0, `vite build failed:\n${build.stdout}\n${build.stderr}`)
  const ffmpeg = spawnSync('ffmpeg', [
    '-v', 'error', '-y',
    '-loop', '1', '-t', '1', '-i', photo,
    '-f', 'lavfi', '-t', '1', '-i', 'color=c=gray:s=640x480:r=10',
    '-filter_complex', '[0]scale=480:480,pad=640:480:80:0,fps=10,format=yuv420p[face];[1]format=yuv420p[empty];[face][empty]concat=n=2:v=1[v]',
    '-map', '[v]', '-pix_fmt', 'yuv420p', cameraVideo,
  ])
  assert.equal(ffmpeg.status, 0, `ffmpeg could not make the fake camera video: ${ffmpeg.stderr}`)

  server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)
    let bytes = 0
    req.on('data', (chunk: Buffer) => (bytes += chunk.length))
    req.on('end', () => served.push({ method: req.method ?? '', path, bytes }))
    const file = resolve(out, '.' + path)
    if (!file.startsWith(out + sep) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end()
      return
    }
    res.writeHead(200, { 'Content-Type': types[extname(file)] ?? 'application/octet-stream' })
    createReadStream(file).pipe(res)
  })
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  browser = await chromium.launch(
    chromiumLaunchOptions(['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${cameraVideo}`]),
  )
})

after(async () => {
  await browser?.close()
  await new Promise((done) => (server ? server.close(done) : done(undefined)))
  rmSync(work, { recursive: true, force: true })
})

const tryOnState = (page: Page) =>
  page.evaluate(() => {
    const el = document.querySelector('vitrine-try-on')!
    return { status: el.status, tracking: el.tracking, sku: el.sku, source: el.source, camera: el.cameraOn, error: el.error?.code }
  })

const settled = (page: Page) => page.evaluate(() => document.querySelector('vitrine-try-on')!.settled)

test('product page: photo, products, upload, snapshot, camera, and no other origin', { timeout: 180_000 }, async () => {
  const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1200, height: 900 } })
  const page = await context.newPage()
  const requests: { url: string; method: string }[] = []
  page.on('request', (r) => requests.push({ url: r.url(), method: r.method() }))
  const pageErrors: string[] = []
  page.on('pageerror', (e) => pageErrors.push(e.message))
  try {
    await page.goto(`${origin}/product.html`)
    await page.waitForFunction(() => document.querySelector('vitrine-try-on')?.status === 'ready', null, { timeout: 60_000 })
    await settled(page)
    assert.deepEqual(await tryOnState(page), { status: 'ready', tracking: true, sku: 'VT-GLASSES-01', source: 'photo', camera: false, error: undefined })
    assert.equal(await page.textContent('#product-name'), 'Vitrine Classic glasses')

    // Another product, from the element's own buttons (Playwright's selectors reach into its shadow root).
    await page.click('vitrine-try-on >> [part~="product"]:has-text("Fedora")')
    await page.waitForFunction(() => document.querySelector('vitrine-try-on')!.sku === 'VT-HAT-01')
    await settled(page)
    assert.equal(await page.textContent('#product-name'), 'Vitrine Fedora')
    // And from the page's own select.
    await page.selectOption('#product-select', 'VT-EARRINGS-01')
    await page.waitForFunction(() => document.querySelector('vitrine-try-on')!.sku === 'VT-EARRINGS-01')

    // An uploaded photo (the same face, through the file picker).
    await page.setInputFiles('vitrine-try-on >> input[type=file]', photo)
    await page.waitForFunction(() => document.querySelector('vitrine-try-on')!.status === 'ready')
    await settled(page)
    assert.equal((await tryOnState(page)).tracking, true)

    // The snapshot downloads a PNG, and the page shows it as "your look".
    const download = page.waitForEvent('download')
    await page.click('vitrine-try-on >> [part~="snapshot-button"]')
    const file = join(work, 'snapshot.png')
    await (await download).saveAs(file)
    const png = readFileSync(file)
    assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'a PNG')
    assert.equal(png.readUInt32BE(16), 512, 'the photo\'s width')
    await page.waitForSelector('#look:not([hidden])')

    // The camera: a fake one, playing the photo, then no face, again and again. The element says
    // when it finds the face and when it loses it.
    await page.evaluate(() => {
      const el = document.querySelector('vitrine-try-on')!
      const seen: string[] = ((window as unknown as { trackingEvents: string[] }).trackingEvents = [])
      for (const type of ['tracking-found', 'tracking-lost']) el.addEventListener(type, () => el.source === 'camera' && seen.push(type))
    })
    await page.click('vitrine-try-on >> [part~="camera-button"]')
    await page.waitForFunction(() => {
      const el = document.querySelector('vitrine-try-on')!
      const seen = (window as unknown as { trackingEvents: string[] }).trackingEvents
      return el.source === 'camera' && el.cameraOn && seen.includes('tracking-lost') && seen.lastIndexOf('tracking-found') > seen.indexOf('tracking-lost')
    }, null, { timeout: 60_000 })
    await page.waitForFunction(() => !document.querySelector('vitrine-try-on')!.tracking)
    assert.match(await page.textContent('vitrine-try-on >> [part="status-text"]') ?? '', /Looking for a face/)
    // The page mirrors the front camera, as a selfie.
    await page.waitForFunction(() => document.querySelector('vitrine-try-on')!.mirror)
    // The other camera (the fake device answers both ways).
    await page.click('vitrine-try-on >> [part~="flip-button"]')
    await page.waitForFunction(() => {
      const el = document.querySelector('vitrine-try-on')!
      return el.facing === 'environment' && el.cameraOn && el.tracking && !el.mirror
    }, null, { timeout: 30_000 })
    // Hidden, it lets go of the camera; shown again, it comes back.
    await page.evaluate(() => (document.querySelector('vitrine-try-on')!.hidden = true))
    await page.waitForFunction(() => !document.querySelector('vitrine-try-on')!.cameraOn)
    await page.evaluate(() => (document.querySelector('vitrine-try-on')!.hidden = false))
    await page.waitForFunction(() => document.querySelector('vitrine-try-on')!.cameraOn, null, { timeout: 30_000 })
    // Removed from the page, it lets go too.
    const stillOn = await page.evaluate(() => {
      const el = document.querySelector('vitrine-try-on')!
      el.remove()
      return el.cameraOn
    })
    assert.equal(stillOn, false)

    assert.deepEqual(pageErrors, [])
    // Privacy: every request went to the page's own origin (or stayed inside the page), and
    // nothing was sent: no request carried a body.
    const elsewhere = requests.filter((r) => !r.url.startsWith(origin + '/') && !/^(data|blob):/.test(r.url))
    assert.deepEqual(elsewhere, [], 'requests to other origins')
    assert.deepEqual(requests.filter((r) => r.method !== 'GET'), [], 'only GET requests')
    assert.ok(served.every((r) => r.bytes === 0), 'no request body reached the server')
    const paths = served.map((r) => r.path)
    for (const needed of ['/try-on/face_landmarker.task', '/try-on/catalog.json', '/try-on/glasses.gltf', '/try-on/hat.gltf', '/try-on/earring.gltf']) {
      assert.ok(paths.includes(needed), `${needed} was loaded from the page's origin`)
    }
    assert.ok(paths.some((p) => /^\/try-on\/wasm\/vision_wasm.*\.wasm$/.test(p)), 'the tracking engine came from the page\'s origin')
  } finally {
    await context.close()
  }
})
