// End-to-end tests of the BUILT `vitrine` CLI for markets, message catalogues, pseudo-locales
// and the layout report. Build first (see cli.test.ts).
import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { after, before, describe, test } from 'node:test'

const cli = fileURLToPath(new URL('../dist/cli.js', import.meta.url))
const fixtures = fileURLToPath(new URL('./fixtures/i18n/', import.meta.url))
const template = join(fixtures, 'sale-card.json')
const csv = join(fixtures, 'products.csv')

interface Run {
  code: number
  stdout: string
  stderr: string
}

function vitrine(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [cli, ...args], { cwd: fixtures, env: { ...process.env, NODE_OPTIONS: '', ...env } }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr })
    })
  })
}

interface Manifest {
  outputs: { id: string; format: string; locale: string; file: string; sha256: string }[]
  failures: unknown[]
  layout: { id: string; format: string; locale: string; layer: string; path: string; status: string; fontSize: number; requestedFontSize: number }[]
  missingTranslations: { locale: string; message: string; path: string; shown: string }[]
  summary: { outputs: number; failures: number }
  warnings: { overflow: number; truncated: number; missingTranslations: number }
}
const readManifest = async (out: string) => JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8')) as Manifest
const shaOf = (m: Manifest, id: string, locale: string) => m.outputs.find((o) => o.id === id && o.locale === locale)!.sha256

let work: string
before(async () => {
  assert.ok(existsSync(cli), `${cli} is missing: build first`)
  work = await mkdtemp(join(tmpdir(), 'vitrine-cli-i18n-'))
})
after(() => rm(work, { recursive: true, force: true }))

describe('vitrine render with markets and catalogues', () => {
  test('--market alone renders each market in its language; its digits change the picture', async () => {
    const out = join(work, 'markets')
    const run = await vitrine(['render', template, '--data', csv, '--format', '400x300', '--market', 'ar-SA,de-DE', '--out', out, '--concurrency', '1'])
    assert.equal(run.code, 0, run.stderr)
    const m = await readManifest(out)
    assert.deepEqual(m.outputs.map((o) => o.file), ['S-1/400x300.ar-SA.png', 'S-1/400x300.de-DE.png', 'S-2/400x300.ar-SA.png', 'S-2/400x300.de-DE.png'])
    // ar-SA with the ar-AE market writes Latin digits: a different picture from ar-SA's Arabic-Indic ones.
    const latin = join(work, 'latin')
    assert.equal((await vitrine(['render', template, '--data', csv, '--format', '400x300', '--locale', 'ar-SA', '--market', 'ar-AE', '--out', latin, '--concurrency', '1'])).code, 0)
    assert.notEqual(shaOf(await readManifest(latin), 'S-1', 'ar-SA'), shaOf(m, 'S-1', 'ar-SA'))
  })

  test('--catalog translates by the fallback chain; what has no translation is reported, never blank', async () => {
    const out = join(work, 'catalogs')
    const run = await vitrine(['render', template, '--data', csv, '--format', '400x300', '--locale', 'de-AT,ja-JP,fr-FR,th-TH', '--catalog', 'de.json,ja.xlf', '--out', out, '--json'])
    assert.equal(run.code, 0, run.stderr)
    const json = JSON.parse(run.stdout) as Manifest
    const missing = json.missingTranslations.map((t) => `${t.locale} ${t.message} ${t.path} ${t.shown}`)
    assert.deepEqual(missing, [
      'fr-FR price /layers/2/text en-US',
      'fr-FR stock /layers/3/text en-US',
      'th-TH headline /layers/0/text en-US',
      'th-TH price /layers/2/text en-US',
      'th-TH stock /layers/3/text en-US',
    ])
    const m = await readManifest(out)
    assert.deepEqual(m.missingTranslations, json.missingTranslations)
    assert.equal(m.warnings.missingTranslations, 5)
    assert.equal(new Set(m.outputs.map((o) => o.sha256)).size, m.outputs.length, 'every locale draws its own text')
  })

  test('the layout report lists each text layer that did not fit, per format and locale, with its pointer', async () => {
    const out = join(work, 'layout')
    const run = await vitrine(['render', template, '--data', csv, '--format', '400x300,200x150', '--locale', 'en-US,en-XA', '--out', out])
    assert.equal(run.code, 0, run.stderr)
    const m = await readManifest(out)
    const overflow = m.layout.filter((l) => l.status === 'overflow')
    assert.ok(overflow.some((l) => l.id === 'S-2' && l.layer === 'title' && l.path === '/layers/1' && l.format === '400x300' && l.locale === 'en-US' && l.fontSize < l.requestedFontSize))
    assert.ok(m.layout.every((l) => ['overflow', 'truncated'].includes(l.status)))
    // The 40 % longer pseudo-locale breaks a line that fits in English.
    assert.ok(m.layout.some((l) => l.id === 'S-2' && l.format === '400x300' && l.locale === 'en-XA' && l.layer === 'price' && l.status === 'truncated'))
    assert.ok(!m.layout.some((l) => l.id === 'S-2' && l.format === '400x300' && l.locale === 'en-US' && l.layer === 'price'))
    assert.equal(m.warnings.overflow + m.warnings.truncated, m.layout.length)
    assert.match(run.stderr, /text layers? did not fit/)
    assert.match(run.stderr, /S-2: title overflow in 400x300\.en-US/)
  })

  test('a broken catalogue stops the batch with its file, id and position', async () => {
    const run = await vitrine(['render', template, '--data', csv, '--format', '400x300', '--locale', 'de-DE', '--catalog', 'broken.json', '--out', join(work, 'broken')])
    assert.equal(run.code, 2)
    assert.match(run.stderr, /catalog\/invalid/)
    assert.match(run.stderr, /broken\.json/)
    assert.match(run.stderr, /Message "price"/)
    assert.match(run.stderr, /line 1, column 5/)
  })

  test('unknown markets and locale tags are usage errors', async () => {
    const base = ['render', template, '--data', csv, '--format', '400x300', '--out', join(work, 'x')]
    const market = await vitrine([...base, '--market', 'xx-YY'])
    assert.equal(market.code, 2)
    assert.match(market.stderr, /--market: unknown market "xx-YY"; expected one of .*de-DE/)
    const locale = await vitrine([...base, '--locale', 'qq-ZZ'])
    assert.equal(locale.code, 2)
    assert.match(locale.stderr, /unknown language "qq"/)
    const both = await vitrine([...base, '--locale', 'en-US', '--market', 'de-DE,fr-FR'])
    assert.equal(both.code, 2)
    assert.match(both.stderr, /expected one market/)
  })
})

describe('vitrine messages and markets', () => {
  test('export, check, translate, import: a translator round trip through XLIFF 2.0', async () => {
    const card = join(work, 'card.json')
    await copyFile(template, card)
    const folder = join(work, 'xliff')
    const exported = await vitrine(['messages', 'export', card, '--locale', 'ko-KR', '--out', folder])
    assert.equal(exported.code, 0, exported.stderr)
    const file = join(folder, 'sale-card.ko-KR.xlf')
    const xliff = await readFile(file, 'utf8')
    assert.match(xliff, /<unit id="headline">/)
    assert.doesNotMatch(xliff, /<unit id="title">/, '{title} alone has nothing to translate')

    const before = await vitrine(['messages', 'check', card, '--locale', 'ko-KR', '--catalog', folder])
    assert.equal(before.code, 1)
    assert.match(before.stdout, /ko-KR: missing headline, price, stock/)

    const translated = xliff
      .replace(/<segment state="initial">(<source>Summer sale<\/source>)/, '<segment state="translated">$1<target>여름 세일</target>')
      .replace(/<segment state="initial">(<source>Only \{price\}<\/source>)/, '<segment state="translated">$1<target>단 {price}</target>')
      .replace(/<segment state="initial">(<source>\{stock[^<]*<\/source>)/, '<segment state="translated">$1<target>{stock, plural, other {#개 남음}}</target>')
    await writeFile(file, translated)
    const imported = await vitrine(['messages', 'import', card, '--catalog', file])
    assert.equal(imported.code, 0, imported.stderr)
    const doc = JSON.parse(await readFile(card, 'utf8')) as { translations: Record<string, Record<string, { message: string }>> }
    assert.equal(doc.translations['ko-KR']!.headline!.message, '여름 세일')
    assert.equal(doc.translations.fr!.headline, 'Soldes d’été', 'other locales are kept')
    const after = await vitrine(['messages', 'check', card, '--locale', 'ko-KR', '--json'])
    assert.equal(after.code, 0, after.stdout)
    assert.deepEqual(JSON.parse(after.stdout).missing, [{ locale: 'ko-KR', messages: [] }])
  })

  test('translate: a host translator fills what is missing; its results are cached in the catalogue', async () => {
    const folder = join(work, 'machine')
    const log = join(work, 'translator.log')
    const args = ['messages', 'translate', template, '--locale', 'ko-KR', '--translator', 'translator.mjs', '--out', folder, '--json']
    const first = await vitrine(args, { VITRINE_TRANSLATOR_LOG: log })
    assert.equal(first.code, 0, first.stderr)
    assert.deepEqual(JSON.parse(first.stdout).translated, 2)
    const xliff = await readFile(join(folder, 'sale-card.ko-KR.xlf'), 'utf8')
    assert.match(xliff, /<segment state="translated" subState="vitrine:machine"><source>Summer sale<\/source><target>여름 세일<\/target>/)
    assert.match(xliff, /<segment state="initial"><source>\{stock/, 'what the translator could not do stays to translate')
    const again = await vitrine([...args, '--catalog', folder], { VITRINE_TRANSLATOR_LOG: log })
    assert.equal(again.code, 0, again.stderr)
    assert.deepEqual(JSON.parse(again.stdout).translated, 0)
    assert.deepEqual((await readFile(log, 'utf8')).trim().split('\n'), ['ko-KR headline,price,stock', 'ko-KR stock'], 'only the untranslated message is asked again')
    const bad = await vitrine(['messages', 'translate', template, '--locale', 'ko-KR', '--translator', 'products.csv', '--out', folder])
    assert.equal(bad.code, 2)
    assert.match(bad.stderr, /--translator: cannot load products\.csv/)
  })

  test('markets: a table and the profiles as JSON', async () => {
    const table = await vitrine(['markets'])
    assert.equal(table.code, 0)
    assert.match(table.stdout, /ar-SA\s+SAR\s+arab\s+gregory\s+rtl/)
    const json = JSON.parse((await vitrine(['markets', '--json'])).stdout) as { id: string; hints: unknown }[]
    assert.ok(json.length >= 14 && json.every((m) => m.hints))
  })
})
