/**
 * Vitrine's fallback stack: which shipped family draws a character that the layer's own font
 * (and Inter after it) does not have. Families are Noto fonts from npm, copied to
 * `@vitrine/core/fonts/fallback/` at build, each cut into unicode-range subsets.
 */

/** Ids of the fallback families (file and manifest names under `fonts/fallback/`). */
export type FallbackFamilyId =
  | 'noto-sans-arabic'
  | 'noto-sans-hebrew'
  | 'noto-sans-thai'
  | 'noto-sans-devanagari'
  | 'noto-sans-lao'
  | 'noto-sans-khmer'
  | 'noto-sans-myanmar'
  | 'noto-sans-jp'
  | 'noto-sans-sc'
  | 'noto-sans-tc'
  | 'noto-sans-kr'
  | 'noto-color-emoji'

/** Every fallback family, in the order they are tried for characters of no particular script. */
export const FALLBACK_FAMILIES: readonly FallbackFamilyId[] = [
  'noto-sans-arabic',
  'noto-sans-hebrew',
  'noto-sans-thai',
  'noto-sans-devanagari',
  'noto-sans-lao',
  'noto-sans-khmer',
  'noto-sans-myanmar',
  'noto-sans-jp',
  'noto-sans-sc',
  'noto-sans-tc',
  'noto-sans-kr',
  'noto-color-emoji',
]

const scriptFamilies: Array<[RegExp, FallbackFamilyId]> = [
  [/^\p{Script=Arabic}/u, 'noto-sans-arabic'],
  [/^\p{Script=Hebrew}/u, 'noto-sans-hebrew'],
  [/^\p{Script=Thai}/u, 'noto-sans-thai'],
  [/^\p{Script=Devanagari}/u, 'noto-sans-devanagari'],
  [/^\p{Script=Lao}/u, 'noto-sans-lao'],
  [/^\p{Script=Khmer}/u, 'noto-sans-khmer'],
  [/^\p{Script=Myanmar}/u, 'noto-sans-myanmar'],
  [/^[\p{Script=Hiragana}\p{Script=Katakana}]/u, 'noto-sans-jp'],
  [/^[\p{Script=Hangul}]/u, 'noto-sans-kr'],
]
const han = /^[\p{Script=Han}\p{Script=Bopomofo}]/u
const kana = /[\p{Script=Hiragana}\p{Script=Katakana}]/u
const hangul = /\p{Script=Hangul}/u

/**
 * Which Chinese-character family suits a text: Han characters look different in Japanese,
 * Korean, Simplified and Traditional Chinese, so the locale decides (`ja` → JP, `ko` → KR,
 * `zh-Hant`/`zh-TW`/`zh-HK`/`zh-MO` → TC, other `zh` → SC); for other locales, kana in the
 * text means Japanese and hangul Korean, else Simplified Chinese.
 */
export function hanFamilyFor(locale: string, text: string): FallbackFamilyId {
  const tag = locale.toLowerCase()
  const language = tag.split(/[-_]/)[0]
  if (language === 'ja') return 'noto-sans-jp'
  if (language === 'ko') return 'noto-sans-kr'
  if (language === 'zh') return /-(hant|tw|hk|mo)\b/.test(tag) && !/-hans\b/.test(tag) ? 'noto-sans-tc' : 'noto-sans-sc'
  if (kana.test(text)) return 'noto-sans-jp'
  if (hangul.test(text)) return 'noto-sans-kr'
  return 'noto-sans-sc'
}

// Emoji presentation: emoji-presentation characters, anything followed by VS16, keycaps,
// flags, and ZWJ sequences of pictographs.
const emojiCluster = /^(?:\p{Emoji_Presentation}|\p{Extended_Pictographic}\uFE0F|\p{Regional_Indicator}|[#*0-9]\uFE0F?\u20E3|\p{Extended_Pictographic}\p{Emoji_Modifier}|\p{Extended_Pictographic}[\uFE0F\p{Emoji_Modifier}]?\u200D)/u

/** True for a grapheme cluster drawn as a colour emoji (emoji presentation). */
export function isEmojiCluster(cluster: string): boolean {
  return emojiCluster.test(cluster) && !/^\uFE0E/.test(cluster.slice(1))
}

/** The fallback family for the script of a grapheme cluster, or undefined for characters of no particular script (spaces, digits, punctuation, symbols). */
export function scriptFamilyOf(cluster: string, hanFamily: FallbackFamilyId): FallbackFamilyId | undefined {
  if (han.test(cluster)) return hanFamily
  for (const [test, id] of scriptFamilies) if (test.test(cluster)) return id
  return undefined
}

const localeFamilies: Record<string, FallbackFamilyId> = {
  ar: 'noto-sans-arabic',
  fa: 'noto-sans-arabic',
  ur: 'noto-sans-arabic',
  ps: 'noto-sans-arabic',
  he: 'noto-sans-hebrew',
  iw: 'noto-sans-hebrew',
  yi: 'noto-sans-hebrew',
  th: 'noto-sans-thai',
  hi: 'noto-sans-devanagari',
  mr: 'noto-sans-devanagari',
  ne: 'noto-sans-devanagari',
  lo: 'noto-sans-lao',
  km: 'noto-sans-khmer',
  my: 'noto-sans-myanmar',
}

/** The fallback family of a locale's own script, tried first for characters of no particular script (a currency sign, punctuation). */
export function localeFamilyOf(locale: string, text: string): FallbackFamilyId | undefined {
  const language = locale.toLowerCase().split(/[-_]/)[0] ?? ''
  if (language === 'ja' || language === 'zh' || language === 'ko') return hanFamilyFor(locale, text)
  return localeFamilies[language]
}
