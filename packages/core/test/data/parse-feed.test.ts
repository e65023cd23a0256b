import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { decodeFeedText, parseFeed } from '../../src/data/parse-feed.js'
import { VitrineError } from '../../src/errors/vitrine-error.js'

const catchError = (fn: () => unknown): VitrineError => {
  try {
    fn()
  } catch (error) {
    assert.ok(error instanceof VitrineError)
    return error
  }
  assert.fail('expected a VitrineError')
}

describe('parseFeed', () => {
  it('reads CSV by extension, and by content when there is none', () => {
    const byName = parseFeed('sku,title\nA-1,Mug\n', { fileName: 'feed/Products.CSV' })
    assert.equal(byName.format, 'csv')
    assert.deepEqual(byName.rows[0]?.values, { sku: 'A-1', title: 'Mug' })
    assert.equal(parseFeed('sku,title\nA-1,Mug\n').format, 'csv')
    assert.equal(parseFeed('sku\ttitle\nA-1\tMug, large\n', { fileName: 'x.tsv' }).rows[0]?.values.title, 'Mug, large')
  })

  it('reads a JSON array of objects with real pointers and source lines, values kept typed', () => {
    const text = '[\n  {"sku": "A-1", "price": 49.99, "sale": true},\n  {\n    "sku": "A-2",\n    "tags": ["a", "b]"]\n  }\n]\n'
    const feed = parseFeed(text, { fileName: 'feed.json' })
    assert.equal(feed.format, 'json')
    assert.deepEqual(feed.columns, ['sku', 'price', 'sale', 'tags'])
    assert.deepEqual(feed.rows[0], { index: 1, line: 2, pointer: '/0', values: { sku: 'A-1', price: 49.99, sale: true } })
    assert.deepEqual(feed.rows[1]?.pointer, '/1')
    assert.deepEqual(feed.rows[1]?.line, 3)
  })

  it('reads { "rows": [...] } with /rows/N pointers', () => {
    const text = '\uFEFF{\n "meta": {"rows": [1, 2]},\n "rows": [\n  {"sku": "A-1"},\n\n  {"sku": "A-2"}\n ]\n}'
    const feed = parseFeed(text, { fileName: 'feed.json' })
    assert.deepEqual(
      feed.rows.map((r) => [r.index, r.line, r.pointer, r.values.sku]),
      [
        [1, 4, '/rows/0', 'A-1'],
        [2, 6, '/rows/1', 'A-2'],
      ],
    )
  })

  it('fails a JSON row that is not an object, alone', () => {
    const feed = parseFeed('{"rows": [{"sku": "A-1"}, "oops", null, {"sku": "A-4"}]}', { fileName: 'f.json' })
    assert.deepEqual(feed.rows.map((r) => r.values.sku), ['A-1', 'A-4'])
    assert.deepEqual(feed.rows.map((r) => r.index), [1, 4])
    assert.equal(feed.errors.length, 2)
    assert.equal(feed.errors[0]?.error.code, 'data/invalid')
    assert.equal(feed.errors[0]?.error.path, '/rows/1')
    assert.match(feed.errors[0]?.error.message ?? '', /^Row 2 \(line 1\), \/rows\/1: expected a row object, found "oops"$/)
    assert.match(feed.errors[1]?.error.message ?? '', /found null$/)
  })

  it('refuses invalid JSON naming the line and column', () => {
    const error = catchError(() => parseFeed('[\n  {"sku": "A-1"},\n  {"sku": "A-2",}\n]', { fileName: 'f.json' }))
    assert.equal(error.code, 'data/invalid')
    assert.match(error.message, /^The JSON feed is not valid JSON at line 3, column 17: /)
    const truncated = catchError(() => parseFeed('[{"sku": "A-1"', { fileName: 'f.json' }))
    assert.match(truncated.message, /at line 1, column 15/)
  })

  it('refuses JSON of the wrong shape', () => {
    const error = catchError(() => parseFeed('{"items": []}', { fileName: 'f.json' }))
    assert.equal(error.code, 'data/invalid')
    assert.match(error.message, /an array of row objects or an object with a "rows" array; found an object with keys items/)
  })

  it('suggests NDJSON when a .json file holds one object per line', () => {
    const error = catchError(() => parseFeed('{"sku": "A-1"}\n{"sku": "A-2"}\n', { fileName: 'f.json' }))
    assert.match(error.message, /name the file \.ndjson or \.jsonl/)
  })

  it('reads NDJSON by extension and by content; a bad line fails alone', () => {
    const text = '{"sku": "A-1"}\r\n\r\n{"sku": \n[1]\n{"sku": "A-4", "price": 3}\n'
    for (const feed of [parseFeed(text, { fileName: 'f.jsonl' }), parseFeed(text)]) {
      assert.equal(feed.format, 'ndjson')
      assert.deepEqual(feed.rows.map((r) => [r.index, r.line, r.pointer, r.values.sku]), [
        [1, 1, '/rows/0', 'A-1'],
        [4, 5, '/rows/3', 'A-4'],
      ])
      assert.deepEqual(feed.columns, ['sku', 'price'])
      assert.equal(feed.errors.length, 2)
      assert.match(feed.errors[0]?.error.message ?? '', /^Row 2 \(line 3\): not valid JSON at column \d+/)
      assert.match(feed.errors[1]?.error.message ?? '', /^Row 3 \(line 4\), \/rows\/2: expected a row object, found an array of 1/)
    }
  })

  it('decodes UTF-8 and UTF-16 bytes, and refuses other encodings with the byte offset', () => {
    const utf8 = new TextEncoder().encode('\uFEFFsku,title\nA-1,Crème\n')
    assert.equal(parseFeed(utf8, { fileName: 'f.csv' }).rows[0]?.values.title, 'Crème')
    const utf16 = new Uint8Array([0xff, 0xfe, ...[...'sku\nA-1\n'].flatMap((c) => [c.charCodeAt(0), 0])])
    assert.equal(decodeFeedText(utf16), 'sku\nA-1\n')
    const latin1 = new Uint8Array([...new TextEncoder().encode('sku,title\nA-1,Cr'), 0xe8, 0x6d, 0x65])
    const error = catchError(() => parseFeed(latin1, { fileName: 'latin.csv' }))
    assert.equal(error.code, 'data/invalid')
    assert.match(error.message, /"latin\.csv" is not UTF-8 text: invalid byte 0xe8 at byte 16/)
  })
})
