// Writes schema/template.schema.json from the runtime validators' definitions.
// `pnpm --filter @vitrine/core schema` after changing a document file; a test fails when it is stale.
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { templateJsonSchema } from '../src/document/template-json-schema.js'

const file = join(dirname(fileURLToPath(import.meta.url)), '..', 'schema', 'template.schema.json')
mkdirSync(dirname(file), { recursive: true })
writeFileSync(file, JSON.stringify(templateJsonSchema(), null, 2) + '\n')
console.log(`wrote ${file}`)
