// Fonts per script: only the fonts a text needs are fetched, fallback faces are ours (never a
// system font of the machine), brand fonts fall back per character, and a font that does not
// come in time is a clear error naming the text.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { createServer } from 'node:http'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { AssetStore, assignFonts, bindRow, FontLibrary, parseTemplate, resolve, VitrineError, type SceneFontRef } from '@vitrine/core'
import { NodePlatform, builtInFontBaseUrl } from '@vitrine/node'

const root = join(import.meta.dirname, '..', '..')
const platform = new NodePlatform()
const card = parseTemplate(readFileSync(join(root, 'examples', 'product-card.json'), 'utf8'))
const fresh = () => new FontLibrary(platform, { builtInBaseUrl: builtInFontBaseUrl() })
const bold: SceneFontRef = { family: 'Inter', weight: 700, style: 'normal' }

async function resolveCard(title: string, locale: string, fonts: FontLibrary) {
  const row = { sku: 'X-1', title, price: '12.90', currency: 'EUR', image: 'assets/mug.png' }
  const { values } = bindRow(card, { index: 1, line: 2, pointer: '/rows/0', values: row }, { rowPointer: '/rows/0' })
  const assets = new AssetStore(platform, { baseUrl: pathToFileURL(join(root, 'tests', 'parity') + '/').href })
  return resolve(card, values, { format: 'instagram-square', locale, platform, assets, fonts })
}
const fallbackFiles = (fonts: FontLibrary) => fonts.fetchedUrls().filter((u) => u.includes('/fallback/')).map((u) => u.split('/fallback/')[1]!)

test('an English card loads no fallback font at all', async () => {
  const fonts = fresh()
  await resolveCard('Ceramic mug, 350 ml — naïve café', 'en-US', fonts)
  assert.deepEqual(fallbackFiles(fonts), [])
  assert.ok(fonts.fetchedUrls().some((u) => u.endsWith('Inter_700Bold.ttf')))
})

test('a Japanese title loads only the Japanese subsets it needs', async () => {
  const fonts = fresh()
  const scene = await resolveCard('防水トレイルランニングシューズ', 'ja-JP', fonts)
  const files = fallbackFiles(fonts)
  const subsets = files.filter((f) => f.endsWith('.woff2'))
  assert.ok(subsets.length > 0 && subsets.every((f) => f.startsWith('noto-sans-jp-')), files.join(' '))
  const manifest = JSON.parse(readFileSync(new URL('fallback/noto-sans-jp.json', builtInFontBaseUrl()), 'utf8')) as { subsets: Record<string, string> }
  assert.ok(subsets.length <= 10 && subsets.length < Object.keys(manifest.subsets).length / 10, `${subsets.length} subset files for one title`)
  assert.ok(scene.fonts.some((f) => f.family.startsWith('Vitrine Fallback noto-sans-jp ')))
})

test('Han characters take the locale\'s forms: JP, KR, SC or TC', async () => {
  for (const [locale, id] of [['ja-JP', 'noto-sans-jp'], ['ko-KR', 'noto-sans-kr'], ['zh-CN', 'noto-sans-sc'], ['zh-TW', 'noto-sans-tc'], ['zh-Hant-HK', 'noto-sans-tc']] as const) {
    const { runs } = await assignFonts('骨', { primary: bold, fonts: fresh(), locale })
    assert.match(runs[0]!.face.family, new RegExp(`^Vitrine Fallback ${id} `), locale)
  }
})

test('Lao, Khmer and Burmese titles draw in our Noto faces, with nothing missing and only their own subset loaded', async () => {
  for (const [locale, title, id, subset] of [
    ['lo-LA', 'ເກີບແລ່ນກັນນ້ຳ', 'noto-sans-lao', 'lao'],
    ['km-KH', 'ស្បែកជើងរត់ការពារទឹក', 'noto-sans-khmer', 'khmer'],
    ['my-MM', 'ရေလုံပြေးဖိနပ်', 'noto-sans-myanmar', 'myanmar'],
  ] as const) {
    const fonts = fresh()
    const scene = await resolveCard(title, locale, fonts)
    const report = scene.text.find((r) => r.layer === 'title')
    assert.equal(report?.missingGlyphs, undefined, `${locale}: ${JSON.stringify(report)}`)
    assert.ok(scene.fonts.some((f) => f.family === `Vitrine Fallback ${id} ${subset}`), `${locale}: ${scene.fonts.map((f) => f.family).join(', ')}`)
    assert.deepEqual(fallbackFiles(fonts).filter((f) => f.endsWith('.woff2')), [`${id}-${subset}-700.woff2`], locale)
  }
})

test('the fallback face that draws is ours, not a system font with the same glyphs', async () => {
  // DejaVu Sans (on many Debian machines) has Hebrew: a run drawn in our face must look different
  // from the same run left to the system's fallback.
  const fonts = fresh()
  const { runs } = await assignFonts('שלום', { primary: bold, fonts, locale: 'he-IL' })
  assert.equal(runs.length, 1)
  assert.equal(runs[0]!.face.family, 'Vitrine Fallback noto-sans-hebrew hebrew')
  const draw = (family: string) => {
    const surface = platform.createSurface(200, 60)
    const c = surface.context
    c.fillStyle = '#fff'
    c.fillRect(0, 0, 200, 60)
    c.fillStyle = '#000'
    c.font = `700 40px "${family}"`
    c.direction = 'rtl'
    c.fillText('שלום', 10, 45)
    return Buffer.from(c.getImageData(0, 0, 200, 60).data)
  }
  const ours = draw(runs[0]!.face.family)
  assert.ok(ours.some((v) => v < 128), 'our face drew nothing')
  assert.ok(ours.equals(draw(runs[0]!.face.family)), 'drawing is deterministic')
  assert.ok(!ours.equals(draw('Vitrine No Such Family')), 'the system fallback draws different pixels, so ours was used')
})

test('a brand font falls back per character: what it has it draws, the rest goes to the stack', async () => {
  const fonts = fresh()
  // Inter's TTF registered as a brand: its cmap (read from the file) has Cyrillic, not Arabic.
  await fonts.addBytes({ family: 'Brand', weight: 400, style: 'normal' }, readFileSync(new URL('Inter_400Regular.ttf', builtInFontBaseUrl())))
  const text = 'Бренд حذاء 👟'
  const { runs, missing } = await assignFonts(text, { primary: { family: 'Brand', weight: 400, style: 'normal' }, fonts, locale: 'ar-SA' })
  const faceOf = (s: string) => runs.find((r) => text.slice(r.start, r.end).includes(s))!.face.family
  assert.equal(faceOf('Бренд'), 'Brand')
  assert.equal(faceOf('حذاء'), 'Vitrine Fallback noto-sans-arabic arabic')
  assert.match(faceOf('👟'), /^Vitrine Fallback noto-color-emoji /)
  assert.deepEqual(missing, [])
})

test('characters no font has are reported in the scene, not hidden', async () => {
  const fonts = fresh()
  const scene = await resolveCard('Mug \u0B95\u0BBE\u0BAA\u0BCD\u0BAA\u0BBF', 'en-US', fonts) // Tamil: not in the stack
  const report = scene.text.find((r) => r.layer === 'title')
  assert.ok(report?.missingGlyphs && report.missingGlyphs.length > 0, JSON.stringify(scene.text))
})

test('a font that does not arrive in time is font/load-failed, naming the text and the limit', async () => {
  const server = createServer(() => {
    /* never answers */
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  try {
    const fonts = new FontLibrary(platform, { builtInBaseUrl: `http://127.0.0.1:${port}/fonts/`, timeoutMs: 300 })
    const started = Date.now()
    await assert.rejects(
      assignFonts('مرحبا', { primary: bold, fonts, locale: 'ar', pointer: '/layers/3/text' }),
      (e: unknown) => e instanceof VitrineError && e.code === 'font/load-failed' && e.path === '/layers/3/text' && /no answer within 300 ms/.test(e.message),
    )
    assert.ok(Date.now() - started < 5000)
  } finally {
    server.closeAllConnections()
    server.close()
  }
})
