// The conformance checks themselves, free of Node and of any runner, so that the same code runs
// against @vitrine/core in Node (the *.test.ts files here) and inside Chromium
// (chromium-conformance.test.ts).

/** The break and bidi functions under test (those of `@vitrine/core`). */
export interface TextFunctions {
  uax14Breaks(text: string): Uint8Array
  graphemeBoundaries(text: string): Uint8Array
  resolveBidiLevels(text: string, direction: 'ltr' | 'rtl' | 'auto'): { levels: Uint8Array; paragraphLevels: Uint8Array }
  lineLevels(text: string, levels: { levels: Uint8Array; paragraphLevels: Uint8Array }, start: number, end: number): Uint8Array
  visualOrder(levels: ArrayLike<number>): number[]
}

export interface Outcome {
  pass: number
  total: number
  /** Failing cases (code points), at most 50. */
  failures: string[]
}

/** One case of a break test file (`÷ 0061 × 0308 ÷`): its text and where breaks are (UTF-16 offsets, 0 and the end included). */
export interface BreakCase {
  line: number
  source: string
  text: string
  breaks: number[]
}

export function parseBreakTest(text: string): BreakCase[] {
  const cases: BreakCase[] = []
  text.split('\n').forEach((raw, i) => {
    const data = raw.split('#')[0]!.trim()
    if (!data) return
    let s = ''
    const breaks: number[] = []
    for (const token of data.split(/\s+/)) {
      if (token === '÷') breaks.push(s.length)
      else if (token !== '×') s += String.fromCodePoint(parseInt(token, 16))
    }
    cases.push({ line: i + 1, source: raw, text: s, breaks })
  })
  return cases
}

/** Offsets where `flags[i]` is set. */
export function offsets(flags: ArrayLike<number>, from = 0): number[] {
  const out: number[] = []
  for (let i = from; i < flags.length; i++) if (flags[i]) out.push(i)
  return out
}

export const codePoints = (text: string) => Array.from(text, (c) => c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')).join(' ')

/** LineBreakTest.txt against `uax14Breaks` (the break before position 0 is not counted). */
export function checkLineBreaks(file: string, fns: TextFunctions): Outcome {
  const out: Outcome = { pass: 0, total: 0, failures: [] }
  for (const c of parseBreakTest(file)) {
    out.total++
    if (offsets(fns.uax14Breaks(c.text), 1).join() === c.breaks.filter((b) => b > 0).join()) out.pass++
    else if (out.failures.length < 50) out.failures.push(codePoints(c.text))
  }
  return out
}

/** GraphemeBreakTest.txt or WordBreakTest.txt against a segmentation. */
export function checkSegments(file: string, segment: (text: string) => number[]): Outcome {
  const out: Outcome = { pass: 0, total: 0, failures: [] }
  for (const c of parseBreakTest(file)) {
    out.total++
    if (segment(c.text).join() === c.breaks.join()) out.pass++
    else if (out.failures.length < 50) out.failures.push(codePoints(c.text))
  }
  return out
}

// Characters that rule X9 removes: the test files give them no level ('x') and no place in the order.
const removedByX9 = /^[\u202a-\u202e\u00ad\u200b-\u200d\u2060-\u2064\ufeff\u180e\u0000-\u0008\u000e-\u001b\u007f-\u0084\u0086-\u009f\u206a-\u206f\ufff9-\ufffb\u{1bca0}-\u{1bca3}\u{1d173}-\u{1d17a}\u{e0000}-\u{e0fff}]$/u

/** Levels ('x' for removed) and visual order of one paragraph, one entry per code point. */
function runBidi(fns: TextFunctions, chars: string[], direction: 'ltr' | 'rtl' | 'auto', removed: (i: number) => boolean): { levels: string; order: string } {
  const text = chars.join('')
  const levels = fns.lineLevels(text, fns.resolveBidiLevels(text, direction), 0, text.length)
  const starts: number[] = []
  let u = 0
  for (const c of chars) {
    starts.push(u)
    u += c.length
  }
  const kept = chars.map((_, i) => i).filter((i) => !removed(i))
  const order = fns.visualOrder(kept.map((i) => levels[starts[i]!]!)).map((k) => kept[k])
  return { levels: chars.map((_, i) => (removed(i) ? 'x' : String(levels[starts[i]!]))).join(' '), order: order.join(' ') }
}

/** BidiCharacterTest.txt: levels and visual order of each line. */
export function checkBidiCharacters(file: string, fns: TextFunctions): Outcome {
  const out: Outcome = { pass: 0, total: 0, failures: [] }
  for (const line of file.split('\n')) {
    if (!line || line.startsWith('#')) continue
    const [cps, dir, , levels, order] = line.split(';')
    const chars = cps!.trim().split(' ').map((h) => String.fromCodePoint(parseInt(h, 16)))
    const got = runBidi(fns, chars, dir === '0' ? 'ltr' : dir === '1' ? 'rtl' : 'auto', (i) => removedByX9.test(chars[i]!))
    out.total++
    if (got.levels === levels!.trim() && got.order === order!.trim()) out.pass++
    else if (out.failures.length < 50) out.failures.push(`${line} → ${got.levels}; ${got.order}`)
  }
  return out
}

// One character of each bidi class, for BidiTest.txt (which lists classes, not characters).
const representative: Record<string, number> = {
  L: 0x61, R: 0x5d0, AL: 0x627, EN: 0x31, ES: 0x2b, ET: 0x24, AN: 0x660, CS: 0x2c, NSM: 0x300, BN: 0xad, B: 0x2029, S: 0x9, WS: 0x20, ON: 0x21,
  LRE: 0x202a, LRO: 0x202d, RLE: 0x202b, RLO: 0x202e, PDF: 0x202c, LRI: 0x2066, RLI: 0x2067, FSI: 0x2068, PDI: 0x2069,
}
const removedClasses = new Set(['LRE', 'RLE', 'LRO', 'RLO', 'PDF', 'BN'])

/** BidiTest.txt: every class sequence in every paragraph direction its bitset names. */
export function checkBidiClasses(file: string, fns: TextFunctions): Outcome {
  const out: Outcome = { pass: 0, total: 0, failures: [] }
  let levels = ''
  let order = ''
  for (const line of file.split('\n')) {
    if (line.startsWith('@Levels:')) levels = line.slice(8).trim()
    else if (line.startsWith('@Reorder:')) order = line.slice(9).trim()
    else if (line.trim() && !line.startsWith('#')) {
      const [classList, bits] = line.split(';')
      const classes = classList!.trim().split(' ')
      const chars = classes.map((c) => String.fromCodePoint(representative[c]!))
      for (const [bit, direction] of [[1, 'auto'], [2, 'ltr'], [4, 'rtl']] as const) {
        if (!(Number(bits) & bit)) continue
        out.total++
        const got = runBidi(fns, chars, direction, (i) => removedClasses.has(classes[i]!))
        if (got.levels === levels && got.order === order) out.pass++
        else if (out.failures.length < 50) out.failures.push(`${classList} (${direction}) → ${got.levels}; ${got.order}; expected ${levels}; ${order}`)
      }
    }
  }
  return out
}

/**
 * Known failures that are not bugs: a Unicode version change explains them (see the tests). None
 * today: LB30b for reserved pictographs (U+1F02C U+1F3FF), which css-line-break lacks, is applied
 * by uax14Breaks itself.
 */
export const explainedLineBreaks: Record<string, string> = {}

/**
 * Returns the reason when a runtime's deviation explains a failing case of a segmentation test;
 * none is known. (Where ICU's Extended_Pictographic lacks characters, e.g. U+2701 ZWJ U+2701, or
 * Chromium's ICU tailors ':' out of MidLetter, Vitrine's own rules join them: those cases pass.)
 */
export function explainSegmentFailure(_codePointList: string): string | undefined {
  return undefined
}
