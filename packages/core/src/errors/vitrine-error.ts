/**
 * Machine-readable error codes. The docs explain each one (docs/errors.md).
 */
export type VitrineErrorCode =
  | 'template/invalid-json'
  | 'template/invalid'
  | 'template/newer-version'
  | 'template/unknown-version'
  | 'data/invalid'
  | 'data/missing-required'
  | 'data/wrong-type'
  | 'data/ragged-row'
  | 'data/duplicate-id'
  | 'format/unknown'
  | 'asset/forbidden'
  | 'asset/not-found'
  | 'asset/timeout'
  | 'asset/too-large'
  | 'asset/corrupt'
  | 'asset/unsupported'
  | 'font/load-failed'
  | 'render/failed'
  | 'encode/failed'
  | 'output/no-space'
  | 'video/over-limit'
  | 'video/unsupported'
  | 'ai/invalid-model'
  | 'ai/unknown-model'
  | 'ai/hash-mismatch'
  | 'ai/model-load-failed'
  | 'ai/unsupported-input'
  | 'ai/inference-failed'
  | 'ai/timeout'
  | 'ai/unavailable'
  | 'locale/unknown'
  | 'market/unknown'
  | 'message/invalid'
  | 'message/missing-variable'
  | 'catalog/invalid'
  | 'translator/failed'
  | 'try-on/catalog-invalid'
  | 'try-on/unknown-sku'
  | 'try-on/no-face'
  | 'try-on/photo-unreadable'
  | 'try-on/product-failed'
  | 'try-on/model-failed'
  | 'try-on/camera-denied'
  | 'try-on/camera-unavailable'
  | 'try-on/webgl-unavailable'
  | 'lint/invalid-pack'
  | 'lint/unknown-rule'
  | 'lint/unknown-platform'
  | 'lint/no-pixels'
  | 'lint/failed'
  | 'usage'

/** One problem found in an input: where it is (a JSON pointer), what was expected and what was found. */
export interface VitrineIssue {
  /** JSON pointer into the document or data row, e.g. `/layers/3/text`. */
  path: string
  message: string
  expected?: string
  found?: string
  /** The problem's own code, where one error lists problems of several kinds (a data row's). */
  code?: VitrineErrorCode
}

/** Options for {@link VitrineError}. */
export interface VitrineErrorOptions {
  path?: string
  issues?: VitrineIssue[]
  cause?: unknown
}

/**
 * The one error type Vitrine throws for bad input. It always says what was wrong and where.
 *
 * @example
 * ```ts
 * try { parseTemplate(json) } catch (e) {
 *   if (e instanceof VitrineError) console.error(e.code, e.path, e.message)
 * }
 * ```
 */
export class VitrineError extends Error {
  override readonly name = 'VitrineError'
  readonly code: VitrineErrorCode
  /** JSON pointer of the offending field, `''` for the whole input. */
  readonly path: string
  readonly issues: VitrineIssue[]

  constructor(code: VitrineErrorCode, message: string, options: VitrineErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause })
    this.code = code
    this.path = options.path ?? options.issues?.[0]?.path ?? ''
    this.issues = options.issues ?? []
  }

  /** A plain object for manifests and JSON output. */
  toJSON(): { code: VitrineErrorCode; message: string; path: string; issues?: VitrineIssue[] } {
    return this.issues.length > 1
      ? { code: this.code, message: this.message, path: this.path, issues: this.issues }
      : { code: this.code, message: this.message, path: this.path }
  }
}

/** Escape one segment of a JSON pointer (RFC 6901). */
export function pointerSegment(segment: string | number): string {
  return String(segment).replace(/~/g, '~0').replace(/\//g, '~1')
}

/** Join segments into a JSON pointer. */
export function toPointer(segments: ReadonlyArray<string | number>): string {
  return segments.map((s) => '/' + pointerSegment(s)).join('')
}

/** A short, printable description of a found value for error messages. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing'
  if (value === null) return 'null'
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? value.slice(0, 57) + '...' : value)
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  if (Array.isArray(value)) return `an array of ${value.length}`
  return 'an object'
}
