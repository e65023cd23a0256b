import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { parseCsv } from '../../src/data/parse-csv.js'
import { VitrineError } from '../../src/errors/vitrine-error.js'

describe('parseCsv', () => {
  it('reads a header and rows, with 1-based row indexes, source lines and pointers', () => {
    const result = parseCsv('sku,title,price\nA-1,Mug,12.5\nA-2,Lamp,40\n')
    assert.deepEqual(result.columns, ['sku', 'title', 'price'])
    assert.deepEqual(result.rows, [
      { index: 1, line: 2, pointer: '/rows/0', values: { sku: 'A-1', title: 'Mug', price: '12.5' } },
      { index: 2, line: 3, pointer: '/rows/1', values: { sku: 'A-2', title: 'Lamp', price: '40' } },
    ])
    assert.deepEqual(result.errors, [])
  })

  it('drops a UTF-8 BOM so the first column keeps its name', () => {
    const result = parseCsv('\uFEFFsku,title\nA-1,Mug\n')
    assert.deepEqual(result.columns, ['sku', 'title'])
    assert.equal(result.rows[0]?.values.sku, 'A-1')
  })

  it('reads CRLF and lone CR line ends', () => {
    const crlf = parseCsv('sku,title\r\nA-1,Mug\r\nA-2,Cup\r\n')
    assert.deepEqual(crlf.rows.map((r) => [r.line, r.values.title]), [[2, 'Mug'], [3, 'Cup']])
    const cr = parseCsv('sku,title\rA-1,Mug\rA-2,Cup\r')
    assert.deepEqual(cr.rows.map((r) => [r.line, r.values.title]), [[2, 'Mug'], [3, 'Cup']])
  })

  it('keeps quoted newlines as \\n and reports the line where the row starts', () => {
    const result = parseCsv('sku,title,price\r\nA-1,"Two\r\nlines, and ""quotes""",3\r\nA-2,After,4\r\n')
    assert.equal(result.errors.length, 0)
    assert.deepEqual(result.rows[0], { index: 1, line: 2, pointer: '/rows/0', values: { sku: 'A-1', title: 'Two\nlines, and "quotes"', price: '3' } })
    assert.equal(result.rows[1]?.line, 4)
    assert.equal(result.rows[1]?.index, 2)
  })

  it('skips empty and blank lines, including trailing ones, without counting them as rows', () => {
    const result = parseCsv('sku,title\n\nA-1,Mug\n   \n,\nA-2,Cup\n\n\n')
    assert.deepEqual(result.rows.map((r) => [r.index, r.line, r.values.sku]), [[1, 3, 'A-1'], [2, 6, 'A-2']])
    assert.equal(result.errors.length, 0)
  })

  it('fails only a ragged row, naming its row, line and the field counts', () => {
    const result = parseCsv('sku,title,price\nA-1,Mug,1\nA-2,Short\nA-3,Long,3,extra\nA-4,Fine,4\n')
    assert.deepEqual(result.rows.map((r) => r.values.sku), ['A-1', 'A-4'])
    assert.equal(result.errors.length, 2)
    const [short, long] = result.errors
    assert.ok(short && long)
    assert.equal(short.error.code, 'data/ragged-row')
    assert.equal(short.index, 2)
    assert.equal(short.line, 3)
    assert.equal(short.pointer, '/rows/1')
    assert.equal(short.error.path, '/rows/1')
    assert.match(short.error.message, /^Row 2 \(line 3\): expected 3 fields \(sku, title, price\), found 2/)
    assert.deepEqual(short.values, { sku: 'A-2', title: 'Short' })
    assert.deepEqual(short.error.issues[0], { path: '/rows/1', message: short.error.message, expected: '3 fields', found: '2 fields' })
    assert.equal(long.error.code, 'data/ragged-row')
    assert.match(long.error.message, /^Row 3 \(line 4\): expected 3 fields .*found 4/)
  })

  it('reports a broken quote as a row error', () => {
    const result = parseCsv('sku,title\nA-1,Mug\nA-2,"Bad"quote\n')
    assert.equal(result.rows.length, 1)
    assert.equal(result.errors[0]?.error.code, 'data/invalid')
    assert.equal(result.errors[0]?.line, 3)
    assert.match(result.errors[0]?.error.message ?? '', /^Row 2 \(line 3\): the CSV could not be read: .*two quotes/)
  })

  it('reports an unclosed quote at the row where it starts', () => {
    const result = parseCsv('sku,title\nA-1,Mug\nA-2,"never closed\nA-3,Cup\n')
    assert.equal(result.rows.length, 1)
    assert.equal(result.errors[0]?.line, 3)
    assert.match(result.errors[0]?.error.message ?? '', /never closed/)
  })

  it('guesses ; and tab delimiters from the header', () => {
    assert.deepEqual(parseCsv('sku;price\nA-1;12,5\n').rows[0]?.values, { sku: 'A-1', price: '12,5' })
    assert.deepEqual(parseCsv('sku\tprice\nA-1\t3\n').rows[0]?.values, { sku: 'A-1', price: '3' })
  })

  it('refuses empty and duplicate header names clearly', () => {
    assert.throws(() => parseCsv('sku,,price\nA,1,2\n'), (e: unknown) => {
      assert.ok(e instanceof VitrineError)
      assert.equal(e.code, 'data/invalid')
      assert.equal(e.path, '/columns/1')
      assert.match(e.message, /column 2 of the header \(line 1\) has no name/)
      return true
    })
    assert.throws(() => parseCsv('sku,price,sku\nA,1,2\n'), (e: unknown) => {
      assert.ok(e instanceof VitrineError)
      assert.equal(e.path, '/columns/2')
      assert.match(e.message, /column 3 of the header \(line 1\) repeats the name "sku" of column 1/)
      return true
    })
  })

  it('refuses an empty file', () => {
    assert.throws(() => parseCsv('\uFEFF\r\n\r\n'), { code: 'data/invalid', message: /empty/ })
  })

  it('ignores spaces around delimiters but keeps them inside quotes', () => {
    assert.deepEqual(parseCsv('sku, title ,price\nA-1, " Mug, large " , 3\n').rows[0]?.values, { sku: 'A-1', title: ' Mug, large ', price: '3' })
  })

  it('trims header names and returns no rows for a header alone', () => {
    const result = parseCsv(' sku , title \n')
    assert.deepEqual(result.columns, ['sku', 'title'])
    assert.deepEqual(result.rows, [])
  })
})
