import { dirname, resolve as resolvePath } from 'node:path'
import {
  bindRow,
  formatCatalog,
  getFormat,
  getMarket,
  lint,
  PLATFORM_ALIASES,
  type BoundValues,
  type RuleSet,
  type Template,
  type UiLanguage,
} from '@vitrine/core'
import { bindFeed, feedFolder, folderUrl, readFeedFile, readInput, readTemplateFile } from './batch-input.js'
import { createLintPool } from './lint-pool.js'
import { checkRowRanges, type RowRange } from './row-selection.js'
import { defaultConcurrency } from './pool.js'
import { failedRowResult, setupRuleSet, type LintBatchDiagnostic, type LintRowResult, type LintRowSetup } from './lint-row-checker.js'

export type { LintBatchDiagnostic } from './lint-row-checker.js'

/** Options for {@link lintBatch}. */
export interface LintBatchOptions {
  /** Path of the template JSON file. */
  template: string
  /** Path of the feed (`-`: standard input); without it the template's own texts (variable defaults) are checked once. */
  data?: string
  /** Market ids (`zh-CN`, `de-DE`). */
  markets: string[]
  /** Platform ids (`tiktok`, `amazon`); none: only the markets' laws and accessibility. */
  platforms?: string[]
  /** Format ids; default each platform's formats, else the template size. */
  formats?: string[]
  /** Host rule packs (files) applied after the built-in ones. */
  rules?: string[]
  /** Safe-zone profile, `standard` (default) or `strict`. */
  safeZone?: string
  /** Skip rendering, and with it the pixel checks. */
  textOnly?: boolean
  /** Language of messages and fixes. */
  language?: UiLanguage
  /** The column ids come from. */
  idColumn?: string
  /** Only these rows of the feed (1-based, as messages count them). Default: every row. */
  rows?: RowRange[]
  /** The day the ads run (`YYYY-MM-DD`); default today. */
  date?: string
  /**
   * Rows checked at the same time, each in a worker thread (`lint-worker`); 1 checks in this
   * thread. Default: {@link defaultLintConcurrency}. The diagnostics are the same, in the same
   * order, whatever the concurrency.
   */
  concurrency?: number
  /**
   * Called before the first row and after each one, with the ads checked so far. If it throws,
   * no more rows start, and lintBatch rejects with that error once the rows being checked finish.
   */
  onProgress?: (progress: LintProgress) => void
  /**
   * Aborting stops the batch: the rows being checked finish, the others are left out and listed
   * in `notChecked`. lintBatch then resolves with the findings of the rows checked.
   */
  signal?: AbortSignal
}

/** Where a lint batch stands: ads (row × market × platform × format) checked of the total. */
export interface LintProgress {
  done: number
  total: number
  /** Findings of severity error so far. */
  failures: number
  elapsedMs: number
  /** Ads checked per second so far. */
  rate: number
}

/** What {@link lintBatch} returns. */
export interface LintBatchResult {
  diagnostics: LintBatchDiagnostic[]
  /** Ads checked (row × market × platform × format). */
  ads: number
  rules: RuleSet
  /** Rows that were checked at the same time. */
  concurrency: number
  /** The rows left out because `signal` aborted (1-based `row` in the feed), in feed order; empty otherwise. */
  notChecked: { id: string; row: number }[]
}

/** The formats a platform is checked in: its catalogue formats, else the template size. */
export function formatsForPlatform(platform: string | undefined, template: Template): string[] {
  const own = `${template.size.width}x${template.size.height}`
  if (platform === undefined) return [own]
  const canonical = PLATFORM_ALIASES[platform] ?? platform
  const matches = formatCatalog.filter((f) => f.platform !== undefined && (f.platform === platform || (PLATFORM_ALIASES[f.platform] ?? f.platform) === canonical))
  // Meta has several placements: the tall one carries the safe-zone rules, the square the rest.
  return matches.length > 0 ? matches.map((f) => f.id) : [own]
}

/**
 * The pool size when none is given: one worker per core, but no more than the ads can keep busy.
 * Starting a worker (loading core, the canvas and the fonts) costs about a second of CPU here, as
 * much as ~20 rendered ads or ~1,000 text-only ones (bench/lint.mjs).
 */
export function defaultLintConcurrency(ads: number, textOnly: boolean): number {
  const adsPerWorker = textOnly ? 1000 : 20
  return Math.max(1, Math.min(defaultConcurrency(), Math.ceil(ads / adsPerWorker)))
}

/** A row of a template checked without a feed: every variable optional, defaults only. */
function withoutRequired(template: Template): Template {
  const copy = structuredClone(template)
  for (const variable of Object.values(copy.variables ?? {})) (variable as { required?: boolean }).required = false
  return copy
}

/**
 * Lints every row of a feed for every market × platform × format: binds the row, resolves the
 * Scene in the market's language, renders it (unless `textOnly`) and runs the rules. A row that
 * cannot be bound or resolved is reported as an `error` diagnostic with the failure's code as
 * its rule. Throws a VitrineError for input that stops everything (template, feed, rule packs,
 * unknown market or platform).
 *
 * @example
 * ```ts
 * const { diagnostics } = await lintBatch({ template: 'examples/product-card.json', data: 'examples/risky-products.csv', markets: ['zh-CN', 'de-DE'], platforms: ['tiktok'] })
 * ```
 */
export async function lintBatch(options: LintBatchOptions): Promise<LintBatchResult> {
  const templatePath = resolvePath(options.template)
  let template = await readTemplateFile(templatePath)
  const packTexts: string[] = []
  for (const file of options.rules ?? []) packTexts.push(new TextDecoder().decode(await readInput(resolvePath(file), 'rule pack')))
  const rules = setupRuleSet({ rulePacks: (options.rules ?? []).map((file, i) => ({ text: packTexts[i]!, file })) })
  const markets = options.markets.map((m) => getMarket(m, '--market'))
  const platforms: Array<string | undefined> = options.platforms && options.platforms.length > 0 ? options.platforms : [undefined]
  if (options.formats) for (const f of options.formats) getFormat(f)
  // Platform ids are checked by lint itself (it lists the known ones); check them before any work.
  const probe = { sceneVersion: 1 as const, width: 1, height: 1, format: '1x1', locale: 'en-US', direction: 'ltr' as const, nodes: [], fonts: [], images: {}, text: [] }
  for (const p of platforms) if (p !== undefined) lint(probe, { market: markets[0]!.id, platform: p, rules })

  const rows: Array<{ id: string; row: number; values: BoundValues; raw: Record<string, unknown>; pointer: string; error?: unknown }> = []
  let policyBase = folderUrl(dirname(templatePath))
  if (options.data) {
    policyBase = folderUrl(feedFolder(options.data))
    const feed = bindFeed(template, await readFeedFile(options.data), { idColumn: options.idColumn, rows: options.rows && checkRowRanges(options.rows) })
    for (const row of feed.failed) rows.push({ id: row.id, row: row.row, values: {}, raw: row.raw, pointer: row.pointer, error: row.error })
    for (const row of feed.bound) rows.push({ id: row.id, row: row.row, values: row.values, raw: row.raw, pointer: row.pointer })
    rows.sort((a, b) => a.row - b.row)
  } else {
    template = withoutRequired(template)
    const bound = bindRow(template, { index: 1, line: 1, pointer: '/rows/0', values: {} }, { rowPointer: '/rows/0' })
    rows.push({ id: template.id ?? 'template', row: 1, values: bound.values, raw: {}, pointer: '/rows/0' })
  }

  const rulePacks = (options.rules ?? []).map((file, i) => ({ text: packTexts[i]!, file }))
  const setup: LintRowSetup = {
    template,
    rulePacks,
    assetBase: policyBase,
    allowedRoots: [...new Set([policyBase, folderUrl(dirname(templatePath))])],
    textOnly: options.textOnly,
    date: options.date ?? new Date().toISOString().slice(0, 10),
    language: options.language,
    safeZone: options.safeZone,
  }
  const marketList = markets.map((m) => ({ id: m.id, locale: m.locale }))
  const platformList = platforms.map((p) => p ?? null)
  const formats = platforms.map((p) => options.formats ?? formatsForPlatform(p, template))
  const perRow = marketList.length * formats.reduce((n, f) => n + f.length, 0)
  // Rows that failed to bind need no worker; the others are checked in the pool, in any order,
  // and put back in feed order so that the output does not depend on the concurrency.
  const checkable = rows.filter((r) => !r.error).length
  const pool = createLintPool(setup, Math.max(1, Math.min(options.concurrency ?? defaultLintConcurrency(checkable * perRow, options.textOnly === true), checkable)))
  const results: (LintRowResult | undefined)[] = new Array(rows.length)
  const notChecked: { id: string; row: number }[] = []
  const started = Date.now()
  const progress = { done: 0, total: rows.length * perRow, failures: 0 }
  // An onProgress that throws stops the batch like an abort, and lintBatch rejects with its
  // error once the rows being checked are done (the workers are never stopped mid-row).
  let thrown: { error: unknown } | undefined
  const report = () => {
    const elapsedMs = Date.now() - started
    try {
      options.onProgress?.({ ...progress, elapsedMs, rate: elapsedMs > 0 ? (progress.done * 1000) / elapsedMs : 0 })
    } catch (error) {
      thrown ??= { error }
    }
  }
  const settle = (i: number, result: LintRowResult) => {
    results[i] = result
    progress.done += result.ads
    progress.failures += result.diagnostics.filter((d) => d.severity === 'error').length
    report()
  }
  report()
  // A few rows per worker are handed out at a time (not all at once), so that an abort leaves
  // the rest unstarted.
  let next = 0
  const lane = async () => {
    while (next < rows.length && !thrown) {
      const i = next++
      const row = rows[i]!
      if (options.signal?.aborted) {
        notChecked.push({ id: row.id, row: row.row })
      } else if (row.error) {
        settle(i, failedRowResult({ row, markets: marketList, platforms: platformList, formats }, row.error))
      } else {
        settle(i, await pool.run({ row: { id: row.id, values: row.values, raw: row.raw, pointer: row.pointer }, markets: marketList, platforms: platformList, formats }))
      }
    }
  }
  try {
    await Promise.all(Array.from({ length: pool.concurrency * 2 }, lane))
  } finally {
    await pool.close()
  }
  if (thrown) throw thrown.error
  const checked = results.filter((r) => r !== undefined)
  return { diagnostics: checked.flatMap((r) => r.diagnostics), ads: checked.reduce((n, r) => n + r.ads, 0), rules, concurrency: pool.concurrency, notChecked: notChecked.sort((a, b) => a.row - b.row) }
}
