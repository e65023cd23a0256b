import { closestName } from '../errors/closest-name.js'
import { VitrineError } from '../errors/vitrine-error.js'
import { baseNameOf, languageOf, remember } from '../i18n/locale-tag.js'
import { findMarket, marketCatalog } from './market-catalog.js'
import type { MarketProfile } from './market-profile.js'

/**
 * The built-in market profile with this id (case-insensitive). Throws a `market/unknown`
 * VitrineError that lists the known ids.
 *
 * @param path - JSON pointer or option name for the error.
 * @example
 * ```ts
 * getMarket('ar-SA').numberingSystem // 'arab'
 * ```
 */
export function getMarket(id: string, path = ''): MarketProfile {
  const market = typeof id === 'string' ? findMarket(id.trim()) : undefined
  if (market) return market
  const ids = marketCatalog.map((m) => m.id)
  const known = ids.join(', ')
  const guess = typeof id === 'string' ? closestName(id.trim().replace(/_/g, '-'), ids) : undefined
  const hint = guess ? ` (did you mean ${guess}?)` : ''
  throw new VitrineError('market/unknown', `${path ? path + ': ' : ''}unknown market ${JSON.stringify(id)}${hint}; expected one of ${known}`, {
    path,
    issues: [{ path, message: `unknown market ${JSON.stringify(id)}`, expected: `one of ${known}`, found: JSON.stringify(id) }],
  })
}

/**
 * The built-in market a locale is for: the profile whose id is the tag (`de-DE`), else none.
 * A bare language (`de`) names no market: markets are regions.
 */
export function marketForLocale(locale: string): MarketProfile | undefined {
  return findMarket(baseNameOf(locale))
}

/**
 * The locale to format numbers, prices, dates and plurals with: the text's locale, plus the
 * market's numbering system and calendar when the text is in the market's language (an English
 * text for Saudi Arabia keeps Latin digits). Extensions already in the tag win.
 *
 * @example
 * ```ts
 * formattingLocale('ar-SA', getMarket('ar-SA')) // 'ar-SA-u-ca-gregory-nu-arab'
 * formattingLocale('ar-SA', { ...getMarket('ar-SA'), numberingSystem: 'latn' }) // 'ar-SA-u-ca-gregory-nu-latn'
 * ```
 */
export function formattingLocale(locale: string, market: MarketProfile | undefined): string {
  if (!market || languageOf(locale) !== languageOf(market.locale)) return locale
  return remember(formattingLocales, `${locale} ${market.numberingSystem} ${market.calendar}`, () => {
    const parsed = new Intl.Locale(locale)
    return new Intl.Locale(locale, {
      numberingSystem: parsed.numberingSystem ?? market.numberingSystem,
      calendar: parsed.calendar ?? market.calendar,
    }).toString()
  })
}

// Formatting tags by text locale and market digits/calendar, made once each.
const formattingLocales = new Map<string, string>()
