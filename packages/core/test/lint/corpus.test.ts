import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync, readdirSync } from 'node:fs'
import { lint } from '../../src/lint/lint.js'
import { textScene } from './text-scene.js'

interface CorpusEntry {
  rule: string
  market: string
  expect: 'flag' | 'pass'
  text?: string
  texts?: Array<{ text: string; fontSize?: number }>
  data?: Record<string, unknown>
  platform?: string
  category?: string
  contentType?: string
  brands?: string[]
}

const folder = new URL('./corpus/', import.meta.url)
const entries: Array<CorpusEntry & { file: string; line: number }> = readdirSync(folder)
  .filter((f) => f.endsWith('.jsonl'))
  .flatMap((file) =>
    readFileSync(new URL(file, folder), 'utf8')
      .split('\n')
      .map((line, i) => ({ line, i }))
      .filter(({ line }) => line.trim() !== '')
      .map(({ line, i }) => ({ ...(JSON.parse(line) as CorpusEntry), file, line: i + 1 })),
  )

// After the EU green-claims rules take effect, so that they count as errors.
const DATE = '2026-10-01'

test('the labelled corpus has at least 300 phrases in Chinese, German, French, English and Arabic', () => {
  assert.ok(entries.length >= 300, `${entries.length} phrases`)
  for (const lang of ['zh', 'de', 'fr', 'en', 'ar']) assert.ok(entries.some((e) => e.file === `${lang}.jsonl`), lang)
  assert.ok(entries.filter((e) => e.expect === 'pass').length >= 100, 'tricky passes')
})

test('corpus: precision and recall per market meet the targets (recall ≥ 0.95, precision ≥ 0.90)', () => {
  const stats = new Map<string, { tp: number; fp: number; fn: number; tn: number }>()
  const misses: string[] = []
  for (const e of entries) {
    const scene = textScene(e.texts ?? [e.text ?? ''])
    const found = lint(scene, { market: e.market, platform: e.platform, data: e.data, category: e.category, contentType: e.contentType, brands: e.brands, date: DATE })
    const flagged = found.some((d) => d.rule === e.rule)
    const s = stats.get(e.market) ?? { tp: 0, fp: 0, fn: 0, tn: 0 }
    if (e.expect === 'flag') {
      if (flagged) s.tp++
      else s.fn++
    } else if (flagged) s.fp++
    else s.tn++
    stats.set(e.market, s)
    if (flagged !== (e.expect === 'flag')) misses.push(`${e.file}:${e.line} ${e.rule} ${e.market} expected ${e.expect}: ${JSON.stringify(e.text ?? e.texts)}`)
  }
  const rows = [...stats.entries()].sort().map(([market, s]) => {
    const recall = s.tp + s.fn === 0 ? 1 : s.tp / (s.tp + s.fn)
    const precision = s.tp + s.fp === 0 ? 1 : s.tp / (s.tp + s.fp)
    return { market, phrases: s.tp + s.fp + s.fn + s.tn, recall: Number(recall.toFixed(3)), precision: Number(precision.toFixed(3)), tp: s.tp, fp: s.fp, fn: s.fn, tn: s.tn }
  })
  console.log('lint corpus, per market:')
  console.table(rows)
  if (misses.length > 0) console.log(`misclassified:\n  ${misses.join('\n  ')}`)
  for (const r of rows) {
    assert.ok(r.recall >= 0.95, `${r.market}: recall ${r.recall} < 0.95`)
    assert.ok(r.precision >= 0.9, `${r.market}: precision ${r.precision} < 0.90`)
  }
})
