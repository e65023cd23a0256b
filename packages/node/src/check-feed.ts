import { resolve as resolvePath } from 'node:path'
import { AssetStore, VitrineError, closestName, idColumnOf, pointerSegment, type ParsedFeed, type Template } from '@vitrine/core'
import { batchAssetPolicy, bindFeed, feedFolder, readFeedFile, readTemplateFile, type BoundFeedRow, type FailedFeedRow, type BatchLimits } from './batch-input.js'
import { NodePlatform } from './node-platform.js'
import { checkRowRanges, type RowRange } from './row-selection.js'
import { rowMessage } from './row-files.js'
import { openFfmpegVideoClip } from './video/ffmpeg-video-clip.js'

/** Options for {@link checkFeed}. */
export interface CheckFeedOptions {
  /** The template file. */
  template: string
  /** The feed: CSV, TSV, JSON or NDJSON. Picture paths in it are relative to its folder. `-` reads standard input, its paths relative to the working folder. */
  data: string
  /** The column that holds each row's id (default: the template's `idVariable`, `id`, `sku`). */
  idColumn?: string
  /** Only these rows (1-based, as messages count them); ids are still checked against every row. Default: every row. */
  rows?: RowRange[]
  /**
   * Also fetch http(s) pictures and clips, within `limits`. Default false: they are counted
   * under `files.remote` and not fetched.
   */
  remote?: boolean
  /** The limits a render applies (defaults: 10 s and 25 MB a file, 50 megapixels a picture). */
  limits?: BatchLimits
  /** Called after each row is checked. */
  onProgress?: (progress: FeedCheckProgress) => void
  /** Stops the check: rows not yet started are left out and listed in `notChecked`. */
  signal?: AbortSignal
}

/** Running totals of {@link checkFeed}, counted in rows. */
export interface FeedCheckProgress {
  done: number
  total: number
  /** Rows found with problems so far. */
  failures: number
  elapsedMs: number
  /** Rows per second. */
  rate: number
}

/** One problem of one row: it names the row, the field's JSON pointer, what was expected and what was found. */
export interface FeedProblem {
  /** 1-based row number in the feed. */
  row: number
  /** 1-based line of the feed file where the row starts. */
  line: number
  /** The row's id, or `row-<n>` when it has none. */
  id: string
  /** A code of docs/errors.md: `data/wrong-type`, `asset/not-found`, … */
  code: string
  /** JSON pointer of the field in the feed, e.g. `/rows/3/image`. */
  path: string
  message: string
}

/** What {@link checkFeed} found. */
export interface FeedCheck {
  /** The template and feed files, as given. */
  template: string
  data: string
  /** Data rows checked: the feed's, or those of `rows`. */
  rows: number
  /** Rows a render would draw: every value binds and every local file they name can be read. */
  ready: number
  /** Rows with problems. */
  failed: number
  /** Every problem, in feed order; a row may have several. */
  problems: FeedProblem[]
  /**
   * Distinct files the rows name. `checked`: read, and for pictures decoded, as a render reads
   * them; `failed`: those that could not be; `remote`: http(s) files not fetched (without
   * `remote`).
   */
  files: { checked: number; failed: number; remote: number }
  /**
   * Columns of the feed that no variable reads (nor the id), each with the variable it may
   * have meant to fill (`titel` → `title`). Not an error: a render ignores them, which is why a
   * mistyped optional column would go unnoticed.
   */
  unusedColumns: { column: string; didYouMean?: string }[]
  /** Rows left out because `signal` aborted, in feed order; empty otherwise. */
  notChecked: { id: string; row: number }[]
  durationMs: number
}

/** Rows whose files are read at the same time: reading overlaps decoding, which has its own threads. */
const ROWS_AT_ONCE = 4

/**
 * Checks a feed against a template without rendering: every row binds (required values,
 * types, ids, no two rows with one id), every picture it names can be read and decoded, and
 * every video clip read and opened (ffprobe), under the limits a render applies (inside the
 * feed's or the template's folder, 25 MB a file, 50 megapixels a picture). Each file is read
 * once, however many rows name it. What a render would fail a row for, this finds, with the
 * same code and pointer; but for remote files (fetched only with `remote`) and a clip's frames
 * (only drawing decodes them all). Text that does not fit is a warning of the render's
 * manifest, not a failure, and `vitrine lint` checks the ads against the markets' rules.
 *
 * Throws a VitrineError for input that stops everything: a template that does not validate,
 * a file that cannot be read.
 *
 * @example
 * ```ts
 * const check = await checkFeed({ template: 'examples/product-card.json', data: 'examples/bad-products.csv' })
 * check.ready // 7 of check.rows (12)
 * check.problems[0] // { row: 2, id: 'BAD-PRICE', code: 'data/wrong-type', path: '/rows/1/price', … }
 * ```
 */
export async function checkFeed(options: CheckFeedOptions): Promise<FeedCheck> {
  const started = Date.now()
  const templatePath = resolvePath(options.template)
  const template = await readTemplateFile(templatePath)
  const feed = await readFeedFile(options.data)
  const { bound, failed } = bindFeed(template, feed, { idColumn: options.idColumn, uniqueIds: true, rows: options.rows && checkRowRanges(options.rows) })
  const total = bound.length + failed.length
  const problems: FeedProblem[] = failed.flatMap(rowProblems)
  const failedRows = new Set(failed.map((f) => f.row))
  const files = new FileChecks(new AssetStore(new NodePlatform(), batchAssetPolicy(feedFolder(options.data), templatePath, options.limits)), options.remote === true)
  const fields = fileFields(template)

  let done = failed.length
  const report = () => {
    const elapsedMs = Date.now() - started
    options.onProgress?.({ done, total, failures: failedRows.size, elapsedMs, rate: elapsedMs > 0 ? (done * 1000) / elapsedMs : 0 })
  }
  report()
  const notChecked: { id: string; row: number }[] = []
  let next = 0
  const lane = async () => {
    while (next < bound.length) {
      const row = bound[next++]!
      if (options.signal?.aborted) {
        notChecked.push({ id: row.id, row: row.row })
        continue
      }
      const found = await files.checkRow(row, fields)
      if (found.length > 0) failedRows.add(row.row)
      problems.push(...found)
      done++
      report()
    }
  }
  await Promise.all(Array.from({ length: Math.min(ROWS_AT_ONCE, bound.length) }, lane))

  problems.sort((a, b) => a.row - b.row)
  notChecked.sort((a, b) => a.row - b.row)
  return {
    template: options.template,
    data: options.data,
    rows: total,
    ready: total - failedRows.size - notChecked.length,
    failed: failedRows.size,
    problems,
    files: files.counts(),
    unusedColumns: unusedColumns(template, feed, options.idColumn),
    notChecked,
    durationMs: Date.now() - started,
  }
}

/** The feed's columns no variable reads, with the unfilled variable each may have meant. */
function unusedColumns(template: Template, feed: ParsedFeed, idColumn: string | undefined): FeedCheck['unusedColumns'] {
  const variables = Object.keys(template.variables)
  const id = idColumnOf(template, feed.rows[0]?.values ?? feed.errors[0]?.values ?? {}, { idColumn })
  const unfilled = variables.filter((name) => !feed.columns.includes(name))
  return feed.columns
    .filter((column) => column !== id && !variables.includes(column))
    .map((column) => {
      const guess = closestName(column, unfilled)
      return guess === undefined ? { column } : { column, didYouMean: guess }
    })
}

/** A variable whose values name files. */
interface FileField {
  name: string
  kind: 'image' | 'video'
}

/** The variables whose values name files: pictures and video clips. */
function fileFields(template: Template): FileField[] {
  return Object.entries(template.variables)
    .filter(([, v]) => v.type === 'image' || v.type === 'video')
    .map(([name, v]) => ({ name, kind: v.type as 'image' | 'video' }))
}

/** A row that failed to read or bind: one problem per issue the error lists. */
function rowProblems(row: FailedFeedRow): FeedProblem[] {
  const at = { row: row.row, line: row.line, id: row.id }
  const error = row.error
  if (!(error instanceof VitrineError)) return [{ ...at, code: 'data/invalid', path: row.pointer, message: String((error as Error)?.message ?? error) }]
  if (error.issues.length > 1) return error.issues.map((issue) => ({ ...at, code: issue.code ?? error.code, path: issue.path, message: issue.message }))
  return [{ ...at, code: error.code, path: error.path || row.pointer, message: error.message }]
}

/** Reads each file once, however many rows name it, and remembers what it found. */
class FileChecks {
  /** What reading each file found, by resolved URL. */
  private readonly seen = new Map<string, Promise<VitrineError | undefined>>()
  private readonly failed = new Set<string>()
  private readonly remote = new Set<string>()

  constructor(
    private readonly assets: AssetStore,
    private readonly fetchRemote: boolean,
  ) {}

  async checkRow(row: BoundFeedRow, fields: readonly FileField[]): Promise<FeedProblem[]> {
    const found = await Promise.all(fields.map((field) => this.checkValue(row, field)))
    return found.filter((p): p is FeedProblem => p !== undefined)
  }

  counts(): FeedCheck['files'] {
    return { checked: this.seen.size, failed: this.failed.size, remote: this.remote.size }
  }

  private async checkValue(row: BoundFeedRow, field: FileField): Promise<FeedProblem | undefined> {
    const src = row.values[field.name]
    if (typeof src !== 'string' || src === '') return undefined
    const path = `${row.pointer}/${pointerSegment(field.name)}`
    let url: string
    try {
      url = this.assets.resolveUrl(src, path)
    } catch (error) {
      return problem(row, path, error)
    }
    if (/^https?:/i.test(url) && !this.fetchRemote) {
      this.remote.add(url)
      return undefined
    }
    let pending = this.seen.get(url)
    if (!pending) {
      const read = field.kind === 'image' ? this.assets.loadImage(src, path) : this.openClip(src, path)
      pending = read.then(
        () => undefined,
        (error: unknown) => {
          this.failed.add(url)
          return asVitrineError(error)
        },
      )
      this.seen.set(url, pending)
    }
    const error = await pending
    return error && problem(row, path, error)
  }

  /** Reads a clip and opens it as a render does (ffprobe: a video stream, a length), then closes it. */
  private async openClip(src: string, path: string): Promise<void> {
    const { bytes } = await this.assets.loadBytes(src, path)
    ;(await openFfmpegVideoClip(bytes, { path })).close()
  }
}

function problem(row: BoundFeedRow, path: string, error: unknown): FeedProblem {
  const e = asVitrineError(error)
  // Asset messages start with the pointer of the row that first named the file: rowMessage names this row's.
  const message = rowMessage({ message: e.message.replace(/^\/[^:]*: /, ''), path }, { row: row.row, line: row.line, id: row.id, pointer: row.pointer })
  return { row: row.row, line: row.line, id: row.id, code: e.code, path, message }
}

const asVitrineError = (error: unknown) => (error instanceof VitrineError ? error : new VitrineError('asset/not-found', String((error as Error)?.message ?? error)))
