import { readFile } from 'node:fs/promises'
import { dirname, resolve as resolvePath } from 'node:path'
import { pathToFileURL } from 'node:url'
import {
  AssetStore,
  FontLibrary,
  VitrineError,
  bindRow,
  createRuleSet,
  formatCatalog,
  getFormat,
  getMarket,
  lint,
  parseFeed,
  parseRulePack,
  parseTemplate,
  readRowId,
  renderLintPixels,
  resolve,
  PLATFORM_ALIASES,
  type BoundValues,
  type LintDiagnostic,
  type RuleSet,
  type Surface,
  type Template,
  type UiLanguage,
} from '@vitrine/core'
import { anchorTemplateUrls } from './anchor-template-urls.js'
import { builtInFontBaseUrl } from './built-in-font-base-url.js'
import { NodePlatform } from './node-platform.js'

/** Options for {@link lintBatch}. */
export interface LintBatchOptions {
  /** Path of the template JSON file. */
  template: string
  /** Path of the feed; without it the template's own texts (variable defaults) are checked once. */
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
  /** The day the ads run (`YYYY-MM-DD`); default today. */
  date?: string
}

/** A diagnostic of one ad: the row id, market, platform and format it was found in. */
export interface LintBatchDiagnostic extends LintDiagnostic {
  id: string
  market: string
  platform: string | null
  format: string
}

/** What {@link lintBatch} returns. */
export interface LintBatchResult {
  diagnostics: LintBatchDiagnostic[]
  /** Ads checked (row × market × platform × format). */
  ads: number
  rules: RuleSet
}

async function readInput(path: string, what: string): Promise<Uint8Array> {
  try {
    return await readFile(path)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder, expected a file' : (error as Error).message
    throw new VitrineError('usage', `Cannot read the ${what} ${path}: ${why}`, { cause: error })
  }
}

const folderUrl = (folder: string) => {
  const href = pathToFileURL(folder).href
  return href.endsWith('/') ? href : `${href}/`
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
  let template = anchorTemplateUrls(parseTemplate(new TextDecoder().decode(await readInput(templatePath, 'template'))), folderUrl(dirname(templatePath)))
  const extra = []
  for (const file of options.rules ?? []) extra.push(parseRulePack(new TextDecoder().decode(await readInput(resolvePath(file), 'rule pack')), file))
  const rules = createRuleSet({ extra })
  const markets = options.markets.map((m) => getMarket(m, '--market'))
  const platforms: Array<string | undefined> = options.platforms && options.platforms.length > 0 ? options.platforms : [undefined]
  if (options.formats) for (const f of options.formats) getFormat(f)
  // Platform ids are checked by lint itself (it lists the known ones); check them before any work.
  const probe = { sceneVersion: 1 as const, width: 1, height: 1, format: '1x1', locale: 'en-US', direction: 'ltr' as const, nodes: [], fonts: [], images: {}, text: [] }
  for (const p of platforms) if (p !== undefined) lint(probe, { market: markets[0]!.id, platform: p, rules })

  const rows: Array<{ id: string; values: BoundValues; raw: Record<string, unknown>; pointer: string; error?: unknown }> = []
  let policyBase = folderUrl(dirname(templatePath))
  if (options.data) {
    const dataPath = resolvePath(options.data)
    policyBase = folderUrl(dirname(dataPath))
    const feed = parseFeed(await readInput(dataPath, 'data file'), { fileName: dataPath })
    for (const rowError of feed.errors) rows.push({ id: `row-${rowError.index}`, values: {}, raw: {}, pointer: rowError.pointer, error: rowError.error })
    for (const row of feed.rows) {
      try {
        const bound = bindRow(template, row, { idColumn: options.idColumn, rowPointer: row.pointer })
        rows.push({ id: bound.id, values: bound.values, raw: row.values, pointer: row.pointer })
      } catch (error) {
        let id = `row-${row.index}`
        try {
          id = readRowId(template, row, { idColumn: options.idColumn })
        } catch {
          // keep the row number
        }
        rows.push({ id, values: {}, raw: row.values, pointer: row.pointer, error })
      }
    }
  } else {
    template = withoutRequired(template)
    const bound = bindRow(template, { index: 1, line: 1, pointer: '/rows/0', values: {} }, { rowPointer: '/rows/0' })
    rows.push({ id: template.id ?? 'template', values: bound.values, raw: {}, pointer: '/rows/0' })
  }

  const platform = new NodePlatform()
  const assets = new AssetStore(platform, { baseUrl: policyBase, allowedRoots: [...new Set([policyBase, folderUrl(dirname(templatePath))])] })
  const fonts = new FontLibrary(platform, { builtInBaseUrl: builtInFontBaseUrl() })
  const surfaces = new Map<string, Surface>()
  const diagnostics: LintBatchDiagnostic[] = []
  const date = options.date ?? new Date().toISOString().slice(0, 10)
  let ads = 0
  for (const row of rows) {
    for (const market of markets) {
      for (const p of platforms) {
        for (const format of options.formats ?? formatsForPlatform(p, template)) {
          ads++
          const where = { id: row.id, market: market.id, platform: p ?? null, format }
          if (row.error) {
            diagnostics.push({ ...where, ...failure(row.error) })
            continue
          }
          try {
            const scene = await resolve(template, row.values, { format, locale: market.locale, market: market.id, platform, assets, fonts, rowPointer: row.pointer })
            let pixels
            if (!options.textOnly) {
              const key = `${scene.width}x${scene.height}`
              let surface = surfaces.get(key)
              if (!surface) surfaces.set(key, (surface = platform.createSurface(scene.width, scene.height)))
              pixels = renderLintPixels(scene, { platform, images: assets, surface })
            }
            const found = lint(scene, { market: market.id, platform: p, rules, template, data: row.raw, rowPointer: row.pointer, date, language: options.language, safeZone: options.safeZone, pixels })
            for (const d of found) diagnostics.push({ ...where, ...d })
          } catch (error) {
            diagnostics.push({ ...where, ...failure(error) })
          }
        }
      }
    }
  }
  return { diagnostics, ads, rules }
}

/** A row that could not be checked, as an error diagnostic. */
function failure(error: unknown): LintDiagnostic {
  const e = error instanceof VitrineError ? error : undefined
  return {
    rule: e?.code ?? 'render/failed',
    severity: 'error',
    message: error instanceof Error ? error.message : String(error),
    path: e?.path ?? '',
    source: 'Vitrine',
    fix: 'Fix the row so that it can be rendered, then lint it again',
  }
}
