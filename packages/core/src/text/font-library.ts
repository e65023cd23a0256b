import { VitrineError } from '../errors/vitrine-error.js'
import type { Platform } from '../platform/platform.js'
import type { SceneFontRef } from '../scene/scene.js'
import { CodePointSet, readCmapCoverage } from './code-point-set.js'
import { builtInFontFile } from './default-fonts.js'
import type { FallbackFamilyId } from './fallback-stack.js'
import { readFontMetrics, type FontMetrics } from './font-metrics.js'
import { forgetLayouts } from './kept-layouts.js'

export interface FontLibraryOptions {
  /** Base URL of the built-in font files (`@vitrine/core/fonts/`), ending in `/`. */
  builtInBaseUrl: string
  /** Per-file load limit (a face, or a fallback manifest). Default 15 s. */
  timeoutMs?: number
}

const key = (f: SceneFontRef) => `${f.family}|${f.weight}|${f.style}`

/** One fallback family's manifest (`fonts/fallback/<id>.json`, written at build). */
interface FallbackManifest {
  id: string
  family: string
  weights: number[]
  subsets: Record<string, string>
}

interface LoadedManifest {
  weights: number[]
  subsets: Array<{ name: string; covers: CodePointSet }>
  /** The subset found for each cluster asked about (null: none). */
  byCluster: Map<string, { name: string; covers: CodePointSet } | null>
}

// Fallback faces register under a family name of their own, one per subset file, so that
// neither Skia nor Chromium can answer for them with a system font of a similar name.
const FALLBACK_PREFIX = 'Vitrine Fallback '
const fallbackFamilyPattern = /^Vitrine Fallback ([a-z0-9-]+) ([a-z0-9-]+)$/

/**
 * Loads font faces on demand and registers them with a platform, once each. Brand fonts are
 * added with {@link FontLibrary.add}; the built-in family (Inter) is found under
 * `builtInBaseUrl`, and so is the fallback stack for other scripts (`fonts/fallback/`), whose
 * subset files load only when a text holds characters in them.
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
  private readonly coverage = new Map<string, CodePointSet | undefined>()
  private readonly manifests = new Map<string, Promise<LoadedManifest>>()
  private readonly fetched: string[] = []

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
    // New files for a face already here: the layouts made with the old ones no longer hold.
    if (this.loading.has(k)) forgetLayouts(this)
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

  /**
   * The code points a loaded face has glyphs for: read from its `cmap` (TrueType/OpenType), or
   * its subset's range (fallback faces). Undefined when unknown (a WOFF or WOFF2 brand font).
   */
  coverageOf(face: SceneFontRef): CodePointSet | undefined {
    return this.coverage.get(key(face))
  }

  /** URLs this library has fetched, in order: which font files a render really needed. */
  fetchedUrls(): readonly string[] {
    return this.fetched
  }

  private register(face: SceneFontRef, bytes: Uint8Array): Promise<void> {
    const m = readFontMetrics(bytes)
    if (m) this.metrics.set(key(face), m)
    if (!fallbackFamilyPattern.test(face.family)) this.coverage.set(key(face), readCmapCoverage(bytes))
    return this.platform.registerFont({ ...face, bytes })
  }

  /** Loads and registers every face not yet registered. Rejects with `font/load-failed`. */
  async ensure(faces: readonly SceneFontRef[]): Promise<void> {
    await Promise.all(faces.map((face) => this.load(face)))
  }

  /**
   * The fallback face of family `id` whose subset holds every code point of `cluster` (or, when
   * no subset holds them all, its first one), at the family's weight nearest to `weight`;
   * undefined when the family has no such subset. Loads the family's manifest, not the face.
   */
  async fallbackFace(id: FallbackFamilyId, cluster: string, weight: number): Promise<SceneFontRef | undefined> {
    const manifest = await this.manifest(id)
    let subset = manifest.byCluster.get(cluster)
    if (subset === undefined) {
      // Families split into a hundred subsets (Chinese, Japanese, Korean): search each cluster once.
      const first = cluster.codePointAt(0)!
      subset = manifest.subsets.find((s) => s.covers.hasAll(cluster)) ?? manifest.subsets.find((s) => s.covers.has(first)) ?? null
      if (manifest.byCluster.size > 50_000) manifest.byCluster.clear()
      manifest.byCluster.set(cluster, subset)
    }
    if (!subset) return undefined
    const nearest = manifest.weights.reduce((a, b) => (Math.abs(b - weight) < Math.abs(a - weight) ? b : a))
    const face: SceneFontRef = { family: `${FALLBACK_PREFIX}${id} ${subset.name}`, weight: nearest, style: 'normal' }
    this.coverage.set(key(face), subset.covers)
    return face
  }

  private manifest(id: string): Promise<LoadedManifest> {
    let p = this.manifests.get(id)
    if (p) return p
    const url = `${this.options.builtInBaseUrl}fallback/${id}.json`
    p = this.fetch(url)
      .then((bytes) => {
        const data = JSON.parse(new TextDecoder().decode(bytes)) as FallbackManifest
        return { weights: data.weights, subsets: Object.entries(data.subsets).map(([name, range]) => ({ name, covers: CodePointSet.fromUnicodeRange(range) })), byCluster: new Map() }
      })
      .catch((error: unknown) => {
        this.manifests.delete(id)
        throw new VitrineError('font/load-failed', `Could not load the fallback font list ${url}: ${this.reason(error)} (is @vitrine/core's fonts/ folder served?)`, { cause: error })
      })
    this.manifests.set(id, p)
    return p
  }

  private reason(error: unknown): string {
    if (error instanceof VitrineError && error.code === 'asset/timeout') return `no answer within ${this.options.timeoutMs ?? 15_000} ms (FontLibrary timeoutMs)`
    return (error as Error).message
  }

  private fetch(url: string): Promise<Uint8Array> {
    this.fetched.push(url)
    return this.platform.fetchBytes(url, { timeoutMs: this.options.timeoutMs ?? 15_000, maxBytes: 50 * 1024 * 1024 })
  }

  private load(face: SceneFontRef): Promise<void> {
    const k = key(face)
    let p = this.loading.get(k)
    if (p) return p
    const builtIn = builtInFontFile(face)
    const fallback = fallbackFamilyPattern.exec(face.family)
    const url =
      this.sources.get(k) ??
      (builtIn ? this.options.builtInBaseUrl + builtIn : fallback ? `${this.options.builtInBaseUrl}fallback/${fallback[1]}-${fallback[2]}-${face.weight}.woff2` : undefined)
    if (!url) {
      return Promise.reject(
        new VitrineError('font/load-failed', `No font file for ${face.family} ${face.weight} ${face.style}: add it to the template's "fonts" or register it`),
      )
    }
    p = this.fetch(url)
      .then((bytes) => this.register(face, bytes))
      .catch((error: unknown) => {
        this.loading.delete(k)
        throw new VitrineError('font/load-failed', `Could not load font ${face.family} ${face.weight} ${face.style} from ${url}: ${this.reason(error)}`, { cause: error })
      })
    this.loading.set(k, p)
    return p
  }
}
