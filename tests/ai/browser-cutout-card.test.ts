// The example card with its product photo cut out, rendered in Chromium with the real model
// (IS-Net, onnxruntime-web wasm with threads on a cross-origin isolated page, in the worker):
// the same template, feed and model description as `vitrine render` uses. One inference: a few
// seconds on an idle 2-core machine, more when it is busy.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { chromium, type Browser } from 'playwright-core'
import { PNG } from 'pngjs'
import { startAiPageServer, type AiPageServer } from './ai-page-server.js'
import type { vitrineAi } from './browser-entry.js'
import { chromiumLaunchOptions } from '../../scripts/chromium.mjs'

type AiApi = typeof vitrineAi
let browser: Browser
let server: AiPageServer

before(async () => {
  server = await startAiPageServer({ isolated: true })
  browser = await chromium.launch(chromiumLaunchOptions(['--headless=new']))
})
after(async () => {
  await browser?.close()
  await server?.close()
})

function pixel(png: PNG, x: number, y: number): number[] {
  const i = (y * png.width + x) * 4
  return [png.data[i]!, png.data[i + 1]!, png.data[i + 2]!]
}

test('in Chromium, the example card renders its product photo cut out on the brand background, in two formats from one inference', async () => {
  const page = await browser.newPage()
  await page.addInitScript('globalThis.__name = (f) => f')
  await page.goto(server.origin + '/')
  await page.waitForFunction(() => 'vitrineAi' in globalThis)
  const out = await page.evaluate(async () => {
    const ai = (globalThis as unknown as { vitrineAi: AiApi }).vitrineAi
    const spec = await (await fetch('/repo/examples/models/isnet-general-use.model.json')).json()
    const engine = await ai.createBrowserCutoutEngine({ ortBaseUrl: '/ort/', workerUrl: '/app/worker.js', backends: ['wasm'], models: [spec], modelBaseUrl: '/repo/examples/models/', cacheName: false })
    const template = ai.parseTemplate(await (await fetch('/repo/examples/product-card-cutout.json')).text())
    const feed = ai.parseCsv(await (await fetch('/repo/examples/product-photos.csv')).text())
    const { values } = ai.bindRow(template, feed.rows[0]!)
    const platform = new ai.BrowserPlatform()
    const assets = new ai.AssetStore(platform, { baseUrl: location.origin + '/repo/examples/' })
    const fonts = new ai.FontLibrary(platform, { builtInBaseUrl: '/repo/packages/core/fonts/' })
    const files: Record<string, string> = {}
    for (const format of ['instagram-square', 'facebook-link']) {
      const r = await ai.renderImage(template, values, { format, platform, assets, fonts, type: 'png', cutout: engine })
      let s = ''
      for (const b of r.bytes) s += String.fromCharCode(b)
      files[format] = btoa(s)
    }
    return { backend: engine.runtime.report.chosen, computed: engine.masks.stats.computed, files }
  })
  assert.equal(out.backend, 'wasm-simd-threaded')
  assert.equal(out.computed, 1, 'two formats, one model run')
  const square = PNG.sync.read(Buffer.from(out.files['instagram-square']!, 'base64'))
  assert.deepEqual([square.width, square.height], [1080, 1080])
  // Inside the product box, off the sneaker: the brand background, not the photo's light wall
  // (#d9d4cc at the top of examples/images/photos/sneaker.jpg, see scripts/make-example-photos.mjs).
  const off = pixel(square, 200, 130)
  const wall = [0xd9, 0xd4, 0xcc]
  assert.ok(Math.abs(off[1]! - wall[1]!) + Math.abs(off[2]! - wall[2]!) > 80, `the photo's wall ${wall} is gone, found ${off}`)
  const middle = pixel(square, 540, 380)
  assert.ok(middle[0]! > 150 && middle[1]! < 120, `the sneaker's red at the centre, found ${middle}`)
  const link = PNG.sync.read(Buffer.from(out.files['facebook-link']!, 'base64'))
  assert.deepEqual([link.width, link.height], [1200, 628])
  await page.close()
})
