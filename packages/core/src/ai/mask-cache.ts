import type { Mask } from './mask.js'

/** Where masks persist between runs (a folder in Node, IndexedDB in browsers), by content key. */
export interface MaskStore {
  get(key: string): Promise<Mask | undefined>
  set(key: string, mask: Mask): Promise<void>
}

/** Where a mask came from. */
export type MaskSource = 'memory' | 'store' | 'computed'

/** Counters, for tests and benchmarks. */
export interface MaskCacheStats {
  memoryHits: number
  storeHits: number
  computed: number
  entries: number
}

/**
 * Masks by content key (model + SHA-256 of the pixels it saw): in memory (least recently used
 * out first), then in an optional persistent {@link MaskStore}; concurrent requests for one key
 * share one computation. So ten formats × twenty locales of one product run the model once.
 *
 * @example
 * ```ts
 * const masks = new MaskCache({ maxEntries: 64, store })
 * const { mask, source } = await masks.getOrCompute(key, () => segment(pixels))
 * ```
 */
export class MaskCache {
  private readonly entries = new Map<string, Mask>()
  private readonly inflight = new Map<string, Promise<Mask>>()
  private readonly counters = { memoryHits: 0, storeHits: 0, computed: 0 }
  private readonly maxEntries: number
  private readonly store: MaskStore | undefined

  constructor(options: { maxEntries?: number; store?: MaskStore } = {}) {
    this.maxEntries = options.maxEntries ?? 64
    this.store = options.store
  }

  /** The mask for `key`, computing (and storing) it only when neither memory nor the store has it. */
  async getOrCompute(key: string, compute: () => Promise<Mask>): Promise<{ mask: Mask; source: MaskSource }> {
    const hit = this.entries.get(key)
    if (hit) {
      this.counters.memoryHits++
      this.entries.delete(key)
      this.entries.set(key, hit)
      return { mask: hit, source: 'memory' }
    }
    const pending = this.inflight.get(key)
    if (pending) {
      this.counters.memoryHits++
      return { mask: await pending, source: 'memory' }
    }
    let source: MaskSource = 'computed'
    const work = (async () => {
      const stored = this.store ? await this.store.get(key).catch(() => undefined) : undefined
      if (stored) {
        source = 'store'
        this.counters.storeHits++
        return stored
      }
      const mask = await compute()
      this.counters.computed++
      if (this.store) await this.store.set(key, mask).catch((error: unknown) => console.warn(`[vitrine] could not store mask ${key}: ${(error as Error).message}`))
      return mask
    })()
    this.inflight.set(key, work)
    try {
      const mask = await work
      this.remember(key, mask)
      return { mask, source }
    } finally {
      this.inflight.delete(key)
    }
  }

  /** The mask in memory for `key`, if any. */
  peek(key: string): Mask | undefined {
    return this.entries.get(key)
  }

  get stats(): MaskCacheStats {
    return { ...this.counters, entries: this.entries.size }
  }

  private remember(key: string, mask: Mask): void {
    this.entries.set(key, mask)
    while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value as string)
  }
}

/** Encodes a mask as bytes for a store: 8-byte header (`VMSK`, width and height as uint16 LE) then one byte per pixel. */
export function encodeMask(mask: Mask): Uint8Array {
  const out = new Uint8Array(8 + mask.data.length)
  out.set([0x56, 0x4d, 0x53, 0x4b, mask.width & 0xff, mask.width >> 8, mask.height & 0xff, mask.height >> 8])
  out.set(mask.data, 8)
  return out
}

/** Decodes {@link encodeMask}'s bytes; undefined when they are not a mask. */
export function decodeMask(bytes: Uint8Array): Mask | undefined {
  if (bytes.length < 8 || bytes[0] !== 0x56 || bytes[1] !== 0x4d || bytes[2] !== 0x53 || bytes[3] !== 0x4b) return undefined
  const width = (bytes[4] as number) | ((bytes[5] as number) << 8)
  const height = (bytes[6] as number) | ((bytes[7] as number) << 8)
  if (bytes.length !== 8 + width * height) return undefined
  return { width, height, data: bytes.slice(8) }
}
