import { VitrineError } from '../errors/vitrine-error.js'
import type { FeedParseResult } from './feed-rows.js'
import { parseCsv } from './parse-csv.js'
import { parseJsonFeed, parseNdjsonFeed } from './parse-json-feed.js'

/** The feed syntaxes Vitrine reads. */
export type FeedFormat = 'csv' | 'tsv' | 'json' | 'ndjson'

/** Options for {@link parseFeed}. */
export interface ParseFeedOptions {
  /** The file's name or URL; its extension picks the syntax (`.csv`, `.tsv`, `.json`, `.ndjson`, `.jsonl`). */
  fileName?: string
  /** Forces the syntax; otherwise the extension decides, then the content. */
  format?: FeedFormat
}

/** {@link FeedParseResult} plus the syntax that was read. */
export interface ParsedFeed extends FeedParseResult {
  format: FeedFormat
}

const EXTENSIONS: Record<string, FeedFormat> = { csv: 'csv', tsv: 'tsv', tab: 'tsv', json: 'json', ndjson: 'ndjson', jsonl: 'ndjson' }

/**
 * Reads a product feed — CSV, TSV, JSON (an array of objects or `{ "rows": [...] }`) or NDJSON —
 * into raw rows. Rows that cannot be read are returned in `errors` and the others still come
 * back; a feed that cannot be read at all (invalid JSON, a bad CSV header, bytes that are not
 * UTF-8) throws a `data/invalid` VitrineError.
 *
 * @example
 * ```ts
 * const feed = parseFeed(await readFile('products.csv'), { fileName: 'products.csv' })
 * for (const row of feed.rows) bindRow(template, row)
 * for (const failure of feed.errors) console.error(failure.error.message)
 * ```
 */
export function parseFeed(input: string | Uint8Array, options: ParseFeedOptions = {}): ParsedFeed {
  const text = typeof input === 'string' ? input : decodeFeedText(input, options.fileName)
  const format = options.format ?? formatFromName(options.fileName) ?? sniffFormat(text)
  switch (format) {
    case 'csv':
      return { format, ...parseCsv(text) }
    case 'tsv':
      return { format, ...parseCsv(text, { delimiter: '\t' }) }
    case 'json':
      return { format, ...parseJsonFeed(text) }
    case 'ndjson':
      return { format, ...parseNdjsonFeed(text) }
  }
}

/**
 * Decodes a feed file's bytes: UTF-8 (with or without BOM) or UTF-16 with a BOM. Other
 * encodings are refused with the byte offset of the first bad sequence, rather than read
 * as garbled text.
 */
export function decodeFeedText(bytes: Uint8Array, fileName?: string): string {
  const name = fileName ? ` ${JSON.stringify(fileName)}` : ''
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2))
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2))
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch (error) {
    const offset = firstInvalidUtf8(bytes)
    throw new VitrineError(
      'data/invalid',
      `The feed${name} is not UTF-8 text: invalid byte 0x${(bytes[offset] ?? 0).toString(16).padStart(2, '0')} at byte ${offset}; save it as UTF-8 (e.g. "CSV UTF-8" in spreadsheet apps)`,
      { cause: error },
    )
  }
}

function formatFromName(fileName: string | undefined): FeedFormat | undefined {
  if (!fileName) return undefined
  const name = fileName.replace(/[?#].*$/, '')
  const dot = name.lastIndexOf('.')
  return dot === -1 ? undefined : EXTENSIONS[name.slice(dot + 1).toLowerCase()]
}

function sniffFormat(text: string): FeedFormat {
  const body = text.replace(/^\uFEFF/, '').trimStart()
  if (body.startsWith('[')) return 'json'
  if (!body.startsWith('{')) return 'csv'
  try {
    JSON.parse(body)
    return 'json'
  } catch {
    const first = body.split(/\r\n|\r|\n/, 1)[0] ?? ''
    try {
      JSON.parse(first)
      return 'ndjson'
    } catch {
      return 'json'
    }
  }
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i] as number
    const extra = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1
    if (extra < 0) return i
    for (let k = 1; k <= extra; k++) if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return i
    i += extra + 1
  }
  return 0
}
