// The same conformance checks as the other files here, run inside headless Chromium against
// @vitrine/core's browser build: the layout must break and order text the same way there.
import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { build } from 'esbuild'
import { chromium, type Browser, type Page } from 'playwright-core'
import { rate, readUnicodeFile, unicodeVersionOf } from './unicode-files.ts'
import { chromiumLaunchOptions } from '../../scripts/chromium.mjs'

let browser: Browser
let page: Page

before(async () => {
  const bundle = await build({ entryPoints: [join(import.meta.dirname, 'browser-entry.ts')], bundle: true, format: 'esm', platform: 'browser', write: false, conditions: ['browser'] })
  browser = await chromium.launch(chromiumLaunchOptions(['--disable-gpu']))
  page = await browser.newPage()
  await page.addScriptTag({ content: bundle.outputFiles[0]!.text, type: 'module' })
  await page.waitForFunction(() => 'vitrineConformance' in globalThis)
})

after(async () => {
  await browser?.close()
})

test('in Chromium: bidi 100 %, line, grapheme and word breaks ≥ 99.9 %, every failing case explained', async (t) => {
  const names = { LineBreakTest: 'auxiliary/LineBreakTest.txt', GraphemeBreakTest: 'auxiliary/GraphemeBreakTest.txt', WordBreakTest: 'auxiliary/WordBreakTest.txt', BidiCharacterTest: 'BidiCharacterTest.txt', BidiTest: 'BidiTest.txt' }
  const files: Record<string, string> = Object.fromEntries(Object.entries(names).map(([k, v]) => [k, readUnicodeFile(v)]))
  // The Unicode 17.0 segmentation tests committed under data/ (see its README).
  for (const name of ['GraphemeBreakTest-17.0.0', 'WordBreakTest-17.0.0']) files[name] = readFileSync(join(import.meta.dirname, 'data', `${name}.txt`), 'utf8')
  const results = await page.evaluate(
    (f) => (globalThis as unknown as { vitrineConformance(f: Record<string, string>): Record<string, { pass: number; total: number; failures: string[]; unexplained: string[]; ms: number }> }).vitrineConformance(f),
    files,
  )
  const unicode = await page.evaluate(() => (/\p{Extended_Pictographic}/u.test('\u{1FAE8}') ? '15.1 or newer' : 'older than 15.1'))
  for (const [name, r] of Object.entries(results)) {
    t.diagnostic(`Chromium ${name} ${unicodeVersionOf(files[name]!)} (browser Unicode ${unicode}): ${rate(r.pass, r.total)} pass in ${Math.round(r.ms)} ms${r.failures.length ? `; failing: ${r.failures.join(', ')}` : ''}`)
    assert.deepEqual(r.unexplained, [], `${name}: unexplained failures in Chromium`)
  }
  assert.equal(results.BidiCharacterTest!.pass, results.BidiCharacterTest!.total)
  assert.equal(results.BidiTest!.pass, results.BidiTest!.total)
  for (const name of ['LineBreakTest', 'GraphemeBreakTest', 'WordBreakTest', 'GraphemeBreakTest-17.0.0', 'WordBreakTest-17.0.0']) assert.ok(results[name]!.pass / results[name]!.total >= 0.999, `${name}: ${rate(results[name]!.pass, results[name]!.total)}`)
  assert.ok(results.BidiTest!.total > 490_000 && results.LineBreakTest!.total > 7000)
})
