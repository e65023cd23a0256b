// Scripts written right to left (ISO 15924 codes), and languages whose default script is one.
const rtlScripts = new Set(['arab', 'hebr', 'syrc', 'thaa', 'nkoo', 'adlm', 'rohg', 'mand', 'samr', 'yezi', 'mend'])
const rtlLanguages = new Set(['ar', 'arc', 'ckb', 'dv', 'fa', 'he', 'iw', 'ks', 'ku-arab', 'lrc', 'mzn', 'nqo', 'pnb', 'ps', 'sd', 'syr', 'ug', 'ur', 'yi'])

/**
 * The writing direction of a locale (BCP 47 tag): `rtl` for Arabic, Hebrew, Persian, Urdu and
 * the other languages written right to left (or any tag whose script subtag is a right-to-left
 * script, e.g. `pa-Arab`), `ltr` for everything else. A script subtag wins over the language
 * (`az-Arab` is right to left, `ku-Latn` left to right). The answer is the same in every
 * environment (it does not ask the runtime's `Intl`).
 *
 * @example
 * ```ts
 * directionOf('ar-SA') // 'rtl'
 * directionOf('he') // 'rtl'
 * directionOf('de-DE') // 'ltr'
 * ```
 */
export function directionOf(locale: string): 'ltr' | 'rtl' {
  const parts = locale.toLowerCase().replace(/_/g, '-').split('-')
  const language = parts[0] ?? ''
  const script = parts.slice(1).find((p) => p.length === 4 && /^[a-z]{4}$/.test(p))
  if (script) return rtlScripts.has(script) ? 'rtl' : 'ltr'
  return rtlLanguages.has(language) ? 'rtl' : 'ltr'
}
