import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { findTryOnProduct, parseTryOnCatalog } from '../../src/try-on/try-on-catalog.js'
import { VitrineError } from '../../src/errors/vitrine-error.js'

const shipped = readFileSync(new URL('../../../elements/assets/try-on/catalog.json', import.meta.url), 'utf8')

describe('parseTryOnCatalog', () => {
  it('accepts the shipped catalogue (glasses, hat, earrings)', () => {
    const catalog = parseTryOnCatalog(shipped)
    assert.deepEqual(catalog.products.map((p) => p.kind).sort(), ['earrings', 'glasses', 'hat'])
  })
  it('lists every problem with its JSON pointer', () => {
    const error = catch_(() =>
      parseTryOnCatalog({ version: 1, products: [{ sku: 'A', kind: 'scarf', model: 'a.gltf', fit: { anchor: 'elbow', scale: -1 } }, { sku: 'A', kind: 'hat', model: '', fit: { anchor: 'forehead', offset: [1, 2] } }] }),
    )
    assert.equal(error.code, 'try-on/catalog-invalid')
    assert.deepEqual(error.issues.map((i) => i.path), ['/products/0/kind', '/products/0/fit/anchor', '/products/0/fit/scale', '/products/1/sku', '/products/1/model', '/products/1/fit/offset'])
    assert.match(error.message, /at \/products\/0\/kind: expected one of glasses, hat, earrings, found "scarf" \(and 5 more\)/)
  })
  it('says when the text is not JSON', () => {
    assert.equal(catch_(() => parseTryOnCatalog('{')).code, 'try-on/catalog-invalid')
  })
})

describe('findTryOnProduct', () => {
  it('names the SKUs there are when one is unknown', () => {
    const error = catch_(() => findTryOnProduct(parseTryOnCatalog(shipped), 'NOPE'))
    assert.equal(error.code, 'try-on/unknown-sku')
    assert.match(error.message, /"NOPE".*VT-GLASSES-01/)
  })
})

function catch_(f: () => unknown): VitrineError {
  try {
    f()
  } catch (error) {
    assert.ok(error instanceof VitrineError)
    return error
  }
  assert.fail('expected a VitrineError')
}
