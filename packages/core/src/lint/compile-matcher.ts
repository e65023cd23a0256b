import { isCjk, normalizeTerm, normalizeText, type NormalizedText } from './normalize-text.js'
import type { Matcher, Term, TermMatch } from './rule-pack.js'

/** A match in normalised text: `[start, end)`. */
export interface TextMatch {
  start: number
  end: number
}

/** A matcher compiled once per rule set and run on normalised texts. */
export interface CompiledMatcher {
  /** Matches in the text, exemptions, negations and quoted names already taken out. */
  find(text: NormalizedText, exempt?: (m: TextMatch) => boolean): TextMatch[]
  /** True when the matcher finds something. */
  test(text: NormalizedText): boolean
}

const letterOrDigit = /[\p{L}\p{N}]/u
const arabicLetter = /[\u0620-\u064a]/
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')
const GERMAN_ENDINGS = '(?:e|en|er|es|em|n|s|r|in|innen|ern|ere|eren|erin)?'
const ARABIC_PROCLITICS = '(?:[\u0648\u0641\u0628\u0643\u0644]|\u0648\u0627\u0644|\u0628\u0627\u0644|\u0644\u0644)?(?:\u0627\u0644)?'
const ARABIC_SUFFIXES = '(?:\u0647\u0627|\u0647\u0645|\u0647|\u0627\u062a|\u0627\u0646|\u064a\u0646|\u0648\u0646)?'

/**
 * What may not touch a term's edge for it to be a whole word: letters of the edge's own script
 * and digits (so `no.1` is a word in `行业no.1品牌`, but not in `no.12`).
 */
function boundaryClass(edge: string): string {
  if (/\p{sc=Latn}|\p{N}/u.test(edge)) return '[\\p{sc=Latn}\\p{N}]'
  if (arabicLetter.test(edge)) return '[\\p{sc=Arab}\\p{N}]'
  return '[\\p{L}\\p{N}]'
}

/** The regular-expression source of one term, after normalisation. */
export function termSource(term: Term, defaults: { match?: TermMatch; inflect?: 'de' } = {}): string {
  const text = normalizeTerm(typeof term === 'string' ? term : term.text)
  if (text === '') return '(?!)'
  const first = text[0]!
  const last = text[text.length - 1]!
  const cjkTerm = isCjk(first) || isCjk(last)
  const mode: TermMatch = (typeof term === 'string' ? undefined : term.match) ?? (cjkTerm ? 'substring' : defaults.match ?? 'word')
  let body = text
  let prefix = ''
  let suffix = ''
  if (arabicLetter.test(first)) {
    if (body.startsWith('\u0627\u0644') && body.length > 3) body = body.slice(2)
    prefix = ARABIC_PROCLITICS
    if (arabicLetter.test(last)) suffix = ARABIC_SUFFIXES
  }
  let source = Array.from(body)
    // A space or a hyphen in a term matches either or nothing: `fat burning` finds `fat-burning`.
    .map((ch) => (ch === ' ' || ch === '-' ? '[- ]?' : escapeRegExp(ch)))
    .join('')
  if (defaults.inflect === 'de' && /[a-z]/.test(last)) suffix += GERMAN_ENDINGS
  source = prefix + source + suffix
  const left = (mode === 'word' || mode === 'prefix') && letterOrDigit.test(first) ? `(?<!${boundaryClass(first)})` : ''
  const right = (mode === 'word' || mode === 'suffix') && letterOrDigit.test(last) ? `(?!${boundaryClass(last)})` : ''
  return left + source + right
}

/**
 * Puts a rule-pack pattern into the same form as the normalised text: letters outside escapes
 * lower-cased, German umlauts folded, accents dropped, Traditional Chinese simplified.
 */
export function normalizePattern(pattern: string): string {
  let out = ''
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i]!
    if (ch === '\\') {
      const next = pattern[i + 1] ?? ''
      if ((next === 'p' || next === 'P' || next === 'u') && pattern[i + 2] === '{') {
        const end = pattern.indexOf('}', i)
        out += pattern.slice(i, end + 1)
        i = end
      } else {
        out += ch + next
        i++
      }
      continue
    }
    if (ch === '{' && /^\{\d+(,\d*)?\}/.test(pattern.slice(i))) {
      const end = pattern.indexOf('}', i)
      out += pattern.slice(i, end + 1)
      i = end
      continue
    }
    if (/[\p{L}]/u.test(ch) && (ch.charCodeAt(0) > 0x7f || /[A-Z]/.test(ch))) {
      const n = normalizeText(ch).text
      out += n.length > 1 && !/^[\p{L}]+$/u.test(n) ? escapeRegExp(n) : n
      continue
    }
    out += ch
  }
  return out
}

function alternation(sources: string[]): RegExp | undefined {
  if (sources.length === 0) return undefined
  // Longest first, so that a phrase wins over a word it starts with.
  const sorted = [...new Set(sources)].sort((a, b) => b.length - a.length)
  return new RegExp(sorted.map((s) => `(?:${s})`).join('|'), 'gu')
}

function ranges(re: RegExp | undefined, text: string): TextMatch[] {
  if (!re) return []
  const out: TextMatch[] = []
  re.lastIndex = 0
  let m: RegExpExecArray | null
  while ((m = re.exec(text))) {
    if (m[0].length === 0) {
      re.lastIndex++
      continue
    }
    out.push({ start: m.index, end: m.index + m[0].length })
  }
  return out
}

// Quotation and title marks that make a match a name or a title (after normalisation “” and „ are ").
// A quotation opened right after a colon is speech (a review, a testimonial), which the ad still
// claims, so it exempts nothing.
const QUOTE_PAIRS: Record<string, string> = { '"': '"', '«': '»', '‹': '›', '「': '」', '『': '』', '《': '》', '〈': '〉', '【': '】' }

/** Ranges inside quotation or title marks, `[open + 1, close)`. */
export function quotedRanges(text: string): TextMatch[] {
  const out: TextMatch[] = []
  for (let i = 0; i < text.length; i++) {
    const close = QUOTE_PAIRS[text[i]!]
    if (!close) continue
    const end = text.indexOf(close, i + 1)
    if (end < 0) continue
    if (/:\s*$/.test(text.slice(Math.max(0, i - 3), i))) {
      i = end
      continue
    }
    out.push({ start: i + 1, end })
    i = end
  }
  return out
}

const clauseEnd = /[.!?;:。！？；\n]/

/**
 * Compiles a matcher: its terms and patterns into one regular expression each, its exemptions,
 * negations and quoted-name handling into filters.
 */
export function compileMatcher(matcher: Matcher): CompiledMatcher {
  const defaults = { match: matcher.match, inflect: matcher.inflect }
  const terms = alternation((matcher.terms ?? []).map((t) => termSource(t, defaults)))
  const patterns = (matcher.patterns ?? []).map((p) => new RegExp(normalizePattern(p), 'gu'))
  const exemptTerms = alternation((matcher.exempt ?? []).map((t) => termSource(t, { inflect: matcher.inflect })))
  const exemptPatterns = (matcher.exemptPatterns ?? []).map((p) => new RegExp(normalizePattern(p), 'gu'))
  const before = alternation((matcher.negations?.before ?? []).map((t) => termSource(t)))
  const after = alternation((matcher.negations?.after ?? []).map((t) => termSource(t, { match: 'suffix' })))
  const window = matcher.negations?.window ?? 24
  const quotedPass = matcher.quoted === 'pass'

  const find = (nt: NormalizedText, exempt?: (m: TextMatch) => boolean): TextMatch[] => {
    const text = nt.text
    let found = ranges(terms, text)
    for (const re of patterns) found.push(...ranges(re, text))
    if (found.length === 0) return found
    if (found.length > 1) {
      found.sort((a, b) => a.start - b.start || b.end - a.end)
      // Overlapping matches count once (the earliest, longest).
      const kept: TextMatch[] = []
      for (const m of found) if (!kept.some((k) => m.start < k.end && k.start < m.end)) kept.push(m)
      found = kept
    }
    const exempts = exemptTerms || exemptPatterns.length > 0 ? [...ranges(exemptTerms, text), ...exemptPatterns.flatMap((re) => ranges(re, text))] : []
    const negBefore = before ? ranges(before, text) : []
    const negAfter = after ? ranges(after, text) : []
    const quoted = quotedPass ? quotedRanges(text) : []
    return found.filter((m) => {
      if (exempts.some((x) => x.start <= m.start && m.end <= x.end)) return false
      if (quoted.some((q) => q.start <= m.start && m.end <= q.end)) return false
      if (negBefore.some((n) => n.end <= m.start && m.start - n.end <= window && !clauseEnd.test(text.slice(n.end, m.start)))) return false
      if (negAfter.some((n) => n.start >= m.end && n.start - m.end <= 2)) return false
      if (exempt?.(m)) return false
      return true
    })
  }
  return {
    find,
    test: (nt) => find(nt).length > 0,
  }
}

/** Compiles brand names or registered names: any match inside one is exempt from every rule. */
export function compileNames(names: readonly string[]): (nt: NormalizedText) => TextMatch[] {
  const re = alternation(names.map((n) => termSource(n, { match: 'word' })))
  return (nt) => ranges(re, nt.text)
}
