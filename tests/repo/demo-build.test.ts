// The demo is the embedded default that the README sends people to: it must keep building and
// working. This runs its real `vite build` into a temporary folder, checks what came out, then
// serves it and opens the admin page in headless Chromium.
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { createReadStream, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { extname, join, resolve, sep } from 'node:path'
import { after, test } from 'node:test'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright-core'
import { chromiumLaunchOptions } from '../../scripts/chromium.mjs'

const root = fileURLToPath(new URL('../..', import.meta.url))
const demo = join(root, 'demo')
const out = mkdtempSync(join(tmpdir(), 'vitrine-demo-'))
after(() => rmSync(out, { recursive: true, force: true }))

test('the demo builds, with its pages, the examples and the built-in fonts', { timeout: 180_000 }, () => {
  const vite = join(demo, 'node_modules/vite/bin/vite.js')
  assert.ok(existsSync(vite), 'vite is not installed in demo/: run pnpm install')
  const result = spawnSync(process.execPath, [vite, 'build', '--outDir', out, '--emptyOutDir', '--logLevel', 'warn'], {
    cwd: demo,
    encoding: 'utf8',
  })
  assert.equal(result.status, 0, `vite build failed:\n${result.stdout}\n${result.stderr}`)

  for (const page of ['index.html', 'admin.html']) assert.ok(existsSync(join(out, page)), `${page} was not built`)
  const admin = readFileSync(join(out, 'admin.html'), 'utf8')
  const script = /<script type="module" crossorigin src="\/([^"]+\.js)"/.exec(admin)?.[1]
  assert.ok(script && existsSync(join(out, script)), 'admin.html does not load its bundled script')
  const bundle = readdirSync(join(out, 'assets'))
    .filter((f) => f.endsWith('.js'))
    .map((f) => readFileSync(join(out, 'assets', f), 'utf8'))
    .join('\n')
  assert.match(bundle, /vitrine-preview/, 'the bundle does not define <vitrine-preview>')

  assert.ok(existsSync(join(out, 'examples/product-card.json')), 'the example template is not served')
  assert.ok(existsSync(join(out, 'fonts/Inter_400Regular.ttf')), 'the built-in fonts are not next to the bundle (/fonts/)')
})

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.csv': 'text/csv; charset=utf-8',
  '.png': 'image/png',
  '.ttf': 'font/ttf',
}

/** A static server for the built demo, on a free port. */
async function serve(folder: string): Promise<{ server: Server; origin: string; requested: string[] }> {
  const requested: string[] = []
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)
    requested.push(path)
    const file = resolve(folder, '.' + path)
    if (!file.startsWith(folder + sep) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end()
      return
    }
    res.writeHead(200, { 'Content-Type': types[extname(file)] ?? 'application/octet-stream' })
    createReadStream(file).pipe(res)
  })
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, requested }
}

test('the built admin page previews the example in every format, with the shipped fonts', { timeout: 180_000 }, async (t) => {
  if (!existsSync(join(out, 'admin.html'))) return t.skip('the demo did not build')
  const { server, origin, requested } = await serve(out)
  const browser = await chromium.launch(chromiumLaunchOptions())
  try {
    const page = await browser.newPage()
    const pageErrors: string[] = []
    page.on('pageerror', (error) => pageErrors.push(error.message))
    await page.goto(`${origin}/admin.html`)
    const settled = () =>
      page.waitForFunction(
        () => {
          const previews = [...document.querySelectorAll('vitrine-preview')]
          return previews.length > 0 && previews.every((p) => p.status === 'ready' || p.status === 'error')
        },
        null,
        { timeout: 60_000 },
      )
    const states = () =>
      page.evaluate(() =>
        [...document.querySelectorAll('vitrine-preview')].map((p) => ({
          format: p.format,
          status: p.status,
          error: p.error?.message,
          width: p.currentScene?.width,
          height: p.currentScene?.height,
          locale: p.currentScene?.locale,
        })),
      )
    await settled()
    const first = await states()
    assert.equal(first.length, 9, 'expected one preview per catalogue format')
    for (const s of first) assert.equal(s.status, 'ready', `${s.format}: ${s.error}`)
    assert.deepEqual(
      first.find((s) => s.format === 'instagram-story'),
      { format: 'instagram-story', status: 'ready', error: undefined, width: 1080, height: 1920, locale: 'en-US' },
    )

    await page.selectOption('#locale', 'de-DE')
    await page.selectOption('#product', '1')
    await page.waitForFunction(() => [...document.querySelectorAll('vitrine-preview')].every((p) => p.currentScene?.locale === 'de-DE'), null, { timeout: 60_000 })
    await settled()
    for (const s of await states()) assert.equal(s.status, 'ready', `${s.format} after changing product and locale: ${s.error}`)

    assert.deepEqual(pageErrors, [])
    assert.ok(
      requested.some((path) => /^\/fonts\/Inter_\d+\w+\.ttf$/.test(path)),
      `the page never loaded Vitrine's Inter from /fonts/; requests: ${requested.join(', ')}`,
    )
  } finally {
    await browser.close()
    await new Promise((done) => server.close(done))
  }
})
