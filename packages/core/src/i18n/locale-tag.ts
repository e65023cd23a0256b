import { VitrineError } from '../errors/vitrine-error.js'

/**
 * The pseudo-locales: `en-XA` (accented and 40 % longer) and `ar-XB` (right to left). The tags
 * are the ones Android and Chromium use; they render the template's source texts transformed,
 * so that layouts can be tested before any translation exists.
 */
export const PSEUDO_LOCALES = { accented: 'en-XA', rtl: 'ar-XB' } as const

/** Whether a (canonical) tag is one of the {@link PSEUDO_LOCALES}. */
export function isPseudoLocale(tag: string): boolean {
  const base = baseNameOf(tag)
  return base === PSEUDO_LOCALES.accented || base === PSEUDO_LOCALES.rtl
}

/** The tag without Unicode extensions: `ar-SA-u-nu-latn` → `ar-SA`. */
export function baseNameOf(tag: string): string {
  return remember(baseNames, tag, () => {
    try {
      return new Intl.Locale(tag).baseName
    } catch {
      return tag
    }
  })
}

/** The language subtag: `de-AT` → `de`. */
export function languageOf(tag: string): string {
  return remember(languages, tag, () => {
    try {
      return new Intl.Locale(tag).language ?? 'und'
    } catch {
      return tag.split(/[-_]/)[0]!.toLowerCase()
    }
  })
}

/**
 * Checks a BCP 47 tag and returns its canonical form (`EN-us` → `en-US`). Throws a
 * `locale/unknown` VitrineError for a malformed tag (`en_US`, `english`) or a language this
 * runtime has no locale data for (`qq-ZZ`); the pseudo-locales are accepted.
 *
 * @param path - JSON pointer of the tag, for the error (e.g. `/sourceLocale`).
 * @example
 * ```ts
 * canonicalLocale('de-at') // 'de-AT'
 * ```
 */
export function canonicalLocale(tag: string, path = ''): string {
  // A refused tag throws before it is remembered, so each call names its own pointer.
  return remember(canonicalTags, tag, () => checkLocale(tag, path))
}

function checkLocale(tag: string, path: string): string {
  const where = path ? `${path}: ` : ''
  let canonical: string | undefined
  try {
    canonical = typeof tag === 'string' ? Intl.getCanonicalLocales(tag)[0] : undefined
  } catch {
    canonical = undefined
  }
  if (!canonical) {
    const hint = typeof tag === 'string' && tag.includes('_') ? ` (write "${tag.replace(/_/g, '-')}": subtags are joined by "-")` : ''
    throw new VitrineError('locale/unknown', `${where}expected a BCP 47 language tag such as en-US, de-DE or ar-AE, found ${JSON.stringify(tag)}${hint}`, {
      path,
      issues: [{ path, message: `${where}not a BCP 47 language tag`, expected: 'a BCP 47 language tag such as en-US', found: JSON.stringify(tag) }],
    })
  }
  if (isPseudoLocale(canonical)) return canonical
  const language = languageOf(canonical)
  if (language === 'und' || Intl.PluralRules.supportedLocalesOf(language).length === 0) {
    throw new VitrineError('locale/unknown', `${where}unknown language "${language}" in ${JSON.stringify(tag)}: expected a language with locale data, such as en, de, ar, ja`, {
      path,
      issues: [{ path, message: `${where}unknown language "${language}"`, expected: 'a language with locale data', found: JSON.stringify(tag) }],
    })
  }
  return canonical
}

/**
 * The locales a message is looked up in, most specific first, as CLDR inherits them: `de-AT` →
 * `de`; `zh-TW` → `zh-Hant` (never plain `zh`, which is Simplified); `sr-Latn-RS` → `sr-Latn`.
 * The template's source texts come after the last of them.
 *
 * @example
 * ```ts
 * localeFallbackChain('de-AT') // ['de-AT', 'de']
 * localeFallbackChain('zh-TW') // ['zh-TW', 'zh-Hant']
 * ```
 */
export function localeFallbackChain(tag: string): string[] {
  return [...remember(fallbackChains, tag, () => computeFallbackChain(tag))]
}

function computeFallbackChain(tag: string): string[] {
  const locale = new Intl.Locale(tag)
  const chain = [locale.baseName]
  const language = locale.language
  const maximal = locale.maximize()
  const script = locale.script ?? maximal.script
  const defaultScript = new Intl.Locale(language).maximize().script
  if (locale.script && locale.region) chain.push(`${language}-${locale.script}`)
  else if (!locale.script && locale.region && script && script !== defaultScript) chain.push(`${language}-${script}`)
  if (script === defaultScript || script === undefined) chain.push(language)
  return [...new Set(chain)]
}

// Tags repeat on every text of every row: `Intl.Locale` work is done once per tag. The caches
// are small and start over when full, since a batch uses a handful of tags.
const baseNames = new Map<string, string>()
const languages = new Map<string, string>()
const canonicalTags = new Map<string, string>()
const fallbackChains = new Map<string, readonly string[]>()

/** `cache`'s value for `key`, made by `make` the first time (internal to core). */
export function remember<T>(cache: Map<string, T>, key: string, make: () => T): T {
  const known = cache.get(key)
  if (known !== undefined) return known
  const value = make()
  if (cache.size >= 256) cache.clear()
  cache.set(key, value)
  return value
}
