import { test } from 'node:test'
import assert from 'node:assert/strict'
import { VitrineError, formattingLocale, getMarket, marketCatalog, marketForLocale } from '../../src/index.js'

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
  assert.equal(getMarket('ja-JP').fonts.Hani, 'Noto Sans JP')
  assert.equal(getMarket('zh-CN').fonts.Hani, 'Noto Sans SC')
  assert.equal(getMarket('zh-TW').fonts.Hani, 'Noto Sans TC')
  assert.equal(getMarket('ko-KR').fonts.Hani, 'Noto Sans KR')
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
