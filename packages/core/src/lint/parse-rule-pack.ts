import { parse as parseYaml } from 'yaml'
import { VitrineError, describeValue, pointerSegment, type VitrineIssue } from '../errors/vitrine-error.js'
import { schemaIssues } from '../document/validate-template.js'
import { checkPattern } from './check-pattern.js'
import { RuleOverrideSchema, RulePackSchema, RuleSchema, detectorKinds, detectorSchemas, type RulePack } from './rule-pack.js'

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

/** Every pattern a detector (or an override's detector) holds, with its JSON pointer. */
export function detectorPatterns(detector: Record<string, unknown>, path: string): Array<{ pattern: unknown; path: string }> {
  const found: Array<{ pattern: unknown; path: string }> = []
  const matcher = (m: unknown, at: string) => {
    if (!isObject(m)) return
    for (const key of ['patterns', 'exemptPatterns'] as const) {
      const list = m[key]
      if (Array.isArray(list)) list.forEach((p, i) => found.push({ pattern: p, path: `${at}/${key}/${i}` }))
    }
  }
  matcher(detector, path)
  for (const key of ['trigger', 'hints', 'disclosure']) matcher(detector[key], `${path}/${key}`)
  for (const key of ['require', 'forbid']) {
    const groups = detector[key]
    if (Array.isArray(groups)) groups.forEach((g, i) => matcher(g, `${path}/${key}/${i}`))
  }
  for (const key of ['assert', 'exemptWhen']) {
    const list = detector[key]
    if (Array.isArray(list)) list.forEach((a, i) => isObject(a) && a.op === 'matches' && found.push({ pattern: a.value, path: `${path}/${key}/${i}/value` }))
  }
  if (typeof detector.errorLayers === 'string') found.push({ pattern: detector.errorLayers, path: `${path}/errorLayers` })
  if (Array.isArray(detector.errorPatterns)) detector.errorPatterns.forEach((p, i) => found.push({ pattern: p, path: `${path}/errorPatterns/${i}` }))
  return found
}

/** Issues with unsafe or invalid patterns. */
export function patternIssues(detector: Record<string, unknown>, path: string): VitrineIssue[] {
  const issues: VitrineIssue[] = []
  for (const { pattern, path: at } of detectorPatterns(detector, path)) {
    if (typeof pattern !== 'string') continue
    const why = checkPattern(pattern)
    if (why) issues.push({ path: at, message: `${at}: pattern ${JSON.stringify(pattern)} refused: ${why}`, expected: 'a pattern that cannot backtrack catastrophically', found: JSON.stringify(pattern) })
  }
  return issues
}

function ruleIssues(rule: unknown, path: string): VitrineIssue[] {
  if (!isObject(rule)) return [{ path, message: `${path}: expected a rule object, found ${describeValue(rule)}`, expected: 'a rule object', found: describeValue(rule) }]
  const issues = schemaIssues(RuleSchema, rule, path)
  const detector = rule.detector
  if (isObject(detector) && typeof detector.kind === 'string' && (detectorKinds as string[]).includes(detector.kind)) {
    issues.push(...schemaIssues(detectorSchemas[detector.kind as keyof typeof detectorSchemas], detector, `${path}/detector`))
    issues.push(...patternIssues(detector, `${path}/detector`))
    const needsMatcher = (m: unknown, at: string) => {
      if (isObject(m) && !(Array.isArray(m.terms) && m.terms.length > 0) && !(Array.isArray(m.patterns) && m.patterns.length > 0)) {
        issues.push({ path: at, message: `${at}: expected terms or patterns, found neither`, expected: 'terms or patterns', found: 'neither' })
      }
    }
    for (const key of ['trigger', 'disclosure']) if (key in detector) needsMatcher(detector[key], `${path}/detector/${key}`)
    if (detector.kind === 'near' && !detector.require && !detector.forbid) {
      issues.push({ path: `${path}/detector`, message: `${path}/detector: a near detector needs require or forbid`, expected: 'require or forbid', found: 'neither' })
    }
  }
  return issues
}

/**
 * Reads and checks a rule pack: YAML or JSON text, or an object already parsed. Throws a
 * `lint/invalid-pack` VitrineError whose message names the file, the rule id and the field
 * (`rules/acme.yaml: rule ACME-1: /rules/0/detector/terms: expected …, found …`), and refuses
 * patterns that could backtrack catastrophically.
 *
 * @param file - Where the pack came from, for errors.
 * @example
 * ```ts
 * const pack = parseRulePack(await readFile('rules/acme.yaml', 'utf8'), 'rules/acme.yaml')
 * const rules = createRuleSet({ extra: [pack] })
 * ```
 */
export function parseRulePack(input: string | unknown, file = 'rule pack'): RulePack {
  let value: unknown = input
  if (typeof input === 'string') {
    try {
      value = parseYaml(input, { prettyErrors: true })
    } catch (error) {
      throw new VitrineError('lint/invalid-pack', `${file}: not valid YAML or JSON: ${(error as Error).message}`, {
        issues: [{ path: '', message: (error as Error).message, expected: 'YAML or JSON', found: 'unreadable text' }],
        cause: error,
      })
    }
  }
  if (!isObject(value)) {
    throw new VitrineError('lint/invalid-pack', `${file}: expected a rule pack object, found ${describeValue(value)}`, {
      issues: [{ path: '', message: 'expected a rule pack object', expected: 'an object with pack, version, title and rules', found: describeValue(value) }],
    })
  }
  const issues: Array<VitrineIssue & { rule?: string }> = schemaIssues(RulePackSchema, value, '')
  const seen = new Set<string>()
  if (Array.isArray(value.rules)) {
    value.rules.forEach((rule, index) => {
      const at = `/rules/${index}`
      const id = isObject(rule) && typeof rule.id === 'string' ? rule.id : undefined
      for (const issue of ruleIssues(rule, at)) issues.push({ ...issue, rule: id })
      if (id !== undefined) {
        if (seen.has(id)) issues.push({ path: `${at}/id`, message: `${at}/id: duplicate rule id ${id}`, expected: 'a rule id used once', found: JSON.stringify(id), rule: id })
        seen.add(id)
      }
    })
  }
  if (isObject(value.override)) {
    for (const [id, override] of Object.entries(value.override)) {
      const at = `/override/${pointerSegment(id)}`
      if (isObject(override)) {
        for (const issue of schemaIssues(RuleOverrideSchema, override, at)) issues.push({ ...issue, rule: id })
        if (isObject(override.detector)) for (const issue of patternIssues(override.detector, `${at}/detector`)) issues.push({ ...issue, rule: id })
        if (isObject(override.add)) for (const issue of patternIssues(override.add, `${at}/add`)) issues.push({ ...issue, rule: id })
      }
    }
  }
  if (issues.length > 0) {
    const first = issues[0]!
    const where = (i: (typeof issues)[number]) => `${file}: ${i.rule ? `rule ${i.rule}: ` : ''}${i.message}`
    const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : ''
    throw new VitrineError('lint/invalid-pack', `${where(first)}${more}`, { issues: issues.map((i) => ({ path: i.path, message: where(i), expected: i.expected, found: i.found })) })
  }
  return { ...(value as unknown as RulePack), file }
}
