import { readFile } from 'node:fs/promises'
import { dirname, resolve as resolvePath } from 'node:path'
import { pathToFileURL } from 'node:url'
import {
  VitrineError,
  bindRow,
  describeRow,
  idColumnOf,
  parseFeed,
  parseTemplate,
  pointerSegment,
  readRowId,
  type AssetPolicy,
  type BoundValues,
  type ParsedFeed,
  type Template,
} from '@vitrine/core'
import { anchorTemplateUrls } from './anchor-template-urls.js'
import { formatRowRanges, inRowRanges, type RowRange } from './row-selection.js'

/**
 * Reads a file a command was given, or throws VitrineError `usage` naming it and why (`no such
 * file`, `it is a folder, expected a file`, `permission denied`).
 */
export async function readInput(path: string, what: string): Promise<Uint8Array> {
  try {
    return await readFile(path)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    const why =
      code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder, expected a file' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : (error as Error).message
    throw new VitrineError('usage', `Cannot read the ${what} ${path}: ${why}`, { cause: error })
  }
}

/** `file:///shop/feed/`: a folder's URL, ending in `/` so that relative paths resolve inside it. */
export function folderUrl(folder: string): string {
  const href = pathToFileURL(folder).href
  return href.endsWith('/') ? href : href + '/'
}

/** Reads, migrates and validates a template file; its relative font and picture URLs are made absolute against its folder. */
export async function readTemplateFile(path: string): Promise<Template> {
  return anchorTemplateUrls(parseTemplate(new TextDecoder().decode(await readInput(path, 'template'))), folderUrl(dirname(path)))
}

/** The `data` that names standard input. */
export const STDIN_DATA = '-'

/**
 * Reads and parses a feed (CSV, TSV, JSON or NDJSON, by its name, else its content): a file, or
 * standard input for `-`.
 */
export async function readFeedFile(data: string): Promise<ParsedFeed> {
  if (data === STDIN_DATA) return parseFeed(await readStandardInput())
  const path = resolvePath(data)
  return parseFeed(await readInput(path, 'data file'), { fileName: path })
}

/** The folder a feed's relative picture paths resolve against: its file's, or the working folder for standard input. */
export function feedFolder(data: string): string {
  return data === STDIN_DATA ? process.cwd() : dirname(resolvePath(data))
}

async function readStandardInput(): Promise<Uint8Array> {
  if (process.stdin.isTTY) {
    throw new VitrineError('usage', 'The feed is to come from standard input (--data -), which is a terminal: pipe the feed in, e.g. `cat feed.csv | vitrine render card.json --data - …`')
  }
  const chunks: Buffer[] = []
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}

/** The limits a batch puts on the pictures, clips and fonts it reads (see AssetPolicy). */
export type BatchLimits = Pick<AssetPolicy, 'timeoutMs' | 'maxBytes' | 'maxPixels' | 'slowHostPauseMs'>

/**
 * Where a batch may read pictures from: paths in the feed are relative to its folder, and only
 * files under the feed's or the template's folder may be read.
 */
export function batchAssetPolicy(dataFolder: string, templatePath: string, limits?: BatchLimits): AssetPolicy {
  const base = folderUrl(dataFolder)
  return { ...limits, baseUrl: base, allowedRoots: [...new Set([base, folderUrl(dirname(templatePath))])] }
}

/** A feed row bound to the template. */
export interface BoundFeedRow {
  /** 1-based row number in the feed. */
  row: number
  line: number
  /** JSON pointer of the row in the feed. */
  pointer: string
  id: string
  values: BoundValues
  /** The cells as read. */
  raw: Record<string, unknown>
}

/** A feed row that cannot be used: it could not be read or bound, or (with `uniqueIds`) its id is another row's. */
export interface FailedFeedRow {
  row: number
  line: number
  pointer: string
  /** The row's id when it can be read, else `row-<n>`. */
  id: string
  raw: Record<string, unknown>
  error: unknown
}

/** Options for {@link bindFeed}. */
export interface BindFeedOptions {
  /** The column that holds each row's id (default: the template's `idVariable`, `id`, `sku`). */
  idColumn?: string
  /**
   * Fail a row whose id another row before it has, compared without case (ids name output
   * folders, and on macOS and Windows "A-1" and "a-1" are one folder): `data/duplicate-id`.
   */
  uniqueIds?: boolean
  /**
   * Only these rows come back (1-based). Every row is still bound, so that a row's id is
   * checked against the rows left out too: a row fails here as it fails in the whole feed.
   */
  rows?: readonly RowRange[]
}

/**
 * Binds every row of a parsed feed to a template. A row that fails fails alone: the others are
 * bound. With `rows`, `bound` and `failed` hold the rows chosen and `outside` the other rows
 * that bound. Every list is in feed order.
 */
export function bindFeed(template: Template, feed: ParsedFeed, options: BindFeedOptions = {}): { bound: BoundFeedRow[]; failed: FailedFeedRow[]; outside: BoundFeedRow[] } {
  const idOf = (row: { index: number; line: number; pointer: string; values?: Record<string, unknown> }) => {
    try {
      return readRowId(template, row, { idColumn: options.idColumn })
    } catch {
      return `row-${row.index}`
    }
  }
  const bound: BoundFeedRow[] = []
  const failed: FailedFeedRow[] = feed.errors.map((e) => ({ row: e.index, line: e.line, pointer: e.pointer, id: idOf(e), raw: e.values ?? {}, error: e.error }))
  const seen = new Map<string, number>()
  for (const row of feed.rows) {
    const base = { row: row.index, line: row.line, pointer: row.pointer, raw: row.values }
    let result: { id: string; values: BoundValues }
    try {
      result = bindRow(template, row, { idColumn: options.idColumn, rowPointer: row.pointer })
    } catch (error) {
      failed.push({ ...base, id: idOf(row), error })
      continue
    }
    if (options.uniqueIds) {
      const folder = result.id.toLowerCase()
      const first = seen.get(folder)
      if (first !== undefined) {
        const column = idColumnOf(template, row.values, { idColumn: options.idColumn })
        const path = column === undefined ? row.pointer : `${row.pointer}/${pointerSegment(column)}`
        const message = `${describeRow(row.index, row.line, result.id)}, id at ${path}: expected an id no other row has (ignoring case, as ids name output folders), found the id of row ${first}`
        failed.push({ ...base, id: result.id, error: new VitrineError('data/duplicate-id', message, { path }) })
        continue
      }
      seen.set(folder, row.index)
    }
    bound.push({ ...base, id: result.id, values: result.values })
  }
  failed.sort((a, b) => a.row - b.row)
  const ranges = options.rows
  if (!ranges) return { bound, failed, outside: [] }
  const chosen = {
    bound: bound.filter((r) => inRowRanges(ranges, r.row)),
    failed: failed.filter((r) => inRowRanges(ranges, r.row)),
    outside: bound.filter((r) => !inRowRanges(ranges, r.row)),
  }
  const count = feed.rows.length + feed.errors.length
  if (chosen.bound.length + chosen.failed.length === 0 && count > 0) {
    throw new VitrineError('usage', `--rows ${formatRowRanges(ranges)}: the feed has ${count} row${count === 1 ? '' : 's'}, none of them in this selection`)
  }
  return chosen
}
