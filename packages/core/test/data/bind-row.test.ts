import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { bindRow } from '../../src/data/bind-row.js'
import { readRowId } from '../../src/data/row-id.js'
import { parseCsv } from '../../src/data/parse-csv.js'
import type { RawRow } from '../../src/data/feed-rows.js'
import type { Template } from '../../src/document/template.js'
import { VitrineError } from '../../src/errors/vitrine-error.js'

const template: Pick<Template, 'variables' | 'idVariable'> = {
  variables: {
    sku: { type: 'text', required: true },
    title: { type: 'text', required: true, maxLength: 40 },
    price: { type: 'money', required: true, currency: { var: 'currency' } },
    currency: { type: 'text', default: 'EUR' },
    rrp: { type: 'money', currency: 'USD' },
    stock: { type: 'number', minimum: 0, default: 1 },
    image: { type: 'image', required: true },
    badge: { type: 'text' },
    brandColor: { type: 'color', default: '#1E40af' },
    onSale: { type: 'boolean', default: false },
  },
}

const row = (values: Record<string, unknown>, index = 5): RawRow => ({ index, line: index + 1, pointer: `/rows/${index - 1}`, values })
const good = { sku: 'SKU-5', title: 'Mug', price: '49.99', currency: 'eur', image: 'images/mug.png' }

function bindError(values: Record<string, unknown>, options = {}): VitrineError {
  try {
    bindRow(template, row(values), options)
  } catch (error) {
    assert.ok(error instanceof VitrineError, String(error))
    return error
  }
  assert.fail('expected bindRow to throw')
}

describe('bindRow', () => {
  it('coerces CSV text to every variable type and applies defaults', () => {
    const bound = bindRow(template, row({ ...good, rrp: ' 59.00 ', stock: '1e2', brandColor: 'FF6600', onSale: 'Yes', badge: '  New  ', extra: 'ignored' }))
    assert.deepEqual(bound, {
      id: 'SKU-5',
      values: {
        sku: 'SKU-5',
        title: 'Mug',
        price: { amount: 49.99, currency: 'EUR' },
        currency: 'eur',
        rrp: { amount: 59, currency: 'USD' },
        stock: 100,
        image: 'images/mug.png',
        badge: 'New',
        brandColor: '#ff6600',
        onSale: true,
      },
    })
  })

  it('treats empty cells as absent: defaults apply, optional variables are left out', () => {
    const bound = bindRow(template, row({ ...good, currency: '', badge: '', stock: ' ', brandColor: '', onSale: '' }))
    assert.deepEqual(bound.values.price, { amount: 49.99, currency: 'EUR' })
    assert.equal(bound.values.currency, 'EUR')
    assert.equal(bound.values.stock, 1)
    assert.equal(bound.values.brandColor, '#1e40af')
    assert.equal(bound.values.onSale, false)
    assert.equal('badge' in bound.values, false)
    assert.equal('rrp' in bound.values, false)
  })

  it('accepts typed JSON values', () => {
    const bound = bindRow(template, row({ ...good, price: 12, stock: 3, onSale: true, rrp: { amount: 20, currency: 'USD' }, sku: 1234 }))
    assert.equal(bound.id, '1234')
    assert.equal(bound.values.sku, '1234')
    assert.deepEqual(bound.values.price, { amount: 12, currency: 'EUR' })
    assert.deepEqual(bound.values.rrp, { amount: 20, currency: 'USD' })
    assert.equal(bound.values.onSale, true)
  })

  it('reads booleans as true/false, yes/no, 1/0 in any case', () => {
    for (const [text, value] of [['TRUE', true], ['false', false], ['1', true], ['0', false], ['yes', true], ['No', false], [1, true], [0, false]] as const) {
      assert.equal(bindRow(template, row({ ...good, onSale: text })).values.onSale, value, String(text))
    }
    const error = bindError({ ...good, onSale: 'maybe' })
    assert.equal(error.code, 'data/wrong-type')
    assert.equal(error.path, '/rows/4/onSale')
  })

  it('normalises colours to #rrggbb(aa) and refuses names', () => {
    const color = (c: string) => bindRow(template, row({ ...good, brandColor: c })).values.brandColor
    assert.equal(color('#ABC'), '#aabbcc')
    assert.equal(color('#abcd'), '#aabbccdd')
    assert.equal(color('#112233ff'), '#112233')
    assert.equal(color('11223380'), '#11223380')
    const error = bindError({ ...good, brandColor: 'red' })
    assert.equal(error.code, 'data/wrong-type')
    assert.match(error.message, /field "brandColor" at \/rows\/4\/brandColor: expected a hex colour like #ff6600, found "red"; colour names are not accepted/)
    assert.equal(bindError({ ...good, brandColor: '123' }).code, 'data/wrong-type')
  })

  it('refuses a wrong type naming the row, id, field, pointer, expected and found', () => {
    const error = bindError({ ...good, price: 'abc' })
    assert.equal(error.code, 'data/wrong-type')
    assert.equal(error.path, '/rows/4/price')
    assert.equal(
      error.message,
      'Row 5 (line 6, id "SKU-5"), field "price" at /rows/4/price: expected an amount like 49.99 (digits, a dot before the decimals, no currency sign), found "abc"',
    )
    assert.deepEqual(error.issues[0]?.expected, 'an amount like 49.99 (digits, a dot before the decimals, no currency sign)')
    assert.deepEqual(error.issues[0]?.found, '"abc"')
  })

  it('uses the rowPointer option as the prefix of pointers', () => {
    const error = bindError({ ...good, stock: 'many' }, { rowPointer: '/items/7' })
    assert.equal(error.path, '/items/7/stock')
    assert.match(error.message, /field "stock" at \/items\/7\/stock: expected a number like 12.5, found "many"/)
  })

  it('accepts plain decimals for money and refuses ambiguous ones with a hint', () => {
    const amount = (p: string) => (bindRow(template, row({ ...good, price: p })).values.price as { amount: number }).amount
    assert.equal(amount('49.99'), 49.99)
    assert.equal(amount(' 1200 '), 1200)
    assert.equal(amount('.5'), 0.5)
    assert.match(bindError({ ...good, price: '49,99' }).message, /write the decimals with a dot: 49\.99/)
    assert.match(bindError({ ...good, price: '1,234' }).message, /ambiguous.*1234 or 1\.234/)
    assert.match(bindError({ ...good, price: '1,234.50' }).message, /remove the thousands separators: 1234\.50/)
    assert.match(bindError({ ...good, price: '1.234,50' }).message, /write 1234\.50/)
    assert.match(bindError({ ...good, price: '€49.99' }).message, /without a currency sign/)
    assert.equal(bindError({ ...good, price: '1e3' }).code, 'data/wrong-type')
  })

  it('takes the currency from the bound text variable and checks it is ISO 4217', () => {
    assert.deepEqual(bindRow(template, row({ ...good, currency: 'jpy', price: '1500' })).values.price, { amount: 1500, currency: 'JPY' })
    const error = bindError({ ...good, currency: 'EURO' })
    assert.equal(error.code, 'data/wrong-type')
    assert.equal(error.path, '/rows/4/currency')
    assert.match(error.message, /field "currency" at \/rows\/4\/currency: expected an ISO 4217 currency code like EUR \(for "price"\), found "EURO"/)
    assert.equal(bindError({ ...good, currency: 'XQQ' }).path, '/rows/4/currency')
  })

  it('refuses a missing required variable', () => {
    const error = bindError({ ...good, title: '' })
    assert.equal(error.code, 'data/missing-required')
    assert.equal(error.path, '/rows/4/title')
    assert.equal(error.message, 'Row 5 (line 6, id "SKU-5"), field "title" at /rows/4/title: is required (text), found an empty cell')
    const absent = bindError({ sku: 'SKU-5', price: 1, image: 'a.png', title: null })
    assert.match(absent.message, /found null/)
  })

  it('lists every problem of a row in one error, code of the first', () => {
    const error = bindError({ sku: 'SKU-5', price: 'abc', image: '' })
    assert.equal(error.code, 'data/missing-required')
    assert.deepEqual(error.issues.map((i) => i.path), ['/rows/4/title', '/rows/4/price', '/rows/4/image'])
    assert.deepEqual(error.issues.map((i) => i.code), ['data/missing-required', 'data/wrong-type', 'data/missing-required'])
    assert.match(error.message, /^Row 5 \(line 6, id "SKU-5"\): 3 problems: field "title" at \/rows\/4\/title: is required/)
    assert.ok(error.issues.every((i) => i.message.startsWith('Row 5 (line 6, id "SKU-5"), field ')))
  })

  it('checks text maxLength and number bounds', () => {
    assert.match(bindError({ ...good, title: 'x'.repeat(41) }).message, /expected text of at most 40 characters, found 41 characters/)
    assert.match(bindError({ ...good, stock: '-1' }).message, /expected a number ≥ 0, found "-1"/)
    assert.equal(bindRow(template, row({ ...good, title: 'é'.repeat(40) })).values.title, 'é'.repeat(40))
  })

  it('keeps quoted newlines in text as \\n', () => {
    const feed = parseCsv('sku,title,price,image\r\nA-1,"Two\r\nlines",3,a.png\r\n')
    assert.equal(bindRow(template, feed.rows[0] as RawRow).values.title, 'Two\nlines')
  })
})

describe('row ids', () => {
  it('comes from idColumn, then idVariable, then id, then sku, then the row number', () => {
    const values = { id: 'ID-1', sku: 'SKU-1', code: 'C-1' }
    assert.equal(readRowId({}, row(values), { idColumn: 'code' }), 'C-1')
    assert.equal(readRowId({ idVariable: 'code' }, row(values)), 'C-1')
    assert.equal(readRowId({}, row(values)), 'ID-1')
    assert.equal(readRowId({}, row({ sku: 'SKU-1' })), 'SKU-1')
    assert.equal(readRowId({}, row({ name: 'x' }, 9)), 'row-9')
  })

  it('refuses ids that cannot name a folder', () => {
    for (const [id, why] of [
      ['a/b', 'it contains "/"'],
      ['a\\b', 'it contains "\\\\"'],
      ['..', 'it is only dots'],
      ['.hidden', 'it starts with a dot'],
      ['a\u0000b', 'a control character'],
      ['CON', 'Windows reserves'],
      ['x'.repeat(200), 'longer than 128'],
    ]) {
      const error = bindError({ ...good, sku: id })
      assert.equal(error.code, 'data/invalid', id)
      assert.equal(error.path, '/rows/4/sku')
      assert.ok(error.message.includes(why), `${error.message} should say ${why}`)
      assert.match(error.message, /^Row 5 \(line 6\), id column "sku" at \/rows\/4\/sku: the id .* cannot name an output folder/)
    }
    assert.equal(bindRow(template, row({ ...good, sku: ' Ωmega-Ж 12 ' })).id, 'Ωmega-Ж 12')
  })

  it('refuses an empty id cell', () => {
    const error = bindError({ ...good, sku: '' }, { idColumn: 'sku' })
    assert.equal(error.code, 'data/missing-required')
    assert.equal(error.path, '/rows/4/sku')
    assert.equal(error.issues.length, 1)
    assert.equal(error.message, 'Row 5 (line 6), id column "sku" at /rows/4/sku: every row needs an id, found an empty cell')
  })
})
