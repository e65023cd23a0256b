import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

/**
 * The URL of a worker module `name` (e.g. `render-worker`) built beside the module at `here`:
 * `dist/<name>.js` when built (`here` may sit in `dist/` or in a shared chunk below it),
 * `src/<name>.ts` when run from source under tsx.
 */
export function workerModuleUrl(here: string, name: string): URL {
  const candidates = here.endsWith('.ts') ? [`./${name}.ts`] : [`./${name}.js`, `../${name}.js`]
  for (const candidate of candidates) {
    const url = new URL(candidate, here)
    if (existsSync(fileURLToPath(url))) return url
  }
  throw new Error(`The worker module ${name} is missing next to ${fileURLToPath(here)}`)
}
