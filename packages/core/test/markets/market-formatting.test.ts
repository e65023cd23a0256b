// Money, numbers, dates and plurals for every market profile. Expected strings come from the
// runtime's own Intl with the profile's numbering system and calendar (ICU versions differ in
// spacing and marks), plus checks that do not depend on the ICU version: which digits appear,
// which plural category is chosen.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { formatMessage, formatMoney, getMarket, marketCatalog, type MarketProfile } from '../../src/index.js'

/** The profile's locale with its numbering system and calendar, built independently of formattingLocale. */
const intlLocale = (m: MarketProfile) => `${m.locale}-u-ca-${m.calendar}-nu-${m.numberingSystem}`
/** The ten digits of a numbering system, from Intl. */
const digitsOf = (ns: string) => [...Array(10).keys()].map((d) => new Intl.NumberFormat(`en-u-nu-${ns}`).format(d))
const DIGIT = /\p{Nd}/gu

for (const m of marketCatalog) {
  test(`${m.id}: money, numbers, dates and plurals`, () => {
    const locale = intlLocale(m)
    const digits = new Set(digitsOf(m.numberingSystem))

    const money = formatMoney(49.99, m.currency, m.locale, m)
    assert.equal(money, new Intl.NumberFormat(locale, { style: 'currency', currency: m.currency }).format(49.99))
    for (const d of money.match(DIGIT) ?? []) assert.ok(digits.has(d), `${m.id}: digit ${d} of ${JSON.stringify(money)} is from ${m.numberingSystem}`)

    const number = formatMessage('{n, number}', { n: 1234567.891 }, { locale: m.locale, market: m })
    assert.equal(number, new Intl.NumberFormat(locale).format(1234567.891))
    for (const d of number.match(DIGIT) ?? []) assert.ok(digits.has(d), `${m.id}: digit ${d} of ${JSON.stringify(number)}`)

    const percent = formatMessage('{p, number, percent}', { p: 0.2 }, { locale: m.locale, market: m })
    assert.equal(percent, new Intl.NumberFormat(locale, { style: 'percent' }).format(0.2))

    const date = new Date(Date.UTC(2025, 2, 14, 12))
    const long = formatMessage('{d, date, long}', { d: date }, { locale: m.locale, market: m })
    assert.equal(long, new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', day: 'numeric' }).format(date))
    const short = formatMessage('{d, date, short}', { d: date }, { locale: m.locale, market: m })
    assert.equal(short, new Intl.DateTimeFormat(locale, { year: '2-digit', month: 'numeric', day: 'numeric' }).format(date))
    // The year is in the profile's calendar: 2568 in the Buddhist era, 2025 elsewhere.
    const year = new Intl.DateTimeFormat(`en-u-ca-${m.calendar}`, { year: 'numeric' }).formatToParts(date).find((p) => p.type === 'year')!.value
    const native = [...year].map((d) => digitsOf(m.numberingSystem)[Number(d)]).join('')
    assert.ok(long.includes(native), `${m.id}: ${JSON.stringify(long)} shows the year ${native}`)

    const rules = new Intl.PluralRules(locale)
    const every = '{n, plural, zero {zero} one {one} two {two} few {few} many {many} other {other}}'
    for (const n of [0, 1, 2, 3, 5, 11, 21, 100, 1.5]) {
      assert.equal(formatMessage(every, { n }, { locale: m.locale, market: m }), rules.select(n), `${m.id}: plural category of ${n}`)
    }
    const hash = formatMessage('{n, plural, other {# items}}', { n: 1234 }, { locale: m.locale, market: m })
    assert.equal(hash, `${new Intl.NumberFormat(locale).format(1234)} items`)
  })
}

test('the prices the issue names: 49,99 € in de-DE, €49.99 in en-IE, Arabic-Indic or Latin digits in Arabic', () => {
  assert.match(formatMoney(49.99, 'EUR', 'de-DE', getMarket('de-DE')), /^49,99\s€$/u)
  assert.equal(formatMoney(49.99, 'EUR', 'en-IE', getMarket('en-IE')), '€49.99')
  assert.match(formatMoney(49.99, 'SAR', 'ar-SA', getMarket('ar-SA')), /٤٩٫٩٩/)
  assert.match(formatMoney(49.99, 'SAR', 'ar-SA', { ...getMarket('ar-SA'), numberingSystem: 'latn' }), /49\.99/)
  assert.match(formatMoney(49.99, 'AED', 'ar-AE', getMarket('ar-AE')), /49\.99/)
  assert.doesNotMatch(formatMoney(4980, 'JPY', 'ja-JP', getMarket('ja-JP')), /\./, 'yen has no decimals')
})

test('plural forms that English does not have', () => {
  const ru = '{n, plural, one {# товар} few {# товара} many {# товаров} other {# товара}}'
  assert.deepEqual([1, 2, 5, 21].map((n) => formatMessage(ru, { n }, { locale: 'ru-RU' })), ['1 товар', '2 товара', '5 товаров', '21 товар'])
  const ar = '{n, plural, zero {z} one {o} two {t} few {f} many {m} other {x}}'
  assert.deepEqual([0, 1, 2, 3, 11, 100].map((n) => formatMessage(ar, { n }, { locale: 'ar-SA' })), ['z', 'o', 't', 'f', 'm', 'x'])
  assert.equal(formatMessage('{n, selectordinal, one {#st} two {#nd} few {#rd} other {#th}}', { n: 22 }, { locale: 'en-GB' }), '22nd')
})

test('select and nested arguments', () => {
  const message = '{gender, select, female {{n, plural, one {Sie hat # Artikel} other {Sie hat # Artikel}}} other {{n, number} Artikel}}'
  assert.equal(formatMessage(message, { gender: 'female', n: 1 }, { locale: 'de-DE' }), 'Sie hat 1 Artikel')
  assert.equal(formatMessage(message, { gender: 'x', n: 1500 }, { locale: 'de-DE' }), `${new Intl.NumberFormat('de-DE').format(1500)} Artikel`)
})
