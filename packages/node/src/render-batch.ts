import { mkdir, rm } from 'node:fs/promises'
import { relative as relativePath, resolve as resolvePath, sep } from 'node:path'
import {
  VitrineError,
  getFormat,
  parseCatalog,
  checkCatalogs,
  getMarket,
  canonicalLocale,
  type MessageCatalog,
  type Template,
} from '@vitrine/core'
import { readdir, stat } from 'node:fs/promises'
import { extname } from 'node:path'
import { checkRowRanges, formatRowRanges, type RowRange } from './row-selection.js'
import { batchAssetPolicy, bindFeed, feedFolder, readFeedFile, readInput, readTemplateFile, type BatchLimits } from './batch-input.js'
import { isVideoType, type OutputType } from './video/output-type.js'
import { videoBatch, type VideoBatchOptions } from './video/video-batch.js'
import { encoderThreads } from './video/encoder-threads.js'
import type { FrameProgress } from './video/frame-progress.js'
import { builtInFontBaseUrl } from './built-in-font-base-url.js'
import { createRenderPool, defaultConcurrency, type RenderPool } from './pool.js'
import { prepareCutout } from './ai/prepare-cutout.js'
import { errorRecord } from './row-files.js'
import { batchSettingsHash, keepWrittenOutputs, outputInputHash, readPreviousManifest, stampNow, type KeptOutputs } from './resume-batch.js'
import type { FailedOutput, RowJob, RowOutputRequest, WrittenOutput } from './row-renderer.js'
import { layoutReport, missingTranslations, sortManifestEntries, writeManifest, type BatchManifest } from './write-manifest.js'
import type { RowLayoutEntry } from './row-renderer.js'
import type { MessageReport } from '@vitrine/core'
import type { ManifestLintEntry } from './lint-output.js'

/** Options for {@link renderBatch}. */
export interface RenderBatchOptions {
  /** Path of the template JSON file. Files it names (brand fonts, fixed pictures) resolve against its folder. */
  template: string
  /** Path of the feed: CSV, TSV, JSON or NDJSON. Image paths in it resolve against its folder. `-` reads standard input, its image paths resolving against the working folder. */
  data: string
  /** Format ids from the catalogue, or `WIDTHxHEIGHT`. */
  formats: string[]
  /** BCP 47 tags. Default: the markets' locales, else `['en-US']`. */
  locales?: string[]
  /**
   * Market profile ids (`de-DE`, `ar-SA`). Alone, each renders in its own locale; with `locales`,
   * give one market, applied to every locale. Default: each locale's own market, if any.
   */
  markets?: string[]
  /** Message catalogue files (XLIFF 2.0 or JSON) or folders of them. */
  catalogs?: string[]
  /** Output folder; created when missing. */
  out: string
  /** Default `png`. */
  type?: OutputType
  /** 1..100 for JPEG and WebP. Default 90. */
  quality?: number
  /** For video types: codec, poster frames, hardware encoding, encoder threads. */
  video?: VideoBatchOptions
  /** Rows rendered at once: this thread and `concurrency - 1` worker threads. 1 renders in this thread alone. Default: the cores available. */
  concurrency?: number
  /** The column ids come from. Default: the template's `idVariable`, else `id`, else `sku`. */
  idColumn?: string
  /** Only these rows of the feed (1-based, as messages count them); the manifest says which. Default: every row. */
  rows?: RowRange[]
  /** Limits for pictures and fonts fetched while rendering. */
  limits?: BatchLimits
  /**
   * Called before the first row and after each row with the running totals. If it throws, the
   * batch stops: rows not yet started are left out, the rows rendering finish, and renderBatch
   * rejects with that error without writing a manifest.
   */
  onProgress?: (progress: BatchProgress) => void
  /**
   * Stops the batch when it aborts: rows not yet started are left out, the rows rendering
   * finish (their files are whole), and the manifest is written as usual, with `interrupted`
   * listing the rows not rendered. renderBatch then resolves; check `manifest.interrupted`.
   */
  signal?: AbortSignal
  /**
   * Keeps the outputs an earlier batch into the same `out` wrote from the same inputs (see
   * `WrittenOutput.input`: the template, the row's values, the settings), when their files are
   * still whole, and renders only the rest: the rows an interrupted batch left out, the rows
   * that failed, new rows, formats and locales. The manifest lists both. A local picture, clip,
   * audio or font file changed since (another size or modification time) makes the outputs
   * made from it render again; remote pictures are not looked at again.
   */
  resume?: boolean
  /** A model description (`*.model.json`) for image layers with `cutout`; checked before any row renders. */
  model?: string
  /** Lint every output into the manifest (videos: pixel rules on the poster frame); `strict` refuses to write outputs with lint errors. `date`: the day the ads run (default today). */
  lint?: { strict?: boolean; date?: string }
}

/** Running totals of a batch, counted in outputs (row × format × locale). */
export interface BatchProgress {
  done: number
  total: number
  failures: number
  elapsedMs: number
  /** Outputs rendered per second so far (rows that failed before rendering do not count). */
  rate: number
  /** Frames of the videos so far (video types only). */
  frames?: FrameProgress
}

/** What {@link renderBatch} returns. */
export interface BatchResult {
  manifest: BatchManifest
  /** Absolute path of `manifest.json`. */
  manifestPath: string
  /** Absolute output folder. */
  outDir: string
  /** Sums over all outputs, in milliseconds. */
  timings: { resolveMs: number; drawMs: number; encodeMs: number; writeMs: number }
  concurrency: number
}

const extensions: Record<OutputType, string> = { png: 'png', jpeg: 'jpg', webp: 'webp', mp4: 'mp4', webm: 'webm', gif: 'gif' }

/**
 * Renders every row of a feed into every format and locale: `<out>/<id>/<format>.<locale>.<ext>`,
 * and writes `<out>/manifest.json` listing each file and each failure.
 *
 * Input errors that stop the whole batch throw a {@link VitrineError}: `usage` (a missing file,
 * bad options), `template/*`, `format/unknown`, `data/invalid` (a feed that cannot be read at
 * all). Everything else fails only its row: a row that does not bind, a missing or corrupt
 * picture, a font that does not load. Those rows are in `manifest.failures` and every other
 * output is written.
 *
 * Rows render on the calling thread and on `concurrency - 1` worker threads. On the calling
 * thread, drawing, JPEG encoding and writing files run synchronously, row after row (it yields
 * to the event loop between rows): from a server that must stay responsive, run batches in a
 * worker thread or another process. With more than one thread, libvips (sharp) is set to one
 * thread per operation, process-wide (`sharp.concurrency(1)`): the renderers already keep
 * every core busy; and its operation cache, which never hits on fresh pixels, is turned off
 * (`sharp.cache(false)`).
 *
 * @example
 * ```ts
 * const { manifest } = await renderBatch({
 *   template: 'examples/product-card.json',
 *   data: 'examples/products.csv',
 *   formats: ['instagram-square', 'instagram-story'],
 *   out: 'out',
 * })
 * console.log(manifest.summary) // { outputs: 40, failures: 0 }
 * ```
 */
export async function renderBatch(options: RenderBatchOptions): Promise<BatchResult> {
  const started = Date.now()
  const startedAt = new Date(started).toISOString()
  const type = options.type ?? 'png'
  if (!(type in extensions)) throw new VitrineError('usage', `Unknown output type ${JSON.stringify(type)}: expected png, jpeg, webp, mp4, webm or gif`)
  if (options.quality !== undefined && !(Number.isInteger(options.quality) && options.quality >= 1 && options.quality <= 100)) {
    throw new VitrineError('usage', `Quality must be a whole number from 1 to 100, found ${options.quality}`)
  }
  const formats = checkFormats(options.formats)
  const targets = checkTargets(options.locales, options.markets)
  const locales = targets.map((t) => t.locale)
  const templatePath = resolvePath(options.template)
  const outDir = resolvePath(options.out)
  const template = await readTemplateFile(templatePath)
  const feed = await readFeedFile(options.data)
  const catalogs = await readCatalogs(options.catalogs ?? [], template)

  const failures: FailedOutput[] = []
  const jobs: RowJob[] = []
  const fail = (row: number, id: string, error: unknown) => {
    for (const format of formats) for (const locale of locales) failures.push({ id, format, locale, row, error: errorRecord(error) })
  }
  const selection = options.rows && checkRowRanges(options.rows)
  const rows = bindFeed(template, feed, { idColumn: options.idColumn, uniqueIds: true, rows: selection })
  for (const row of rows.failed) fail(row.row, row.id, row.error)
  const jobOf = (row: (typeof rows.bound)[number]): RowJob => {
    const outputs: RowOutputRequest[] = []
    for (const format of formats) for (const { locale, market } of targets) outputs.push({ format, locale, market, file: `${row.id}/${format}.${locale}.${extensions[type]}` })
    return { row: row.row, line: row.line, id: row.id, rowPointer: row.pointer, values: row.values, outputs }
  }
  jobs.push(...rows.bound.map(jobOf))
  // `--resume --rows`: the rows not chosen keep what the run before wrote for them, when it is
  // still what they would make, so that the manifest goes on listing it; none is rendered.
  const outside = options.resume ? rows.outside.map(jobOf) : []

  // `--lint`: the day the ads run defaults to the day the batch started.
  const lint = options.lint ? { strict: options.lint.strict === true, date: options.lint.date ?? startedAt.slice(0, 10) } : undefined
  // What each output is made from, besides its row: an output with the same fingerprint as
  // one already written need not be made again (resume).
  const settings = batchSettingsHash(template, {
    type,
    quality: options.quality ?? null,
    video: isVideoType(type) ? { codec: options.video?.codec ?? null, poster: options.video?.poster === true } : null,
    lint: lint ?? null,
    catalogs,
    model: options.model ? [options.model, stampNow(resolvePath(options.model))] : null,
  })
  const rowOfId = new Map([...jobs, ...outside].map((job) => [job.id, job.row]))
  const previous = options.resume ? await readPreviousManifest(outDir) : undefined
  let kept: KeptOutputs = { outputs: [], layout: [], lint: [], missing: [], sourcesChanged: 0 }
  if (previous) {
    const left = await keepWrittenOutputs(previous, jobs, settings, outDir)
    jobs.splice(0, jobs.length, ...left.jobs)
    kept = left.kept
    if (outside.length > 0) {
      // What is no longer valid there is left out of the manifest, and made by a later --resume.
      const others = (await keepWrittenOutputs(previous, outside, settings, outDir)).kept
      kept.outputs.push(...others.outputs)
      kept.layout.push(...others.layout)
      kept.lint.push(...others.lint)
      kept.missing.push(...others.missing)
    }
  }

  try {
    await mkdir(outDir, { recursive: true })
    // A manifest from an earlier run must never describe the files this run is replacing.
    await rm(resolvePath(outDir, 'manifest.json'), { force: true })
  } catch (error) {
    throw new VitrineError('usage', `Cannot write to the output folder ${outDir}: ${(error as NodeJS.ErrnoException).code === 'EEXIST' || (error as NodeJS.ErrnoException).code === 'ENOTDIR' ? 'a file is in the way' : (error as Error).message}`, { cause: error })
  }
  const policy = batchAssetPolicy(feedFolder(options.data), templatePath, options.limits)
  // Outputs to make (a resumed row may have some already) and those failed before rendering.
  const toMake = jobs.reduce((sum, job) => sum + job.outputs.length, 0)
  const total = toMake + failures.length
  const outputs: WrittenOutput[] = [...kept.outputs]
  const layout: RowLayoutEntry[] = []
  const missing: MessageReport[] = [...kept.missing]
  const lintEntries: ManifestLintEntry[] = [...kept.lint]
  const timings = { resolveMs: 0, drawMs: 0, encodeMs: 0, writeMs: 0 }
  const failedBeforeRendering = failures.length
  let done = failedBeforeRendering
  const video = isVideoType(type) ? videoBatch(template, toMake, options.video, started, () => report()) : undefined
  // An onProgress that throws stops the batch: rows not yet started are dropped, the rows
  // rendering finish, the workers stop, and renderBatch rejects with that error (no manifest).
  const stop: { stopped: boolean; error?: unknown } = { stopped: false }
  let pool: RenderPool | undefined
  const report = () => {
    if (stop.stopped || !options.onProgress) return
    const elapsedMs = Date.now() - started
    const rendered = done - failedBeforeRendering
    try {
      options.onProgress({ done, total, failures: failures.length, elapsedMs, rate: elapsedMs > 0 ? (rendered * 1000) / elapsedMs : 0, ...(video ? { frames: video.frames() } : {}) })
    } catch (error) {
      stop.stopped = true
      stop.error = error
      pool?.dropWaiting()
    }
  }
  report()
  if (stop.stopped) {
    video?.close()
    throw stop.error
  }

  const concurrency = Math.max(1, Math.min(options.concurrency ?? defaultConcurrency(), Math.max(1, jobs.length)))
  // Rows left out because the signal aborted before their turn.
  const notRendered: { id: string; row: number }[] = []
  // Why rows were left out: the signal, or a disk found full.
  let stoppedBy: 'signal' | 'no-space' | undefined
  if (jobs.length > 0 && options.signal?.aborted) {
    stoppedBy = 'signal'
    for (const job of jobs) notRendered.push({ id: job.id, row: job.row })
  } else if (jobs.length > 0) {
    const cutout = await prepareCutout(template, options.model, concurrency)
    pool = createRenderPool(
      { template, policy, builtInFontBaseUrl: builtInFontBaseUrl(), type, quality: options.quality, outDir, catalogs, video: video && { ...video.setup, encoderThreads: video.setup.encoderThreads ?? encoderThreads(concurrency) }, cutout, lint },
      concurrency,
    )
    const running = pool
    const onAbort = () => {
      stoppedBy ??= 'signal'
      running.dropWaiting()
    }
    options.signal?.addEventListener('abort', onAbort, { once: true })
    try {
      await Promise.all(
        jobs.map(async (job) => {
          const result = await running.run(job)
          if (result.dropped) {
            notRendered.push({ id: job.id, row: job.row })
            return
          }
          for (const output of result.outputs) {
            const request = job.outputs.find((r) => r.format === output.format && r.locale === output.locale)
            if (request) output.input = outputInputHash(settings, job, request)
          }
          outputs.push(...result.outputs)
          failures.push(...result.failures)
          // A full disk would fail every row after this one: the batch stops, as on a signal.
          if (stoppedBy === undefined && result.failures.some((f) => f.error.code === 'output/no-space')) {
            stoppedBy = 'no-space'
            running.dropWaiting()
          }
          layout.push(...(result.layout ?? []))
          missing.push(...(result.missing ?? []))
          lintEntries.push(...(result.lint ?? []))
          for (const key of Object.keys(timings) as (keyof typeof timings)[]) timings[key] += result.timings[key]
          done += job.outputs.length
          report()
        }),
      )
    } finally {
      options.signal?.removeEventListener('abort', onAbort)
      await running.close()
    }
  }
  video?.close()
  if (stop.stopped) throw stop.error

  const manifest: BatchManifest = {
    template: portable(options.template),
    data: portable(options.data),
    startedAt,
    durationMs: Date.now() - started,
    outputs: sortManifestEntries(outputs, (o) => rowOfId.get(o.id) ?? 0, formats, locales),
    failures: sortManifestEntries(failures, (f) => f.row, formats, locales),
    summary: { outputs: outputs.length, failures: failures.length },
  }
  manifest.layout = sortManifestEntries([...kept.layout, ...layoutReport(layout, template)], (l) => rowOfId.get(l.id) ?? 0, formats, locales)
  manifest.missingTranslations = missingTranslations(missing, locales)
  manifest.warnings = {
    overflow: manifest.layout.filter((l) => l.status === 'overflow').length,
    truncated: manifest.layout.filter((l) => l.status === 'truncated').length,
    missingTranslations: manifest.missingTranslations.length,
  }
  if (options.lint) {
    manifest.lint = sortManifestEntries(lintEntries, (e) => rowOfId.get(e.id) ?? 0, formats, locales)
    manifest.lintSummary = {
      errors: lintEntries.filter((e) => e.severity === 'error').length,
      warnings: lintEntries.filter((e) => e.severity === 'warn').length,
      info: lintEntries.filter((e) => e.severity === 'info').length,
    }
  }
  if (selection) manifest.rows = formatRowRanges(selection)
  if (options.resume) manifest.resumed = { kept: kept.outputs.length, sourcesChanged: kept.sourcesChanged }
  if (notRendered.length > 0) manifest.interrupted = { reason: stoppedBy ?? 'signal', notRendered: notRendered.sort((a, b) => a.row - b.row) }
  const manifestPath = resolvePath(outDir, 'manifest.json')
  await writeManifest(manifestPath, manifest)
  return { manifest, manifestPath, outDir, timings, concurrency }
}

function checkFormats(formats: readonly string[]): string[] {
  if (formats.length === 0) throw new VitrineError('usage', 'No format given: expected at least one format id, e.g. instagram-square')
  for (const format of formats) getFormat(format)
  return [...new Set(formats)]
}

/** The (locale, market) pairs to render, from `--locale` and `--market`. */
function checkTargets(locales: readonly string[] | undefined, markets: readonly string[] | undefined): { locale: string; market?: string }[] {
  const ids = markets === undefined ? undefined : [...new Set(markets.map((m) => getMarket(m, '--market').id))]
  if (ids !== undefined && ids.length === 0) throw new VitrineError('usage', 'No market given: expected at least one market id, e.g. de-DE')
  if (ids !== undefined && locales === undefined) return ids.map((id) => ({ locale: getMarket(id).locale, market: id }))
  const tags = checkLocales(locales ?? ['en-US'])
  if (ids === undefined) return tags.map((locale) => ({ locale }))
  if (ids.length > 1) {
    throw new VitrineError('usage', `--market: with --locale, expected one market applied to every locale, found ${ids.length} (${ids.join(', ')}); leave out --locale to render each market in its own language`)
  }
  return tags.map((locale) => ({ locale, market: ids[0] }))
}

/** Reads and checks the catalogue files (and the catalogue files in folders) given with `--catalog`. */
async function readCatalogs(paths: readonly string[], template: Template): Promise<MessageCatalog[]> {
  const files: string[] = []
  for (const path of paths) {
    const absolute = resolvePath(path)
    let folder = false
    try {
      folder = (await stat(absolute)).isDirectory()
    } catch {
      // readInput reports the missing file
    }
    if (!folder) files.push(absolute)
    else for (const name of (await readdir(absolute)).sort()) if (['.json', '.xlf', '.xliff'].includes(extname(name).toLowerCase())) files.push(resolvePath(absolute, name))
  }
  const catalogs: MessageCatalog[] = []
  for (const file of files) {
    const text = new TextDecoder().decode(await readInput(file, 'catalogue'))
    catalogs.push(parseCatalog(text, portable(relativeToCwd(file))))
  }
  checkCatalogs(catalogs, template)
  return catalogs
}

const relativeToCwd = (file: string) => {
  const rel = relativePath(process.cwd(), file)
  return rel.startsWith('..') ? file : rel
}

function checkLocales(locales: readonly string[]): string[] {
  if (locales.length === 0) throw new VitrineError('usage', 'No locale given: expected at least one BCP 47 tag, e.g. en-US')
  return [
    ...new Set(
      locales.map((tag) => {
        try {
          return canonicalLocale(tag)
        } catch (error) {
          throw new VitrineError('usage', `Invalid locale: ${(error as Error).message}`, { cause: error })
        }
      }),
    ),
  ]
}

const portable = (path: string) => path.split(sep).join('/')
