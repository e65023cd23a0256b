import { TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser'

const accents: Record<string, string> = {
  a: 'á', b: 'ƀ', c: 'ç', d: 'ð', e: 'é', f: 'ƒ', g: 'ĝ', h: 'ĥ', i: 'î', j: 'ĵ', k: 'ķ', l: 'ļ', m: 'ɱ',
  n: 'ñ', o: 'ö', p: 'þ', q: 'ǫ', r: 'ŕ', s: 'š', t: 'ţ', u: 'û', v: 'ṽ', w: 'ŵ', x: 'ẋ', y: 'ý', z: 'ž',
  A: 'Á', B: 'Ɓ', C: 'Ç', D: 'Ð', E: 'É', F: 'Ƒ', G: 'Ĝ', H: 'Ĥ', I: 'Î', J: 'Ĵ', K: 'Ķ', L: 'Ļ', M: 'Ṁ',
  N: 'Ñ', O: 'Ö', P: 'Þ', Q: 'Ǫ', R: 'Ŕ', S: 'Š', T: 'Ţ', U: 'Û', V: 'Ṽ', W: 'Ŵ', X: 'Ẋ', Y: 'Ý', Z: 'Ž',
}

// Filler words for the added length: real word breaks, so that wrapping is tested too.
const filler = ['öñé', 'ţŵö', 'ţĥŕéé', 'ƒöûŕ', 'ƒîṽé', 'šîẋ', 'šéṽéñ', 'éîĝĥţ', 'ñîñé', 'ţéñ']

/** Right-to-left override and pop directional formatting: show Latin letters as if right to left. */
const RLO = '\u202e'
const PDF = '\u202c'

/** Which pseudo-localisation to apply. */
export type PseudoStyle = 'accented' | 'rtl'

/** Replaces ASCII letters with accented look-alikes: `Summer sale` → `Šûɱɱéŕ šáļé`. */
export function accentText(text: string): string {
  let out = ''
  for (const ch of text) out += accents[ch] ?? ch
  return out
}

/** Wraps every word in RLO…PDF so that it reads right to left while staying legible. */
export function reverseWords(text: string): string {
  return text.replace(/[^\s]+/gu, (word) => RLO + word + PDF)
}

/** Transforms literal text for a pseudo style (no expansion). */
export function pseudoText(text: string, style: PseudoStyle): string {
  return style === 'rtl' ? reverseWords(text) : accentText(text)
}

/**
 * The literal parts of a parsed message, pseudo-localised; arguments, plural and select
 * keys stay as they are so the message still formats with the same values.
 */
export function pseudoMessage(elements: MessageFormatElement[], style: PseudoStyle): MessageFormatElement[] {
  return elements.map((el) => {
    if (el.type === TYPE.literal) return { ...el, value: pseudoText(el.value, style) }
    if (el.type === TYPE.plural || el.type === TYPE.select) {
      const options = Object.fromEntries(Object.entries(el.options).map(([key, option]) => [key, { ...option, value: pseudoMessage(option.value, style) }]))
      return { ...el, options } as MessageFormatElement
    }
    if (el.type === TYPE.tag) return { ...el, children: pseudoMessage(el.children, style) }
    return el
  })
}

/**
 * Makes a formatted text about 40 % longer, in brackets, so that layouts meet the length of
 * German or Finnish before any translation exists and clipped ends show: `[Šáļé öñé ţŵö]`.
 * The length counts graphemes, not code units, and ignores the bidi controls of the RTL style.
 */
export function expandText(text: string, style: PseudoStyle, ratio = 0.4): string {
  const visible = text.replace(/[\u202a-\u202e\u2066-\u2069]/g, '')
  const length = [...visible].length
  let extra = Math.ceil(length * ratio) - 2
  const words: string[] = []
  for (let i = 0; extra > 0; i++) {
    const word = filler[i % filler.length]!
    const piece = word.length + 1 <= extra ? word : word.slice(0, Math.max(1, extra - 1))
    words.push(piece)
    extra -= piece.length + 1
  }
  const tail = words.length ? ' ' + (style === 'rtl' ? reverseWords(words.join(' ')) : words.join(' ')) : ''
  return `[${text}${tail}]`
}
