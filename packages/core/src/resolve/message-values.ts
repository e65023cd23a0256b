import type { Template } from '../document/template.js'
import type { Variable } from '../document/variable.js'
import type { BoundValues } from '../data/bind-row.js'
import { formattingLocale } from '../markets/get-market.js'
import type { MarketProfile } from '../markets/market-profile.js'

const moneyFormats = new Map<string, Intl.NumberFormat>()

/**
 * Formats a money amount for a locale, e.g. `49,99 €` in de-DE and `€49.99` in en-IE. With a
 * market, its numbering system applies when the locale is in the market's language: Arabic-Indic
 * digits for the built-in ar-SA profile (`٤٩٫٩٩ ر.س.`), Latin digits for ar-AE. Strings keep the
 * bidi marks ICU puts in them (U+200F, U+200E); they are invisible and order the parts.
 *
 * @example
 * ```ts
 * formatMoney(49.99, 'EUR', 'de-DE') // '49,99 €'
 * formatMoney(49.99, 'SAR', 'ar-SA', getMarket('ar-SA')) // Arabic-Indic digits
 * ```
 */
export function formatMoney(amount: number, currency: string, locale: string, market?: MarketProfile): string {
  if (market) locale = formattingLocale(locale, market)
  const key = `${locale}|${currency}`
  let f = moneyFormats.get(key)
  if (!f) {
    f = new Intl.NumberFormat(locale, { style: 'currency', currency })
    moneyFormats.set(key, f)
  }
  return f.format(amount)
}

/**
 * The arguments messages are formatted with: money as a formatted string in the locale (pass
 * the formatting locale, see `formattingLocale`, for a market's digits),
 * numbers as numbers (so `plural` and `number` work), booleans as `"true"`/`"false"` (for
 * `select`), absent optional values as empty strings.
 */
export function messageValues(template: Template, values: BoundValues, locale: string): Record<string, string | number> {
  const out: Record<string, string | number> = {}
  for (const [name, variable] of Object.entries(template.variables as Record<string, Variable>)) {
    const v = values[name]
    if (v === undefined) out[name] = ''
    else if (typeof v === 'object') out[name] = formatMoney(v.amount, v.currency, locale)
    else if (typeof v === 'boolean') out[name] = v ? 'true' : 'false'
    else if (variable.type === 'number' && typeof v === 'number') out[name] = v
    else out[name] = String(v)
  }
  return out
}
