import bidiFactory from 'bidi-js'

// bidi-js's types describe its default export as a module; it is the factory function.
type Bidi = { getEmbeddingLevels(text: string, direction?: 'ltr' | 'rtl' | 'auto'): { levels: Uint8Array; paragraphs: Array<{ start: number; end: number; level: number }> } }
let engine: Bidi | undefined
const bidi = () => (engine ??= (bidiFactory as unknown as () => Bidi)())

// Characters of bidi class R, AL or AN (the blocks of right-to-left scripts, taken whole) and
// explicit embeddings, overrides and isolates: without any, a left-to-right paragraph is all level 0.
const rtlOrExplicit = /[\u0590-\u08ff\u200f\u202a-\u202e\u2066-\u2069\ufb1d-\ufdff\ufe70-\ufefe\ud802\ud803\ud83a\ud83b]/

/** The resolved embedding levels of a text, by UAX #9 (from `bidi-js`). */
export interface BidiLevels {
  /** One level per UTF-16 code unit; odd is right-to-left. */
  levels: Uint8Array
  /** The paragraph embedding level of each code unit (0 or 1; texts may hold several paragraphs). */
  paragraphLevels: Uint8Array
}

/**
 * Resolves UAX #9 embedding levels (rules P2–I2, isolates and embeddings included) for a text
 * whose paragraphs have the base direction `direction` (`auto`: from each paragraph's first
 * strong character, defaulting to left-to-right).
 *
 * @example
 * ```ts
 * const { levels } = resolveBidiLevels('سعر 49.99 SAR', 'rtl')
 * // Arabic letters at level 1, the number and "SAR" at level 2
 * ```
 */
export function resolveBidiLevels(text: string, direction: 'ltr' | 'rtl' | 'auto'): BidiLevels {
  // Nothing right to left, no Arabic digits, no explicit controls: every level is 0 (W7 turns
  // European numbers into L after an L start of sequence). Most titles take this path.
  if (direction !== 'rtl' && !rtlOrExplicit.test(text)) return { levels: new Uint8Array(text.length), paragraphLevels: new Uint8Array(text.length) }
  const result = bidi().getEmbeddingLevels(text, direction)
  const levels = result.levels.slice(0, text.length)
  // bidi-js leaves the low surrogate of a pair at a level of its own; give it its pair's.
  for (let i = 1; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c >= 0xdc00 && c <= 0xdfff) {
      const p = text.charCodeAt(i - 1)
      if (p >= 0xd800 && p <= 0xdbff) levels[i] = levels[i - 1]!
    }
  }
  const paragraphLevels = new Uint8Array(text.length)
  for (const p of result.paragraphs) paragraphLevels.fill(p.level, p.start, p.end + 1)
  return { levels, paragraphLevels }
}

// Directional formatting characters (marks, embeddings, overrides, isolates): they steer the
// algorithm and are never drawn. (Joiners stay: they change shaping.)
const bidiControl = /[\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]/
// Embeddings and overrides (rule X9 removes them) and boundary neutrals, which rule L1
// treats like the whitespace next to them.
const explicitEmbedding = /[\u202a-\u202e]/
const boundaryNeutral = /[\u200b-\u200d\u2060-\u2064\ufeff\u00ad]/

/** True for a directional formatting character (LRM, RLM, ALM, embeddings, overrides, isolates), which the layout uses and does not draw. */
export function isBidiControl(char: string): boolean {
  return bidiControl.test(char)
}

// Whitespace for rule L1: segment separators, whitespace, isolate formatting characters.
const l1Whitespace = /[\t\u000b\u000c\u0020\u1680\u2000-\u200a\u2028\u205f\u3000\u2066-\u2069]/
const l1Separator = /[\t\u001f\u000b\u2029\n\r\u001c-\u001e\u0085]/

/**
 * Rule L1 for one line: resets to the paragraph level the segment and paragraph separators,
 * and any whitespace (or isolate control) before them or at the end of the line. Returns new
 * levels for `text.slice(start, end)`.
 */
export function lineLevels(text: string, bidiLevels: BidiLevels, start: number, end: number): Uint8Array {
  const out = bidiLevels.levels.slice(start, end)
  let trailing = true
  for (let i = end - 1; i >= start; i--) {
    const ch = text[i]!
    const paragraph = bidiLevels.paragraphLevels[i]!
    if (l1Separator.test(ch)) {
      out[i - start] = paragraph
      trailing = true
    } else if (trailing && (l1Whitespace.test(ch) || explicitEmbedding.test(ch) || boundaryNeutral.test(ch))) {
      out[i - start] = paragraph
    } else trailing = false
  }
  return out
}

/**
 * Rule L2: the visual order of items (characters or runs) given their levels, as indices into
 * `levels`, left to right. From the highest level down to the lowest odd one, every maximal
 * sequence at that level or above is reversed.
 */
export function visualOrder(levels: ArrayLike<number>): number[] {
  const order = Array.from({ length: levels.length }, (_, i) => i)
  let highest = 0
  let lowestOdd = 255
  for (let i = 0; i < levels.length; i++) {
    const l = levels[i]!
    if (l > highest) highest = l
    if (l % 2 === 1 && l < lowestOdd) lowestOdd = l
  }
  for (let level = highest; level >= lowestOdd && level > 0; level--) {
    for (let i = 0; i < order.length; i++) {
      if (levels[order[i]!]! < level) continue
      let j = i
      while (j + 1 < order.length && levels[order[j + 1]!]! >= level) j++
      for (let a = i, b = j; a < b; a++, b--) [order[a], order[b]] = [order[b]!, order[a]!]
      i = j
    }
  }
  return order
}

/** No directional override. */
export const OVERRIDE_NONE = 0
/** Inside a left-to-right override (LRO … PDF). */
export const OVERRIDE_LTR = 1
/** Inside a right-to-left override (RLO … PDF). */
export const OVERRIDE_RTL = 2

/**
 * Which directional override (rules X4–X5) each UTF-16 unit of `text` is under, following
 * embeddings, isolates, PDF, PDI and paragraph ends like rules X2–X8; undefined when the text
 * holds no override at all. The layout keeps overrides in the runs it draws, since the
 * characters (Latin letters under RLO in the `ar-XB` pseudo-locale) do not say it themselves.
 */
export function directionalOverrides(text: string): Uint8Array | undefined {
  if (!/[\u202d\u202e]/.test(text)) return undefined
  const out = new Uint8Array(text.length)
  const stack: Array<{ override: number; isolate: boolean }> = []
  const top = () => stack[stack.length - 1]?.override ?? OVERRIDE_NONE
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === 0x202a || c === 0x202b) stack.push({ override: OVERRIDE_NONE, isolate: false })
    else if (c === 0x202d) stack.push({ override: OVERRIDE_LTR, isolate: false })
    else if (c === 0x202e) stack.push({ override: OVERRIDE_RTL, isolate: false })
    else if (c === 0x202c) {
      if (stack.length > 0 && !stack[stack.length - 1]!.isolate) stack.pop()
    } else if (c >= 0x2066 && c <= 0x2068) {
      out[i] = top()
      stack.push({ override: OVERRIDE_NONE, isolate: true })
      continue
    } else if (c === 0x2069) {
      const at = stack.map((e) => e.isolate).lastIndexOf(true)
      if (at >= 0) stack.length = at
    } else if (l1Separator.test(text[i]!) && c !== 0x09 && c !== 0x0b && c !== 0x1f) stack.length = 0
    out[i] = top()
  }
  return out
}
