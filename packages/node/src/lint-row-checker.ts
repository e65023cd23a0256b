import {
  AssetStore,
  FontLibrary,
  VitrineError,
  createRuleSet,
  lint,
  parseRulePack,
  renderLintPixels,
  resolve,
  type BoundValues,
  type LintDiagnostic,
  type RuleSet,
  type Surface,
  type Template,
  type UiLanguage,
} from '@vitrine/core'
import { builtInFontBaseUrl } from './built-in-font-base-url.js'
import { NodePlatform } from './node-platform.js'

/** A diagnostic of one ad: the row id, market, platform and format it was found in. */
export interface LintBatchDiagnostic extends LintDiagnostic {
  id: string
  market: string
  platform: string | null
  format: string
}

/**
 * What every row of a lint batch shares: plain data, so that it can be sent to worker threads
 * (each builds its own {@link LintRowChecker} from it).
 */
export interface LintRowSetup {
  /** The template, URLs already anchored at its folder. */
  template: Template
  /** Host rule packs as YAML text, with their file names for errors, applied after the built-in ones. */
  rulePacks: Array<{ text: string; file: string }>
  /** Base URL of relative asset paths in the feed. */
  assetBase: string
  /** Folders assets may be read from. */
  allowedRoots: string[]
  textOnly?: boolean
  date: string
  language?: UiLanguage
  safeZone?: string
}

/** One row to check in every market × platform × format. */
export interface LintRowJob {
  row: { id: string; values: BoundValues; raw: Record<string, unknown>; pointer: string }
  markets: Array<{ id: string; locale: string }>
  platforms: Array<string | null>
  /** Formats per platform, in the order of `platforms`. */
  formats: string[][]
}

/** The findings of one row, in market × platform × format order, and how many ads that was. */
export interface LintRowResult {
  diagnostics: LintBatchDiagnostic[]
  ads: number
}

/** The rule set of a setup: the built-in packs plus the host's (parsed here, so errors name the file). */
export function setupRuleSet(setup: Pick<LintRowSetup, 'rulePacks'>): RuleSet {
  return createRuleSet({ extra: setup.rulePacks.map((p) => parseRulePack(p.text, p.file)) })
}

/**
 * Checks rows of a lint batch: binds nothing (rows come bound), resolves each ad in the market's
 * language, renders it unless `textOnly`, and runs the rules. One per thread: it keeps its
 * platform, fonts, assets and render surfaces between rows.
 */
export class LintRowChecker {
  readonly rules: RuleSet
  private readonly platform = new NodePlatform()
  private readonly assets: AssetStore
  private readonly fonts: FontLibrary
  private readonly surfaces = new Map<string, Surface>()

  constructor(private readonly setup: LintRowSetup) {
    this.rules = setupRuleSet(setup)
    this.assets = new AssetStore(this.platform, { baseUrl: setup.assetBase, allowedRoots: setup.allowedRoots })
    this.fonts = new FontLibrary(this.platform, { builtInBaseUrl: builtInFontBaseUrl() })
  }

  /** Checks one row in every market × platform × format of the job. */
  async check(job: LintRowJob): Promise<LintRowResult> {
    const { setup, platform, assets, fonts, rules } = this
    const { row } = job
    const diagnostics: LintBatchDiagnostic[] = []
    let ads = 0
    for (const market of job.markets) {
      for (let i = 0; i < job.platforms.length; i++) {
        const p = job.platforms[i] ?? undefined
        for (const format of job.formats[i]!) {
          ads++
          const where = { id: row.id, market: market.id, platform: p ?? null, format }
          try {
            const scene = await resolve(setup.template, row.values, { format, locale: market.locale, market: market.id, platform, assets, fonts, rowPointer: row.pointer })
            let pixels
            if (!setup.textOnly) {
              const key = `${scene.width}x${scene.height}`
              let surface = this.surfaces.get(key)
              if (!surface) this.surfaces.set(key, (surface = platform.createSurface(scene.width, scene.height)))
              pixels = renderLintPixels(scene, { platform, images: assets, surface })
            }
            const found = lint(scene, {
              market: market.id,
              platform: p,
              rules,
              template: setup.template,
              data: row.raw,
              rowPointer: row.pointer,
              date: setup.date,
              language: setup.language,
              safeZone: setup.safeZone,
              pixels,
            })
            for (const d of found) diagnostics.push({ ...where, ...d })
          } catch (error) {
            diagnostics.push({ ...where, ...lintFailure(error) })
          }
        }
      }
    }
    return { diagnostics, ads }
  }
}

/** A row that could not be checked, as an error diagnostic. */
export function lintFailure(error: unknown, prefix = ''): LintDiagnostic {
  const e = error instanceof VitrineError ? error : undefined
  return {
    rule: e?.code ?? 'render/failed',
    severity: 'error',
    message: prefix + (error instanceof Error ? error.message : String(error)),
    path: e?.path ?? '',
    source: 'Vitrine',
    fix: 'Fix the row so that it can be rendered, then lint it again',
  }
}

/** Every ad of a row that could not be checked, each as the same error diagnostic, in market × platform × format order. */
export function failedRowResult(job: Omit<LintRowJob, 'row'> & { row: { id: string } }, error: unknown, prefix = ''): LintRowResult {
  const diagnostics: LintBatchDiagnostic[] = []
  for (const market of job.markets)
    for (let i = 0; i < job.platforms.length; i++)
      for (const format of job.formats[i]!) diagnostics.push({ id: job.row.id, market: market.id, platform: job.platforms[i] ?? null, format, ...lintFailure(error, prefix) })
  return { diagnostics, ads: diagnostics.length }
}
