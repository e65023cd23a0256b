import { test } from 'node:test'
import assert from 'node:assert/strict'
import { normalizeText, sourceSpan } from '../../src/lint/normalize-text.js'
import { lint } from '../../src/lint/lint.js'
import { parseTemplate } from '../../src/document/validate-template.js'
import { textNode, textScene } from './text-scene.js'

test('normalisation: NFKC, case, width, Traditional Chinese, German folds, Arabic diacritics, CJK line joins', () => {
  assert.equal(normalizeText('ＮＯ．１ 最佳產品').text, 'no.1 最佳产品')
  assert.equal(normalizeText('ÖKO-TEST Größe').text, 'oeko-test groesse')
  assert.equal(normalizeText('خَمْرٌ بيـــرة أفضل').text, 'خمر بيره افضل')
  assert.equal(normalizeText('最\n好  the\nbest').text, '最好 the best')
  assert.equal(normalizeText('\u2068Café\u2069 −30 %').text, 'cafe -30 %')
  const n = normalizeText('ＡＢ最\n好')
  assert.deepEqual(sourceSpan(n, 2, 4), { start: 2, end: 5 })
})

test('findings carry the rule, the span in the resolved text, the source and a fix', () => {
  const scene = textScene(['全网\n最低价！', '銷量第一'])
  const found = lint(scene, { market: 'zh-CN' })
  const low = found.find((d) => d.excerpt === '最低')!
  assert.equal(low.rule, 'CN-ABS')
  assert.equal(low.severity, 'error')
  assert.deepEqual(low.span, { start: 3, end: 5 })
  assert.equal(low.path, '/nodes/0/text')
  assert.match(low.source, /Advertising Law of the PRC, Art\. 9\(3\)/)
  assert.ok(low.fix.length > 0)
  const traditional = found.find((d) => d.layer === 'text-1')!
  assert.deepEqual([traditional.excerpt, traditional.span], ['銷量第一', { start: 0, end: 4 }])
})

test('messages come in the five UI languages', () => {
  const scene = textScene(['最好的鞋'])
  const messages = (['en', 'de', 'fr', 'zh', 'ar'] as const).map((language) => lint(scene, { market: 'zh-CN', language })[0]!.message)
  assert.equal(new Set(messages).size, 5)
  assert.match(messages[3]!, /绝对化用语/)
  assert.match(messages[4]!, /مصطلح مطلق/)
})

test('a rule that needs feed data the row lacks warns with the missing field, never passes silently', () => {
  const scene = textScene(['Jetzt -30 %'])
  const [missing] = lint(scene, { market: 'de-DE', rowPointer: '/rows/4' }).filter((d) => d.rule === 'EU-PRICE')
  assert.equal(missing!.severity, 'warn')
  assert.match(missing!.message, /"lowestPrice30d"/)
  assert.equal(missing!.data, '/rows/4/lowestPrice30d')
  // Snake-case columns and host mappings are found.
  assert.equal(lint(scene, { market: 'de-DE', data: { price: '70,00', lowest_price_30d: '80,00' } }).find((d) => d.rule === 'EU-PRICE')?.severity, 'error')
  assert.equal(lint(scene, { market: 'de-DE', data: { price: 70, min30: 100 }, fields: { lowestPrice30d: 'min30' } }).find((d) => d.rule === 'EU-PRICE'), undefined)
})

test('rules that take effect on a date are info before it', () => {
  const scene = textScene(['Klimaneutral produziert'])
  assert.equal(lint(scene, { market: 'de-DE', date: '2026-01-01' }).find((d) => d.rule === 'EU-GREEN-OFFSET')?.severity, 'info')
  assert.equal(lint(scene, { market: 'de-DE', date: '2026-09-27' }).find((d) => d.rule === 'EU-GREEN-OFFSET')?.severity, 'error')
})

test('severity per market: pork is an error in Saudi Arabia and a warning in the UAE', () => {
  const scene = textScene(['Bacon burger'])
  assert.equal(lint(scene, { market: 'ar-SA' }).find((d) => d.rule === 'GCC-PORK')?.severity, 'error')
  assert.equal(lint(scene, { market: 'ar-AE' }).find((d) => d.rule === 'GCC-PORK')?.severity, 'warn')
})

test('with the template, paths point at the layer in the template', () => {
  const template = parseTemplate({
    schemaVersion: 2,
    id: 't',
    name: 't',
    size: { width: 1080, height: 1080 },
    variables: {},
    layers: [
      { id: 'bg', type: 'rect', box: {}, fill: '#ffffff' },
      { id: 'card', type: 'group', box: {}, children: [{ id: 'title', type: 'text', text: 'x', fontSize: 40, box: {} }] },
    ],
  })
  const scene = { ...textScene([]), nodes: [{ id: 'card', type: 'group' as const, x: 0, y: 0, width: 1080, height: 1080, opacity: 1, rotation: 0, clip: false, children: [textNode('title', 'Der beste Preis')] }] }
  const [d] = lint(scene, { market: 'de-DE', template })
  assert.equal(d!.path, '/layers/1/children/0/text')
  assert.equal(d!.layer, 'title')
})

test('registered brand names are never findings', () => {
  const scene = textScene(['Das Beste Haus – Möbel seit 1950'])
  assert.ok(lint(scene, { market: 'de-DE' }).some((d) => d.rule === 'DE-SUPER'))
  assert.ok(!lint(scene, { market: 'de-DE', brands: ['Das Beste Haus'] }).some((d) => d.rule === 'DE-SUPER'))
  assert.ok(lint(textScene(['第一太平洋银行']), { market: 'zh-CN' }).some((d) => d.rule === 'CN-ABS'))
  assert.ok(!lint(textScene(['第一太平洋银行']), { market: 'zh-CN', brands: ['第一太平洋'] }).some((d) => d.rule === 'CN-ABS'))
})
