import { LineBreaker } from 'css-line-break'
import { isExtendedPictographic } from './extended-pictographic.js'

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
  if (text.includes('\ud83c')) keepModifiersWithReservedPictographs(text, out)
  return out
}

const unassigned = /\p{Cn}/u

/**
 * LB30b (Unicode 14+): no break between an unassigned code point of an Extended_Pictographic
 * block (a future emoji) and an emoji modifier. css-line-break keeps modifiers with the emoji
 * bases it knows only.
 */
function keepModifiersWithReservedPictographs(text: string, out: Uint8Array): void {
  for (let i = text.indexOf('\ud83c', 1); i !== -1; i = text.indexOf('\ud83c', i + 1)) {
    const modifier = text.charCodeAt(i + 1)
    if (modifier < 0xdffb || modifier > 0xdfff || out[i] !== BREAK_ALLOWED) continue
    const low = text.charCodeAt(i - 1)
    const before = low >= 0xdc00 && low <= 0xdfff && i >= 2 ? text.codePointAt(i - 2)! : low
    if (isExtendedPictographic(before) && unassigned.test(String.fromCodePoint(before))) out[i] = BREAK_NONE
  }
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
  if (text.includes('\u200d')) joinAfterZwj(text, out, true)
  return out
}

// Grapheme_Cluster_Break=Extend: Grapheme_Extend and the emoji skin-tone modifiers (not ZWJ).
const extend = /[\p{Grapheme_Extend}\p{Emoji_Modifier}]/u

/**
 * Removes the boundary after a ZWJ that an Extended_Pictographic character follows, by the
 * Unicode emoji data rather than the runtime's: some ICU builds (Node 20's and Chromium's
 * among them) give the property to 689 fewer characters than Unicode 15.0 and 17.0 do, so
 * their segmenters split sequences such as U+2701 ZWJ U+2701. `cluster` applies GB11 (the
 * ZWJ must end `ExtPict Extend*`); otherwise WB3c (any ZWJ).
 */
function joinAfterZwj(text: string, out: Uint8Array, cluster: boolean): void {
  for (let z = text.indexOf('\u200d'); z !== -1 && z + 1 < text.length; z = text.indexOf('\u200d', z + 1)) {
    if (out[z + 1] === 0 || !isExtendedPictographic(text.codePointAt(z + 1)!)) continue
    if (cluster) {
      let i = z
      let before = -1
      while (i > 0) {
        const low = text.charCodeAt(i - 1)
        i -= low >= 0xdc00 && low <= 0xdfff && i > 1 ? 2 : 1
        before = text.codePointAt(i)!
        if (!extend.test(String.fromCodePoint(before))) break
      }
      if (before < 0 || !isExtendedPictographic(before)) continue
    }
    out[z + 1] = 0
  }
}

/**
 * Word boundaries (UAX #29) of `text` from `Intl.Segmenter`, which finds the dictionary words of
 * Thai, Lao, Khmer and Burmese: `result[i]` is 1 where a word (or a run of spaces or
 * punctuation) starts at UTF-16 index `i`, and at `text.length`. A ZWJ keeps the pictograph after
 * it (WB3c) by the Unicode emoji data, whatever the runtime's ICU data says.
 */
export function wordBoundaries(text: string, locale = 'und'): Uint8Array {
  const out = new Uint8Array(text.length + 1)
  for (const word of segmenter(locale, 'word').segment(text)) out[word.index] = 1
  out[text.length] = 1
  if (text.includes('\u200d')) joinAfterZwj(text, out, false)
  if (text.includes(':') && colonTailored()) joinAroundColons(text, out)
  return out
}

let colonTailoring: boolean | undefined
/** Whether this runtime's word rules break at ':' between letters (Chromium's ICU build does). */
function colonTailored(): boolean {
  return (colonTailoring ??= Array.from(segmenter('und', 'word').segment('a:b')).length === 3)
}

// Word_Break ALetter or Hebrew_Letter (UAX #29 "AHLetter"): alphabetic, but not ideographs, kana,
// marks, the scripts that need a dictionary (Line_Break SA) or the kana marks of Word_Break Katakana.
const ahLetter = /^(?![\p{Ideographic}\p{Script=Katakana}\p{Script=Hiragana}\p{M}\p{Script=Thai}\p{Script=Lao}\p{Script=Myanmar}\p{Script=Khmer}\p{Script=Tai_Le}\p{Script=New_Tai_Lue}\p{Script=Tai_Tham}\p{Script=Tai_Viet}\p{Script=Ahom}\u3031-\u3035\u309b\u309c\u30a0\u30fc\uff70])[\p{Alphabetic}\u02c2-\u02c5\u02d2-\u02d7\u02de\u02df\u02ed\u02ef-\u02ff\u05f3\ua720\ua721\ua789\ua78a\uab5b]$/u
// What word rules skip after a character (WB4): Extend, Format and ZWJ.
const ignorable = /[\p{Grapheme_Extend}\p{Emoji_Modifier}\p{Cf}]/u

/** WB6 and WB7 for ':' (a MidLetter in UAX #29), where the runtime's rules tailored it out. */
function joinAroundColons(text: string, out: Uint8Array): void {
  for (let c = text.indexOf(':'); c !== -1; c = text.indexOf(':', c + 1)) {
    let before = c
    while (before > 0 && ignorable.test(text[before - 1]!)) before--
    let after = c + 1
    while (after < text.length && ignorable.test(text[after]!)) after++
    if (before === 0 || after >= text.length) continue
    const last = text.charCodeAt(before - 1)
    const previous = last >= 0xdc00 && last <= 0xdfff && before > 1 ? text.codePointAt(before - 2)! : last
    if (!ahLetter.test(String.fromCodePoint(previous)) || !ahLetter.test(String.fromCodePoint(text.codePointAt(after)!))) continue
    out[c] = 0
    out[after] = 0
  }
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
    const words = wordBoundaries(m[0], script.locale)
    for (let w = 1; w < m[0].length; w++) {
      if (words[w] === 0) continue
      const at = m.index + w
      // Only between letters (UAX #14 class SA): punctuation of these scripts keeps its own rules.
      if (out[at] === BREAK_NONE && letter.test(text[at - 1]!) && letter.test(text[at]!)) out[at] = BREAK_ALLOWED
    }
  }
  for (let i = 1; i < text.length; i++) if (out[i] === BREAK_ALLOWED && clusters[i] === 0) out[i] = BREAK_NONE
  return out
}
