// Shared Rollup setup for the library packages: ESM only, TypeScript through esbuild,
// every dependency external (consumers' bundlers resolve them). Types come from `tsc -b`.
import esbuild from 'rollup-plugin-esbuild'
import { readFileSync, rmSync } from 'node:fs'
import { resolve } from 'node:path'

/** @param {string} dir package folder @param {Record<string,string>} input entry name → source */
export function libraryConfig(dir, input) {
  const pkg = JSON.parse(readFileSync(resolve(dir, 'package.json'), 'utf8'))
  const deps = Object.keys({ ...pkg.dependencies, ...pkg.peerDependencies })
  // Start from an empty bundle folder (types under dist/types come from tsc -b and stay).
  for (const entry of ['chunks', ...Object.keys(input).flatMap((n) => [`${n}.js`, `${n}.js.map`])]) {
    rmSync(resolve(dir, 'dist', entry), { recursive: true, force: true })
  }
  return {
    input,
    output: { dir: resolve(dir, 'dist'), format: 'es', sourcemap: true, hoistTransitiveImports: false, entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
    external: (id) => id.startsWith('node:') || deps.some((d) => id === d || id.startsWith(d + '/')),
    // Our dependencies have no import-time side effects we rely on: don't re-import them bare.
    treeshake: { moduleSideEffects: (_id, external) => !external },
    plugins: [esbuild({ target: 'es2022', tsconfig: resolve(dir, 'tsconfig.json') })],
  }
}
