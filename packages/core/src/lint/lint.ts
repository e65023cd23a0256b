import type { Template } from '../document/template.js'
import type { Scene } from '../scene/scene.js'
import type { Mask, RgbaPixels } from '../ai/mask.js'
import { compileNames, type TextMatch } from './compile-matcher.js'
import { guessLanguage, hasArabic } from './guess-language.js'
import { readAd, spanOf, type AdText, type LintAd } from './lint-ad.js'
import { SEVERITY_ORDER, type LintDiagnostic } from './lint-diagnostic.js'
import { fillMessage, inLanguage, lintMessages } from './lint-messages.js'
import { checkPlatform, lintMarket, scopeHasCategory, scopeHasMarket, scopeHasPlatform, type LintMarket } from './lint-scope.js'
import { defaultRuleSet, type CompiledRule, type RuleSet } from './rule-set.js'
import type { Assertion, DataDetector, DisclosureDetector, LanguageDetector, LocalizedText, NearDetector, Severity, UiLanguage } from './rule-pack.js'
import { visualDiagnostics } from './lint-visual.js'
import { fieldReader, holds, type FieldReader } from './feed-fields.js'
import { checkImagery } from './lint-imagery.js'

/** Pixels of a render, for the visual rules (see `renderLintPixels`). */
export interface LintPixels {
  /** The ad as it ships. */
  frame: RgbaPixels
  /** The ad without its text layers (their backgrounds kept): what is behind each text. */
  backdrop: RgbaPixels
}

/** Options for {@link lint}. */
export interface LintOptions {
  /** The market id (`zh-CN`, `de-DE`, `ar-AE`): its laws apply. */
  market: string
  /** The platform the ad runs on (`tiktok`, `amazon`, `meta`, `instagram`): its policies apply. */
  platform?: string
  /** The rules; default the built-in packs (`createRuleSet()` to extend, disable or override). */
  rules?: RuleSet
  /** The template the Scene came from: diagnostics then point into it (`/layers/2/text`). */
  template?: Template
  /** The feed row (column → value), for rules that need data (price history, origin, certifications). */
  data?: Readonly<Record<string, unknown>>
  /** JSON pointer of the row in the feed (`/rows/3`), for pointers to its fields. */
  rowPointer?: string
  /** Feed columns by the field names rules use (`{ lowestPrice30d: 'min_price_30d' }`). */
  fields?: Readonly<Record<string, string>>
  /** The product category (`cosmetics`, `food`); default the row's `category` field. */
  category?: string
  /** `creator` for creator or influencer content; default the row's `contentType` field. */
  contentType?: string
  /** Registered brand and product names: words inside them are never findings. */
  brands?: readonly string[]
  /**
   * The day the ad runs (`YYYY-MM-DD`), for rules that take effect on a date: before it (or
   * without a date) their findings are `info`. Lint never reads the clock; the CLI passes today.
   */
  date?: string
  /** Language of messages and fixes; default `en`. */
  language?: UiLanguage
  /** Safe-zone profile: `standard` (default) or `strict`, or another a pack defines. */
  safeZone?: string
  /** Rendered pixels; without them the pixel rules (contrast, white background) are skipped. */
  pixels?: LintPixels
  /** Cut-out masks of image layers by layer id, for the product fill ratio. */
  masks?: Readonly<Record<string, Mask>>
}

/** What every check of one lint call shares. */
export interface LintContext {
  ad: LintAd
  options: LintOptions
  market: LintMarket
  platform?: string
  language: UiLanguage
  rules: RuleSet
  fields: FieldReader
  brandRanges: (text: AdText) => TextMatch[]
  /** Adds a finding; `texts` replaces the rule's own message and fix. */
  report(
    rule: CompiledRule,
    at: {
      text?: AdText
      /** A picture's declared description (alt, file name, feed column) instead of a text layer. */
      described?: { path: string; text: string; normalized: AdText['normalized']; layer?: string }
      match?: TextMatch
      path?: string
      severity?: Severity
      data?: string
    },
    values?: Record<string, string | number | undefined>,
    texts?: { message: LocalizedText; fix: LocalizedText },
  ): void
}

const brandCache = new WeakMap<readonly string[], ReturnType<typeof compileNames>>()
const applicableCache = new WeakMap<RuleSet, Map<string, CompiledRule[]>>()

function applicableRules(rules: RuleSet, market: LintMarket, platform: string | undefined): CompiledRule[] {
  let byKey = applicableCache.get(rules)
  if (!byKey) applicableCache.set(rules, (byKey = new Map()))
  const key = `${market.id}|${platform ?? ''}`
  let list = byKey.get(key)
  if (!list) {
    list = rules.rules.filter((r) => scopeHasMarket(r.rule.scope, market) && scopeHasPlatform(r.rule.scope, platform))
    byKey.set(key, list)
  }
  return list
}

function sourceText(rule: CompiledRule): string {
  const s = rule.rule.source
  return `${s.law} (${s.date})`
}

/**
 * Checks one ad (a resolved Scene) against its market's laws and its platform's rules, and
 * returns the findings, worst first. Text rules run on the final, localised text of every text
 * layer after normalisation; data rules read the feed row; visual rules read the layer boxes and,
 * when `pixels` are given, the rendered pixels. Fast enough to run on every edit.
 *
 * @example
 * ```ts
 * const scene = await resolve(template, values, { format: 'tiktok', locale: 'zh-CN', platform, assets, fonts })
 * for (const d of lint(scene, { market: 'zh-CN', platform: 'tiktok', template, data: row }))
 *   console.log(d.severity, d.rule, d.path, d.span, d.message)
 * ```
 */
export function lint(scene: Scene, options: LintOptions): LintDiagnostic[] {
  const rules = options.rules ?? defaultRuleSet()
  const market = lintMarket(options.market)
  const platform = options.platform === undefined ? undefined : checkPlatform(options.platform, rules.platforms)
  const language = options.language ?? 'en'
  const ad = readAd(scene, options.template)
  const fields = fieldReader(options)
  const date = options.date
  let brandRanges: LintContext['brandRanges'] = () => []
  if (options.brands && options.brands.length > 0) {
    let names = brandCache.get(options.brands)
    if (!names) brandCache.set(options.brands, (names = compileNames(options.brands)))
    const compiled = names
    brandRanges = (text) => compiled(text.normalized)
  }
  const category = options.category ?? fields.text('category')
  const diagnostics: LintDiagnostic[] = []
  const ctx: LintContext = {
    ad,
    options,
    market,
    platform,
    language,
    rules,
    fields,
    brandRanges,
    report(cr, at, values = {}, texts) {
      const rule = cr.rule
      let severity = at.severity ?? rule.severityByMarket?.[market.id] ?? rule.severityByMarket?.[market.region] ?? rule.severity
      const spanText = at.text ?? at.described
      const where = spanText && at.match ? spanOf(spanText, at.match) : undefined
      const vars = { title: rule.title, match: where?.excerpt, ...values }
      let message = fillMessage(inLanguage(texts?.message ?? rule.message, language), vars)
      if (rule.effective && (date === undefined || date < rule.effective.from)) {
        severity = 'info'
        message = fillMessage(inLanguage(lintMessages.notYetInForce, language), { message, date: rule.effective.from })
      }
      diagnostics.push({
        rule: rule.id,
        severity,
        message,
        path: at.path ?? at.text?.path ?? at.described?.path ?? '',
        ...(where ? { span: where.span, excerpt: where.excerpt } : {}),
        ...(at.text ? { layer: at.text.node.id } : at.described?.layer ? { layer: at.described.layer } : {}),
        source: sourceText(cr),
        fix: fillMessage(inLanguage(texts?.fix ?? rule.fix, language), vars),
        ...(at.data ? { data: at.data } : {}),
      })
    },
  }
  for (const cr of applicableRules(rules, market, platform)) {
    if (!scopeHasCategory(cr.rule.scope, category)) continue
    switch (cr.rule.detector.kind) {
      case 'terms':
      case 'pattern':
        for (const text of ad.texts) {
          const brands = brandRanges(text)
          const inBrand = brands.length > 0 ? (m: TextMatch) => brands.some((b) => b.start <= m.start && m.end <= b.end) : undefined
          for (const match of cr.matcher!.find(text.normalized, inBrand)) ctx.report(cr, { text, match })
        }
        if (cr.rule.detector.kind === 'terms' && cr.rule.detector.imagery) checkImagery(ctx, cr, cr.rule.detector.imagery, category)
        break
      case 'near':
        checkNear(ctx, cr, cr.rule.detector)
        break
      case 'data':
        checkData(ctx, cr, cr.rule.detector)
        break
      case 'disclosure':
        checkDisclosure(ctx, cr, cr.rule.detector)
        break
      case 'language':
        checkLanguage(ctx, cr, cr.rule.detector)
        break
      default:
        visualDiagnostics(ctx, cr)
    }
  }
  return diagnostics.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || a.path.localeCompare(b.path) || (a.span?.start ?? 0) - (b.span?.start ?? 0))
}

function exemptByBrand(ctx: LintContext, text: AdText): ((m: TextMatch) => boolean) | undefined {
  const brands = ctx.brandRanges(text)
  return brands.length > 0 ? (m) => brands.some((b) => b.start <= m.start && m.end <= b.end) : undefined
}

function checkNear(ctx: LintContext, cr: CompiledRule, d: NearDetector): void {
  const window = d.window ?? 'ad'
  const inAd = (group: NonNullable<CompiledRule['require']>[number]) => ctx.ad.texts.some((t) => group.test(t.normalized))
  const adRequire = window === 'ad' ? cr.require?.map(inAd) : undefined
  const adForbid = window === 'ad' ? cr.forbid?.map(inAd) : undefined
  for (const text of ctx.ad.texts) {
    for (const match of cr.matcher!.find(text.normalized, exemptByBrand(ctx, text))) {
      const near = (group: NonNullable<CompiledRule['require']>[number]) =>
        group.find(text.normalized).some((g) => g.end >= match.start - (window as number) && g.start <= match.end + (window as number))
      const missing = window === 'ad' ? adRequire?.some((ok) => !ok) : cr.require?.some((g) => !near(g))
      const forbidden = window === 'ad' ? adForbid?.some((found) => found) : cr.forbid?.some((g) => near(g))
      if (missing || forbidden) ctx.report(cr, { text, match })
    }
  }
}

function checkData(ctx: LintContext, cr: CompiledRule, d: DataDetector): void {
  for (const text of ctx.ad.texts) {
    const match = cr.matcher!.find(text.normalized, exemptByBrand(ctx, text))[0]
    if (!match) continue
    const claim = spanOf(text, match).excerpt
    const exempt = d.exemptWhen && d.exemptWhen.length > 0 && d.exemptWhen.every((a) => ctx.fields.has(a.field) && holds(a, ctx.fields, claim) === true)
    if (exempt) continue
    const missing = d.fields.find((f) => !ctx.fields.has(f))
    if (missing) {
      ctx.report(cr, { text, match, severity: 'warn', data: ctx.fields.pointer(missing) }, { field: ctx.fields.column(missing) }, { message: lintMessages.missingField, fix: lintMessages.missingFieldFix })
      continue
    }
    const failed = (d.assert ?? []).find((a: Assertion) => holds(a, ctx.fields, claim) === false)
    if (failed) {
      ctx.report(
        cr,
        { text, match, data: ctx.fields.pointer(failed.field) },
        { field: ctx.fields.column(failed.field), value: ctx.fields.text(failed.field), than: failed.than ? ctx.fields.text(failed.than) : String(failed.value ?? '') },
      )
    }
  }
}

function checkDisclosure(ctx: LintContext, cr: CompiledRule, d: DisclosureDetector): void {
  const contentType = ctx.options.contentType ?? ctx.fields.text('contentType')
  let hint: { text: AdText; match: TextMatch } | undefined
  if (cr.hints) {
    for (const text of ctx.ad.texts) {
      const m = cr.hints.find(text.normalized)[0]
      if (m) {
        hint = { text, match: m }
        break
      }
    }
  }
  const needed = (contentType !== undefined && (d.contentTypes ?? []).some((c) => c.toLowerCase() === contentType.toLowerCase())) || hint !== undefined
  if (!needed || ctx.ad.texts.length === 0) return
  const disclosed = ctx.ad.texts.some((t) => cr.disclosure!.find(t.normalized).some((m) => m.start <= d.within))
  if (disclosed) return
  if (hint) ctx.report(cr, hint)
  else {
    const first = ctx.ad.texts[0]!
    ctx.report(cr, { text: first, path: first.path }, { match: first.text.length > 40 ? `${first.text.slice(0, 39)}…` : first.text })
  }
}

function checkLanguage(ctx: LintContext, cr: CompiledRule, d: LanguageDetector): void {
  const texts = ctx.ad.texts.filter((t) => /[\p{L}]/u.test(t.text))
  if (texts.length === 0) return
  if (d.language === 'ar') {
    if (d.mode === 'ad' && !texts.some((t) => hasArabic(t.text))) ctx.report(cr, { text: texts[0]!, path: texts[0]!.path })
    return
  }
  const exempt = cr.exemptWords ?? new Set<string>()
  const brands = new Set((ctx.options.brands ?? []).flatMap((b) => b.toLowerCase().split(/\s+/)))
  const guesses = texts.map((t) => {
    const words = new Set([...exempt, ...brands])
    return { text: t, guess: guessLanguage(t.normalized.text, words) }
  })
  const ratio = d.minSizeRatio ?? 1
  if (d.mode === 'ad') {
    if (!guesses.some((g) => g.guess.language === d.language)) ctx.report(cr, { text: texts[0]!, path: texts[0]!.path })
    return
  }
  // A translation is a block in the language, at least as large, that states the same numbers
  // (`Only 3 left!` is not translated by `Plus que 5 en stock`), and that translates only one
  // block: each foreign block takes the nearest such block not taken yet, in layer order.
  const numbers = (t: AdText) => new Set((t.normalized.text.match(/\d+(?:[.,]\d+)?/g) ?? []).map((n) => n.replace(',', '.')))
  const taken = new Set<number>()
  for (const [i, { text, guess }] of guesses.entries()) {
    if (guess.language === d.language || guess.language === 'unknown') continue
    const needed = numbers(text)
    let best = -1
    for (const [j, o] of guesses.entries()) {
      if (j === i || taken.has(j) || o.guess.language !== d.language || o.text.fontSize < text.fontSize * ratio) continue
      const has = numbers(o.text)
      if ([...needed].some((n) => !has.has(n))) continue
      if (best < 0 || Math.abs(j - i) < Math.abs(best - i)) best = j
    }
    if (best >= 0) {
      taken.add(best)
      continue
    }
    const foreign = guess.foreign
    const match = foreign.length > 0 ? { start: foreign[0]!.start, end: foreign[foreign.length - 1]!.end } : { start: 0, end: text.normalized.text.length }
    ctx.report(cr, { text, match })
  }
}
