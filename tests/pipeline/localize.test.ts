// Markets and message catalogues through the whole resolve step, with real fonts and canvas.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { AssetStore, bindRow, FontLibrary, formatMoney, getMarket, parseCatalog, parseTemplate, resolve, VitrineError, type Scene, type SceneText, type Template } from '@vitrine/core'
import { NodePlatform, builtInFontBaseUrl } from '@vitrine/node'

const root = join(import.meta.dirname, '..', '..')
const examples = join(root, 'examples')
const platform = new NodePlatform()
const fonts = new FontLibrary(platform, { builtInBaseUrl: builtInFontBaseUrl() })
const assets = () => new AssetStore(platform, { baseUrl: pathToFileURL(examples + '/').href })
const card = parseTemplate(readFileSync(join(examples, 'sale-card.json'), 'utf8'))
const catalogs = ['sale-card.de.json', 'sale-card.ja.xlf', 'sale-card.ar.xlf'].map((f) => parseCatalog(readFileSync(join(examples, 'messages', f), 'utf8'), f))
const values = (t: Template) => bindRow(t, { index: 1, line: 2, pointer: '/rows/0', values: { sku: 'S1', title: 'Tote', price: '49.99', currency: 'SAR', image: 'images/backpack.png', stock: '3' } }, { rowPointer: '/rows/0' }).values
const controls = /[\u200e\u200f\u061c\u2066-\u2069\u202a-\u202e]/g
const textOf = (scene: Scene, id: string) => (scene.nodes.find((n) => n.id === id) as SceneText).lines.map((l) => l.text).join(' ').replace(controls, '')

test('a market alone sets the locale and its digits; another market of the same language changes them', async () => {
  const sa = await resolve(card, values(card), { format: 'instagram-square', market: 'ar-SA', catalogs, platform, assets: assets(), fonts })
  assert.equal(sa.locale, 'ar-SA')
  assert.equal(sa.market, 'ar-SA')
  assert.equal(sa.direction, 'rtl')
  assert.equal(textOf(sa, 'price'), `فقط ${formatMoney(49.99, 'SAR', 'ar-SA', getMarket('ar-SA'))}`.replace(controls, ''))
  assert.match(textOf(sa, 'price'), /٤٩٫٩٩/)
  assert.match(textOf(sa, 'stock'), /بقيت ٣ قطع/, 'Arabic "few" plural with Arabic-Indic digits')
  const latin = await resolve(card, values(card), { format: 'instagram-square', locale: 'ar-SA', market: 'ar-AE', catalogs, platform, assets: assets(), fonts })
  assert.match(textOf(latin, 'price'), /49\.99/)
})

test('catalogues along the fallback chain, and what is missing, are in the Scene', async () => {
  const ja = await resolve(card, values(card), { format: 'instagram-square', locale: 'ja-JP', catalogs, platform, assets: assets(), fonts })
  assert.equal(textOf(ja, 'headline'), 'サマーセール')
  assert.deepEqual(ja.messages?.map((m) => `${m.message} ${m.status} ${m.from}`), ['headline translated ja', 'price translated ja', 'stock translated ja'])
  const de = await resolve(card, values(card), { format: 'instagram-square', locale: 'de-CH', catalogs, platform, assets: assets(), fonts })
  assert.equal(textOf(de, 'headline'), 'Sommerschlussverkauf')
  const th = await resolve(card, values(card), { format: 'instagram-square', locale: 'th-TH', catalogs, platform, assets: assets(), fonts })
  assert.equal(textOf(th, 'headline'), 'Summer sale')
  assert.deepEqual(th.messages?.map((m) => `${m.message} ${m.status} ${m.path}`), ['headline missing /layers/0/text', 'price missing /layers/3/text', 'stock missing /layers/4/text'])
  const en = await resolve(card, values(card), { format: 'instagram-square', locale: 'en-GB', platform, assets: assets(), fonts })
  assert.equal(en.messages, undefined, 'the source language needs no translation')
  assert.deepEqual(JSON.parse(JSON.stringify(ja)), ja, 'the Scene stays plain data')
})

test('unknown locales and markets are refused', async () => {
  await assert.rejects(resolve(card, values(card), { format: 'instagram-square', locale: 'en_US', platform, assets: assets(), fonts }), (e: unknown) => e instanceof VitrineError && e.code === 'locale/unknown')
  await assert.rejects(resolve(card, values(card), { format: 'instagram-square', market: 'xx-YY', platform, assets: assets(), fonts }), (e: unknown) => e instanceof VitrineError && e.code === 'market/unknown')
})
