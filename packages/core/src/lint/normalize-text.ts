import { HANS, HANT } from './hant-to-hans.js'

/**
 * Text prepared for matching rule words, with a map back to the source: `starts[i]`/`ends[i]`
 * are the source offsets (UTF-16 units) of the character that produced `text[i]`.
 */
export interface NormalizedText {
  source: string
  text: string
  starts: Uint32Array
  ends: Uint32Array
}

let hantToHans: Map<string, string> | undefined
function simplified(ch: string): string {
  if (!hantToHans) {
    const from = Array.from(HANT)
    const to = Array.from(HANS)
    hantToHans = new Map(from.map((c, i) => [c, to[i]!]))
  }
  return hantToHans.get(ch) ?? ch
}

// Dropped: zero-width and directional controls, soft hyphen, Arabic tatweel.
const ignorable = /^[\u00ad\u0640\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]$/
// Arabic diacritics (harakat, superscript alef, Quranic marks).
const arabicMarks = /[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed]/g
const arabicLetters: Record<string, string> = {
  'أ': 'ا', 'إ': 'ا', 'آ': 'ا', 'ٱ': 'ا', 'ى': 'ي', 'ة': 'ه', 'ؤ': 'و', 'ئ': 'ي', 'ی': 'ي', 'ک': 'ك',
}
const germanFolds: Record<string, string> = { 'ä': 'ae', 'ö': 'oe', 'ü': 'ue', 'ß': 'ss', 'ẞ': 'ss' }
const latinMarks = /[\u0300-\u036f]/g
const cjk = /[\u2e80-\u2fdf\u3005-\u3007\u3021-\u3029\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/
const dashes = /^[\u2010-\u2015\u2212\ufe58\ufe63\uff0d]$/
const quotes: Record<string, string> = { '\u2018': "'", '\u2019': "'", '\u201a': "'", '\u201b': "'", '\u201c': '"', '\u201d': '"', '\u201e': '"', '\u201f': '"' }

/** Normalises one grapheme-ish segment (a base character and its combining marks). */
function normalizeSegment(segment: string): string {
  let s = segment.normalize('NFKC')
  if (s.length === 1 && dashes.test(s)) return '-'
  if (quotes[s]) return quotes[s]!
  s = s.toLowerCase()
  let out = ''
  for (const ch of s) {
    const code = ch.codePointAt(0)!
    if (code >= 0x0600 && code <= 0x06ff) out += arabicLetters[ch] ?? ch
    else if (germanFolds[ch]) out += germanFolds[ch]
    else if (code >= 0x2e80) out += simplified(ch)
    else out += ch
  }
  // Latin accents are dropped after the German folds (so ö → oe, é → e, ç → c).
  return out.normalize('NFD').replace(latinMarks, '').replace(arabicMarks, '').normalize('NFC')
}

const isSpace = (ch: string) => ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r' || ch === '\f' || ch === '\v' || /^\s$/u.test(ch)

/**
 * Normalises text for matching: NFKC (full-width → half-width, compatibility forms), lower case,
 * German umlauts and ß folded (ö → oe), other Latin accents dropped, Traditional → Simplified
 * Chinese, Arabic diacritics and tatweel removed and letter variants unified (أ → ا, ى → ي,
 * ة → ه), dashes unified, whitespace runs made one space, and line breaks between two CJK
 * characters removed (a laid-out line may end in the middle of a Chinese word). Every output
 * character maps back to its source span.
 *
 * @example
 * ```ts
 * normalizeText('ＮＯ．１ 最佳產品').text // 'no.1 最佳产品'
 * ```
 */
export function normalizeText(source: string): NormalizedText {
  const out: string[] = []
  const starts: number[] = []
  const ends: number[] = []
  let last = ''
  const push = (s: string, start: number, end: number) => {
    for (let k = 0; k < s.length; k++) {
      out.push(s[k]!)
      starts.push(start)
      ends.push(end)
    }
    last = s[s.length - 1] ?? last
  }
  let i = 0
  const n = source.length
  while (i < n) {
    const code = source.charCodeAt(i)
    // Fast path: ASCII letters, digits and punctuation.
    if (code < 0x80) {
      const ch = source[i]!
      if (isSpace(ch)) {
        let j = i + 1
        while (j < n && isSpace(source[j]!)) j++
        const next = source[j]
        const joinsCjk = /[\n\r]/.test(source.slice(i, j)) && cjk.test(last) && next !== undefined && cjk.test(next)
        if (!joinsCjk && last !== ' ' && out.length > 0 && j < n) push(' ', i, j)
        i = j
        continue
      }
      push(code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : ch, i, i + 1)
      i++
      continue
    }
    // A code point and the combining marks after it.
    let j = i + (code >= 0xd800 && code <= 0xdbff && i + 1 < n ? 2 : 1)
    while (j < n && /\p{M}/u.test(source[j]!)) j++
    const segment = source.slice(i, j)
    if (ignorable.test(segment[0]!) && segment.length === 1) {
      i = j
      continue
    }
    if (isSpace(segment)) {
      let k = j
      while (k < n && isSpace(source[k]!)) k++
      if (last !== ' ' && out.length > 0 && k < n) push(' ', i, k)
      i = k
      continue
    }
    const normalized = normalizeSegment(segment)
    if (normalized === ' ') {
      if (last !== ' ' && out.length > 0) push(' ', i, j)
    } else if (normalized !== '') push(normalized, i, j)
    i = j
  }
  return { source, text: out.join(''), starts: Uint32Array.from(starts), ends: Uint32Array.from(ends) }
}

/** The normalised form of a rule word or phrase (the same steps as {@link normalizeText}). */
export function normalizeTerm(term: string): string {
  return normalizeText(term).text.trim()
}

/** The source span `[start, end)` of the normalised span `[from, to)`. */
export function sourceSpan(normalized: NormalizedText, from: number, to: number): { start: number; end: number } {
  if (normalized.text.length === 0) return { start: 0, end: 0 }
  const a = Math.min(Math.max(from, 0), normalized.text.length - 1)
  const b = Math.min(Math.max(to - 1, a), normalized.text.length - 1)
  return { start: normalized.starts[a]!, end: normalized.ends[b]! }
}

/** True when the character is a Han, kana or other CJK ideograph (matched without word boundaries). */
export function isCjk(ch: string): boolean {
  return cjk.test(ch)
}
