import { test } from 'node:test'
import assert from 'node:assert/strict'
import { VitrineError, createDictionaryTranslator, createMessageResolver, messageValues, parseTemplate, translateMissing, type Translator } from '../../src/index.js'

const template = parseTemplate({
  schemaVersion: 2,
  size: { width: 100, height: 100 },
  sourceLocale: 'en-US',
  variables: { title: { type: 'text' }, n: { type: 'number' } },
  translations: { de: { badge: { message: 'NEU', origin: 'human' } } },
  layers: [
    { id: 'headline', type: 'text', text: 'Sale: {title}', fontSize: 10, box: {} },
    { id: 'badge', type: 'text', text: 'New', fontSize: 10, box: {} },
    { id: 'count', type: 'text', text: '{n, plural, one {# item} other {# items}}', fontSize: 10, box: {} },
  ],
})

const dictionary = {
  de: { 'Sale: {title}': 'Ausverkauf: {title}', New: 'Neu', '{n, plural, one {# item} other {# items}}': '{n, plural, one {# Artikel} other {# Artikel}}' },
  ja: { 'Sale: {title}': 'セール：{title}', New: '新着' },
}

test('translateMissing asks in batches, keeps human translations and caches machine ones in the catalogue', async () => {
  const translator = createDictionaryTranslator(dictionary)
  const first = await translateMissing({ template, locales: ['de-AT', 'ja-JP', 'en-GB'], translator, batchSize: 1 })
  assert.equal(first.translated, 4) // de-AT: headline, count (badge is human); ja-JP: headline, badge
  assert.equal(first.cached, 1)
  assert.equal(first.untranslated, 1) // ja-JP count is not in the dictionary
  assert.equal(translator.calls, 5, 'one call per batch of one; none for en-GB (the source language)')
  const [deAT, ja] = first.catalogs
  assert.deepEqual(deAT!.messages.headline, { message: 'Ausverkauf: {title}', source: 'Sale: {title}', state: 'translated', origin: 'machine' })
  assert.equal(deAT!.messages.badge, undefined, 'the human de translation serves de-AT')
  assert.equal(ja!.messages.count, undefined)

  // Second run with the catalogues: nothing new to ask.
  const again = await translateMissing({ template, locales: ['de-AT', 'ja-JP'], translator, catalogs: first.catalogs })
  assert.equal(again.translated, 0)
  assert.equal(translator.calls, 6, 'only ja-JP count was asked again')

  // The catalogue is used at render time.
  const args = messageValues(template, { title: 'Sneaker', n: 2 }, 'ja-JP')
  const m = createMessageResolver({ template, locale: 'ja-JP', formatLocale: 'ja-JP', args, catalogs: first.catalogs })
  assert.equal(m.format('headline', 'Sale: {title}', '/layers/0'), 'セール：Sneaker')
})

test('a machine translation of an older source is asked again', async () => {
  const translator = createDictionaryTranslator(dictionary)
  const stale = { locale: 'de', messages: { headline: { message: 'Alt: {title}', source: 'Old sale: {title}', origin: 'machine' as const } } }
  const result = await translateMissing({ template, locales: ['de'], translator, catalogs: [stale] })
  assert.equal(result.catalogs[0]!.messages.headline && (result.catalogs[0]!.messages.headline as { message: string }).message, 'Ausverkauf: {title}')
})

test('a translator that breaks placeholders, miscounts or throws is a translator/failed error', async () => {
  const bad = (answer: (n: number) => Array<string | undefined>): Translator => ({ translate: async (requests) => answer(requests.length) })
  const failed = (pattern: RegExp) => (e: unknown) => e instanceof VitrineError && e.code === 'translator/failed' && pattern.test(e.message)
  await assert.rejects(translateMissing({ template, locales: ['fr'], translator: bad((n) => Array(n).fill('Soldes : {titre}')) }), failed(/dropped \{title\}, added \{titre\}/))
  await assert.rejects(translateMissing({ template, locales: ['fr'], translator: bad(() => []) }), failed(/returned 0 results for 3/))
  await assert.rejects(translateMissing({ template, locales: ['fr'], translator: bad((n) => Array(n).fill('{oops')) }), failed(/invalid message/))
  await assert.rejects(translateMissing({ template, locales: ['fr'], translator: { translate: async () => { throw new Error('quota') } } }), failed(/quota/))
})
