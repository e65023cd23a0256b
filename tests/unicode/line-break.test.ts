// UAX #14 conformance of the line breaking the paragraph layout uses (LineBreakTest.txt), and
// proof that the layout's own tailorings only remove breaks inside grapheme clusters and add
// dictionary breaks inside Thai, Lao, Khmer and Burmese.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { BREAK_ALLOWED, BREAK_NONE, findLineBreaks, graphemeBoundaries, uax14Breaks } from '@vitrine/core'
import * as core from '@vitrine/core'
import { checkLineBreaks, codePoints, explainedLineBreaks, offsets, parseBreakTest } from './conformance.ts'
import { rate, readUnicodeFile, unicodeVersionOf } from './unicode-files.ts'

const file = readUnicodeFile('auxiliary/LineBreakTest.txt')
const cases = parseBreakTest(file)

const key = codePoints

test('LineBreakTest: UAX #14 line breaks (uax14Breaks, which the layout uses) pass at least 99.9 %', (t) => {
  const { pass, total, failures } = checkLineBreaks(file, core)
  t.diagnostic(`LineBreakTest ${unicodeVersionOf(file)}: ${rate(pass, total)} pass`)
  for (const f of failures) t.diagnostic(`  fails: ${f} — ${explainedLineBreaks[f] ?? 'UNEXPLAINED'}`)
  assert.ok(total > 7000, `expected the whole file, found ${total} cases`)
  assert.ok(pass / total >= 0.999, `pass rate ${rate(pass, total)} is below 99.9 %`)
  assert.deepEqual(failures.filter((f) => !explainedLineBreaks[f]), [], 'every failing case must be explained')
})

test('the layout tailors UAX #14 only by removing breaks inside grapheme clusters', (t) => {
  let removed = 0
  for (const c of cases) {
    const base = uax14Breaks(c.text)
    const tailored = findLineBreaks(c.text, 'en-US')
    const clusters = graphemeBoundaries(c.text)
    for (let i = 1; i < c.text.length; i++) {
      if (base[i] === tailored[i]) continue
      // The only change allowed here (no Thai words in these cases): an opportunity inside a cluster dropped.
      assert.equal(clusters[i], 0, `${key(c.text)}: break at ${i} changed although it is a cluster boundary`)
      assert.equal(tailored[i], BREAK_NONE)
      removed++
    }
  }
  t.diagnostic(`${removed} UAX #14 opportunities fall inside a grapheme cluster (e.g. a space followed by a combining mark, an emoji modifier after a non-emoji) and are not used`)
  assert.ok(removed > 0)
})

test('Thai, Lao, Khmer and Burmese break between words (Intl.Segmenter dictionaries), which UAX #14 alone does not', () => {
  for (const [text, locale] of [
    ['รองเท้าวิ่งกันน้ำ', 'th-TH'],
    ['ເກີບແລ່ນກັນນ້ຳ', 'lo-LA'],
    ['ស្បែកជើងរត់ការពារទឹក', 'km-KH'],
    ['ရေစိုခံပြေးဖိနပ်', 'my-MM'],
  ] as const) {
    assert.deepEqual(offsets(uax14Breaks(text), 1), [text.length], `${text}: UAX #14 finds no break inside`)
    const inner = offsets(findLineBreaks(text, locale), 1).filter((i) => i < text.length)
    assert.ok(inner.length >= 1, `${text}: expected word breaks inside, found none`)
    const clusters = graphemeBoundaries(text)
    for (const i of inner) assert.equal(clusters[i], 1, `${text}: break ${i} inside a cluster`)
  }
  // รองเท้า | วิ่ง | กัน | น้ำ
  assert.deepEqual(offsets(findLineBreaks('รองเท้าวิ่งกันน้ำ', 'th'), 1), [7, 11, 14, 17])
})

test('CJK: no line starts with closing punctuation or a small kana; Korean breaks between words', () => {
  const ja = '「新発売」送料無料、今だけッ！'
  const breaks = findLineBreaks(ja, 'ja-JP')
  for (const i of offsets(breaks, 1)) {
    if (i < ja.length) assert.doesNotMatch(ja[i]!, /[」、！ッ]/, `a line could start with ${ja[i]}`)
  }
  assert.equal(breaks[1], BREAK_NONE, 'no break after an opening bracket')
  const ko = '재활용 니트 갑피'
  assert.deepEqual(offsets(findLineBreaks(ko, 'ko-KR'), 1), [4, 7, ko.length])
  assert.ok(offsets(findLineBreaks(ko, 'zh-CN'), 1).length > 3, 'outside Korean, Hangul breaks between syllables (UAX #14)')
  assert.equal(findLineBreaks('a b', 'en')[2], BREAK_ALLOWED)
})
