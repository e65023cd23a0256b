import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { CURRENT_SCHEMA_VERSION, migrateTemplate, migrations, parseTemplate, VitrineError } from '../../src/index.js'

const dir = join(import.meta.dirname, '..', 'fixtures', 'migrations')
const read = (f: string) => JSON.parse(readFileSync(join(dir, f), 'utf8'))

for (const input of readdirSync(dir).filter((f) => f.endsWith('.input.json'))) {
  test(`migration fixture ${input} migrates to its expected document and validates`, () => {
    const migrated = migrateTemplate(read(input))
    assert.deepEqual(migrated, read(input.replace('.input.json', '.expected.json')))
    const template = parseTemplate(read(input))
    assert.equal(template.schemaVersion, CURRENT_SCHEMA_VERSION)
  })
}

test('there is one migration per version step up to the current version', () => {
  assert.deepEqual(
    migrations.map((m) => m.from),
    Array.from({ length: CURRENT_SCHEMA_VERSION - 1 }, (_, i) => i + 1),
  )
})

test('a document from a newer schema version is refused with a clear error', () => {
  assert.throws(
    () => parseTemplate({ schemaVersion: CURRENT_SCHEMA_VERSION + 1, size: { width: 1, height: 1 }, variables: {}, layers: [] }),
    (e: unknown) => e instanceof VitrineError && e.code === 'template/newer-version' && e.path === '/schemaVersion' && /Update @vitrine/.test(e.message),
  )
})

test('a missing or non-integer schemaVersion is refused', () => {
  for (const v of [undefined, '2', 1.5, 0]) {
    assert.throws(
      () => parseTemplate({ schemaVersion: v, size: { width: 1, height: 1 }, variables: {}, layers: [] }),
      (e: unknown) => e instanceof VitrineError && e.code === 'template/unknown-version' && e.path === '/schemaVersion',
    )
  }
})
