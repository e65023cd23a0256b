// Shared Rollup setup for the library packages: ESM only, TypeScript through esbuild. Every
// dependency stays external (consumers' bundlers resolve them), except those a package lists in
// `inline`: those are bundled into its files, with their licences in dist/THIRD-PARTY-LICENSES.txt.
// Types come from `tsc -b`.
import esbuild from 'rollup-plugin-esbuild'
import { nodeResolve } from '@rollup/plugin-node-resolve'
import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'

/**
 * @param {string} dir package folder
 * @param {Record<string,string>} input entry name → source
 * @param {{ inline?: string[] }} [options] dependencies to bundle rather than import: pure
 *   JavaScript that every entry loads at start-up, spread over many small files (Node resolves
 *   and compiles each one at every start; one bundled file loads several times faster).
 */
export function libraryConfig(dir, input, { inline = [] } = {}) {
  const pkg = JSON.parse(readFileSync(resolve(dir, 'package.json'), 'utf8'))
  const deps = Object.keys({ ...pkg.dependencies, ...pkg.peerDependencies })
  // A bundled dependency whose types the package's own types use stays in `dependencies`;
  // the others are only needed to build, in `devDependencies`.
  for (const name of inline) {
    if (!deps.includes(name) && !(name in (pkg.devDependencies ?? {}))) throw new Error(`${pkg.name}: inline lists ${name}, which is not among its dependencies or devDependencies`)
  }
  const external = deps.filter((d) => !inline.includes(d))
  // Start from an empty bundle folder (types under dist/types come from tsc -b and stay).
  for (const entry of ['chunks', 'THIRD-PARTY-LICENSES.txt', ...Object.keys(input).flatMap((n) => [`${n}.js`, `${n}.js.map`])]) {
    rmSync(resolve(dir, 'dist', entry), { recursive: true, force: true })
  }
  return {
    input,
    output: { dir: resolve(dir, 'dist'), format: 'es', sourcemap: true, hoistTransitiveImports: false, entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
    external: (id) => id.startsWith('node:') || external.some((d) => id === d || id.startsWith(d + '/')),
    // Our dependencies have no import-time side effects we rely on: don't re-import them bare.
    treeshake: { moduleSideEffects: (_id, isExternal) => !isExternal },
    // Bundled code is taken as its authors wrote it: a top-level `this` (TypeScript's helpers in
    // typebox) is `undefined`, as when Node loads it, and typebox's modules import each other in
    // circles that resolve at run time. Warnings about our own sources still show.
    onwarn(warning, warn) {
      const inDependency = (id) => typeof id === 'string' && id.includes('/node_modules/')
      if (warning.code === 'THIS_IS_UNDEFINED' && inDependency(warning.id)) return
      if (warning.code === 'CIRCULAR_DEPENDENCY' && (warning.ids ?? []).every(inDependency)) return
      warn(warning)
    },
    plugins: [
      esbuild({ target: 'es2022', tsconfig: resolve(dir, 'tsconfig.json') }),
      onlyListedInline(pkg.name, inline),
      ...(inline.length > 0 ? [nodeResolve({ mainFields: ['module', 'main'], exportConditions: ['import', 'module', 'default'] }), thirdPartyLicenses()] : []),
    ],
  }
}

/**
 * Fails the build when the package's own code imports a package that is neither external (a
 * dependency) nor listed in `inline`: it would otherwise be bundled unnoticed, or left as an
 * import that consumers cannot resolve. What the inlined packages import themselves is theirs.
 */
function onlyListedInline(packageName, inline) {
  return {
    name: 'only-listed-inline',
    resolveId(source, importer) {
      if (!importer || importer.includes('/node_modules/') || /^[./\0]/.test(source) || source.startsWith('node:')) return null
      if (inline.some((d) => source === d || source.startsWith(d + '/'))) return null
      this.error(`${importer} imports "${source}": add it to ${packageName}'s dependencies, or to the inline list of its rollup.config.mjs`)
    },
  }
}

/** The package folder (with its package.json) a bundled file belongs to. */
function packageFolderOf(file) {
  let folder = dirname(file)
  while (folder !== dirname(folder)) {
    if (existsSync(join(folder, 'package.json'))) {
      const { name } = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8'))
      // Nested package.json files that only set "type" have no name: keep going up.
      if (name) return folder
    }
    folder = dirname(folder)
  }
  return undefined
}

/** Emits THIRD-PARTY-LICENSES.txt: name, version, licence and licence text of every bundled package. */
function thirdPartyLicenses() {
  return {
    name: 'third-party-licenses',
    generateBundle(_options, bundle) {
      const folders = new Set()
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk') continue
        for (const id of Object.keys(chunk.modules)) {
          if (!id.includes('/node_modules/')) continue
          const folder = packageFolderOf(id.replace(/^\0/, '').split('?')[0])
          if (folder) folders.add(folder)
        }
      }
      const entries = [...folders]
        .map((folder) => {
          const { name, version, license, author } = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8'))
          if (!license) throw new Error(`${name}@${version} is bundled but declares no licence (${folder})`)
          const file = readdirSync(folder).find((f) => /^(licen[cs]e|copying)(\.|$)/i.test(f))
          const by = typeof author === 'string' ? author : author?.name
          const text = file
            ? readFileSync(join(folder, file), 'utf8').trim()
            : `${license}, as declared in the package's package.json${by ? `, by ${by}` : ''}; the package ships no licence text.`
          return { name, version, license, text }
        })
        .sort((a, b) => a.name.localeCompare(b.name))
      if (entries.length === 0) return
      const source = [
        'This package bundles the following third-party packages, under their own licences.',
        ...entries.map((e) => `${'='.repeat(78)}\n${e.name}@${e.version} (${e.license})\n${'='.repeat(78)}\n\n${e.text}`),
      ].join('\n\n')
      this.emitFile({ type: 'asset', fileName: 'THIRD-PARTY-LICENSES.txt', source: source + '\n' })
    },
  }
}
