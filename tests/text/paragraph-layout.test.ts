// The paragraph layout with real fonts on a real Skia canvas: visual order of mixed runs,
// directional controls, letter spacing, alignment, justification and ellipsis in both directions.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { assignFonts, cssFontAt, FontLibrary, layoutText, type SceneFontRef, type TextLayoutInput, type TextLayoutResult } from '@vitrine/core'
import { NodePlatform, builtInFontBaseUrl } from '@vitrine/node'

const platform = new NodePlatform()
const fonts = new FontLibrary(platform, { builtInBaseUrl: builtInFontBaseUrl() })
const ctx = platform.createSurface(1, 1).context
const inter: SceneFontRef = { family: 'Inter', weight: 400, style: 'normal' }

async function layout(text: string, options: Partial<TextLayoutInput> & { locale: string }): Promise<TextLayoutResult> {
  const assigned = await assignFonts(text, { primary: inter, fonts, locale: options.locale })
  return layoutText(ctx, {
    text,
    fontAt: cssFontAt(inter),
    runs: assigned.runs.map((r) => ({ start: r.start, end: r.end, fontAt: cssFontAt(r.face) })),
    fontSize: 20,
    minFontSize: 10,
    shrink: false,
    lineHeight: 1.2,
    letterSpacing: 0,
    width: 1000,
    height: 1000,
    align: 'start',
    verticalAlign: 'top',
    metrics: { ascent: 0.97, descent: 0.24 },
    ...options,
  })
}

test('an Arabic title with a Latin brand and a price: runs in visual order, each in its direction', async () => {
  const r = await layout('حذاء Nike الجديد 49.99 ر.س.', { locale: 'ar-SA', direction: 'rtl' })
  const runs = r.lines[0]!.runs
  // Left to right on screen: the riyal sign, the price, the Arabic words, then the brand at the right end of its Arabic context.
  const order = runs.map((run) => run.text.trim()).filter(Boolean)
  assert.ok(order.indexOf('49.99') < order.indexOf('الجديد'), `price left of الجديد: ${order.join(' | ')}`)
  assert.ok(order.indexOf('الجديد') < order.indexOf('Nike'), `الجديد left of Nike: ${order.join(' | ')}`)
  assert.ok(order.indexOf('Nike') < order.indexOf('حذاء'), `Nike left of حذاء: ${order.join(' | ')}`)
  assert.equal(runs.find((run) => run.text === 'Nike')!.direction, 'ltr')
  assert.equal(runs.find((run) => run.text === '49.99')!.direction, 'ltr')
  assert.equal(runs.find((run) => run.text === 'حذاء')!.direction, 'rtl')
  assert.match(runs.find((run) => run.text === 'حذاء')!.font, /"Vitrine Fallback noto-sans-arabic arabic"/)
  // Runs sit side by side, left to right, without overlapping.
  for (let i = 1; i < runs.length; i++) assert.ok(runs[i]!.x >= runs[i - 1]!.x + runs[i - 1]!.width - 0.01)
  // start in a right-to-left paragraph is the right edge.
  assert.ok(Math.abs(r.lines[0]!.x + r.lines[0]!.width - 1000) < 0.01)
})

test('isolates and marks from formatted messages steer the order and are not drawn', async () => {
  const r = await layout('السعر \u2068€49.99\u2069 \u200fاليوم', { locale: 'ar-EG', direction: 'rtl' })
  const drawn = r.lines[0]!.runs.map((run) => run.text).join('')
  assert.doesNotMatch(drawn, /[\u2068\u2069\u200f]/)
  assert.equal(r.lines[0]!.text, 'السعر €49.99 اليوم')
  const order = r.lines[0]!.runs.map((run) => run.text.trim()).filter(Boolean)
  assert.ok(order.indexOf('اليوم') < order.indexOf('€49.99') && order.indexOf('€49.99') < order.indexOf('السعر'), order.join(' | '))
})

test('letter spacing applies to Latin runs and never to Arabic (it would break the joins)', async () => {
  const r = await layout('Vitrine متجر', { locale: 'ar-SA', direction: 'rtl', letterSpacing: 4 })
  const runs = r.lines[0]!.runs
  assert.equal(runs.find((run) => run.text.includes('Vitrine'))!.letterSpacing, 4)
  assert.equal(runs.find((run) => run.text.includes('متجر'))!.letterSpacing, 0)
})

test('alignment follows the direction; justify stretches every line but the last', async () => {
  const ltrEnd = await layout('Sale', { locale: 'en', align: 'end', width: 300 })
  assert.ok(Math.abs(ltrEnd.lines[0]!.x + ltrEnd.lines[0]!.width - 300) < 0.01)
  const rtlEnd = await layout('تخفيض', { locale: 'ar', direction: 'rtl', align: 'end', width: 300 })
  assert.equal(rtlEnd.lines[0]!.x, 0)
  const text = 'Waterproof trail running shoes with a recycled knit upper and grippy soles'
  const justified = await layout(text, { locale: 'en', align: 'justify', width: 300 })
  assert.ok(justified.lines.length >= 3)
  for (const line of justified.lines.slice(0, -1)) assert.ok(Math.abs(line.width - 300) < 0.01, `justified width ${line.width}`)
  const last = justified.lines[justified.lines.length - 1]!
  assert.ok(last.width < 300 && last.x === 0)
})

test('justify follows the script: CJK spaces every character, Thai spaces its words, never inside a cluster', async () => {
  const gapsOf = (line: TextLayoutResult['lines'][number]) => line.runs.slice(1).map((r, i) => r.x - (line.runs[i]!.x + line.runs[i]!.width))
  // Japanese: one run per character (clusters whole), equal gaps between them, none after the last.
  const ja = await layout('防水トレイルランニングシューズ、リサイクルニットのアッパー、軽量で通気性にすぐれた一足です。', { locale: 'ja-JP', align: 'justify', width: 410 })
  assert.ok(ja.lines.length >= 3)
  for (const line of ja.lines.slice(0, -1)) {
    assert.ok(Math.abs(line.x) < 0.01 && Math.abs(line.width - 410) < 0.01, `justified width ${line.width}`)
    assert.equal(line.runs.map((r) => r.text).join(''), line.text)
    assert.ok(line.runs.length >= [...line.text].length - 1, `${line.runs.length} pieces for ${[...line.text].length} characters`)
    const gaps = gapsOf(line)
    assert.ok(gaps.every((g) => g > 0 && Math.abs(g - gaps[0]!) < 0.01), `equal gaps: ${gaps.join(' ')}`)
    // The last character ends at the right edge: no space after it.
    const lastRun = line.runs[line.runs.length - 1]!
    assert.ok(Math.abs(lastRun.x + lastRun.width - 410) < 0.01)
  }
  const last = ja.lines[ja.lines.length - 1]!
  assert.ok(last.x === 0 && last.width < 410, 'the last line stays at the start')
  // Thai: the gaps fall between dictionary words, so every piece is whole words and clusters.
  const th = await layout('รองเท้าวิ่งกันน้ำพร้อมพื้นยางยึดเกาะดีเยี่ยมสำหรับทุกสภาพถนนและทุกสภาพอากาศ', { locale: 'th-TH', align: 'justify', width: 300 })
  assert.ok(th.lines.length >= 2)
  const words = new Set(Array.from(new Intl.Segmenter('th', { granularity: 'word' }).segment(th.lines.map((l) => l.text).join('')), (w) => w.segment))
  for (const line of th.lines.slice(0, -1)) {
    assert.ok(Math.abs(line.width - 300) < 0.01, `justified width ${line.width}`)
    assert.ok(line.runs.length > 1, 'a Thai line without spaces is justified between its words')
    for (const run of line.runs) assert.ok(words.has(run.text), `${run.text} is one word`)
    assert.ok(gapsOf(line).every((g) => g > 0))
  }
  // A combining mark stays with its base: a Japanese line with a voiced-sound mark is not split inside the cluster.
  const marks = await layout('か\u3099き\u3099く\u3099け\u3099こ\u3099か\u3099き\u3099く\u3099け\u3099こ\u3099', { locale: 'ja-JP', align: 'justify', width: 120 })
  for (const line of marks.lines) for (const run of line.runs) assert.doesNotMatch(run.text, /^\u3099/)
})

test('a right-to-left override (the ar-XB pseudo-locale) draws its letters reversed, in right-to-left word order', async () => {
  const r = await layout('\u202eSale\u202c \u202enow\u202c', { locale: 'ar-XB', direction: 'rtl', fontSize: 40, width: 600 })
  const line = r.lines[0]!
  assert.equal(line.text, 'Sale now')
  // Drawn, the line reads "won elaS" from left to right, as the same letters set plainly do.
  const draw = (paint: (c: ReturnType<typeof platform.createSurface>['context']) => void) => {
    const surface = platform.createSurface(600, 60)
    const c = surface.context
    c.fillStyle = '#fff'
    c.fillRect(0, 0, 600, 60)
    c.fillStyle = '#000'
    c.textAlign = 'left'
    paint(c)
    return c.getImageData(0, 0, 600, 60).data
  }
  const laidOut = draw((c) => {
    for (const run of line.runs) {
      c.font = run.font
      c.direction = run.direction
      c.fillText(run.text, Math.round(line.x + run.x), 45)
    }
  })
  const expected = draw((c) => {
    c.font = line.runs[0]!.font
    c.direction = 'ltr'
    c.fillText('won elaS', Math.round(line.x), 45)
  })
  const unreversed = draw((c) => {
    c.font = line.runs[0]!.font
    c.direction = 'ltr'
    c.fillText('Sale now', Math.round(line.x), 45)
  })
  const differing = (a: Uint8ClampedArray, b: Uint8ClampedArray) => a.filter((v, i) => Math.abs(v - b[i]!) > 64).length
  assert.ok(differing(laidOut, expected) < 40, `${differing(laidOut, expected)} values differ from "won elaS"`)
  assert.ok(differing(laidOut, unreversed) > 400, 'and it is not drawn unreversed')
})

test('maxLines cuts at a grapheme and puts the ellipsis at the logical end, in either direction', async () => {
  const en = await layout('Waterproof trail running shoes with a recycled knit upper', { locale: 'en', width: 200, maxLines: 2 })
  assert.equal(en.lines.length, 2)
  assert.match(en.lines[1]!.text, /…$/)
  assert.ok(en.lines[1]!.width <= 200)
  const ar = await layout('حذاء جري مقاوم للماء بنعل مطاطي خفيف الوزن ومريح جدا', { locale: 'ar', direction: 'rtl', width: 200, maxLines: 2 })
  assert.equal(ar.lines.length, 2)
  const runs = ar.lines[1]!.runs
  // In a right-to-left line the ellipsis is the leftmost thing drawn.
  assert.equal(runs[0]!.text.startsWith('…') || runs[0]!.text.endsWith('…'), true, runs.map((r) => r.text).join(' | '))
  assert.ok(ar.lines[1]!.x >= 0)
})

test('lines never break inside a grapheme cluster, nor Thai inside a word', async () => {
  const thai = await layout('รองเท้าวิ่งกันน้ำพร้อมพื้นยางยึดเกาะดีเยี่ยม', { locale: 'th-TH', width: 150 })
  assert.ok(thai.lines.length > 1)
  const words = new Set(Array.from(new Intl.Segmenter('th', { granularity: 'word' }).segment('รองเท้าวิ่งกันน้ำพร้อมพื้นยางยึดเกาะดีเยี่ยม'), (s) => s.index))
  let at = 0
  for (const line of thai.lines) {
    assert.ok(words.has(at), `line starts at ${at}, not a word boundary`)
    at += line.text.length
  }
  const flags = await layout('🇯🇵🇯🇵🇯🇵🇯🇵🇯🇵🇯🇵🇯🇵🇯🇵', { locale: 'ja', width: 60 })
  for (const line of flags.lines) assert.equal(line.text.length % 4, 0, `a flag was split: ${line.text}`)
})

test('shrink-to-fit picks the largest quarter-pixel size that fits', async () => {
  const r = await layout('防水トレイルランニングシューズ、リサイクルニットのアッパー', { locale: 'ja-JP', fontSize: 60, minFontSize: 10, shrink: true, width: 300, height: 100 })
  assert.equal(r.status, 'shrunk')
  assert.equal(r.fontSize * 4, Math.round(r.fontSize * 4))
  const bigger = await layout('防水トレイルランニングシューズ、リサイクルニットのアッパー', { locale: 'ja-JP', fontSize: r.fontSize + 0.25, minFontSize: r.fontSize + 0.25, shrink: true, width: 300, height: 100 })
  assert.equal(bigger.status, 'overflow')
})
