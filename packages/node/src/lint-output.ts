import {
  VitrineError,
  defaultRuleSet,
  getFormat,
  lint,
  marketForLocale,
  renderLintPixels,
  PLATFORM_ALIASES,
  type AssetStore,
  type BoundValues,
  type LintDiagnostic,
  type Platform,
  type Scene,
  type Surface,
  type Template,
} from '@vitrine/core'

/** Lint settings of a render batch (`vitrine render --lint` / `--strict`). Plain data, sent to workers. */
export interface RenderLintSetup {
  /** Refuse to write outputs that have lint errors. */
  strict: boolean
  /** The day the ads run (`YYYY-MM-DD`). */
  date: string
}

/** One diagnostic of one output, as the manifest lists it. */
export interface ManifestLintEntry extends LintDiagnostic {
  id: string
  format: string
  locale: string
  market: string
  platform: string | null
}

/**
 * Lints one rendered output: the market is the one asked for, else the locale's own (no market,
 * no lint); the platform is the format's, when rules know it; pixels come from re-rendering the
 * Scene (frame and backdrop) on a scratch surface.
 */
export function lintOutput(
  scene: Scene,
  where: { id: string; format: string; locale: string; market?: string; rowPointer: string; values: BoundValues },
  context: { platform: Platform; assets: AssetStore; template: Template; date: string; scratch: Surface },
): ManifestLintEntry[] {
  const market = where.market ?? marketForLocale(where.locale)?.id
  if (market === undefined) return []
  const rules = defaultRuleSet()
  const formatPlatform = getFormat(where.format).platform
  const known = formatPlatform !== undefined && (rules.platforms.has(formatPlatform) || rules.platforms.has(PLATFORM_ALIASES[formatPlatform] ?? ''))
  const platform = known ? formatPlatform : undefined
  const pixels = renderLintPixels(scene, { platform: context.platform, images: context.assets, surface: context.scratch })
  const data: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(where.values)) data[key] = value
  return lint(scene, { market, platform, rules, template: context.template, data, rowPointer: where.rowPointer, date: context.date, pixels }).map((d) => ({
    id: where.id,
    format: where.format,
    locale: where.locale,
    market,
    platform: platform ?? null,
    ...d,
  }))
}

/** The error an output gets under `--strict` when lint found errors in it. */
export function strictLintError(entries: readonly ManifestLintEntry[]): VitrineError | undefined {
  const errors = entries.filter((e) => e.severity === 'error')
  if (errors.length === 0) return undefined
  const list = errors
    .slice(0, 5)
    .map((e) => `${e.rule} at ${e.path || '/'}${e.excerpt ? ` ("${e.excerpt}")` : ''}`)
    .join(', ')
  return new VitrineError('lint/failed', `Not written: ${errors.length} lint error${errors.length === 1 ? '' : 's'} (${list}${errors.length > 5 ? ', …' : ''})`, { path: errors[0]!.path })
}
