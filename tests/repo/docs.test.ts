// The reference docs are written by hand, so tests keep them in step with the code they
// describe: a new error code, format, layer type or variable type fails here until documented.
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { test } from 'node:test'
import { fileURLToPath } from 'node:url'
import { aspectClassOf, formatCatalog } from '../../packages/core/src/formats/format-catalog.js'
import { layerTypes } from '../../packages/core/src/document/layer.js'
import { variableTypes } from '../../packages/core/src/document/variable.js'
import { parseTemplate } from '../../packages/core/src/document/validate-template.js'

const root = fileURLToPath(new URL('../..', import.meta.url))
const read = (path: string) => readFileSync(root + path, 'utf8')

test('docs/errors.md explains every VitrineErrorCode, and only those', () => {
  const source = read('packages/core/src/errors/vitrine-error.ts')
  const union = /export type VitrineErrorCode =([^;]*?)(?:\n\n|;)/.exec(source)?.[1] ?? ''
  const codes = [...union.matchAll(/'([^']+)'/g)].map((m) => m[1]!)
  assert.ok(codes.length > 10, 'could not read the VitrineErrorCode union')
  const documented = [...read('docs/errors.md').matchAll(/^### `([^`]+)`$/gm)].map((m) => m[1]!)
  assert.deepEqual([...documented].sort(), [...codes].sort(), 'docs/errors.md needs one "### `code`" section per VitrineErrorCode')
})

test('docs/formats.md lists every format of the catalogue with its size, class and safe zone', () => {
  const doc = read('docs/formats.md')
  for (const f of formatCatalog) {
    const z = f.safeZone
    const zone = z.top || z.right || z.bottom || z.left ? `${z.top}, ${z.right}, ${z.bottom}, ${z.left}` : 'none'
    const row = `| \`${f.id}\` | ${f.width}x${f.height} | ${aspectClassOf(f.width, f.height)} | ${zone} |`
    assert.ok(doc.includes(row), `docs/formats.md: expected the row ${row}`)
  }
  const rows = [...doc.matchAll(/^\| `([a-z0-9-]+)` \| \d+x\d+ \|/gm)].map((m) => m[1])
  assert.deepEqual(rows, formatCatalog.map((f) => f.id), 'docs/formats.md lists formats that are not in the catalogue, or in another order')
})

test('docs/template.md describes every layer type and variable type', () => {
  const doc = read('docs/template.md')
  for (const type of layerTypes) assert.match(doc, new RegExp(`^### \`${type}\`$`, 'm'), `docs/template.md: no section for layer type ${type}`)
  for (const type of variableTypes) assert.ok(doc.includes(`| \`${type}\` |`), `docs/template.md: no row for variable type ${type}`)
})

test('the complete templates shown in the README and docs are valid', () => {
  let count = 0
  for (const file of ['README.md', 'docs/template.md']) {
    for (const [, block] of read(file).matchAll(/```json\n([\s\S]*?)\n```/g)) {
      if (!block!.includes('"schemaVersion"')) continue
      count++
      assert.doesNotThrow(() => parseTemplate(block), `${file}: a template example is not valid`)
    }
  }
  assert.ok(count >= 2, 'expected a template example in README.md and in docs/template.md')
})
