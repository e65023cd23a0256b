import { LineBreaker } from 'css-line-break'

/** No line may break before this position. */
export const BREAK_NONE = 0
/** A line may break before this position. */
export const BREAK_ALLOWED = 1
/** A line must break before this position (after a newline). */
export const BREAK_MANDATORY = 2

/**
 * Line-break opportunities by Unicode UAX #14 (strict line breaking, the default rules the
 * conformance file tests), from `css-line-break`. `result[i]` says whether a line may break
 * before UTF-16 index `i` of `text`; `result[text.length]` is always {@link BREAK_MANDATORY}.
 */
export function uax14Breaks(text: string): Uint8Array {
  const out = new Uint8Array(text.length + 1)
  if (text.length === 0) {
    out[0] = BREAK_MANDATORY
    return out
  }
  // css-line-break counts code points; map them back to UTF-16 offsets.
  const offsets: number[] = []
  for (let i = 0; i < text.length; i++) {
    offsets.push(i)
    const c = text.charCodeAt(i)
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1)
      if (d >= 0xdc00 && d <= 0xdfff) i++
    }
  }
  offsets.push(text.length)
  const breaker = LineBreaker(text, { lineBreak: 'strict', wordBreak: 'normal' })
  for (let b = breaker.next(); !b.done; b = breaker.next()) {
    const at = offsets[b.value.end]!
    out[at] = b.value.required ? BREAK_MANDATORY : BREAK_ALLOWED
  }
  out[text.length] = BREAK_MANDATORY
  return out
}

// Scripts written without spaces between words, whose UAX #14 class is SA ("needs a
// dictionary"): UAX #14 alone finds no break inside them.
const dictionaryScripts: Array<{ test: RegExp; locale: string }> = [
  { test: /\p{Script=Thai}/u, locale: 'th' },
  { test: /\p{Script=Lao}/u, locale: 'lo' },
  { test: /\p{Script=Khmer}/u, locale: 'km' },
  { test: /\p{Script=Myanmar}/u, locale: 'my' },
]
const dictionaryRun = /[\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}][\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}\p{M}\u200b-\u200d]*/gu

const letter = /[\p{L}\p{M}]/u
const simpleClusters = /^[\u0020-\u007e\u00a0-\u00ac\u00ae-\u02ff\u0370-\u0482\u048a-\u052f\u2010-\u2027\u2030-\u205e\u20a0-\u20c0\u2100-\u214f]*$/

const segmenters = new Map<string, Intl.Segmenter>()
function segmenter(locale: string, granularity: 'word' | 'grapheme'): Intl.Segmenter {
  const key = `${locale}|${granularity}`
  let s = segmenters.get(key)
  if (!s) {
    s = new Intl.Segmenter(locale, { granularity })
    segmenters.set(key, s)
  }
  return s
}

// Characters whose Grapheme_Cluster_Break is Other and that are not Extended_Pictographic: two
// of them side by side always have a cluster boundary between them (rule GB999). Marks,
// controls, format characters, surrogates (so every astral character), Hangul, emoji, regional
// indicators and the few letters that extend or prepend (Thai and Lao AM, Malayalam dot reph,
// halfwidth sound marks) are left out and go to Intl.Segmenter. tests/unicode checks every BMP
// character against Intl.Segmenter.
const ownCluster = /[^\p{M}\p{C}\p{Zl}\p{Zp}\p{Extended_Pictographic}\p{Regional_Indicator}\u0e33\u0eb3\u0d4e\u1100-\u11ff\ua960-\ua97f\uac00-\ud7ff\uff9e\uff9f]/u

/**
 * Grapheme cluster boundaries (UAX #29, extended clusters) of `text` from `Intl.Segmenter`:
 * `result[i]` is 1 where a cluster starts at UTF-16 index `i` (and at `text.length`).
 */
export function graphemeBoundaries(text: string): Uint8Array {
  const n = text.length
  const out = new Uint8Array(n + 1)
  // Latin, Greek and Cyrillic letters, digits and punctuation without combining marks or
  // controls: every character is a cluster of its own (the common case, and much faster).
  if (simpleClusters.test(text)) {
    out.fill(1)
    return out
  }
  // Between two characters that each are a cluster of their own there is always a boundary;
  // only the stretches around the others (marks, emoji, Hangul…) need the segmenter.
  const own = new Uint8Array(n)
  for (let i = 0; i < n; i++) own[i] = ownCluster.test(text[i]!) ? 1 : 0
  let segmented = 0
  for (let i = 0; i < n; ) {
    let j = i + 1
    while (j < n && !(own[j - 1] && own[j])) j++
    out[i] = 1
    if (j - i > 1) {
      // Many stretches (Thai, Devanagari): one pass over the whole rest is cheaper.
      if (++segmented > 4) {
        for (const s of segmenter('und', 'grapheme').segment(text.slice(i))) out[i + s.index] = 1
        break
      }
      for (const s of segmenter('und', 'grapheme').segment(text.slice(i, j))) out[i + s.index] = 1
    }
    i = j
  }
  out[n] = 1
  return out
}

/**
 * Where the paragraph layout may break lines in `text`: UAX #14 ({@link uax14Breaks}), plus
 * word boundaries found by `Intl.Segmenter`'s dictionaries inside Thai, Lao, Khmer and
 * Burmese (which UAX #14 leaves unbroken), minus any opportunity inside a grapheme cluster.
 * Chinese and Japanese break between ideographs, and never before closing punctuation or
 * small kana (UAX #14 classes CL, CP, EX, NS and, in strict line breaking, CJ). Korean
 * (`ko` locales) breaks between words only, as Korean typesetting does (CSS `keep-all`).
 *
 * @example
 * ```ts
 * const breaks = findLineBreaks('สวัสดีครับ ok', 'th-TH')
 * // breaks[6] === BREAK_ALLOWED: between สวัสดี and ครับ
 * ```
 */
export function findLineBreaks(text: string, locale: string): Uint8Array {
  return findLineBreaksIn(text, locale, graphemeBoundaries(text))
}

/** {@link findLineBreaks} with the text's grapheme boundaries already found (the layout needs them too). */
export function findLineBreaksIn(text: string, locale: string, clusters: Uint8Array): Uint8Array {
  const out = uax14Breaks(text)
  if (/^ko\b/i.test(locale)) {
    // keep-all: no break between two letters (Hangul syllables break like Latin words).
    for (let i = 1; i < text.length; i++) if (out[i] === BREAK_ALLOWED && letter.test(text[i - 1]!) && letter.test(text[i]!)) out[i] = BREAK_NONE
  }
  dictionaryRun.lastIndex = 0
  for (const m of text.matchAll(dictionaryRun)) {
    const script = dictionaryScripts.find((s) => s.test.test(m[0])) ?? dictionaryScripts[0]!
    for (const word of segmenter(script.locale, 'word').segment(m[0])) {
      const at = m.index + word.index
      // Only between letters (UAX #14 class SA): punctuation of these scripts keeps its own rules.
      if (word.index > 0 && out[at] === BREAK_NONE && letter.test(text[at - 1]!) && letter.test(text[at]!)) out[at] = BREAK_ALLOWED
    }
  }
  for (let i = 1; i < text.length; i++) if (out[i] === BREAK_ALLOWED && clusters[i] === 0) out[i] = BREAK_NONE
  return out
}
