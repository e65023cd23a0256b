import type { Template } from '../document/template.js'
import type { Variable } from '../document/variable.js'
import type { BoundValues } from '../data/bind-row.js'

const moneyFormats = new Map<string, Intl.NumberFormat>()

/** Formats a money amount for a locale, e.g. `49,99 €` in de-DE and `€49.99` in en-IE. */
export function formatMoney(amount: number, currency: string, locale: string): string {
  const key = `${locale}|${currency}`
  let f = moneyFormats.get(key)
  if (!f) {
    f = new Intl.NumberFormat(locale, { style: 'currency', currency })
    moneyFormats.set(key, f)
  }
  return f.format(amount)
}

/**
 * The arguments messages are formatted with: money as a formatted string in the locale,
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
