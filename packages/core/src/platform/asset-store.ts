import { VitrineError, type VitrineErrorCode } from '../errors/vitrine-error.js'
import { resolveAssetUrl } from './asset-url.js'
import { readImageSize, sniffFileType } from './image-size.js'
import type { DecodedImage, Platform, Surface, SurfaceOptions } from './platform.js'
import { measureContentBounds, type PixelRect } from './content-bounds.js'

/** Limits and locations for loading assets (images, fonts) named by templates and data rows. */
export interface AssetPolicy {
  /** URL that relative sources resolve against (the data file's folder as a `file:` URL in Node, the page in browsers). Ends with `/`. */
  baseUrl: string
  /** Relative sources and `file:` URLs must be inside one of these folder URLs (default: the folder of baseUrl). */
  allowedRoots?: string[]
  /** Per-fetch time limit, default 10 s. */
  timeoutMs?: number
  /** Per-asset byte limit, default 25 MB. */
  maxBytes?: number
  /** Refuse pictures with more pixels than this, default 50 megapixels. */
  maxPixels?: number
  /** Accept `data:image/...` URLs (still bound by maxBytes). Default true. */
  allowDataUrls?: boolean
  /**
   * After {@link SLOW_HOST_TIMEOUTS} fetches in a row from one host (`https://cdn.example:443`)
   * time out, its other files fail at once (`asset/timeout`, saying why) for this long instead
   * of each waiting `timeoutMs`; then the host is asked again, and one answer in time ends the
   * pause. So a host that is down costs a batch seconds, not `timeoutMs` per row. Default
   * 60 s; 0 asks every time.
   */
  slowHostPauseMs?: number
}

/** Fetches in a row from one host that time out before its files fail at once (see AssetPolicy.slowHostPauseMs). */
export const SLOW_HOST_TIMEOUTS = 3

/** Bounds on the decoded-image cache. The most recently used entries are kept. */
export interface AssetCacheOptions {
  /** At most this many decoded images, default 64. */
  maxImages?: number
  /** At most this many decoded pixels in all (4 bytes each), default 40 million (~160 MB). */
  maxPixels?: number
  /**
   * This many most recent images are never evicted, whatever their size, so that a scene
   * resolved a moment ago still finds its pictures while a few other renders run. Default 8.
   */
  keepRecent?: number
}

/** Counters, for tests and reports. */
export interface AssetStoreStats {
  fetches: number
  decodes: number
  hits: number
  evictions: number
  cachedImages: number
  cachedPixels: number
}

interface CacheEntry {
  image: DecodedImage
  pixels: number
  /** Where its visible pixels are, measured the first time it is asked for. */
  bounds?: PixelRect
}

const DEFAULTS = { timeoutMs: 10_000, maxBytes: 25 * 1024 * 1024, maxPixels: 50_000_000, slowHostPauseMs: 60_000 }
const MAX_REMEMBERED_FAILURES = 512

/**
 * Loads images once and keeps them decoded, by resolved URL: the same product photo drawn in
 * ten formats is fetched and decoded once, and concurrent loads share one promise. Sources are
 * checked against the {@link AssetPolicy} first; the header is read before decoding so a huge or
 * non-image file is refused before it costs memory. The cache is bounded (least recently used
 * out first), so long batches keep a flat memory profile. Failures are remembered too, so a
 * missing file or a slow host costs one attempt per batch.
 *
 * Every error is a VitrineError whose path is the JSON pointer given by the caller and whose
 * message names the source: `asset/forbidden`, `asset/not-found`, `asset/timeout`,
 * `asset/too-large`, `asset/unsupported` or `asset/corrupt`.
 *
 * @example
 * ```ts
 * const assets = new AssetStore(platform, { baseUrl: 'file:///shop/feed/' })
 * const { key, image } = await assets.loadImage('images/mug.png', '/rows/3/image')
 * assets.get(key) === image // true, until evicted
 * ```
 */
export class AssetStore {
  /** The policy with its defaults filled in. */
  readonly policy: Readonly<Required<Omit<AssetPolicy, 'allowedRoots'>> & Pick<AssetPolicy, 'allowedRoots'>>
  private readonly cacheLimits: Required<AssetCacheOptions>
  private readonly entries = new Map<string, CacheEntry>()
  private readonly inflight = new Map<string, Promise<DecodedImage>>()
  private readonly failures = new Map<string, VitrineError>()
  /** Hosts whose last fetches timed out: how many in a row, and until when they are not asked. */
  private readonly slowHosts = new Map<string, { timeouts: number; pausedUntil: number }>()
  private cachedPixels = 0
  private readonly counters = { fetches: 0, decodes: 0, hits: 0, evictions: 0 }

  constructor(
    private readonly platform: Platform,
    policy: AssetPolicy,
    cache: AssetCacheOptions = {},
  ) {
    this.policy = {
      baseUrl: policy.baseUrl,
      allowedRoots: policy.allowedRoots,
      timeoutMs: policy.timeoutMs ?? DEFAULTS.timeoutMs,
      maxBytes: policy.maxBytes ?? DEFAULTS.maxBytes,
      maxPixels: policy.maxPixels ?? DEFAULTS.maxPixels,
      allowDataUrls: policy.allowDataUrls ?? true,
      slowHostPauseMs: policy.slowHostPauseMs ?? DEFAULTS.slowHostPauseMs,
    }
    this.cacheLimits = { maxImages: cache.maxImages ?? 64, maxPixels: cache.maxPixels ?? 40_000_000, keepRecent: cache.keepRecent ?? 8 }
  }

  /** A scratch surface from this store's platform, for effects `renderFrame` draws off-screen. */
  createSurface(width: number, height: number, options?: SurfaceOptions): Surface {
    return this.platform.createSurface(width, height, options)
  }

  /**
   * The smallest rectangle of a cached picture that holds all its pixels that are not fully
   * transparent (in the picture's pixels; empty for an all-transparent one), measured once and
   * kept with the picture. `renderFrame` draws only that part of a cut-out, and its shadow.
   * Undefined when the key is not cached.
   */
  contentBounds(key: string): PixelRect | undefined {
    const entry = this.entries.get(key)
    if (!entry) return undefined
    entry.bounds ??= measureContentBounds(entry.image.source, entry.image.width, entry.image.height, (w, h, o) => this.platform.createSurface(w, h, o))
    return entry.bounds
  }

  /** Resolves a source against the policy, or throws VitrineError asset/forbidden. Idempotent: a resolved URL resolves to itself. */
  resolveUrl(src: string, path: string): string {
    return resolveAssetUrl(src, this.policy, path)
  }

  /**
   * Loads (once) and returns the decoded image and its cache key (the resolved URL, which
   * Scene nodes carry). `path` is the JSON pointer used in errors, e.g. `/rows/3/image`.
   * Loading a key again after it was evicted loads it anew.
   */
  async loadImage(src: string, path: string): Promise<{ key: string; image: DecodedImage }> {
    const key = this.resolveUrl(src, path)
    const cached = this.entries.get(key)
    if (cached) {
      this.counters.hits++
      this.touch(key, cached)
      return { key, image: cached.image }
    }
    const failure = this.failures.get(key)
    if (failure) throw located(failure, src, path)
    let pending = this.inflight.get(key)
    if (pending) this.counters.hits++
    else {
      pending = this.fetchAndDecode(key)
      this.inflight.set(key, pending)
      pending.then(
        (image) => {
          this.inflight.delete(key)
          this.store(key, image)
        },
        (error: unknown) => {
          this.inflight.delete(key)
          this.rememberFailure(key, error)
        },
      )
    }
    try {
      return { key, image: await pending }
    } catch (error) {
      throw located(asVitrineError(error), src, path)
    }
  }

  /**
   * Fetches a file's bytes under the policy (for fonts and other non-image assets); not cached.
   * Rejects like {@link AssetStore.loadImage}, with `path` in its errors.
   */
  async loadBytes(src: string, path: string): Promise<{ url: string; bytes: Uint8Array }> {
    const url = this.resolveUrl(src, path)
    try {
      return { url, bytes: await this.fetch(url) }
    } catch (error) {
      throw located(asVitrineError(error), src, path)
    }
  }

  /** The decoded image for a key returned by {@link AssetStore.loadImage}, if it is still cached. */
  get(key: string): DecodedImage | undefined {
    const entry = this.entries.get(key)
    if (entry) this.touch(key, entry)
    return entry?.image
  }

  /**
   * Keeps a picture made from others (a cut-out, a blurred backdrop) under its own key, so that
   * scenes draw it like any loaded picture. It counts toward the cache limits like the rest.
   */
  adopt(key: string, image: DecodedImage): void {
    this.store(key, image)
  }

  /** True when a key is cached. */
  has(key: string): boolean {
    return this.entries.has(key)
  }

  /** Forgets every cached image and failure. Images are not closed: a render may still hold one. */
  clear(): void {
    this.entries.clear()
    this.failures.clear()
    this.cachedPixels = 0
  }

  /** Cache and traffic counters. */
  get stats(): AssetStoreStats {
    return { ...this.counters, cachedImages: this.entries.size, cachedPixels: this.cachedPixels }
  }

  private async fetchAndDecode(url: string): Promise<DecodedImage> {
    const bytes = await this.fetch(url)
    if (bytes.length === 0) throw new VitrineError('asset/corrupt', 'the file is empty')
    const size = readImageSize(bytes)
    if (size === undefined) throw unreadable(bytes)
    const pixels = size.width * size.height
    if (pixels > this.policy.maxPixels) {
      throw new VitrineError(
        'asset/too-large',
        `the ${size.type.toUpperCase()} is ${size.width}x${size.height} (${megapixels(pixels)} MP), more than the limit of ${megapixels(this.policy.maxPixels)} MP`,
      )
    }
    this.counters.decodes++
    try {
      return await this.platform.decodeImage(bytes)
    } catch (error) {
      if (error instanceof VitrineError) throw error
      throw new VitrineError('asset/corrupt', `the ${size.type.toUpperCase()} could not be decoded: ${(error as Error)?.message ?? String(error)}`, { cause: error })
    }
  }

  private async fetch(url: string): Promise<Uint8Array> {
    const maxBytes = this.policy.maxBytes
    if (url.startsWith('data:')) return decodeDataUrl(url, maxBytes)
    const host = remoteHost(url)
    const slow = host === undefined ? undefined : this.slowHosts.get(host)
    if (slow !== undefined && this.platform.now() < slow.pausedUntil) {
      const seconds = Math.ceil((slow.pausedUntil - this.platform.now()) / 1000)
      throw new VitrineError(
        'asset/timeout',
        `${url} was not asked for: ${host} did not answer within ${this.policy.timeoutMs} ms for ${slow.timeouts} files in a row, so it is left alone for ${seconds} s more`,
      )
    }
    this.counters.fetches++
    let bytes: Uint8Array
    try {
      bytes = await this.platform.fetchBytes(url, { timeoutMs: this.policy.timeoutMs, maxBytes })
    } catch (error) {
      if (host !== undefined && error instanceof VitrineError && error.code === 'asset/timeout') this.timedOut(host)
      throw error
    }
    if (host !== undefined) this.slowHosts.delete(host)
    if (bytes.length > maxBytes) throw tooManyBytes(bytes.length, maxBytes)
    return bytes
  }

  /** Counts a timeout from a host; the SLOW_HOST_TIMEOUTS-th in a row (and each after) pauses it. */
  private timedOut(host: string): void {
    const slow = this.slowHosts.get(host) ?? { timeouts: 0, pausedUntil: 0 }
    slow.timeouts++
    if (slow.timeouts >= SLOW_HOST_TIMEOUTS && this.policy.slowHostPauseMs > 0) slow.pausedUntil = this.platform.now() + this.policy.slowHostPauseMs
    this.slowHosts.set(host, slow)
  }

  private store(key: string, image: DecodedImage): void {
    if (this.entries.has(key)) return
    const pixels = image.width * image.height
    this.entries.set(key, { image, pixels })
    this.cachedPixels += pixels
    const { maxImages, maxPixels, keepRecent } = this.cacheLimits
    // Map order is insertion order, and touch() re-inserts: the first key is the least recently used.
    while (this.entries.size > keepRecent && (this.entries.size > maxImages || this.cachedPixels > maxPixels)) {
      const [oldest, entry] = this.entries.entries().next().value as [string, CacheEntry]
      this.entries.delete(oldest)
      this.cachedPixels -= entry.pixels
      this.counters.evictions++
    }
  }

  private touch(key: string, entry: CacheEntry): void {
    this.entries.delete(key)
    this.entries.set(key, entry)
  }

  private rememberFailure(key: string, error: unknown): void {
    this.failures.set(key, asVitrineError(error))
    if (this.failures.size > MAX_REMEMBERED_FAILURES) {
      const oldest = this.failures.keys().next().value as string
      this.failures.delete(oldest)
    }
  }
}

function asVitrineError(error: unknown): VitrineError {
  if (error instanceof VitrineError) return error
  const message = error instanceof Error ? error.message : String(error)
  return new VitrineError('asset/not-found', message, { cause: error })
}

/** The same error, told from the point of view of the field that asked for the asset. */
function located(error: VitrineError, src: string, path: string): VitrineError {
  if (error.code === 'asset/forbidden') return error.path === path ? error : new VitrineError(error.code, error.message, { path, cause: error })
  const shown = JSON.stringify(src.length > 80 ? src.slice(0, 77) + '...' : src)
  const where = path ? `${path}: ` : ''
  const message = `${where}image ${shown}: ${describeCode(error.code)}: ${error.message}`
  return new VitrineError(error.code, message, {
    path,
    cause: error,
    issues: [{ path, message: error.message, expected: 'a reachable PNG, JPEG, WebP or GIF within the limits', found: shown }],
  })
}

function describeCode(code: VitrineErrorCode): string {
  switch (code) {
    case 'asset/not-found':
      return 'could not be loaded'
    case 'asset/timeout':
      return 'took too long'
    case 'asset/too-large':
      return 'is too large'
    case 'asset/unsupported':
      return 'is not a supported image'
    case 'asset/corrupt':
      return 'is damaged'
    default:
      return 'failed'
  }
}

/** Explains bytes that have no readable PNG/JPEG/WebP/GIF header. */
function unreadable(bytes: Uint8Array): VitrineError {
  const type = sniffFileType(bytes)
  if (type === 'png' || type === 'jpeg' || type === 'webp' || type === 'gif') {
    return new VitrineError('asset/corrupt', `the ${type.toUpperCase()} header is truncated or damaged`)
  }
  const supported = 'Vitrine reads PNG, JPEG, WebP and GIF'
  if (type !== undefined) return new VitrineError('asset/unsupported', `it is a ${type.toUpperCase()} file; ${supported}`)
  const head = bytes.subarray(0, 16)
  const printable = head.every((b) => b === 9 || b === 10 || b === 13 || (b >= 32 && b < 127))
  const start = printable
    ? `text starting ${JSON.stringify(new TextDecoder().decode(head))}`
    : `bytes starting ${[...head.subarray(0, 8)].map((b) => b.toString(16).padStart(2, '0')).join(' ')}`
  return new VitrineError('asset/unsupported', `it is not an image (found ${start}); ${supported}`)
}

function tooManyBytes(size: number, maxBytes: number): VitrineError {
  return new VitrineError('asset/too-large', `it is ${size} bytes or more, over the limit of ${maxBytes} bytes`)
}

function megapixels(pixels: number): string {
  return (pixels / 1e6).toFixed(1).replace(/\.0$/, '')
}

/** Decodes a `data:` URL's payload (base64 or percent-encoded), refusing it early when over maxBytes. */
function decodeDataUrl(url: string, maxBytes: number): Uint8Array {
  const comma = url.indexOf(',')
  if (comma === -1) throw new VitrineError('asset/corrupt', 'the data: URL has no comma before its data')
  const meta = url.slice(5, comma)
  const payload = url.slice(comma + 1)
  if (/;base64$/i.test(meta)) {
    const clean = payload.replace(/%([0-9a-f]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16))).replace(/\s+/g, '')
    if (Math.floor((clean.length * 3) / 4) > maxBytes + 2) throw tooManyBytes(Math.floor((clean.length * 3) / 4), maxBytes)
    const bytes = decodeBase64(clean)
    if (bytes === undefined) throw new VitrineError('asset/corrupt', 'the data: URL is not valid base64')
    if (bytes.length > maxBytes) throw tooManyBytes(bytes.length, maxBytes)
    return bytes
  }
  if (payload.length > maxBytes * 3) throw tooManyBytes(payload.length, maxBytes)
  const out: number[] = []
  const encoder = new TextEncoder()
  for (let i = 0; i < payload.length; i++) {
    const char = payload[i] as string
    if (char === '%' && /^[0-9a-f]{2}$/i.test(payload.slice(i + 1, i + 3))) {
      out.push(parseInt(payload.slice(i + 1, i + 3), 16))
      i += 2
    } else out.push(...encoder.encode(char))
  }
  if (out.length > maxBytes) throw tooManyBytes(out.length, maxBytes)
  return Uint8Array.from(out)
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'

function decodeBase64(text: string): Uint8Array | undefined {
  const body = text.replace(/=+$/, '').replace(/-/g, '+').replace(/_/g, '/')
  if (!/^[A-Za-z0-9+/]*$/.test(body) || body.length % 4 === 1) return undefined
  const out = new Uint8Array(Math.floor((body.length * 3) / 4))
  let bits = 0
  let buffer = 0
  let o = 0
  for (let i = 0; i < body.length; i++) {
    buffer = (buffer << 6) | BASE64.indexOf(body[i] as string)
    bits += 6
    if (bits >= 8) {
      bits -= 8
      out[o++] = (buffer >> bits) & 0xff
    }
  }
  return out
}

/** The origin of an http(s) URL (`https://cdn.example`), or undefined for files and data. */
function remoteHost(url: string): string | undefined {
  if (!url.startsWith('http:') && !url.startsWith('https:')) return undefined
  try {
    return new URL(url).origin
  } catch {
    return undefined
  }
}
