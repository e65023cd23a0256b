import { describeValue } from '../errors/vitrine-error.js'
import type { Variable } from '../document/variable.js'

/** A price: an amount and its ISO 4217 currency code. */
export interface Money {
  amount: number
  currency: string
}

/** A variable's value after binding: text, number, money, image source, colour (`#rrggbb(aa)`) or boolean. */
export type BoundValue = string | number | boolean | Money

/** Why a value was refused: what was expected, what was found, and an optional hint. */
export interface CoercionProblem {
  expected: string
  found: string
  hint?: string
}

/** The result of coercing one cell: a value, or a problem. Money needs its currency added later. */
export type Coerced = { value: BoundValue | { amount: number; currency?: string } } | { problem: CoercionProblem }

const DECIMAL = /^[+-]?(\d+(\.\d+)?|\.\d+)$/
const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/
const HEX = /^#?([0-9a-fA-F]{3,4}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})$/
const TRUE = new Set(['true', '1', 'yes'])
const FALSE = new Set(['false', '0', 'no'])

/** What each type accepts, for error messages. */
export const expectedByType: Record<Variable['type'], string> = {
  text: 'text',
  number: 'a number like 12.5',
  money: 'an amount like 49.99 (digits, a dot before the decimals, no currency sign)',
  image: 'an image path or URL',
  video: 'a video path or URL',
  color: 'a hex colour like #ff6600',
  boolean: 'true/false, yes/no or 1/0',
}

/** True for a cell that counts as not given: missing, null, or empty/blank text. */
export function isAbsent(raw: unknown): boolean {
  return raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '')
}

/** Describes an absent cell for messages. */
export function describeAbsent(raw: unknown): string {
  if (typeof raw === 'string') return 'an empty cell'
  return describeValue(raw)
}

/**
 * Coerces a present cell (CSV text, or an already typed JSON value) to a variable's type.
 * Money comes back with the currency the cell gave, if any; {@link bindRow} completes it.
 */
export function coerceValue(variable: Variable, raw: unknown): Coerced {
  const found = describeValue(raw)
  const fail = (hint?: string): Coerced => ({ problem: { expected: expectedByType[variable.type], found, ...(hint ? { hint } : {}) } })
  switch (variable.type) {
    case 'text': {
      if (typeof raw === 'number' || typeof raw === 'boolean') return { value: String(raw) }
      if (typeof raw !== 'string') return fail()
      const text = raw.replace(/\r\n?/g, '\n').trim()
      const max = variable.maxLength
      if (max !== undefined && [...text].length > max) {
        return { problem: { expected: `text of at most ${max} characters`, found: `${[...text].length} characters (${found})` } }
      }
      return { value: text }
    }
    case 'number': {
      const n = typeof raw === 'number' ? raw : typeof raw === 'string' ? parseNumber(raw.trim(), NUMBER) : undefined
      if (n === undefined || !Number.isFinite(n)) return fail(typeof raw === 'string' ? numberHint(raw.trim()) : undefined)
      if (variable.minimum !== undefined && n < variable.minimum) return { problem: { expected: `a number ≥ ${variable.minimum}`, found } }
      if (variable.maximum !== undefined && n > variable.maximum) return { problem: { expected: `a number ≤ ${variable.maximum}`, found } }
      return { value: n }
    }
    case 'money': {
      if (typeof raw === 'object' && raw !== null && !Array.isArray(raw)) {
        const { amount, currency } = raw as { amount?: unknown; currency?: unknown }
        const inner = coerceValue(variable, amount)
        if ('problem' in inner) return { problem: { expected: '{ "amount": 49.99, "currency": "EUR" }', found: describeValue(raw) } }
        if (currency !== undefined && typeof currency !== 'string') return { problem: { expected: 'an ISO 4217 currency code like "EUR"', found: describeValue(currency) } }
        return { value: { amount: (inner.value as Money).amount, ...(typeof currency === 'string' ? { currency } : {}) } }
      }
      const amount = typeof raw === 'number' ? raw : typeof raw === 'string' ? parseNumber(raw.trim(), DECIMAL) : undefined
      if (amount === undefined || !Number.isFinite(amount)) return fail(typeof raw === 'string' ? numberHint(raw.trim()) : undefined)
      return { value: { amount } }
    }
    case 'video':
    case 'image': {
      if (typeof raw !== 'string') return fail()
      return { value: raw.trim() }
    }
    case 'color': {
      const color = typeof raw === 'string' ? normalizeHexColor(raw.trim()) : undefined
      if (color === undefined) return fail(typeof raw === 'string' && /^[a-z]+$/i.test(raw.trim()) ? 'colour names are not accepted; write the hex code' : undefined)
      return { value: color }
    }
    case 'boolean': {
      if (typeof raw === 'boolean') return { value: raw }
      if (raw === 1 || raw === 0) return { value: raw === 1 }
      if (typeof raw !== 'string') return fail()
      const word = raw.trim().toLowerCase()
      if (TRUE.has(word)) return { value: true }
      if (FALSE.has(word)) return { value: false }
      return fail()
    }
  }
}

/**
 * Normalises `#rgb`, `#rgba`, `#rrggbb`, `#rrggbbaa` (the `#` may be left out, as spreadsheets
 * often drop it) to lower-case `#rrggbb`, or `#rrggbbaa` when not opaque.
 */
export function normalizeHexColor(text: string): string | undefined {
  const match = HEX.exec(text)
  if (!match) return undefined
  let hex = (match[1] as string).toLowerCase()
  // A bare 3- or 4-digit value is more likely a number than a colour.
  if (!text.startsWith('#') && hex.length < 6) return undefined
  if (hex.length <= 4) hex = [...hex].map((c) => c + c).join('')
  if (hex.length === 8 && hex.endsWith('ff')) hex = hex.slice(0, 6)
  return '#' + hex
}

let currencies: Set<string> | undefined

/** True for a current ISO 4217 code the runtime's Intl knows (any 3 capitals where Intl cannot list them). */
export function isCurrencyCode(code: string): boolean {
  if (!/^[A-Z]{3}$/.test(code)) return false
  if (currencies === undefined) {
    try {
      currencies = new Set(Intl.supportedValuesOf('currency'))
    } catch {
      currencies = new Set()
    }
  }
  return currencies.size === 0 || currencies.has(code)
}

function parseNumber(text: string, pattern: RegExp): number | undefined {
  return pattern.test(text) ? Number(text) : undefined
}

/** Explains the usual reasons a number was refused. */
function numberHint(text: string): string | undefined {
  if (/^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(text) && text.includes('.')) return `remove the thousands separators: ${text.replace(/,/g, '')}`
  if (/^[+-]?\d{1,3}(,\d{3})+$/.test(text)) return `a comma is ambiguous here (thousands or decimals?); write ${text.replace(/,/g, '')} or ${text.replace(',', '.')}`
  if (/^[+-]?\d+,\d+$/.test(text)) return `write the decimals with a dot: ${text.replace(',', '.')}`
  if (/^[+-]?\d{1,3}(\.\d{3})+,\d+$/.test(text)) return `write ${text.replace(/\./g, '').replace(',', '.')} (no thousands separators, a dot before the decimals)`
  if (/\d/.test(text) && /[^\d.,+\-\s]/.test(text)) return 'write the amount alone, without a currency sign, code or unit; the currency has its own column'
  return undefined
}
