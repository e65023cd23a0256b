import { BREAK_ALLOWED } from './line-breaks.js'
import type { PreparedText } from './prepare-text.js'

// Characters set on a grid, justified by spacing every character (CSS text-justify:
// inter-character): Han, kana, bopomofo, CJK punctuation and full-width forms.
const gridCharacter = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Bopomofo}\u3000-\u303f\u30fc\uff01-\uff60\uffe0-\uffe6]/u
// Scripts written without spaces between words, justified between the words the dictionary finds.
const wordsWithoutSpaces = /[\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u

/** The code point that ends just before UTF-16 index `i`, as a string. */
function charBefore(text: string, i: number): string {
  const c = text.charCodeAt(i - 1)
  return c >= 0xdc00 && c <= 0xdfff && i >= 2 ? text.slice(i - 2, i) : text.charAt(i - 1)
}

/**
 * Justification gaps of `text.slice(start, end)` other than spaces: `result[i - start]` is 1
 * where space may be added before index `i`: a grapheme boundary next to a CJK character, or a
 * word break inside Thai, Lao, Khmer or Burmese. Never inside a cluster, never at the ends.
 */
export function justificationGaps(p: PreparedText, start: number, end: number): Uint8Array {
  const gaps = new Uint8Array(end - start)
  const text = p.text
  for (let i = start + 1; i < end; i++) {
    if (!p.clusters[i] || p.hidden[i] || text[i - 1] === ' ' || text[i] === ' ') continue
    const before = charBefore(text, i)
    const after = String.fromCodePoint(text.codePointAt(i)!)
    if (gridCharacter.test(before) || gridCharacter.test(after)) gaps[i - start] = 1
    else if (p.breaks[i] === BREAK_ALLOWED && (wordsWithoutSpaces.test(before) || wordsWithoutSpaces.test(after))) gaps[i - start] = 1
  }
  return gaps
}
