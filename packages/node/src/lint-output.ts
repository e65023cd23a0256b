import {
  VitrineError,
  defaultRuleSet,
  getFormat,
  lint,
  marketForLocale,
  renderLintPixels,
  resolve,
  PLATFORM_ALIASES,
  type AssetStore,
  type FontLibrary,
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
  /**
   * Video outputs only: the time in seconds of the frame the pixel rules (contrast, white
   * background) were measured on, the timeline's poster time (default 0). Text, data and layout
   * rules read every layer of the video, whenever it shows.
   */
  frameTime?: number
}

/**
 * Lints one rendered output: the market is the one asked for, else the locale's own (no market,
 * no lint); the platform is the format's, when rules know it; pixels come from re-rendering the
 * Scene (frame and backdrop) on a scratch surface.
 */
export function lintOutput(
  scene: Scene,
  where: { id: string; format: string; locale: string; market?: string; rowPointer: string; values: BoundValues },
  context: { platform: Platform; assets: AssetStore; template: Template; date: string; scratch: Surface; frameTime?: number },
): ManifestLintEntry[] {
  const market = where.market ?? marketForLocale(where.locale)?.id
  if (market === undefined) return []
  const rules = defaultRuleSet()
  const formatPlatform = getFormat(where.format).platform
  const known = formatPlatform !== undefined && (rules.platforms.has(formatPlatform) || rules.platforms.has(PLATFORM_ALIASES[formatPlatform] ?? ''))
  const platform = known ? formatPlatform : undefined
  const frameTime = context.frameTime
  const pixels = renderLintPixels(scene, { platform: context.platform, images: context.assets, surface: context.scratch, t: frameTime })
  const data: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(where.values)) data[key] = value
  return lint(scene, { market, platform, rules, template: context.template, data, rowPointer: where.rowPointer, date: context.date, pixels }).map((d) => ({
    id: where.id,
    format: where.format,
    locale: where.locale,
    market,
    platform: platform ?? null,
    ...d,
    ...(frameTime !== undefined ? { frameTime } : {}),
  }))
}

/**
 * Lints one video output before it is encoded (so that `--strict` writes nothing for it): the
 * Scene is resolved as the video's own render resolves it, its text and data rules read every
 * layer, and its pixel rules measure the poster frame (`frameTime` in each entry).
 */
export async function lintVideoOutput(
  template: Template,
  where: { id: string; format: string; locale: string; market?: string; rowPointer: string; values: BoundValues },
  context: { platform: Platform; assets: AssetStore; fonts: FontLibrary; date: string; scratch: Surface },
): Promise<ManifestLintEntry[]> {
  const scene = await resolve(template, where.values, { format: where.format, locale: where.locale, platform: context.platform, assets: context.assets, fonts: context.fonts, rowPointer: where.rowPointer })
  return lintOutput(scene, where, { ...context, template, frameTime: scene.timeline?.poster ?? 0 })
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
