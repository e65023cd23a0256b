import { test } from 'node:test'
import assert from 'node:assert/strict'
import { DEFAULT_FONT_FAMILY, FALLBACK_FAMILIES, VitrineError, directionOf, formattingLocale, getMarket, hanFamilyFor, marketCatalog, marketForLocale } from '../../src/index.js'

const required = ['de-DE', 'fr-FR', 'ar-SA', 'ar-AE', 'he-IL', 'ja-JP', 'zh-CN', 'ko-KR', 'th-TH', 'hi-IN', 'pt-BR', 'es-MX', 'en-US', 'en-GB']
const rtlScripts = new Set(['Arab', 'Hebr', 'Syrc', 'Thaa', 'Nkoo', 'Adlm'])

test('the catalogue has a profile for every market the issue names', () => {
  const ids = marketCatalog.map((m) => m.id)
  for (const id of required) assert.ok(ids.includes(id), `missing market ${id}`)
  assert.equal(new Set(ids).size, ids.length, 'market ids are unique')
})

test('every profile is valid data: canonical tags, known currency, numbering system and calendar', () => {
  const currencies = new Set(Intl.supportedValuesOf('currency'))
  const numberingSystems = new Set(Intl.supportedValuesOf('numberingSystem'))
  const calendars = new Set(Intl.supportedValuesOf('calendar'))
  for (const m of marketCatalog) {
    assert.equal(Intl.getCanonicalLocales(m.id)[0], m.id, `${m.id}: canonical id`)
    assert.equal(Intl.getCanonicalLocales(m.locale)[0], m.locale, `${m.id}: canonical locale`)
    assert.equal(new Intl.Locale(m.locale).region, m.region, `${m.id}: region matches the locale`)
    assert.ok(currencies.has(m.currency), `${m.id}: currency ${m.currency}`)
    assert.ok(numberingSystems.has(m.numberingSystem), `${m.id}: numbering system ${m.numberingSystem}`)
    assert.ok(calendars.has(m.calendar), `${m.id}: calendar ${m.calendar}`)
    // The direction follows the main script, which is the script CLDR gives the locale.
    const script = new Intl.Locale(m.locale).maximize().script!
    assert.equal(m.direction, rtlScripts.has(script) ? 'rtl' : 'ltr', `${m.id}: direction of ${script}`)
    assert.ok(m.scripts.length > 0)
    assert.ok(m.fonts.Latn, `${m.id}: a Latin face for brand names and digits`)
    for (const s of m.scripts) {
      if (['Jpan', 'Kore', 'Hans', 'Hant'].includes(s)) continue // composites: their parts are listed too
      assert.ok(m.fonts[s] ?? (s === 'Latn' || s === 'Cyrl'), `${m.id}: a face for ${s}`)
    }
    for (const c of [...m.hints.colors.prefer, ...m.hints.colors.avoid]) assert.match(c.color, /^#[0-9a-f]{6}$/, `${m.id}: hint colour ${c.name}`)
  }
})

test('Han characters take each market’s own glyph forms', () => {
  assert.equal(getMarket('ja-JP').fonts.Hani, 'noto-sans-jp')
  assert.equal(getMarket('zh-CN').fonts.Hani, 'noto-sans-sc')
  assert.equal(getMarket('zh-TW').fonts.Hani, 'noto-sans-tc')
  assert.equal(getMarket('ko-KR').fonts.Hani, 'noto-sans-kr')
})

test('profiles agree with the text engine: its direction, its fallback families, its Han choice', () => {
  const families = new Set<string>([DEFAULT_FONT_FAMILY, ...FALLBACK_FAMILIES])
  for (const m of marketCatalog) {
    assert.equal(m.direction, directionOf(m.locale), `${m.id}: direction`)
    for (const [script, family] of Object.entries(m.fonts)) assert.ok(families.has(family), `${m.id}: ${script} → ${family} is in the stack`)
    if (m.fonts.Hani) assert.equal(m.fonts.Hani, hanFamilyFor(m.locale, ''), `${m.id}: Han forms`)
  }
})

test('cultural hints are data: red for luck and white for mourning in China', () => {
  const cn = getMarket('zh-CN').hints
  assert.ok(cn.colors.prefer.some((c) => c.name === 'red' && /luck/.test(c.meaning)))
  assert.ok(cn.colors.avoid.some((c) => c.name === 'white' && /mourning/.test(c.meaning)))
  assert.deepEqual(cn.numbers?.unlucky, [4])
})

test('getMarket is case-insensitive and refuses an unknown market, listing the known ones', () => {
  assert.equal(getMarket('AR-sa').id, 'ar-SA')
  assert.throws(
    () => getMarket('xx-YY', '--market'),
    (e: unknown) => e instanceof VitrineError && e.code === 'market/unknown' && e.path === '--market' && /xx-YY/.test(e.message) && /de-DE/.test(e.message),
  )
})

test('a mistyped market gets a "did you mean"; one far from every id does not', () => {
  assert.throws(() => getMarket('de_DE', '--market'), /unknown market "de_DE" \(did you mean de-DE\?\); expected one of/)
  assert.throws(() => getMarket('ar-SAA'), /\(did you mean ar-SA\?\)/)
  assert.throws(
    () => getMarket('xx-YY'),
    (e: unknown) => e instanceof VitrineError && !/did you mean/.test(e.message),
  )
})

test('a locale finds its market; a bare language does not', () => {
  assert.equal(marketForLocale('de-DE')?.id, 'de-DE')
  assert.equal(marketForLocale('ar-SA-u-nu-latn')?.id, 'ar-SA')
  assert.equal(marketForLocale('de'), undefined)
  assert.equal(marketForLocale('de-CH'), undefined)
})

test('formattingLocale adds the market digits and calendar only to text in the market language', () => {
  const sa = getMarket('ar-SA')
  assert.equal(new Intl.Locale(formattingLocale('ar-SA', sa)).numberingSystem, 'arab')
  assert.equal(new Intl.Locale(formattingLocale('ar-AE', getMarket('ar-AE'))).numberingSystem, 'latn')
  assert.equal(new Intl.Locale(formattingLocale('ar-SA', { ...sa, numberingSystem: 'latn' })).numberingSystem, 'latn')
  assert.equal(formattingLocale('en-US', sa), 'en-US', 'an English text for Saudi Arabia keeps its own digits')
  assert.equal(new Intl.Locale(formattingLocale('ar-SA-u-nu-latn', sa)).numberingSystem, 'latn', 'the tag’s own extension wins')
  assert.equal(new Intl.Locale(formattingLocale('th-TH', getMarket('th-TH'))).calendar, 'buddhist')
  assert.equal(formattingLocale('de-DE', undefined), 'de-DE')
})

test('docs/localization.md lists every built-in market', async () => {
  const { readFileSync } = await import('node:fs')
  const docs = readFileSync(new URL('../../../../docs/localization.md', import.meta.url), 'utf8')
  const listed = /Built-in markets: ([^.]+)\./.exec(docs.replace(/\n/g, ' '))![1]!.split(/,\s*/).map((s) => s.trim())
  assert.deepEqual(listed, marketCatalog.map((m) => m.id))
})
