// The example catalogue is part of the product: every good row must bind and find its picture,
// and every bad row of bad-products.csv must fail alone, with the error the docs promise.
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { readFile, readdir, stat } from 'node:fs/promises'
import { bindRow, type BoundRow } from '../../src/data/bind-row.js'
import { parseFeed } from '../../src/data/parse-feed.js'
import type { Template } from '../../src/document/template.js'
import { AssetStore } from '../../src/platform/asset-store.js'
import { VitrineError } from '../../src/errors/vitrine-error.js'
import { TestPlatform } from '../assets/test-platform.js'

const examples = new URL('../../../../examples/', import.meta.url)
const template = JSON.parse(await readFile(new URL('product-card.json', examples), 'utf8')) as Template

async function loadFeed(name: string) {
  return parseFeed(new Uint8Array(await readFile(new URL(name, examples))), { fileName: name })
}

describe('examples/products.csv', () => {
  it('has the documented columns and at least 24 rows, all bound without error', async () => {
    const feed = await loadFeed('products.csv')
    assert.deepEqual(feed.columns, ['sku', 'title', 'price', 'currency', 'image', 'badge', 'brandColor'])
    assert.ok(feed.rows.length >= 24, `${feed.rows.length} rows`)
    assert.deepEqual(feed.errors, [])
    const bound = feed.rows.map((row) => bindRow(template, row))
    assert.equal(new Set(bound.map((b) => b.id)).size, bound.length, 'ids are unique')
    const currencies = new Set(bound.map((b) => (b.values.price as { currency: string }).currency))
    for (const c of ['EUR', 'USD', 'GBP', 'JPY']) assert.ok(currencies.has(c), c)
    assert.ok(feed.rows.some((r) => r.values.badge === '') && feed.rows.some((r) => r.values.brandColor === ''))
    assert.ok(bound.some((b) => /[α-ω]/i.test(String(b.values.title))), 'a Greek title')
    assert.ok(bound.some((b) => /[а-я]/i.test(String(b.values.title))), 'a Cyrillic title')
    assert.ok(bound.some((b) => String(b.values.title).length > 50), 'a long title')
  })

  it('points every row at a project-made picture that loads', async () => {
    const feed = await loadFeed('products.csv')
    const store = new AssetStore(new TestPlatform(), { baseUrl: examples.href })
    for (const row of feed.rows) {
      const { image } = await store.loadImage(String(row.values.image), `${row.pointer}/image`)
      assert.deepEqual([image.width, image.height], [800, 800])
    }
    assert.equal(store.stats.fetches, new Set(feed.rows.map((r) => r.values.image)).size)
  })

  it('keeps each example picture under 150 KB', async () => {
    const files = (await readdir(new URL('images/', examples))).filter((f) => f.endsWith('.png'))
    assert.ok(files.length >= 12)
    for (const file of files) assert.ok((await stat(new URL(`images/${file}`, examples))).size < 150 * 1024, file)
  })
})

describe('examples/bad-products.csv', () => {
  it('is saved with a BOM and CRLF line ends', async () => {
    const bytes = await readFile(new URL('bad-products.csv', examples))
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf])
    assert.ok(bytes.includes('\r\n'))
  })

  it('fails each bad row alone, with its pointer, and renders the good ones', async () => {
    const feed = await loadFeed('bad-products.csv')
    const failures = new Map<string, { code: string; path: string }>()
    for (const e of feed.errors) failures.set(String(e.values?.sku), { code: e.error.code, path: e.error.path })
    const good: BoundRow[] = []
    const store = new AssetStore(new TestPlatform(), { baseUrl: examples.href })
    for (const row of feed.rows) {
      try {
        const bound = bindRow(template, row)
        await store.loadImage(bound.values.image as string, `${row.pointer}/image`)
        good.push(bound)
      } catch (error) {
        assert.ok(error instanceof VitrineError)
        failures.set(String(row.values.sku), { code: error.code, path: error.path })
      }
    }
    assert.deepEqual(Object.fromEntries(failures), {
      'BAD-RAGGED': { code: 'data/ragged-row', path: '/rows/5' },
      'BAD-PRICE': { code: 'data/wrong-type', path: '/rows/1/price' },
      'BAD-NO-TITLE': { code: 'data/missing-required', path: '/rows/2/title' },
      'BAD-NO-IMAGE': { code: 'asset/not-found', path: '/rows/3/image' },
      'BAD-ESCAPE': { code: 'asset/forbidden', path: '/rows/4/image' },
    })
    assert.equal(good.length, 7)
    const quoted = good.find((b) => b.id === 'VT-QUOTED')
    assert.equal(quoted?.values.title, 'Two-line title:\nwith a quoted newline')
    assert.equal(feed.rows.find((r) => r.values.sku === 'VT-WCH-001')?.line, 10)
  })
})

