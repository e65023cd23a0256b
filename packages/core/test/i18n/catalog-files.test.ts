import { test } from 'node:test'
import assert from 'node:assert/strict'
import {
  VitrineError,
  catalogForTranslation,
  catalogToJson,
  catalogToXliff,
  parseCatalog,
  parseCatalogJson,
  parseTemplate,
  parseXliff,
  type Template,
} from '../../src/index.js'

const template: Template = parseTemplate({
  schemaVersion: 2,
  id: 'card',
  size: { width: 100, height: 100 },
  sourceLocale: 'en-US',
  variables: { title: { type: 'text' }, n: { type: 'number' } },
  translations: { de: { headline: 'Sale: {title}' } },
  layers: [
    { id: 'headline', type: 'text', text: 'Sale & more: {title} <b>', fontSize: 10, box: {} },
    { id: 'count', type: 'text', text: '{n, plural, one {# item} other {# items}}', fontSize: 10, box: {}, overrides: { landscape: { text: 'Free "shipping"' } } },
  ],
})

const catalogError = (fn: () => unknown, pattern: RegExp) =>
  assert.throws(fn, (e: unknown) => e instanceof VitrineError && e.code === 'catalog/invalid' && pattern.test(e.message))

test('catalogForTranslation lists every source message with the translation so far', () => {
  const de = catalogForTranslation(template, 'de-AT')
  assert.equal(de.locale, 'de-AT')
  assert.deepEqual(Object.keys(de.messages), ['headline', 'count', 'count@landscape'])
  assert.deepEqual(de.messages.headline, { message: 'Sale: {title}', source: 'Sale & more: {title} <b>', state: 'translated', note: 'card /layers/0/text' })
  assert.equal((de.messages.count as { state: string }).state, 'initial')
  assert.equal((de.messages.count as { message: string }).message, '')
})

test('JSON catalogues round-trip', () => {
  const de = catalogForTranslation(template, 'de-DE')
  const back = parseCatalogJson(catalogToJson(de), 'de.json')
  assert.equal(back.locale, 'de-DE')
  assert.equal(back.file, 'de.json')
  assert.deepEqual(back.messages, de.messages)
  assert.deepEqual(parseCatalogJson('{"locale":"fr","messages":{"headline":"Soldes"}}').messages, { headline: 'Soldes' })
})

test('bad JSON catalogues are refused with the file and pointer', () => {
  catalogError(() => parseCatalogJson('{', 'x.json'), /^x\.json: not valid JSON/)
  catalogError(() => parseCatalogJson('{"messages":{}}', 'x.json'), /\/locale: missing/)
  catalogError(() => parseCatalogJson('{"locale":"de","messages":{"a":5}}', 'x.json'), /\/messages\/a/)
  catalogError(() => parseCatalogJson('{"locale":"de_DE","messages":{}}', 'x.json'), /x\.json: \/locale: .*"de_DE"/)
})

test('XLIFF 2.0 export escapes XML and round-trips through the reader', () => {
  const de = catalogForTranslation(template, 'de-DE')
  const xliff = catalogToXliff(de, { fileId: 'card' })
  assert.match(xliff, /<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en-US" trgLang="de-DE">/)
  assert.match(xliff, /<source>Sale &amp; more: \{title\} &lt;b&gt;<\/source>/)
  assert.match(xliff, /<unit id="u3" name="count@landscape">/)
  assert.match(xliff, /<segment state="initial"><source>\{n, plural/)
  const back = parseXliff(xliff, 'de.xlf')
  assert.equal(back.locale, 'de-DE')
  assert.equal(back.sourceLocale, 'en-US')
  assert.deepEqual(Object.keys(back.messages), ['headline'], 'untranslated units are left out')
  assert.deepEqual(back.messages.headline, { message: 'Sale: {title}', source: 'Sale & more: {title} <b>', state: 'translated', note: 'card /layers/0/text' })
})

test('XLIFF from a translation tool: segments, groups, machine state, entities', () => {
  const xliff = `<?xml version="1.0"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="ja">
  <file id="f1"><group id="g">
    <unit id="headline">
      <segment state="reviewed"><source>Sale: </source><target>セール：</target></segment>
      <ignorable><source> </source></ignorable>
      <segment><source>{title}</source><target>{title}</target></segment>
    </unit>
    <unit id="count"><segment state="translated" subState="vitrine:machine"><source>x</source><target>{n}&#x70B9;<![CDATA[ & ]]></target></segment></unit>
  </group></file>
</xliff>`
  const ja = parseCatalog(xliff, 'ja.xlf')
  assert.equal(ja.locale, 'ja')
  assert.deepEqual(ja.messages.headline, { message: 'セール： {title}', source: 'Sale:  {title}', state: 'reviewed' })
  assert.deepEqual(ja.messages.count, { message: '{n}点 & ', source: 'x', state: 'translated', origin: 'machine' })
})

test('bad XLIFF is refused clearly', () => {
  catalogError(() => parseXliff('<xliff><file></xliff>', 'a.xlf'), /^a\.xlf: not well-formed XML at line 1/)
  catalogError(() => parseXliff('<xliff version="1.2"><file/></xliff>'), /expected XLIFF version 2\.0, found version "1\.2" \(XLIFF 1\.x/)
  catalogError(() => parseXliff('<xliff version="2.0" srcLang="en"/>'), /trgLang/)
  catalogError(() => parseXliff('<po/>'), /expected an <xliff> root element, found <po>/)
  catalogError(
    () => parseXliff('<xliff version="2.0" srcLang="en" trgLang="de"><file id="f"><unit id="a"><segment><source>x</source><target>Hi <ph id="1"/></target></segment></unit></file></xliff>'),
    /inline element <ph> is not supported/,
  )
  catalogError(() => parseXliff('<xliff version="2.0" srcLang="en" trgLang="de"><file id="f"><unit id="a"><segment state="done"><source>x</source><target>y</target></segment></unit></file></xliff>'), /found "done"/)
})

test('parseCatalog picks the reader by name or content', () => {
  assert.equal(parseCatalog('{"locale":"de","messages":{}}', 'de.json').locale, 'de')
  assert.equal(parseCatalog('\ufeff<xliff version="2.0" srcLang="en" trgLang="fr"/>', 'fr.txt').locale, 'fr')
})
