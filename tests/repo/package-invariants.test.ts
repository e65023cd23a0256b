// Repository invariants as tests (Remotion's habit): the package manifests, the pinned tools and
// the documented commands stay consistent because a test fails the moment they drift.
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, test } from 'node:test'
import { fileURLToPath } from 'node:url'
import { packageDirection } from '../../eslint.config.mjs'

const root = fileURLToPath(new URL('../..', import.meta.url))

interface Manifest {
  name?: string
  version?: string
  private?: boolean
  type?: string
  license?: string
  packageManager?: string
  engines?: Record<string, string>
  exports?: Record<string, string | Record<string, unknown>>
  files?: string[]
  bin?: string | Record<string, string>
  dependencies?: Record<string, string>
  devDependencies?: Record<string, string>
  peerDependencies?: Record<string, string>
}

const readJson = (path: string): Manifest => JSON.parse(readFileSync(join(root, path), 'utf8')) as Manifest
const rootManifest = readJson('package.json')

/** Folders of the library packages (packages/*). */
const libraries = readdirSync(join(root, 'packages'), { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(join(root, 'packages', d.name, 'package.json')))
  .map((d) => `packages/${d.name}`)

/** Every workspace folder named in pnpm-workspace.yaml (plain entries and `dir/*` globs). */
function workspaceFolders(): string[] {
  const yaml = readFileSync(join(root, 'pnpm-workspace.yaml'), 'utf8')
  const block = /^packages:\s*\n((?:\s+-\s+.*\n?)+)/m.exec(yaml)?.[1] ?? ''
  const entries = [...block.matchAll(/-\s+['"]?([^'"\n]+?)['"]?\s*$/gm)].map((m) => m[1]!)
  return entries.flatMap((entry) => {
    if (!entry.endsWith('/*')) return [entry]
    const dir = entry.slice(0, -2)
    return readdirSync(join(root, dir), { withFileTypes: true })
      .filter((d) => d.isDirectory() && existsSync(join(root, dir, d.name, 'package.json')))
      .map((d) => `${dir}/${d.name}`)
  })
}

const allDependencies = (m: Manifest) => ({ ...m.dependencies, ...m.devDependencies, ...m.peerDependencies })

describe('library packages', () => {
  assert.ok(libraries.length >= 4, `expected the four library packages, found ${libraries.join(', ')}`)

  for (const dir of libraries) {
    const manifest = readJson(`${dir}/package.json`)
    const folder = dir.slice('packages/'.length)

    describe(manifest.name ?? dir, () => {
      test('is named @vitrine/<folder>, public, licensed, ESM', () => {
        assert.equal(manifest.name, `@vitrine/${folder}`)
        assert.notEqual(manifest.private, true, `${dir} is a library: it must not be private`)
        assert.equal(typeof manifest.license, 'string', `${dir}/package.json: missing "license"`)
        assert.equal(manifest.type, 'module', `${dir}/package.json: expected "type": "module"`)
      })

      test('has an exports map that lists types first, default last, and exports ./package.json', () => {
        const exports = manifest.exports
        assert.ok(exports && typeof exports === 'object', `${dir}/package.json: missing "exports" map`)
        assert.equal(exports['./package.json'], './package.json', `${dir}: exports must include "./package.json": "./package.json"`)
        assert.ok('.' in exports, `${dir}: exports must have a "." entry`)
        for (const [subpath, target] of Object.entries(exports)) {
          if (typeof target === 'string') continue
          const conditions = Object.keys(target)
          assert.equal(conditions[0], 'types', `${dir} exports["${subpath}"]: "types" must come first, found ${conditions.join(', ')}`)
          assert.equal(conditions.at(-1), 'default', `${dir} exports["${subpath}"]: "default" must come last, found ${conditions.join(', ')}`)
        }
      })

      test('publishes what its exports and bin point to', () => {
        const files = manifest.files ?? []
        assert.ok(files.length > 0, `${dir}/package.json: list the published folders in "files"`)
        const targets: string[] = []
        const collect = (value: unknown): void => {
          if (typeof value === 'string') targets.push(value)
          else if (value && typeof value === 'object') Object.values(value).forEach(collect)
        }
        collect(manifest.exports)
        collect(manifest.bin)
        for (const target of targets) {
          if (target === './package.json') continue
          const path = target.replace(/^\.\//, '')
          assert.ok(
            files.some((f) => path === f || path.startsWith(f.replace(/\/$/, '') + '/')),
            `${dir}: "${target}" is exported but not inside "files" (${files.join(', ')})`,
          )
        }
      })

      test('depends on @vitrine packages only in the direction ARCHITECTURE.md allows, through the workspace', () => {
        const allowed = packageDirection[folder as keyof typeof packageDirection]
        assert.ok(allowed, `${dir} has no entry in eslint.config.mjs packageDirection: add one`)
        for (const [dep, range] of Object.entries(allDependencies(manifest))) {
          if (!dep.startsWith('@vitrine/')) continue
          assert.ok(
            (allowed as readonly string[]).includes(dep.slice('@vitrine/'.length)),
            `${manifest.name} depends on ${dep}; it may depend on ${allowed.length ? allowed.map((a) => '@vitrine/' + a).join(', ') : 'no @vitrine package'}`,
          )
          assert.equal(range, 'workspace:*', `${manifest.name} → ${dep}: use "workspace:*"`)
        }
      })
    })
  }

  // What the build wrote (`pnpm test` builds first). A library's files may import only what a
  // consumer installs with it; code bundled from other packages comes with their licences.
  for (const dir of libraries) {
    const manifest = readJson(`${dir}/package.json`)
    const dist = join(root, dir, 'dist')
    const bundles = existsSync(dist) ? readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.js')) : []
    if (bundles.length === 0) continue

    test(`${manifest.name}'s build imports only its dependencies, and lists the licences of what it bundles`, () => {
      const installed = Object.keys({ ...manifest.dependencies, ...manifest.peerDependencies })
      const bundled = new Set<string>()
      for (const file of bundles) {
        const code = readFileSync(join(dist, file), 'utf8')
        const specifiers = [
          ...code.matchAll(/^(?:import|export)\b[^;'"]*?from\s*'([^']+)'/gm),
          ...code.matchAll(/^import\s*'([^']+)'/gm),
          ...code.matchAll(/\bimport\(\s*'([^']+)'\s*\)/g),
        ].map((m) => m[1]!)
        for (const specifier of specifiers) {
          if (specifier.startsWith('.') || specifier.startsWith('node:')) continue
          assert.ok(
            installed.some((d) => specifier === d || specifier.startsWith(d + '/')),
            `${dir}/dist/${file} imports "${specifier}", which is not in ${manifest.name}'s dependencies: a consumer would not have it`,
          )
        }
        const map = join(dist, file + '.map')
        if (!existsSync(map)) continue
        for (const source of (JSON.parse(readFileSync(map, 'utf8')) as { sources: string[] }).sources) {
          const name = /node_modules\/((?:@[^/]+\/)?[^/]+)\/(?!.*node_modules\/)/.exec(source)?.[1]
          if (name) bundled.add(name)
        }
      }
      if (bundled.size === 0) return
      const notices = join(dist, 'THIRD-PARTY-LICENSES.txt')
      assert.ok(existsSync(notices), `${dir}/dist bundles ${[...bundled].join(', ')} but has no THIRD-PARTY-LICENSES.txt`)
      const listed = readFileSync(notices, 'utf8')
      for (const name of bundled) assert.ok(new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}@\\S+ \\(`, 'm').test(listed), `${dir}/dist bundles ${name}, missing from THIRD-PARTY-LICENSES.txt`)
    })
  }

  test('every @vitrine library has the same version', () => {
    const versions = new Map(libraries.map((dir) => [readJson(`${dir}/package.json`).name, readJson(`${dir}/package.json`).version]))
    const distinct = new Set(versions.values())
    assert.equal(distinct.size, 1, `versions differ: ${[...versions].map(([n, v]) => `${n}@${v}`).join(', ')}`)
    assert.match([...distinct][0] ?? '', /^\d+\.\d+\.\d+(-[\w.]+)?$/)
  })
})

describe('workspace', () => {
  test('every workspace package is ESM, and the non-library ones are private', () => {
    for (const dir of workspaceFolders()) {
      const manifest = readJson(`${dir}/package.json`)
      assert.equal(manifest.type, 'module', `${dir}/package.json: expected "type": "module"`)
      if (!dir.startsWith('packages/')) assert.equal(manifest.private, true, `${dir}/package.json: expected "private": true`)
    }
  })

  test('the root pins its package manager and Node version', () => {
    assert.equal(rootManifest.private, true)
    assert.match(rootManifest.packageManager ?? '', /^pnpm@\d+\.\d+\.\d+$/, 'root package.json: pin "packageManager": "pnpm@x.y.z"')
    assert.match(rootManifest.engines?.node ?? '', /^>=\s*20\.\d+/, 'root package.json: state engines.node')
  })

  test('the install script installs the pinned pnpm', () => {
    const pinned = rootManifest.packageManager?.split('@')[1]
    const script = readFileSync(join(root, 'scripts/install-system-deps.sh'), 'utf8')
    const version = /^PNPM_VERSION=["']?([\d.]+)/m.exec(script)?.[1]
    assert.equal(version, pinned, 'scripts/install-system-deps.sh PNPM_VERSION must match packageManager')
  })
})

describe('documented commands', () => {
  const readme = () => readFileSync(join(root, 'README.md'), 'utf8')
  const testCommand = 'bash scripts/install-system-deps.sh && pnpm install --frozen-lockfile && pnpm test'

  test('the README gives the test command, and .ci/run runs exactly it', () => {
    assert.ok(readme().includes(testCommand), `README.md must show the test command: ${testCommand}`)
    const ci = readFileSync(join(root, '.ci/run'), 'utf8')
    assert.ok(ci.includes(testCommand), '.ci/run must run the README test command, unchanged')
  })

  test('the root scripts the README names exist', () => {
    const scripts = (rootManifest as { scripts?: Record<string, string> }).scripts ?? {}
    for (const name of [...readme().matchAll(/\bpnpm (example|demo|test|bench|build|lint)\b/g)].map((m) => m[1]!)) {
      assert.ok(scripts[name], `README mentions "pnpm ${name}" but package.json has no such script`)
    }
  })

  test('every doc the README and docs index link to exists', () => {
    for (const file of ['README.md', 'docs/README.md']) {
      const text = readFileSync(join(root, file), 'utf8')
      const base = file.includes('/') ? file.slice(0, file.lastIndexOf('/') + 1) : ''
      for (const [, target] of text.matchAll(/\]\((?!https?:|#|mailto:)([^)#\s]+)(?:#[^)]*)?\)/g)) {
        assert.ok(existsSync(join(root, base, target!)), `${file} links to ${target}, which does not exist`)
      }
    }
  })
})

describe('Chromium launches', () => {
  /** Tracked and new source files (not ignored ones) outside node_modules. */
  const sources = () =>
    execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '*.ts', '*.mjs', '*.js'], { cwd: root, encoding: 'utf8' })
      .split('\n')
      .filter((file) => file !== '' && !file.includes('node_modules/') && existsSync(join(root, file)))

  test('every launch takes its binary and flags from scripts/chromium.mjs', () => {
    const launches = sources().filter((file) => /chromium\.launch\(|launchOptions:/.test(readFileSync(join(root, file), 'utf8')))
    assert.ok(launches.length >= 10, `expected the tests, benchmarks and browser-test config to launch Chromium, found ${launches.length} files`)
    for (const file of launches) {
      const text = readFileSync(join(root, file), 'utf8')
      assert.match(text, /chromiumLaunchOptions|chromiumArgs/, `${file} launches Chromium without scripts/chromium.mjs (its flags keep every connection on this machine)`)
    }
  })

  test('only scripts/chromium.mjs names the Chromium binary', () => {
    // Built from parts, so that this file does not name it either.
    const binary = `'${['', 'usr', 'bin', 'chromium'].join('/')}'`
    for (const file of sources().filter((f) => f !== 'scripts/chromium.mjs')) {
      assert.ok(!readFileSync(join(root, file), 'utf8').includes(binary), `${file} names ${binary}: use chromiumPath from scripts/chromium.mjs`)
    }
  })
})
