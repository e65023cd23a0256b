// Lint is where the architecture is enforced (ARCHITECTURE.md, STYLE.md practice 1):
//  - @vitrine/core touches no DOM or Node global outside src/browser/, and imports no Node
//    builtin: it asks its Platform adapter (packages/core/src/platform/platform.ts);
//  - packages import each other in one direction only (`packageDirection` below);
//  - no relative import climbs out of its package.
// tests/repo/lint-boundaries.test.ts proves that each of these rules bites.
import { readFileSync } from 'node:fs'
import { builtinModules } from 'node:module'
import { dirname, join, relative, resolve, sep } from 'node:path'
import js from '@eslint/js'
import globals from 'globals'
import tseslint from 'typescript-eslint'
import { defineConfig } from 'eslint/config'

const repoRoot = import.meta.dirname

/**
 * Which @vitrine packages each library package may import (ARCHITECTURE.md, "may import").
 * Keys are folders under packages/. `demo`, `tests` and `bench` may import everything.
 */
export const packageDirection = {
  core: [],
  node: ['core'],
  elements: ['core'],
  react: ['elements', 'core'],
}

/** Library packages that run in browsers, where Node builtins do not exist. */
const browserPackages = ['core', 'elements', 'react']

// ---------------------------------------------------------------------------------------------
// Globals core may not touch.

const platformHint = 'go through the Platform adapter (packages/core/src/platform/platform.ts), or put browser code in packages/core/src/browser/'

/**
 * The web-standard globals core may use are the ones packages/core/src/env.d.ts declares (they
 * exist in browsers, workers and Node alike). Reading them from there keeps lint and types on
 * one list.
 */
function coreAllowedGlobals() {
  try {
    const source = readFileSync(join(repoRoot, 'packages/core/src/env.d.ts'), 'utf8')
    return new Set([...source.matchAll(/^\s*declare\s+(?:class|const|let|var|function|namespace)\s+([A-Za-z_$][\w$]*)/gm)].map((m) => m[1]))
  } catch {
    return new Set()
  }
}

/** Never allowed in core, whatever env.d.ts says: these are the host itself. */
const hostGlobals = {
  window: 'DOM', document: 'DOM', self: 'DOM', navigator: 'DOM', location: 'DOM', Image: 'DOM',
  HTMLCanvasElement: 'DOM', HTMLImageElement: 'DOM', OffscreenCanvas: 'DOM', ImageBitmap: 'DOM',
  createImageBitmap: 'DOM', ImageData: 'DOM', FontFace: 'DOM', fetch: 'DOM', XMLHttpRequest: 'DOM',
  localStorage: 'DOM', sessionStorage: 'DOM', indexedDB: 'DOM', caches: 'DOM', Worker: 'DOM',
  requestAnimationFrame: 'DOM', performance: 'DOM', crypto: 'DOM', Blob: 'DOM', Response: 'DOM',
  Request: 'DOM', WebSocket: 'DOM', importScripts: 'DOM',
  process: 'Node', Buffer: 'Node', require: 'Node', module: 'Node', exports: 'Node', __dirname: 'Node',
  __filename: 'Node', global: 'Node', setImmediate: 'Node', clearImmediate: 'Node',
  globalThis: 'host', Deno: 'host', Bun: 'host',
}

function coreRestrictedGlobals() {
  const allowed = coreAllowedGlobals()
  const builtin = new Set(Object.keys(globals.builtin))
  const kinds = new Map()
  for (const name of [...Object.keys(globals.browser), ...Object.keys(globals.worker), ...Object.keys(globals.serviceworker)]) kinds.set(name, 'DOM')
  for (const name of [...Object.keys(globals.node), ...Object.keys(globals.nodeBuiltin)]) if (!kinds.has(name)) kinds.set(name, 'Node')
  for (const name of kinds.keys()) if (builtin.has(name) || allowed.has(name)) kinds.delete(name)
  for (const [name, kind] of Object.entries(hostGlobals)) kinds.set(name, kind)
  return [...kinds].map(([name, kind]) => ({
    name,
    message:
      kind === 'host'
        ? `@vitrine/core must not reach into its host through '${name}': ${platformHint}.`
        : `'${name}' is a ${kind} global, and @vitrine/core runs in browsers and Node alike: ${platformHint}.`,
  }))
}

// ---------------------------------------------------------------------------------------------
// Imports.

const nodeBuiltinNames = [...new Set(builtinModules.filter((m) => !m.startsWith('_')).map((m) => m.split('/')[0]))].sort()
const escapeRegExp = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

const nodeBuiltinPatterns = (where) => {
  const message = `${where} runs in browsers: no Node builtins. ${where === '@vitrine/core' ? 'Ask the Platform adapter (packages/core/src/platform/platform.ts).' : 'Use web APIs, or @vitrine/node for Node-only work.'}`
  return [
    { regex: '^node:', message },
    { regex: `^(?:${nodeBuiltinNames.map(escapeRegExp).join('|')})(?:/.*)?$`, message },
  ]
}

/** Packages core must not depend on, even if someone adds them: they are Node- or UI-only. */
const coreForbiddenPackages = ['@napi-rs/canvas', 'sharp', 'piscina', 'bullmq', 'ioredis', 'lit', 'react', 'onnxruntime-node']

function directionPatterns(pkg) {
  const allowed = packageDirection[pkg]
  const regex = allowed.length === 0 ? '^@vitrine/' : `^@vitrine/(?!(?:${allowed.join('|')})(?:/|$))`
  const may = allowed.length === 0 ? 'nothing of ours' : allowed.map((a) => `@vitrine/${a}`).join(' and ')
  return [{ regex, message: `@vitrine/${pkg} may import ${may} (ARCHITECTURE.md: dependencies point one way).` }]
}

const importSource = (node) => (node && node.type === 'Literal' && typeof node.value === 'string' ? node.value : undefined)

/**
 * `vitrine/import-boundaries`: what `no-restricted-imports` cannot see. Relative imports that
 * climb out of the file's package (or into a folder it must not reach), and dynamic `import()`
 * or `require()` of a restricted module.
 */
const importBoundaries = {
  meta: {
    type: 'problem',
    docs: { description: 'Keeps imports inside package boundaries.' },
    schema: [
      {
        type: 'object',
        properties: {
          forbidInto: { type: 'array', items: { type: 'string' } },
          restricted: { type: 'array', items: { type: 'object', properties: { regex: { type: 'string' }, message: { type: 'string' } }, required: ['regex', 'message'] } },
        },
        additionalProperties: false,
      },
    ],
    messages: {
      climbs: "'{{source}}' climbs out of {{pkg}}. Import the other package by its name (e.g. '@vitrine/core'), as its users do.",
      into: "'{{source}}' reaches into {{target}}, which this file must not import: {{why}}",
      restricted: "'{{source}}' is restricted here: {{message}}",
    },
  },
  create(context) {
    const options = context.options[0] ?? {}
    const file = resolve(context.cwd, context.filename)
    const rel = relative(repoRoot, file).split(sep).join('/')
    const match = /^(packages\/[^/]+|demo|tests|bench)\//.exec(rel)
    if (!match) return {}
    const pkgRoot = join(repoRoot, match[1])
    const forbidInto = (options.forbidInto ?? []).map((f) => join(repoRoot, f))
    const restricted = (options.restricted ?? []).map((r) => ({ re: new RegExp(r.regex, 'u'), message: r.message }))
    const inside = (dir, p) => p === dir || p.startsWith(dir + sep)

    // Config files at a package's root (rollup.config.mjs) share the repo's build setup.
    const isPackageConfig = dirname(file) === pkgRoot

    function check(node, source, dynamic) {
      if (source === undefined) return
      if (source.startsWith('.')) {
        if (isPackageConfig) return
        const target = resolve(dirname(file), source)
        if (!inside(pkgRoot, target)) {
          context.report({ node, messageId: 'climbs', data: { source, pkg: match[1] } })
          return
        }
        for (const dir of forbidInto) {
          if (inside(dir, target) && !inside(dir, file)) {
            context.report({ node, messageId: 'into', data: { source, target: relative(repoRoot, dir), why: 'core outside src/browser/ must not depend on DOM code.' } })
          }
        }
        return
      }
      if (!dynamic) return // static imports are checked by no-restricted-imports
      const hit = restricted.find((r) => r.re.test(source))
      if (hit) context.report({ node, messageId: 'restricted', data: { source, message: hit.message } })
    }

    return {
      ImportDeclaration: (node) => check(node.source, importSource(node.source), false),
      ExportNamedDeclaration: (node) => check(node.source, importSource(node.source), false),
      ExportAllDeclaration: (node) => check(node.source, importSource(node.source), false),
      ImportExpression: (node) => check(node.source, importSource(node.source), true),
      CallExpression: (node) => {
        if (node.callee.type === 'Identifier' && node.callee.name === 'require') check(node.arguments[0], importSource(node.arguments[0]), true)
      },
    }
  },
}

const vitrinePlugin = { meta: { name: 'vitrine' }, rules: { 'import-boundaries': importBoundaries } }

const code = '**/*.{ts,tsx,mts,cts,js,mjs,cjs,jsx}'

/** The boundary configuration of one library package. */
function packageBoundaries(pkg) {
  const isBrowser = browserPackages.includes(pkg)
  const coreOnly = {
    regex: `^(?:${coreForbiddenPackages.map(escapeRegExp).join('|')})(?:/|$)`,
    message: '@vitrine/core stays free of Node-only and UI libraries: put this in @vitrine/node or @vitrine/elements.',
  }
  const srcPatterns = [
    ...directionPatterns(pkg),
    ...(isBrowser ? nodeBuiltinPatterns(`@vitrine/${pkg}`) : []),
    ...(pkg === 'core' ? [coreOnly] : []),
  ]
  // Core's own tests may import core by name; its sources may not even do that.
  const otherPatterns = pkg === 'core' ? directionPatterns('core').map((p) => ({ ...p, regex: '^@vitrine/(?!core(?:/|$))' })) : directionPatterns(pkg)
  const srcFiles = [`packages/${pkg}/src/${code}`]
  return [
    {
      name: `vitrine/${pkg}/boundaries`,
      files: [`packages/${pkg}/${code}`],
      ignores: srcFiles,
      rules: {
        'no-restricted-imports': ['error', { patterns: otherPatterns }],
        'vitrine/import-boundaries': ['error', { restricted: otherPatterns }],
      },
    },
    {
      name: `vitrine/${pkg}/src-boundaries`,
      files: srcFiles,
      rules: {
        'no-restricted-imports': ['error', { patterns: srcPatterns }],
        'vitrine/import-boundaries': ['error', { restricted: srcPatterns, ...(pkg === 'core' ? { forbidInto: ['packages/core/src/browser'] } : {}) }],
      },
    },
  ]
}

export default defineConfig(
  {
    name: 'vitrine/ignores',
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/fonts/**',
      '**/coverage/**',
      'out/**',
      '**/.cache/**',
      'tests/parity/__output__/**',
      'bench/results/**',
    ],
  },
  {
    ...js.configs.recommended,
    name: 'vitrine/base',
    files: [code],
    plugins: { vitrine: vitrinePlugin },
    languageOptions: { ecmaVersion: 'latest', sourceType: 'module', globals: { ...globals.node } },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },
  {
    name: 'vitrine/base-rules',
    files: [code],
    rules: {
      // Templates carry no code, and neither does Vitrine build any at run time.
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      'no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // Input validation matches control characters on purpose (ids, paths, URLs).
      'no-control-regex': 'off',
    },
  },
  {
    // Benchmarks and cross-package tests drive pages in Chromium (page.evaluate callbacks).
    name: 'vitrine/node-and-page-code',
    files: [`bench/${code}`, `tests/${code}`],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    name: 'vitrine/browser-code',
    files: [`demo/${code}`, `packages/*/test-browser/${code}`, `packages/core/src/browser/${code}`, `packages/{elements,react}/src/${code}`],
    languageOptions: { globals: { ...globals.browser } },
  },
  ...tseslint.configs.recommended.map((config) => ({ ...config, files: config.files ?? ['**/*.{ts,tsx,mts,cts}'] })),
  {
    name: 'vitrine/typescript',
    files: ['**/*.{ts,tsx,mts,cts}'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/ban-ts-comment': [
        'error',
        { 'ts-expect-error': 'allow-with-description', 'ts-ignore': 'allow-with-description', 'ts-nocheck': true, 'ts-check': false, minimumDescriptionLength: 8 },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // `interface Options extends BaseOptions {}` names an options type that will grow.
      '@typescript-eslint/no-empty-object-type': ['error', { allowInterfaces: 'with-single-extends' }],
    },
  },
  ...Object.keys(packageDirection).flatMap(packageBoundaries),
  {
    name: 'vitrine/core/no-host-globals',
    files: [`packages/core/src/${code}`],
    ignores: [`packages/core/src/browser/${code}`],
    rules: {
      'no-restricted-globals': ['error', ...coreRestrictedGlobals()],
      // Rendering is deterministic (STYLE.md practice 7): time is an argument, and clocks and
      // randomness are injected.
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'Rendering is deterministic: take a seeded random source as an argument.' },
        { object: 'Date', property: 'now', message: 'Rendering never reads the clock: take time as an argument, or use platform.now() to measure.' },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'Rendering never reads the clock: take time as an argument, or use platform.now() to measure.' },
      ],
    },
  },
)
