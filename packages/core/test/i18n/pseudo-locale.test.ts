import { test } from 'node:test'
import assert from 'node:assert/strict'
import { createMessageResolver, expandText, messageValues, parseTemplate, pseudoText } from '../../src/index.js'

const template = parseTemplate({
  schemaVersion: 2,
  size: { width: 100, height: 100 },
  sourceLocale: 'en-US',
  variables: { title: { type: 'text' }, n: { type: 'number' }, price: { type: 'money', currency: 'EUR' } },
  layers: [{ id: 'headline', type: 'text', text: 'Sale: {title} for {price}, {n, plural, one {# left} other {# left}}', fontSize: 10, box: {} }],
})
const values = { title: 'Runner Sneaker', n: 3, price: { amount: 49.99, currency: 'EUR' } }
const graphemes = (s: string) => [...new Intl.Segmenter('en', { granularity: 'grapheme' }).segment(s.replace(/[\u202a-\u202e]/g, ''))].length

function pseudo(locale: string) {
  const m = createMessageResolver({ template, locale, formatLocale: 'en-US', args: messageValues(template, values, 'en-US') })
  return { text: m.format('headline', (template.layers[0] as { text: string }).text, '/layers/0'), reports: m.reports }
}

test('en-XA accents letters, keeps numbers and prices, and is about 40 % longer', () => {
  const { text, reports } = pseudo('en-XA')
  const plain = 'Sale: Runner Sneaker for €49.99, 3 left'
  assert.ok(text.startsWith('[Šáļé: Ŕûññéŕ Šñéåķéŕ'.replace('å', 'á')), text)
  assert.match(text, /€49\.99, 3 ļéƒţ/)
  assert.ok(text.endsWith(']'))
  const ratio = graphemes(text) / graphemes(plain)
  assert.ok(ratio >= 1.38 && ratio <= 1.45, `length ratio ${ratio.toFixed(2)}`)
  assert.deepEqual(reports.map((r) => r.status), ['pseudo'])
})

test('ar-XB wraps words in right-to-left overrides, and is longer too', () => {
  const { text } = pseudo('ar-XB')
  assert.match(text, /\u202eSale:\u202c \u202eRunner\u202c/)
  assert.match(text, /€49\.99/, 'prices are not reversed')
  assert.ok(graphemes(text) / graphemes('Sale: Runner Sneaker for €49.99, 3 left') >= 1.38)
})

test('the pieces: pseudoText and expandText', () => {
  assert.equal(pseudoText('Hello', 'accented'), 'Ĥéļļö')
  assert.equal(pseudoText('a b', 'rtl'), '\u202ea\u202c \u202eb\u202c')
  assert.equal(expandText('', 'accented'), '[]')
  assert.equal(graphemes(expandText('x'.repeat(100), 'accented')), 140)
})

test('a price alone is left as it is; a text value alone is pseudo-localised', () => {
  const t = parseTemplate({
    schemaVersion: 2,
    size: { width: 100, height: 100 },
    variables: { title: { type: 'text' }, price: { type: 'money', currency: 'EUR' } },
    layers: [
      { id: 'price', type: 'text', text: '{price}', fontSize: 10, box: {} },
      { id: 'title', type: 'text', text: '{title}', fontSize: 10, box: {} },
    ],
  })
  const m = createMessageResolver({ template: t, locale: 'en-XA', formatLocale: 'en-US', args: messageValues(t, values, 'en-US') })
  assert.equal(m.format('price', '{price}', '/layers/0'), '€49.99')
  assert.match(m.format('title', '{title}', '/layers/1'), /^\[Ŕûññéŕ Šñéáķéŕ .+\]$/)
  assert.deepEqual(m.reports.map((r) => r.message), ['title'])
})
