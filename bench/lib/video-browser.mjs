/** Chromium side of the video benchmark: the same ad through WebCodecs and through ffmpeg.wasm. */
import { createServer } from 'node:http'
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, extname, join, normalize } from 'node:path'
import { build } from 'esbuild'
import { chromium } from 'playwright-core'
import { adTemplate, adTemplateJson, examples, root } from './video-ad.mjs'
import { chromiumLaunchOptions } from '../../scripts/chromium.mjs'

const coreRequire = createRequire(join(root, 'packages', 'core', 'package.json'))
const dirs = {
  '/fonts/': join(root, 'packages', 'core', 'fonts'),
  '/ffmpeg-core/': join(dirname(coreRequire.resolve('@ffmpeg/core/wasm')), '..', 'esm'),
  '/ffmpeg/': dirname(coreRequire.resolve('@ffmpeg/ffmpeg/worker')),
  '/examples/': examples,
}
const types = { '.js': 'text/javascript', '.wasm': 'application/wasm', '.png': 'image/png', '.woff2': 'font/woff2', '.ttf': 'font/ttf', '.m4a': 'audio/mp4' }

/** Runs the ad once per browser encoder; returns their results by name. */
export async function browserRuns({ seconds, format, encoders }) {
  const { outputFiles } = await build({ entryPoints: [join(import.meta.dirname, 'video-browser-entry.mjs')], bundle: true, format: 'esm', platform: 'browser', write: false, conditions: ['browser'], logLevel: 'error' })
  const bundle = outputFiles[0].text
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname
    if (path === '/bundle.js') return res.writeHead(200, { 'content-type': 'text/javascript' }).end(bundle)
    if (path === '/') return res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><script type="module" src="/bundle.js"></script>')
    const prefix = Object.keys(dirs).find((p) => path.startsWith(p))
    const file = prefix && join(dirs[prefix], normalize(decodeURIComponent(path.slice(prefix.length))))
    if (!file || !existsSync(file)) return res.writeHead(404).end()
    res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file))
  })
  await new Promise((r) => server.listen(0, '127.0.0.1', r))
  const origin = `http://127.0.0.1:${server.address().port}`
  const browser = await chromium.launch(chromiumLaunchOptions())
  const template = adTemplateJson(seconds)
  template.timeline.audio.src = 'audio/music-bed.m4a'
  const results = {}
  try {
    const version = browser.version()
    for (const prefer of encoders) {
      const page = await browser.newPage()
      await page.goto(origin + '/')
      await page.waitForFunction(() => 'vitrineBenchVideo' in globalThis)
      const spec = {
        template,
        row: adTemplate(seconds).row,
        format,
        prefer,
        baseUrl: `${origin}/examples/`,
        fontBaseUrl: `${origin}/fonts/`,
        ffmpeg: { coreURL: `${origin}/ffmpeg-core/ffmpeg-core.js`, wasmURL: `${origin}/ffmpeg-core/ffmpeg-core.wasm`, workerURL: `${origin}/ffmpeg/worker.js` },
      }
      try {
        results[prefer] = { ...(await page.evaluate((s) => globalThis.vitrineBenchVideo(s), spec)), chromium: version }
      } catch (error) {
        results[prefer] = { error: error.message.split('\n')[0] }
      }
      await page.close()
    }
  } finally {
    await browser.close()
    server.close()
  }
  return results
}
