import { createHash } from 'node:crypto'
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises'
import { homedir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { decodeMask, encodeMask, type Mask, type MaskStore, type ModelCache, type ModelHost } from '@vitrine/core'
import { fetchBytes } from '../fetch-bytes.js'

/**
 * The cache folder: `$VITRINE_CACHE_DIR`, else `$XDG_CACHE_HOME/vitrine`, else `~/.cache/vitrine`.
 */
export function defaultCacheDir(): string {
  return process.env.VITRINE_CACHE_DIR ?? join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'vitrine')
}

/**
 * Gets model files for Node: paths and `file:` URLs from disk, `http(s):` URLs over the network
 * (2 GB and 10 minutes at most), resolved against `baseUrl` (a folder URL, e.g. a manifest's
 * folder). Hashes with node:crypto.
 *
 * @example
 * ```ts
 * const host = nodeModelHost(pathToFileURL('/srv/models/').href)
 * ```
 */
export function nodeModelHost(baseUrl: string = pathToFileURL(process.cwd() + '/').href): ModelHost {
  return {
    async fetchModelFile(url, onBytes) {
      const bytes = await fetchBytes(new URL(url, baseUrl).href, { timeoutMs: 600_000, maxBytes: 2 ** 31 - 1 })
      onBytes?.(bytes.length)
      return bytes
    },
    async sha256(bytes) {
      return createHash('sha256').update(bytes).digest('hex')
    },
  }
}

async function writeAtomically(file: string, bytes: Uint8Array): Promise<void> {
  const temp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`
  await writeFile(temp, bytes)
  await rename(temp, file)
}

/** A {@link ModelCache} in a folder (`<dir>/models/<sha256>.onnx`). */
export function folderModelCache(dir: string = defaultCacheDir()): ModelCache {
  const folder = join(dir, 'models')
  return {
    async get(sha256) {
      return readFile(join(folder, `${sha256}.onnx`)).then((b) => new Uint8Array(b.buffer, b.byteOffset, b.byteLength)).catch(() => undefined)
    },
    async set(sha256, bytes) {
      await mkdir(folder, { recursive: true })
      await writeAtomically(join(folder, `${sha256}.onnx`), bytes)
    },
  }
}

/**
 * A {@link MaskStore} in a folder (`<dir>/masks/<key>.mask`): worker threads and later runs
 * share masks, so a product photo is segmented once per model.
 */
export function folderMaskStore(dir: string = defaultCacheDir()): MaskStore {
  const folder = join(dir, 'masks')
  const fileOf = (key: string) => join(folder, `${key.replace(/[^a-zA-Z0-9._-]+/g, '_')}.mask`)
  return {
    async get(key): Promise<Mask | undefined> {
      const bytes = await readFile(fileOf(key)).catch(() => undefined)
      return bytes ? decodeMask(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength)) : undefined
    },
    async set(key, mask) {
      await mkdir(folder, { recursive: true })
      await writeAtomically(fileOf(key), encodeMask(mask))
    },
  }
}
