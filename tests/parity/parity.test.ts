// Renders every scene in Node and in headless Chromium and compares both with one committed
// reference PNG. See README.md for the tolerance and how to update references.
import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { createServer, type Server } from 'node:http'
import { copyFileSync, mkdirSync, readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { extname, join, normalize } from 'node:path'
import { pathToFileURL } from 'node:url'
import { build } from 'esbuild'
import { chromium, type Browser, type Page } from 'playwright-core'
import pixelmatch from 'pixelmatch'
import { PNG } from 'pngjs'
import { AssetStore, bindRow, FontLibrary, parseTemplate, renderImage } from '@vitrine/core'
import { NodePlatform, builtInFontBaseUrl } from '@vitrine/node'
import { chromiumLaunchOptions } from '../../scripts/chromium.mjs'

const here = import.meta.dirname
const root = join(here, '..', '..')
const scenesDir = join(here, 'scenes')
const refsDir = join(here, 'refs')
const outDir = join(here, '__output__')
const fontsDir = join(root, 'packages', 'core', 'fonts')
/** Share of pixels allowed to differ (pixelmatch threshold 0.1): 0.05 %. */
const MAX_DIFF_RATIO = 0.0005
const update = process.env.UPDATE_REFS === '1'

interface SceneSpec {
  template: string
  row: Record<string, unknown>
  format: string
  locale?: string
}

const scenes = readdirSync(scenesDir)
  .filter((f) => f.endsWith('.scene.json'))
  .sort()
  .map((f) => ({ name: f.replace('.scene.json', ''), spec: JSON.parse(readFileSync(join(scenesDir, f), 'utf8')) as SceneSpec }))

const types: Record<string, string> = { '.woff2': 'font/woff2', '.js': 'text/javascript', '.png': 'image/png', '.jpg': 'image/jpeg', '.ttf': 'font/ttf', '.json': 'application/json', '.html': 'text/html' }
let server: Server
let origin = ''
let browser: Browser
let page: Page
let bundle = ''

before(async () => {
  // A brand font as a host would ship it: a WOFF2 from an npm package (SIL OFL), next to the scenes.
  copyFileSync(createRequire(import.meta.url).resolve('@fontsource/lobster/files/lobster-latin-400-normal.woff2'), join(here, 'assets', 'brand-lobster.woff2'))
  const result = await build({
    entryPoints: [join(here, 'browser-entry.ts')],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    conditions: ['browser'],
  })
  bundle = result.outputFiles[0]!.text
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x')
    let file: string | undefined
    if (url.pathname === '/bundle.js') {
      res.writeHead(200, { 'content-type': 'text/javascript' }).end(bundle)
      return
    }
    if (url.pathname === '/') {
      res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><script type="module" src="/bundle.js"></script>')
      return
    }
    if (url.pathname.startsWith('/fonts/')) file = join(fontsDir, normalize(decodeURIComponent(url.pathname.slice(7))))
    else if (url.pathname.startsWith('/root/')) file = join(root, normalize(decodeURIComponent(url.pathname.slice(6))))
    if (!file || !file.startsWith(root) || !existsSync(file)) {
      res.writeHead(404).end()
      return
    }
    res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file))
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const address = server.address()
  origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`
  browser = await chromium.launch(chromiumLaunchOptions(['--disable-gpu', '--font-render-hinting=none']))
  page = await browser.newPage()
  await page.goto(origin + '/')
  await page.waitForFunction(() => 'vitrineRender' in globalThis)
})

after(async () => {
  await browser?.close()
  server?.close()
})

const platform = new NodePlatform()
const fonts = new FontLibrary(platform, { builtInBaseUrl: builtInFontBaseUrl() })

async function renderInNode(spec: SceneSpec): Promise<Buffer> {
  const templateFile = join(scenesDir, spec.template)
  const template = parseTemplate(readFileSync(templateFile, 'utf8'))
  const assets = new AssetStore(platform, { baseUrl: pathToFileURL(here + '/').href })
  const { values } = bindRow(template, { index: 1, line: 1, pointer: '/rows/0', values: spec.row }, { rowPointer: '/rows/0' })
  const { bytes } = await renderImage(template, values, { format: spec.format, locale: spec.locale, platform, assets, fonts, type: 'png' })
  return Buffer.from(bytes)
}

async function renderInChromium(spec: SceneSpec): Promise<Buffer> {
  const templateFile = join(scenesDir, spec.template)
  const rel = (p: string) => p.slice(root.length + 1)
  const payload = {
    template: JSON.parse(readFileSync(templateFile, 'utf8')),
    row: spec.row,
    format: spec.format,
    locale: spec.locale,
    baseUrl: `${origin}/root/${rel(here)}/`,
    fontBaseUrl: `${origin}/fonts/`,
  }
  const base64 = await page.evaluate((p) => (globalThis as unknown as { vitrineRender(p: unknown): Promise<string> }).vitrineRender(p), payload)
  return Buffer.from(base64, 'base64')
}

function compare(name: string, side: string, actual: Buffer, reference: Buffer): { ratio: number; pixels: number } {
  const a = PNG.sync.read(actual)
  const r = PNG.sync.read(reference)
  assert.deepEqual([a.width, a.height], [r.width, r.height], `${name} (${side}): size differs from the reference`)
  const diff = new PNG({ width: r.width, height: r.height })
  const pixels = pixelmatch(a.data, r.data, diff.data, r.width, r.height, { threshold: 0.1 })
  const ratio = pixels / (r.width * r.height)
  if (ratio > MAX_DIFF_RATIO) {
    mkdirSync(outDir, { recursive: true })
    writeFileSync(join(outDir, `${name}.${side}.png`), actual)
    writeFileSync(join(outDir, `${name}.${side}.diff.png`), PNG.sync.write(diff))
  }
  return { ratio, pixels }
}

for (const { name, spec } of scenes) {
  test(`parity: ${name} renders the same in Node and Chromium`, async (t) => {
    const refFile = join(refsDir, `${name}.png`)
    const nodePng = await renderInNode(spec)
    if (update || !existsSync(refFile)) {
      if (!update) assert.fail(`no reference for ${name}: run UPDATE_REFS=1 and review refs/${name}.png`)
      mkdirSync(refsDir, { recursive: true })
      writeFileSync(refFile, nodePng)
    }
    const reference = readFileSync(refFile)
    const chromePng = await renderInChromium(spec)
    const n = compare(name, 'node', nodePng, reference)
    const c = compare(name, 'chromium', chromePng, reference)
    t.diagnostic(`${name}: Node ${(n.ratio * 100).toFixed(4)} %, Chromium ${(c.ratio * 100).toFixed(4)} % of pixels differ (limit ${MAX_DIFF_RATIO * 100} %)`)
    assert.ok(n.ratio <= MAX_DIFF_RATIO, `${name}: Node differs from the reference in ${n.pixels} pixels (${(n.ratio * 100).toFixed(4)} %)`)
    assert.ok(c.ratio <= MAX_DIFF_RATIO, `${name}: Chromium differs from the reference in ${c.pixels} pixels (${(c.ratio * 100).toFixed(4)} %)`)
  })
}
