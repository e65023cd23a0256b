import { test } from 'node:test'
import assert from 'node:assert/strict'
import { lint } from '../../src/lint/lint.js'
import { createRuleSet } from '../../src/lint/rule-set.js'
import { fileNameWords } from '../../src/lint/lint-imagery.js'
import type { Template } from '../../src/document/template.js'
import type { SceneImage } from '../../src/scene/scene.js'
import { textScene } from './text-scene.js'

// An ad as a feed row makes it: a title and a product photo whose file name comes from the row.
function ad(title: string, src: string) {
  const scene = textScene([title])
  const photo: SceneImage = {
    id: 'photo', type: 'image', x: 100, y: 100, width: 400, height: 400, opacity: 1, rotation: 0, src,
    crop: { x: 0, y: 0, width: 800, height: 800 }, dest: { x: 100, y: 100, width: 400, height: 400 }, radii: [0, 0, 0, 0],
  }
  scene.nodes.push(photo)
  return scene
}

const template = {
  version: 1,
  width: 1080,
  height: 1080,
  variables: { title: { type: 'text' }, image: { type: 'image' }, imageAlt: { type: 'text', default: '' } },
  layers: [
    { id: 'text-0', type: 'text', text: '{title}', x: 100, y: 300, width: 880, height: 60 },
    { id: 'photo', type: 'image', src: { var: 'image' }, alt: { var: 'imageAlt' }, x: 100, y: 100, width: 400, height: 400 },
  ],
} as unknown as Template

const symbols = (d: ReturnType<typeof lint>) => d.filter((x) => x.rule === 'GCC-SYMB' || x.rule === 'CN-STATE')

test('file names are read as words', () => {
  assert.equal(fileNameWords('https://cdn.shop/p/UAE-Flag_doormat%2001.jpg?v=2#x'), 'UAE Flag doormat 01')
  assert.equal(fileNameWords('C:\\photos\\quranVerseTshirt.png'), 'quran Verse Tshirt')
  assert.equal(fileNameWords('data:image/png;base64,AAAA'), '')
})

test('GCC-SYMB: a flag in the picture is an error on a doormat, not on a National Day banner', () => {
  const doormat = symbols(lint(ad('Premium doormat 60x90', 'images/saudi-flag-print.jpg'), { market: 'ar-SA', template, data: { image: 'images/saudi-flag-print.jpg' }, rowPointer: '/rows/4' }))
  assert.equal(doormat.length, 1)
  assert.deepEqual([doormat[0]!.severity, doormat[0]!.path, doormat[0]!.excerpt, doormat[0]!.data], ['error', '/layers/1/src', 'saudi flag', '/rows/4/image'])
  assert.match(doormat[0]!.message, /in the picture: "saudi flag print"/)
  const banner = symbols(lint(ad('National Day sale 20% off', 'images/saudi-flag-print.jpg'), { market: 'ar-SA', template }))
  assert.deepEqual(banner, [])
  // The product may also come from the category.
  assert.equal(symbols(lint(ad('New in', 'images/uae_flag.png'), { market: 'ar-AE', data: { category: 'footwear' } })).length, 1)
})

test('GCC-SYMB: religious text and rulers in a declared description, on any product, with normalisation', () => {
  const tags = symbols(lint(ad('Gold wall art', 'images/IMG_2041.jpg'), { market: 'ar-AE', data: { image_tags: 'calligraphy, آيَةُ الكُرْسِيّ, gold' }, rowPointer: '/rows/0' }))
  assert.equal(tags.length, 1)
  assert.deepEqual([tags[0]!.excerpt, tags[0]!.data, tags[0]!.path], ['آيَةُ الكُرْسِيّ', '/rows/0/image_tags', '/nodes/1'])
  const alt = symbols(lint(ad('T-shirt', 'images/tee.png'), { market: 'ar-SA', template, data: { imageAlt: 'White T-shirt with a portrait of the Crown Prince' } }))
  assert.deepEqual(alt.map((d) => [d.path, d.excerpt, d.data]), [['/layers/1/alt', 'Crown Prince', '/data/imageAlt']])
  // Harmless descriptions pass: a prayer mat, science (علم) books, Bismillah wall art.
  for (const imageTags of ['prayer mat, green', 'كتاب علم الرياضيات', 'بسم الله wall sticker'])
    assert.deepEqual(symbols(lint(ad('New arrivals', 'images/p.png'), { market: 'ar-SA', data: { imageTags } })), [], imageTags)
})

test('CN-STATE: the national flag or emblem in a picture, in any language the seller tags it', () => {
  for (const [src, imageTags] of [['images/chinese-flag-mug.jpg', ''], ['images/mug.jpg', '五星紅旗, 红色'], ['images/mug.jpg', 'National emblem of China']]) {
    const found = symbols(lint(ad('陶瓷马克杯 350ml', src), { market: 'zh-CN', data: { imageTags } }))
    assert.equal(found.length, 1, `${src} ${imageTags}`)
    assert.equal(found[0]!.severity, 'error')
  }
  // Flags of other countries and Chinese-style pictures are not state symbols.
  for (const imageTags of ['国潮 红色 龙纹', 'flag of Brazil, football']) assert.deepEqual(symbols(lint(ad('陶瓷马克杯', 'images/mug.jpg'), { market: 'zh-CN', data: { imageTags } })), [], imageTags)
})

test('undescribed pictures: an info only where imagery is the risk, never a warning on every ad', () => {
  const missing = (market: string, category?: string) =>
    lint(ad('New arrivals', 'images/IMG_2041.jpg'), { market, data: category ? { category } : {} }).filter((d) => d.message.includes('not described'))
  assert.deepEqual(missing('ar-AE', 'apparel').map((d) => [d.rule, d.severity, d.data]), [['GCC-SYMB', 'info', '/data/imageTags']])
  assert.deepEqual(missing('ar-AE', 'electronics'), [])
  assert.deepEqual(missing('ar-AE'), [])
  assert.deepEqual(missing('zh-CN', 'apparel'), [])
  // A described picture is not missing; an ad without pictures is not asked for descriptions.
  assert.deepEqual(lint(ad('New arrivals', 'images/x.png'), { market: 'ar-AE', data: { category: 'apparel', imageAlt: 'plain white tee' } }).filter((d) => d.message.includes('not described')), [])
  assert.deepEqual(lint(textScene(['New arrivals']), { market: 'ar-AE', data: { category: 'apparel' } }).filter((d) => d.message.includes('not described')), [])
  // A host that wants it for every ad says so in its pack.
  const rules = createRuleSet({ override: { 'CN-STATE': { detector: { imagery: { fields: ['imageTags'], missing: { severity: 'warn' } } } } } })
  assert.deepEqual(lint(ad('陶瓷马克杯', 'images/IMG_1.jpg'), { market: 'zh-CN', rules }).filter((d) => d.message.includes('not described')).map((d) => d.severity), ['warn'])
})

test('an invalid imagery block is refused naming the rule and field', () => {
  assert.throws(() => createRuleSet({ override: { 'GCC-SYMB': { detector: { imagery: { missing: { severity: 'error' } } } } } }), /GCC-SYMB.*imagery\/missing\/severity/)
})
