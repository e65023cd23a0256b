import { VitrineError } from '../errors/vitrine-error.js'
import type { Platform } from '../platform/platform.js'
import type { SceneFontRef } from '../scene/scene.js'
import { builtInFontFile } from './default-fonts.js'
import { readFontMetrics, type FontMetrics } from './font-metrics.js'

export interface FontLibraryOptions {
  /** Base URL of the built-in font files (`@vitrine/core/fonts/`), ending in `/`. */
  builtInBaseUrl: string
  /** Per-face load limit. Default 15 s. */
  timeoutMs?: number
}

const key = (f: SceneFontRef) => `${f.family}|${f.weight}|${f.style}`

/**
 * Loads font faces on demand and registers them with a platform, once each. Brand fonts are
 * added with {@link FontLibrary.add}; the built-in family is found under `builtInBaseUrl`.
 *
 * @example
 * ```ts
 * const fonts = new FontLibrary(platform, { builtInBaseUrl })
 * fonts.add({ family: 'Brand', weight: 700, style: 'normal' }, 'https://cdn.example/brand-bold.woff2')
 * await fonts.ensure(scene.fonts)
 * ```
 */
export class FontLibrary {
  private readonly sources = new Map<string, string>()
  private readonly loading = new Map<string, Promise<void>>()
  private readonly metrics = new Map<string, FontMetrics>()

  constructor(
    private readonly platform: Platform,
    private readonly options: FontLibraryOptions,
  ) {}

  /** Declares where a face's file is (URL the platform can fetch). */
  add(face: SceneFontRef, url: string): void {
    this.sources.set(key(face), url)
  }

  /** Registers the bytes of a face directly. */
  async addBytes(face: SceneFontRef, bytes: Uint8Array): Promise<void> {
    const k = key(face)
    const p = this.register(face, bytes)
    this.loading.set(k, p)
    await p
  }

  /** True when a face is known (built in, added, or registered). */
  has(face: SceneFontRef): boolean {
    return this.loading.has(key(face)) || this.sources.has(key(face)) || builtInFontFile(face) !== undefined
  }

  /** The faces of a family that are known, for picking the nearest weight. */
  facesOf(family: string): SceneFontRef[] {
    const out: SceneFontRef[] = []
    for (const k of new Set([...this.sources.keys(), ...this.loading.keys()])) {
      const [f, w, s] = k.split('|')
      if (f === family) out.push({ family, weight: Number(w), style: s as 'normal' | 'italic' })
    }
    return out
  }

  /** Ascent and descent read from the face's file, when it is TrueType/OpenType. */
  metricsOf(face: SceneFontRef): FontMetrics | undefined {
    return this.metrics.get(key(face))
  }

  private register(face: SceneFontRef, bytes: Uint8Array): Promise<void> {
    const m = readFontMetrics(bytes)
    if (m) this.metrics.set(key(face), m)
    return this.platform.registerFont({ ...face, bytes })
  }

  /** Loads and registers every face not yet registered. Rejects with `font/load-failed`. */
  async ensure(faces: readonly SceneFontRef[]): Promise<void> {
    await Promise.all(faces.map((face) => this.load(face)))
  }

  private load(face: SceneFontRef): Promise<void> {
    const k = key(face)
    let p = this.loading.get(k)
    if (p) return p
    const builtIn = builtInFontFile(face)
    const url = this.sources.get(k) ?? (builtIn ? this.options.builtInBaseUrl + builtIn : undefined)
    if (!url) {
      return Promise.reject(
        new VitrineError('font/load-failed', `No font file for ${face.family} ${face.weight} ${face.style}: add it to the template's "fonts" or register it`),
      )
    }
    p = this.platform
      .fetchBytes(url, { timeoutMs: this.options.timeoutMs ?? 15_000, maxBytes: 50 * 1024 * 1024 })
      .then((bytes) => this.register(face, bytes))
      .catch((error: unknown) => {
        this.loading.delete(k)
        throw new VitrineError('font/load-failed', `Could not load font ${face.family} ${face.weight} ${face.style} from ${url}: ${(error as Error).message}`, { cause: error })
      })
    this.loading.set(k, p)
    return p
  }
}
