import { VitrineError } from '../errors/vitrine-error.js'
import type { ModelSpec } from './model-spec.js'

/** How an environment gets a model's files and hashes them (Node: files and node:crypto; browser: fetch and WebCrypto). */
export interface ModelHost {
  /** Fetches one file of a model (a URL or path as written in the spec), calling `onBytes` as bytes arrive. */
  fetchModelFile(url: string, onBytes?: (received: number) => void): Promise<Uint8Array>
  /** Lower-case hex SHA-256. */
  sha256(bytes: Uint8Array): Promise<string>
}

/** Keeps verified model bytes between runs, keyed by the model's SHA-256 (IndexedDB in browsers, a folder in Node). */
export interface ModelCache {
  get(sha256: string): Promise<Uint8Array | undefined>
  set(sha256: string, bytes: Uint8Array): Promise<void>
}

/** Progress of one model load. */
export interface ModelLoadProgress {
  modelId: string
  /** `cache`: read from the cache; `download`: fetching files; `verify`: hashing; `done`. */
  phase: 'cache' | 'download' | 'verify' | 'done'
  loaded: number
  total: number
}

/** Options for {@link loadModelBytes}. */
export interface LoadModelOptions {
  host: ModelHost
  cache?: ModelCache
  onProgress?: (progress: ModelLoadProgress) => void
}

/** The verified bytes of a model, and whether they came from the cache. */
export interface LoadedModelBytes {
  bytes: Uint8Array
  fromCache: boolean
}

/**
 * Gets a model's bytes: from the cache when it holds them, else by fetching every file. Each
 * file's size and SHA-256 and the whole model's SHA-256 are checked before the bytes are used
 * or cached; a mismatch is VitrineError `ai/hash-mismatch` (a cached copy that no longer
 * matches is dropped and fetched again).
 *
 * @example
 * ```ts
 * const { bytes } = await loadModelBytes(spec, { host, cache, onProgress: (p) => console.log(p.phase, p.loaded, p.total) })
 * ```
 */
export async function loadModelBytes(spec: ModelSpec, options: LoadModelOptions): Promise<LoadedModelBytes> {
  const { host, cache, onProgress } = options
  const report = (phase: ModelLoadProgress['phase'], loaded: number) => onProgress?.({ modelId: spec.id, phase, loaded, total: spec.bytes })
  if (cache) {
    const cached = await cache.get(spec.sha256).catch(() => undefined)
    if (cached && cached.length === spec.bytes && (await host.sha256(cached)) === spec.sha256) {
      report('cache', spec.bytes)
      report('done', spec.bytes)
      return { bytes: cached, fromCache: true }
    }
  }
  const parts: Uint8Array[] = []
  const hashes: string[] = []
  let done = 0
  for (const [index, file] of spec.files.entries()) {
    const path = `/files/${index}`
    let bytes: Uint8Array
    try {
      bytes = await host.fetchModelFile(file.url, (received) => report('download', done + received))
    } catch (error) {
      if (error instanceof VitrineError && error.code.startsWith('ai/')) throw error
      throw new VitrineError('ai/model-load-failed', `Model "${spec.id}": could not fetch ${file.url}: ${(error as Error).message}`, { path: `${path}/url`, cause: error })
    }
    if (bytes.length !== file.bytes) {
      throw mismatch(spec, `${path}/bytes`, `${file.url} is ${bytes.length} bytes`, String(file.bytes), String(bytes.length))
    }
    report('verify', done + bytes.length)
    const hash = await host.sha256(bytes)
    if (hash !== file.sha256) throw mismatch(spec, `${path}/sha256`, `${file.url} has SHA-256 ${hash}`, file.sha256, hash)
    done += bytes.length
    parts.push(bytes)
    hashes.push(hash)
  }
  const bytes = parts.length === 1 ? (parts[0] as Uint8Array) : concat(parts, done)
  const whole = parts.length === 1 ? (hashes[0] as string) : await host.sha256(bytes)
  if (whole !== spec.sha256) throw mismatch(spec, '/sha256', `its files together have SHA-256 ${whole}`, spec.sha256, whole)
  if (cache) await cache.set(spec.sha256, bytes).catch((error: unknown) => console.warn(`[vitrine] could not cache model ${spec.id}: ${(error as Error).message}`))
  report('done', spec.bytes)
  return { bytes, fromCache: false }
}

function mismatch(spec: ModelSpec, path: string, what: string, expected: string, found: string): VitrineError {
  return new VitrineError('ai/hash-mismatch', `Model "${spec.id}": ${what}, expected ${expected}; refusing to load it (a wrong or damaged file)`, {
    path,
    issues: [{ path, message: `${what}, expected ${expected}`, expected, found }],
  })
}

function concat(parts: Uint8Array[], total: number): Uint8Array {
  const out = new Uint8Array(total)
  let offset = 0
  for (const part of parts) {
    out.set(part, offset)
    offset += part.length
  }
  return out
}
