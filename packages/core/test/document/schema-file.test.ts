import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { templateJsonSchema } from '../../src/index.js'

test('schema/template.schema.json is up to date (run `pnpm --filter @vitrine/core schema` to regenerate)', () => {
  const file = join(import.meta.dirname, '..', '..', 'schema', 'template.schema.json')
  const committed = JSON.parse(readFileSync(file, 'utf8'))
  assert.deepEqual(committed, templateJsonSchema())
})

test('the JSON Schema lists every layer type and variable type', () => {
  const schema = templateJsonSchema() as { $defs: Record<string, { properties?: Record<string, { const?: string }>; anyOf?: unknown[] }> }
  for (const t of ['RectLayer', 'ImageLayer', 'TextLayer', 'GroupLayer']) assert.ok(schema.$defs[t], t)
  const variable = JSON.stringify(schema.$defs.Variable)
  for (const t of ['text', 'number', 'money', 'image', 'color', 'boolean']) assert.ok(variable.includes(`"const":"${t}"`), t)
})
