// Proves that the lint rules guarding the architecture bite: each snippet is linted as if it
// lived at the given path, with the repository's own eslint.config.mjs.
import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { fileURLToPath } from 'node:url'
import { ESLint } from 'eslint'

const root = fileURLToPath(new URL('../..', import.meta.url))
const eslint = new ESLint({ cwd: root })

/** The rule ids ESLint reports for `code` placed at `filePath` (relative to the repo root). */
async function problems(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath })
  assert.ok(result, 'ESLint returned no result')
  const fatal = result.messages.filter((m) => m.fatal)
  assert.deepEqual(fatal, [], `parse error in the snippet for ${filePath}`)
  return result.messages.map((m) => m.ruleId ?? 'unknown')
}

async function assertReports(code: string, filePath: string, ruleId: string): Promise<void> {
  const ids = await problems(code, filePath)
  assert.ok(ids.includes(ruleId), `expected ${ruleId} for ${JSON.stringify(code)} in ${filePath}, got ${JSON.stringify(ids)}`)
}

async function assertClean(code: string, filePath: string): Promise<void> {
  assert.deepEqual(await problems(code, filePath), [], `expected no problem for ${JSON.stringify(code)} in ${filePath}`)
}

describe('core touches no DOM or Node global outside src/browser/', () => {
  const dom = "export const canvas = document.createElement('canvas')\n"

  test('document in core is an error', () => assertReports(dom, 'packages/core/src/render/x.ts', 'no-restricted-globals'))
  test('document in core/src/browser is fine', () => assertClean(dom, 'packages/core/src/browser/x.ts'))

  for (const [name, code] of [
    ['window', 'export const w = window.innerWidth\n'],
    ['self', 'export const s = self\n'],
    ['navigator', 'export const n = navigator.userAgent\n'],
    ['Image', 'export const i = new Image()\n'],
    ['OffscreenCanvas', 'export const c = new OffscreenCanvas(1, 1)\n'],
    ['createImageBitmap', 'export const b = createImageBitmap\n'],
    ['FontFace', "export const f = new FontFace('Inter', 'url(a.ttf)')\n"],
    ['fetch', "export const r = fetch('https://example.com/a.png')\n"],
    ['indexedDB', "export const db = indexedDB.open('x')\n"],
    ['process', 'export const env = process.env.HOME\n'],
    ['Buffer', "export const b = Buffer.from('x')\n"],
    ['require', "export const m = require('x')\n"],
    ['__dirname', 'export const d = __dirname\n'],
    ['globalThis', 'export const g = globalThis\n'],
    ['setImmediate', 'setImmediate(() => {})\n'],
  ] as const) {
    test(`${name} in core is an error`, () => assertReports(code, 'packages/core/src/x.ts', 'no-restricted-globals'))
  }

  test('the universal web globals env.d.ts declares are fine in core', () =>
    assertClean("export const u = new URL('a.png', 'https://example.com/')\nexport const e = new TextEncoder().encode('x')\n", 'packages/core/src/x.ts'))

  test('reading the clock or Math.random in core is an error', async () => {
    await assertReports('export const t = Date.now()\n', 'packages/core/src/render/x.ts', 'no-restricted-properties')
    await assertReports('export const r = Math.random()\n', 'packages/core/src/render/x.ts', 'no-restricted-properties')
    await assertReports('export const d = new Date()\n', 'packages/core/src/render/x.ts', 'no-restricted-syntax')
  })

  test('core may not reach into its browser folder from outside it', () =>
    assertReports("export { BrowserPlatform } from '../browser/browser-platform.js'\n", 'packages/core/src/render/x.ts', 'vitrine/import-boundaries'))
  test('core may import its own modules', () =>
    assertClean("import type { Platform } from '../platform/platform.js'\nexport type P = Platform\n", 'packages/core/src/render/x.ts'))
})

describe('core imports no Node builtin', () => {
  test("import fs from 'node:fs' in core is an error", () =>
    assertReports("import fs from 'node:fs'\nexport { fs }\n", 'packages/core/src/x.ts', 'no-restricted-imports'))
  test("a bare builtin name ('fs/promises') in core is an error", () =>
    assertReports("import { readFile } from 'fs/promises'\nexport { readFile }\n", 'packages/core/src/x.ts', 'no-restricted-imports'))
  test("'path' in core/src/browser is an error too", () =>
    assertReports("import { join } from 'path'\nexport { join }\n", 'packages/core/src/browser/x.ts', 'no-restricted-imports'))
  test("a dynamic import('node:fs') in core is an error", () =>
    assertReports("export const load = () => import('node:fs')\n", 'packages/core/src/x.ts', 'vitrine/import-boundaries'))
  test('a Node-only library in core is an error', () =>
    assertReports("import { createCanvas } from '@napi-rs/canvas'\nexport { createCanvas }\n", 'packages/core/src/x.ts', 'no-restricted-imports'))
  test("'node:fs' in @vitrine/node is fine", () =>
    assertClean("import { readFile } from 'node:fs/promises'\nexport { readFile }\n", 'packages/node/src/x.ts'))
  test("'node:fs' in @vitrine/elements is an error", () =>
    assertReports("import { readFile } from 'node:fs/promises'\nexport { readFile }\n", 'packages/elements/src/x.ts', 'no-restricted-imports'))
})

describe('packages import each other in one direction', () => {
  const cases: Array<[from: string, imports: string, allowed: boolean]> = [
    ['core', '@vitrine/node', false],
    ['core', '@vitrine/elements', false],
    ['core', '@vitrine/core', false],
    ['node', '@vitrine/core', true],
    ['node', '@vitrine/core/browser', true],
    ['node', '@vitrine/elements', false],
    ['node', '@vitrine/react', false],
    ['elements', '@vitrine/core', true],
    ['elements', '@vitrine/core/browser', true],
    ['elements', '@vitrine/node', false],
    ['elements', '@vitrine/react', false],
    ['react', '@vitrine/elements', true],
    ['react', '@vitrine/core', true],
    ['react', '@vitrine/node', false],
  ]
  for (const [from, imports, allowed] of cases) {
    const code = `import * as other from '${imports}'\nexport { other }\n`
    const file = `packages/${from}/src/x.ts`
    test(`${from} ${allowed ? 'may' : 'may not'} import ${imports}`, () =>
      allowed ? assertClean(code, file) : assertReports(code, file, 'no-restricted-imports'))
  }

  test('a re-export counts as an import', () =>
    assertReports("export { NodePlatform } from '@vitrine/node'\n", 'packages/elements/src/x.ts', 'no-restricted-imports'))
  test('a dynamic import counts as an import', () =>
    assertReports("export const load = () => import('@vitrine/node')\n", 'packages/elements/src/x.ts', 'vitrine/import-boundaries'))
  test("a package's tests follow the same direction", () =>
    assertReports("import * as node from '@vitrine/node'\nexport { node }\n", 'packages/elements/test-browser/x.test.ts', 'no-restricted-imports'))
  test("core's tests may import core by name", () =>
    assertClean("import * as core from '@vitrine/core'\nexport { core }\n", 'packages/core/test/x.test.ts'))

  test('a relative import that climbs out of the package is an error', () =>
    assertReports("import { resolve } from '../../core/src/index.js'\nexport { resolve }\n", 'packages/elements/src/x.ts', 'vitrine/import-boundaries'))
  test("a test importing its own package's sources is fine", () =>
    assertClean("import { resolve } from '../src/index.js'\nexport { resolve }\n", 'packages/node/test/x.test.ts'))
  test('demo, tests and bench may import every package', () =>
    assertClean("import * as node from '@vitrine/node'\nimport * as el from '@vitrine/elements'\nexport { node, el }\n", 'tests/x.test.ts'))
})

describe('TypeScript hygiene', () => {
  test('any is an error', () => assertReports('export const x: any = 1\n', 'packages/node/src/x.ts', '@typescript-eslint/no-explicit-any'))
  test('@ts-ignore without a reason is an error', () =>
    assertReports('// @ts-ignore\nexport const x: number = 1\n', 'packages/node/src/x.ts', '@typescript-eslint/ban-ts-comment'))
  test('@ts-expect-error with a reason is fine', () =>
    assertClean("// @ts-expect-error: the typings lack this overload\nexport const x: number = 'a'\n", 'packages/node/src/x.ts'))
  test('eval is an error everywhere', () => assertReports("export const x = eval('1')\n", 'packages/node/src/x.ts', 'no-eval'))
})
