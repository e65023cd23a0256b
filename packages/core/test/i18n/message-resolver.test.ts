import { test } from 'node:test'
import assert from 'node:assert/strict'
import { VitrineError, checkCatalogs, createMessageResolver, messageValues, parseTemplate, type MessageCatalog, type Template } from '../../src/index.js'

function template(extra: Record<string, unknown> = {}): Template {
  return parseTemplate({
    schemaVersion: 2,
    size: { width: 100, height: 100 },
    sourceLocale: 'en-US',
    variables: { title: { type: 'text' }, n: { type: 'number', default: 3 }, price: { type: 'money', currency: 'EUR', default: 49.99 } },
    layers: [
      { id: 'headline', type: 'text', text: 'Summer sale: {title}', fontSize: 10, box: {} },
      { id: 'count', type: 'text', text: '{n, plural, one {# item} other {# items}}', fontSize: 10, box: {}, overrides: { landscape: { text: '{n} items' } } },
      { id: 'price', type: 'text', text: 'Only {price}', fontSize: 10, box: {} },
    ],
    ...extra,
  })
}

const values = { title: 'Sneaker', n: 3, price: { amount: 49.99, currency: 'EUR' } }

function resolver(t: Template, locale: string, catalogs?: MessageCatalog[]) {
  const args = messageValues(t, values, locale)
  return createMessageResolver({ template: t, locale, formatLocale: locale, args, catalogs })
}

test('the fallback chain: de-AT, then de, then the source text (reported missing)', () => {
  const t = template({ translations: { de: { headline: 'Sommerschlussverkauf: {title}', count: '{n, plural, one {# Artikel} other {# Artikel}}' }, 'de-AT': { headline: 'Abverkauf: {title}' } } })
  const m = resolver(t, 'de-AT')
  assert.equal(m.format('headline', 'Summer sale: {title}', '/layers/0'), 'Abverkauf: Sneaker')
  assert.equal(m.format('count', '{n, plural, one {# item} other {# items}}', '/layers/1'), '3 Artikel')
  assert.equal(m.format('price', 'Only {price}', '/layers/2'), `Only ${new Intl.NumberFormat('de-AT', { style: 'currency', currency: 'EUR' }).format(49.99)}`)
  assert.deepEqual(
    m.reports.map((r) => [r.message, r.status, r.from, r.path]),
    [
      ['headline', 'translated', 'de-AT', '/translations/de-AT/headline'],
      ['count', 'translated', 'de', '/translations/de/count'],
      ['price', 'missing', 'en-US', '/layers/2/text'],
    ],
  )
})

test('the same language as the source needs no translation and reports nothing', () => {
  const t = template()
  const m = resolver(t, 'en-GB')
  assert.equal(m.format('headline', 'Summer sale: {title}', '/layers/0'), 'Summer sale: Sneaker')
  assert.deepEqual(m.reports, [])
})

test('an empty or initial translation is missing, never a blank', () => {
  const t = template({ translations: { fr: { headline: '  ', count: { message: '{n} articles', state: 'initial' } } } })
  const m = resolver(t, 'fr-FR')
  assert.equal(m.format('headline', 'Summer sale: {title}', '/layers/0'), 'Summer sale: Sneaker')
  assert.equal(m.format('count', '{n, plural, one {# item} other {# items}}', '/layers/1'), '3 items')
  assert.deepEqual(m.reports.map((r) => r.status), ['missing', 'missing'])
})

test('an override’s text has its own message id, falling back to the layer’s', () => {
  const t = template({ translations: { ja: { 'count@landscape': '{n}個', count: '{n}点' } } })
  const m = resolver(t, 'ja-JP')
  assert.equal(m.format('count', '{n} items', '/layers/1'), '3個')
  assert.equal(m.reports[0]!.message, 'count@landscape')
})

test('catalogues given at render time win over the template’s translations', () => {
  const t = template({ translations: { de: { headline: 'Template: {title}' } } })
  const file: MessageCatalog = { locale: 'de', messages: { headline: 'Datei: {title}' }, file: 'de.json', path: '/messages' }
  const m = resolver(t, 'de-DE', [file])
  assert.equal(m.format('headline', 'Summer sale: {title}', '/layers/0'), 'Datei: Sneaker')
  assert.deepEqual(m.reports[0], { message: 'headline', path: '/messages/headline', locale: 'de-DE', status: 'translated', from: 'de', file: 'de.json' })
})

test('a broken translation fails with the catalogue entry’s pointer and file', () => {
  const t = template()
  const file: MessageCatalog = { locale: 'de', messages: { headline: 'Sale {title' }, file: 'de.json', path: '/messages' }
  assert.throws(
    () => resolver(t, 'de-DE', [file]).format('headline', 'Summer sale: {title}', '/layers/0'),
    (e: unknown) => e instanceof VitrineError && e.code === 'message/invalid' && e.path === '/messages/headline' && /in de\.json/.test(e.message) && /column/.test(e.message),
  )
})

test('parseTemplate checks translations: locale tags, ids, syntax with position, variables, plural other', () => {
  const refuse = (translations: unknown) => {
    try {
      template({ translations })
    } catch (error) {
      assert.ok(error instanceof VitrineError && error.code === 'template/invalid')
      return error.issues
    }
    assert.fail('expected a refusal')
  }
  assert.equal(refuse({ de_DE: { headline: 'x' } })[0]!.path, '/translations/de_DE')
  const unknownId = refuse({ de: { subtitle: 'x' } })[0]!
  assert.equal(unknownId.path, '/translations/de/subtitle')
  assert.match(unknownId.message, /no text layer with id "subtitle"; expected one of headline, count/)
  const syntax = refuse({ de: { headline: { message: 'Sale {title' } } })[0]!
  assert.equal(syntax.path, '/translations/de/headline/message')
  assert.match(syntax.message, /line 1, column 6/)
  const variable = refuse({ de: { headline: 'Sale {titel}' } })[0]!
  assert.match(variable.message, /declares no variable "titel"/)
  const other = refuse({ de: { count: '{n, plural, one {# Artikel}}' } })[0]!
  assert.match(other.message, /"other/)
  assert.equal(refuse({ de: { headline: 5 } })[0]!.path, '/translations/de/headline')
})

test('a bad sourceLocale is refused at /sourceLocale', () => {
  assert.throws(() => template({ sourceLocale: 'en_US' }), (e: unknown) => e instanceof VitrineError && e.issues[0]?.path === '/sourceLocale')
})

test('checkCatalogs lists every problem of external catalogues with their files', () => {
  const t = template()
  assert.throws(
    () => checkCatalogs([{ locale: 'fr', file: 'fr.json', path: '/messages', messages: { headline: 'Soldes {titre}', nope: 'x' } }], t),
    (e: unknown) => e instanceof VitrineError && e.code === 'catalog/invalid' && e.issues.length === 2 && e.issues.every((i) => i.message.startsWith('fr.json: ')),
  )
  checkCatalogs([{ locale: 'fr', messages: { headline: 'Soldes : {title}' } }], t)
})

test('a message with nothing but placeholders is never reported missing', () => {
  const t = parseTemplate({
    schemaVersion: 2,
    size: { width: 100, height: 100 },
    variables: { title: { type: 'text' }, n: { type: 'number' } },
    layers: [
      { id: 'title', type: 'text', text: '{title}', fontSize: 10, box: {} },
      { id: 'n', type: 'text', text: '{n, number} · {title}', fontSize: 10, box: {} },
    ],
  })
  const m = resolver(t, 'ja-JP')
  assert.equal(m.format('title', '{title}', '/layers/0'), 'Sneaker')
  assert.equal(m.format('n', '{n, number} · {title}', '/layers/1'), '3 · Sneaker')
  assert.deepEqual(m.reports, [])
})
