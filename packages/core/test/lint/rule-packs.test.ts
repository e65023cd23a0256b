import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync, readdirSync } from 'node:fs'
import { VitrineError } from '../../src/errors/vitrine-error.js'
import { parseRulePack } from '../../src/lint/parse-rule-pack.js'
import { createRuleSet } from '../../src/lint/rule-set.js'
import { builtInRulePacks } from '../../src/lint/built-in-packs.js'
import { lint } from '../../src/lint/lint.js'
import { textScene } from './text-scene.js'
// @ts-expect-error: a plain .mjs script without types
import { builtInPacksSource, PACK_ORDER } from '../../scripts/write-rule-packs.mjs'

const rulesDir = new URL('../../rules/', import.meta.url)

test('every shipped pack is valid, and the built-in module matches the YAML files', () => {
  const files = readdirSync(rulesDir).filter((f) => f.endsWith('.yaml')).sort()
  assert.deepEqual(files, [...(PACK_ORDER as string[])].map((p) => `${p}.yaml`).sort())
  for (const file of files) parseRulePack(readFileSync(new URL(file, rulesDir), 'utf8'), `rules/${file}`)
  const generated = readFileSync(new URL('../../src/lint/built-in-packs.ts', import.meta.url), 'utf8')
  assert.equal(generated, builtInPacksSource(), 'run: node packages/core/scripts/write-rule-packs.mjs')
})

test('the shipped packs implement every rule of the compliance catalogue', () => {
  const ids = new Set(builtInRulePacks.flatMap((p) => (p.rules ?? []).map((r) => r.id)))
  const catalogue = ['CN-ABS', 'CN-STATE', 'CN-MED', 'CN-COSM', 'CN-PRICE', 'EU-PRICE', 'DE-SUPER', 'DE-TEST', 'DE-FREE', 'EU-GREEN-OFFSET', 'EU-GREEN-GENERIC', 'EU-HEALTH', 'FR-TOUBON', 'FR-ORIGIN', 'UK-FREE', 'UK-UPTO', 'UK-WAS', 'UK-COMP', 'US-MUSA', 'US-FREE', 'US-PRICE', 'US-ENDORSE', 'US-DRUG', 'GCC-ALC', 'GCC-PORK', 'GCC-SYMB', 'GCC-LANG', 'AMZ-MAIN', 'GOOG-SHOP', 'TT-SAFE', 'META-SAFE', 'META-ATTR', 'PIN-WEIGHT', 'A11Y-CONTRAST']
  for (const id of catalogue) assert.ok(ids.has(id), id)
})

function packError(yaml: string): VitrineError {
  try {
    parseRulePack(yaml, 'rules/acme.yaml')
  } catch (error) {
    assert.ok(error instanceof VitrineError)
    return error
  }
  assert.fail('expected an error')
}

const rule = (detector: string, id = 'ACME-1') => `pack: acme
version: '1'
title: Acme
rules:
  - id: ${id}
    title: Test
    severity: error
    scope: { markets: ['*'] }
    detector: ${detector}
    message: { en: m, de: m, fr: m, zh: m, ar: m }
    fix: { en: f, de: f, fr: f, zh: f, ar: f }
    source: { law: Test, date: '2025' }
`

test('an invalid pack names the file, the rule id and the field', () => {
  const wrongType = packError(rule('{ kind: terms, terms: best }'))
  assert.equal(wrongType.code, 'lint/invalid-pack')
  assert.match(wrongType.message, /^rules\/acme\.yaml: rule ACME-1: \/rules\/0\/detector\/terms: expected/)
  const unknownKind = packError(rule('{ kind: magic }'))
  assert.match(unknownKind.message, /rule ACME-1: \/rules\/0\/detector\/kind/)
  const missingMessage = packError(rule('{ kind: terms, terms: [x] }').replace('message: { en: m, de: m, fr: m, zh: m, ar: m }', 'message: { en: m }'))
  assert.match(missingMessage.message, /\/rules\/0\/message\/de: missing/)
  const badPack = packError('pack: Acme\nversion: 1\n')
  assert.match(badPack.message, /^rules\/acme\.yaml: /)
  assert.ok(badPack.issues.some((i) => i.path === '/pack' && /rules\/acme\.yaml/.test(i.message)))
  assert.match(packError('pack: [unclosed').message, /not valid YAML/)
})

test('patterns that could backtrack catastrophically are refused when the pack loads', () => {
  for (const bad of ['(a+)+$', '(\\w+\\s?)*x', '(a|ab)*c', '(.*)\\1']) {
    const error = packError(rule(`{ kind: pattern, patterns: ['${bad}'] }`))
    assert.equal(error.code, 'lint/invalid-pack')
    assert.match(error.message, /rule ACME-1: \/rules\/0\/detector\/patterns\/0: pattern .* refused/)
  }
  assert.doesNotThrow(() => parseRulePack(rule(`{ kind: pattern, patterns: ['statt\\s?\\d+(?:[.,]\\d+)?', '(?:ab|cd)?x+'] }`), 'ok.yaml'))
  // The same check guards host overrides.
  assert.throws(() => createRuleSet({ override: { 'DE-SUPER': { add: { patterns: ['(x+)+y'] } } } }), /options: rule DE-SUPER: .*refused/)
})

test('hosts extend, disable and override rules', () => {
  const scene = textScene(['Der beste Kaffee, heilt alles', 'Acme Wunder'])
  const base = lint(scene, { market: 'de-DE' }).map((d) => d.rule)
  assert.ok(base.includes('DE-SUPER'))
  const pack = parseRulePack(rule(`{ kind: terms, terms: [wunder] }`, 'ACME-WONDER').replace("scope: { markets: ['*'] }", 'scope: { markets: [DE] }') + 'disable: [DE-SUPER]\nextends: [de]\n', 'acme.yaml')
  const rules = createRuleSet({ extra: [pack], override: { 'EU-HEALTH': { severity: 'warn', add: { terms: ['heilt alles'] } } } })
  const found = lint(scene, { market: 'de-DE', rules })
  assert.ok(!found.some((d) => d.rule === 'DE-SUPER'))
  assert.ok(found.some((d) => d.rule === 'ACME-WONDER' && d.excerpt === 'Wunder'))
  const health = found.find((d) => d.rule === 'EU-HEALTH')
  assert.equal(health?.severity, 'warn')
  assert.equal(health?.excerpt, 'heilt alles')
  assert.throws(() => createRuleSet({ disable: ['NOPE-1'] }), (e: unknown) => e instanceof VitrineError && e.code === 'lint/unknown-rule' && /NOPE-1.*expected one of .*CN-ABS/.test(e.message))
  assert.throws(() => createRuleSet({ extra: [rule('{ kind: terms, terms: [x] }', 'CN-ABS')] }), /already defined by pack "cn"/)
})

test('unknown markets and platforms list the known ones', () => {
  const scene = textScene(['x'])
  assert.throws(() => lint(scene, { market: 'xx-YY' }), (e: unknown) => e instanceof VitrineError && e.code === 'market/unknown' && /de-DE/.test(e.message))
  assert.throws(() => lint(scene, { market: 'de-DE', platform: 'myspace' }), (e: unknown) => e instanceof VitrineError && e.code === 'lint/unknown-platform' && /tiktok/.test(e.message) && /amazon/.test(e.message))
})
