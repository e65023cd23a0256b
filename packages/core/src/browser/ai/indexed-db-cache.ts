import { openDB, type IDBPDatabase } from 'idb'
import { decodeMask, encodeMask, type MaskStore } from '../../ai/mask-cache.js'
import type { ModelCache } from '../../ai/load-model-bytes.js'

const STORES = ['models', 'masks'] as const

/**
 * Verified model bytes and masks in IndexedDB (through `idb`), so a returning visitor downloads
 * no model and segments no picture twice. One database per name (default `vitrine-ai`).
 *
 * @example
 * ```ts
 * const { models, masks } = indexedDbAiCache()
 * ```
 */
export function indexedDbAiCache(name = 'vitrine-ai'): { models: ModelCache; masks: MaskStore; clear(): Promise<void> } {
  let db: Promise<IDBPDatabase> | undefined
  const open = () =>
    (db ??= openDB(name, 1, {
      upgrade(database) {
        for (const store of STORES) if (!database.objectStoreNames.contains(store)) database.createObjectStore(store)
      },
    }))
  return {
    models: {
      async get(sha256) {
        const value = (await (await open()).get('models', sha256)) as Uint8Array | undefined
        return value
      },
      async set(sha256, bytes) {
        await (await open()).put('models', bytes, sha256)
      },
    },
    masks: {
      async get(key) {
        const value = (await (await open()).get('masks', key)) as Uint8Array | undefined
        return value ? decodeMask(value) : undefined
      },
      async set(key, mask) {
        await (await open()).put('masks', encodeMask(mask), key)
      },
    },
    async clear() {
      const database = await open()
      for (const store of STORES) await database.clear(store)
    },
  }
}
