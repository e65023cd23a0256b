// The try-on's heavy engines (three.js, MediaPipe tasks-vision) are loaded on first use, so a
// page that shows <vitrine-preview> or never opens the try-on does not download them
// (STYLE.md, "Builds"). This reads the built bundle (`pnpm build` makes it).
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const dist = fileURLToPath(new URL('../dist/', import.meta.url))
const heavy = ['three', 'three/addons/loaders/GLTFLoader.js', '@mediapipe/tasks-vision']

const staticImports = (code: string) => [...code.matchAll(/^\s*(?:import|export)\s[^;]*?from\s+['"]([^'"]+)['"]/gm)].map((m) => m[1]!)
const dynamicImports = (code: string) => [...code.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1]!)

test('the elements bundle imports three.js and tasks-vision only when the try-on needs them', (t) => {
  if (!existsSync(`${dist}index.js`)) return t.skip('packages/elements is not built')
  const entry = readFileSync(`${dist}index.js`, 'utf8')
  for (const name of heavy) assert.ok(!staticImports(entry).includes(name), `index.js imports ${name} up front`)
  assert.ok(dynamicImports(entry).includes('@mediapipe/tasks-vision'), 'tasks-vision is imported on first use')
  // The renderer chunk (three.js) is itself loaded by a dynamic import from the entry.
  const chunks = existsSync(`${dist}chunks`) ? readdirSync(`${dist}chunks`).filter((f) => f.endsWith('.js')) : []
  const renderer = chunks.find((f) => readFileSync(`${dist}chunks/${f}`, 'utf8').includes('TryOnRenderer'))
  assert.ok(renderer, 'a chunk holds the try-on renderer')
  assert.ok(dynamicImports(entry).some((s) => s.endsWith(renderer!)), 'the renderer chunk is imported on first use')
  assert.ok(!chunks.some((f) => f !== renderer && staticImports(readFileSync(`${dist}chunks/${f}`, 'utf8')).includes('three')), 'no other chunk pulls three.js in')
})
