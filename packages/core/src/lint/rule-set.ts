import { VitrineError, type VitrineIssue } from '../errors/vitrine-error.js'
import { schemaIssues } from '../document/validate-template.js'
import { builtInRulePacks } from './built-in-packs.js'
import { compileMatcher, normalizePattern, type CompiledMatcher } from './compile-matcher.js'
import { normalizeTerm } from './normalize-text.js'
import { parseRulePack, patternIssues } from './parse-rule-pack.js'
import { detectorSchemas, type Detector, type Matcher, type Rule, type RuleOverride, type RulePack } from './rule-pack.js'

/** A rule ready to run: the rule as merged from its packs, and its matchers compiled once. */
export interface CompiledRule {
  rule: Rule
  /** The pack that defined it. */
  pack: string
  /** Terms, patterns, or the trigger of `near` and `data` detectors. */
  matcher?: CompiledMatcher
  require?: CompiledMatcher[]
  forbid?: CompiledMatcher[]
  hints?: CompiledMatcher
  disclosure?: CompiledMatcher
  /** Normalised loanwords and names of `language` detectors. */
  exemptWords?: Set<string>
  errorLayers?: RegExp
  errorPatterns?: RegExp[]
  /** Matchers for the declared descriptions of pictures (`terms` detectors with `imagery`). */
  imagery?: {
    matcher: CompiledMatcher
    onProducts: Array<{ matcher: CompiledMatcher; products: CompiledMatcher }>
    missingCategories?: CompiledMatcher
  }
}

/** The rules lint runs, merged from packs with their extensions, switches and overrides. */
export interface RuleSet {
  readonly rules: readonly CompiledRule[]
  /** The packs merged, in order, with their versions. */
  readonly packs: ReadonlyArray<{ pack: string; version: string; file?: string }>
  /** Id patterns of logo and CTA layers, for the visual rules. */
  readonly roles: { logo: RegExp; cta: RegExp }
  /** Every platform a rule names. */
  readonly platforms: ReadonlySet<string>
}

/** Options for {@link createRuleSet}. */
export interface RuleSetOptions {
  /** The base packs; default the built-in ones (`builtInRulePacks`). */
  packs?: readonly (RulePack | string)[]
  /** Host packs applied after the base: new rules, `disable`, `override`. YAML/JSON text or parsed packs. */
  extra?: readonly (RulePack | string)[]
  /** Rule ids to switch off. */
  disable?: readonly string[]
  /** Changes to rules by id (`{ 'DE-SUPER': { severity: 'error' } }`). */
  override?: Readonly<Record<string, RuleOverride>>
}

const LIST_FIELDS = ['terms', 'patterns', 'exempt', 'exemptPatterns'] as const

function mergeOverride(rule: Rule, override: RuleOverride): Rule {
  const detector = { ...(rule.detector as unknown as Record<string, unknown>), ...(override.detector ?? {}) }
  for (const key of LIST_FIELDS) {
    const add = override.add?.[key]
    if (add) detector[key] = [...((detector[key] as unknown[] | undefined) ?? []), ...add]
  }
  return {
    ...rule,
    title: override.title ?? rule.title,
    severity: override.severity ?? rule.severity,
    severityByMarket: override.severityByMarket ? { ...rule.severityByMarket, ...override.severityByMarket } : rule.severityByMarket,
    scope: { ...rule.scope, ...override.scope },
    effective: override.effective ?? rule.effective,
    detector: detector as unknown as Detector,
    message: { ...rule.message, ...override.message },
    fix: { ...rule.fix, ...override.fix },
    source: { ...rule.source, ...override.source },
  }
}

function invalid(file: string, id: string, issues: VitrineIssue[]): VitrineError {
  const message = (i: VitrineIssue) => `${file}: rule ${id}: ${i.message}`
  return new VitrineError('lint/invalid-pack', `${message(issues[0]!)}${issues.length > 1 ? ` (and ${issues.length - 1} more)` : ''}`, {
    issues: issues.map((i) => ({ ...i, message: message(i) })),
  })
}

function unknownRule(file: string, id: string, field: string, known: Map<string, unknown>): VitrineError {
  const list = [...known.keys()].join(', ')
  return new VitrineError('lint/unknown-rule', `${file}: ${field}: unknown rule ${JSON.stringify(id)}; expected one of ${list}`, {
    path: `/${field}`,
    issues: [{ path: `/${field}`, message: `unknown rule ${JSON.stringify(id)}`, expected: `one of ${list}`, found: JSON.stringify(id) }],
  })
}

function compileRule(rule: Rule, pack: string): CompiledRule {
  const d = rule.detector
  const compiled: CompiledRule = { rule, pack }
  const m = (x: Matcher) => compileMatcher(x)
  switch (d.kind) {
    case 'terms':
    case 'pattern':
      compiled.matcher = m(d as Matcher)
      if (d.kind === 'terms' && d.imagery) {
        const img = d.imagery
        const options: Matcher = { exempt: d.exempt, exemptPatterns: d.exemptPatterns, negations: d.negations, quoted: d.quoted, inflect: d.inflect, match: d.match }
        compiled.imagery = {
          matcher: img.terms ? m({ ...options, terms: img.terms }) : compiled.matcher,
          onProducts: (img.onProducts ?? []).map((p) => ({ matcher: m({ ...options, terms: p.terms }), products: m({ terms: p.products }) })),
          missingCategories: img.missing?.categories ? m({ terms: img.missing.categories }) : undefined,
        }
      }
      break
    case 'near':
      compiled.matcher = m(d.trigger)
      compiled.require = d.require?.map(m)
      compiled.forbid = d.forbid?.map(m)
      break
    case 'data':
      compiled.matcher = m(d.trigger)
      break
    case 'disclosure':
      compiled.hints = d.hints ? m(d.hints) : undefined
      compiled.disclosure = m(d.disclosure)
      break
    case 'language':
      compiled.exemptWords = new Set((d.exempt ?? []).flatMap((w) => normalizeTerm(w).split(' ')))
      break
    case 'contrast':
      compiled.errorLayers = d.errorLayers ? new RegExp(d.errorLayers, 'iu') : undefined
      compiled.errorPatterns = d.errorPatterns?.map((p) => new RegExp(normalizePattern(p), 'u'))
      break
    default:
      break
  }
  return compiled
}

/**
 * Merges rule packs into the rule set lint runs: the built-in packs (or `packs`), then each host
 * pack in `extra` (its new rules, then its `disable` and `override` of earlier rules), then the
 * `disable` and `override` options. Every merged rule is checked again, and every pattern is
 * refused when it could backtrack catastrophically. Throws `lint/invalid-pack` (naming the file,
 * the rule id and the field) or `lint/unknown-rule`.
 *
 * @example
 * ```ts
 * const rules = createRuleSet({
 *   extra: [acmePackYaml],
 *   disable: ['DE-SUPER'],
 *   override: { 'CN-ABS': { severity: 'warn', add: { exempt: ['最佳拍档'] } } },
 * })
 * lint(scene, { market: 'zh-CN', rules })
 * ```
 */
export function createRuleSet(options: RuleSetOptions = {}): RuleSet {
  const base = (options.packs ?? builtInRulePacks).map((p, i) => (typeof p === 'string' ? parseRulePack(p, `packs[${i}]`) : p))
  const extra = (options.extra ?? []).map((p, i) => (typeof p === 'string' ? parseRulePack(p, `extra[${i}]`) : p))
  const rules = new Map<string, { rule: Rule; pack: string }>()
  const packs: Array<{ pack: string; version: string; file?: string }> = []
  let roles = { logo: 'logo|watermark|brand-mark', cta: 'cta|button|shop-now' }
  const loaded = new Set<string>()
  const applyChanges = (file: string, disable: readonly string[] | undefined, override: Readonly<Record<string, RuleOverride>> | undefined, prefix: string) => {
    for (const id of disable ?? []) {
      if (!rules.has(id)) throw unknownRule(file, id, `${prefix}disable`, rules)
      rules.delete(id)
    }
    for (const [id, change] of Object.entries(override ?? {})) {
      const entry = rules.get(id)
      if (!entry) throw unknownRule(file, id, `${prefix}override`, rules)
      const merged = mergeOverride(entry.rule, change)
      const kind = merged.detector.kind
      const issues = [
        ...schemaIssues(detectorSchemas[kind], merged.detector, `/override/${id}/detector`),
        ...patternIssues(merged.detector as unknown as Record<string, unknown>, `/override/${id}/detector`),
      ]
      if (issues.length > 0) throw invalid(file, id, issues)
      rules.set(id, { rule: merged, pack: entry.pack })
    }
  }
  for (const pack of [...base, ...extra]) {
    const file = pack.file ?? pack.pack
    for (const parent of pack.extends ?? []) {
      if (!loaded.has(parent)) {
        throw new VitrineError('lint/invalid-pack', `${file}: /extends: pack "${parent}" is not loaded before "${pack.pack}"; loaded: ${[...loaded].join(', ') || 'none'}`, {
          path: '/extends',
        })
      }
    }
    for (const rule of pack.rules ?? []) {
      const existing = rules.get(rule.id)
      if (existing) {
        throw new VitrineError('lint/invalid-pack', `${file}: rule ${rule.id}: already defined by pack "${existing.pack}"; change it with override or disable it instead`, {
          path: '/rules',
        })
      }
      rules.set(rule.id, { rule, pack: pack.pack })
    }
    applyChanges(file, pack.disable, pack.override, '')
    if (pack.roles) roles = { ...roles, ...pack.roles }
    packs.push({ pack: pack.pack, version: pack.version, file: pack.file })
    loaded.add(pack.pack)
  }
  applyChanges('options', options.disable, options.override, 'options.')
  const compiled = [...rules.values()].map(({ rule, pack }) => compileRule(rule, pack))
  return {
    rules: compiled,
    packs,
    roles: { logo: new RegExp(roles.logo, 'iu'), cta: new RegExp(roles.cta, 'iu') },
    platforms: new Set(compiled.flatMap((r) => r.rule.scope.platforms ?? [])),
  }
}

let defaultRules: RuleSet | undefined

/** The built-in rule set, made once. */
export function defaultRuleSet(): RuleSet {
  return (defaultRules ??= createRuleSet())
}
