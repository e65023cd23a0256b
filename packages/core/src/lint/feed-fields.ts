import { pointerSegment } from '../errors/vitrine-error.js'
import type { Assertion } from './rule-pack.js'
import { normalizePattern } from './compile-matcher.js'
import { normalizeText } from './normalize-text.js'

/** Reads the feed fields rules ask for (`lowestPrice30d`, `origin`) from a row. */
export interface FieldReader {
  /** True when the row has a non-empty value for the field. */
  has(field: string): boolean
  /** The value as text, or undefined. */
  text(field: string): string | undefined
  /** The value as a number (prices in any common notation), or undefined. */
  number(field: string): number | undefined
  /** The column the field is read from. */
  column(field: string): string
  /** JSON pointer of the field in the feed. */
  pointer(field: string): string
}

const snake = (name: string) => name.replace(/([a-z])([A-Z0-9])/g, '$1_$2').toLowerCase()

/**
 * Parses a price or number as feeds write it: `49.90`, `49,90`, `1.299,00 €`, `$1,299.00`,
 * `{ amount: 49.9 }`.
 */
export function parseNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined
  if (typeof value === 'object' && value !== null && typeof (value as { amount?: unknown }).amount === 'number') return (value as { amount: number }).amount
  if (typeof value !== 'string') return undefined
  let s = value.normalize('NFKC').replace(/[^\d.,-]/g, '')
  if (!/\d/.test(s)) return undefined
  const lastDot = s.lastIndexOf('.')
  const lastComma = s.lastIndexOf(',')
  if (lastDot >= 0 && lastComma >= 0) {
    s = lastComma > lastDot ? s.replace(/\./g, '').replace(',', '.') : s.replace(/,/g, '')
  } else if (lastComma >= 0) {
    s = s.length - lastComma - 1 <= 2 ? s.replace(/,/g, (m, i: number) => (i === lastComma ? '.' : '')) : s.replace(/,/g, '')
  } else if (lastDot >= 0 && s.split('.').length > 2) {
    s = s.replace(/\./g, '')
  }
  const n = Number(s)
  return Number.isFinite(n) ? n : undefined
}

/** A field reader over the row of the lint options, with their field → column map. */
export function fieldReader(options: { data?: Readonly<Record<string, unknown>>; fields?: Readonly<Record<string, string>>; rowPointer?: string }): FieldReader {
  const data = options.data ?? {}
  const column = (field: string) => {
    const mapped = options.fields?.[field]
    if (mapped !== undefined) return mapped
    if (field in data) return field
    const alt = snake(field)
    return alt in data ? alt : field
  }
  const raw = (field: string) => {
    const v = data[column(field)]
    return v === undefined || v === null || (typeof v === 'string' && v.trim() === '') ? undefined : v
  }
  return {
    has: (field) => raw(field) !== undefined,
    text: (field) => {
      const v = raw(field)
      if (v === undefined) return undefined
      if (typeof v === 'object' && v !== null && 'amount' in v) return String((v as { amount: unknown }).amount)
      return Array.isArray(v) ? v.join(', ') : String(v)
    },
    number: (field) => parseNumber(raw(field)),
    column,
    pointer: (field) => `${options.rowPointer ?? '/data'}/${pointerSegment(column(field))}`,
  }
}

/** The reduction a claim states, in percent: `-30 %` → 30, `8折` → 20. */
export function claimedPercent(claim: string): number | undefined {
  const text = claim.normalize('NFKC')
  const percent = /(\d+(?:[.,]\d+)?)\s*%/.exec(text)
  if (percent) return parseNumber(percent[1])
  const zhe = /(\d(?:\.\d)?)\s*折/.exec(text)
  if (zhe) return 100 - Number(zhe[1]) * 10
  return undefined
}

const truthy = (s: string | undefined) => s !== undefined && !/^(0|false|no|nein|non|n|否)$/i.test(s.trim())

/**
 * Whether an assertion holds for the row: `true`, `false`, or `undefined` when a field it reads
 * is missing and the assertion is `optional` (or it cannot be decided).
 */
export function holds(a: Assertion, fields: FieldReader, claim: string): boolean | undefined {
  if (a.op === 'present') return fields.has(a.field)
  if (!fields.has(a.field)) return a.optional ? undefined : false
  const text = fields.text(a.field)
  if (a.op === 'truthy') return truthy(text)
  if (a.op === 'falsy') return !truthy(text)
  if (a.op === 'matches') return new RegExp(normalizePattern(String(a.value ?? '')), 'u').test(normalizeText(text ?? '').text)
  if (a.op === 'in' || a.op === 'notIn') {
    const list = (Array.isArray(a.value) ? a.value : [a.value]).map((v) => String(v).toLowerCase())
    const found = list.includes((text ?? '').trim().toLowerCase())
    return a.op === 'in' ? found : !found
  }
  let right: number | string | undefined
  if (a.than !== undefined) {
    if (!fields.has(a.than)) return a.optional ? undefined : false
    right = fields.number(a.than) ?? fields.text(a.than)
  } else right = typeof a.value === 'number' ? a.value : typeof a.value === 'string' ? (parseNumber(a.value) ?? a.value) : undefined
  if (a.op === 'percentOff') {
    const claimed = claimedPercent(claim)
    const price = fields.number(a.field)
    if (claimed === undefined || typeof right !== 'number' || price === undefined || right <= 0) return undefined
    const actual = (1 - price / right) * 100
    return claimed <= actual + (a.tolerance ?? 0.5)
  }
  const left = fields.number(a.field) ?? text
  if (a.op === 'eq') return String(left).toLowerCase() === String(right).toLowerCase() || left === right
  if (a.op === 'ne') return !(String(left).toLowerCase() === String(right).toLowerCase())
  if (typeof left !== 'number' || typeof right !== 'number') return undefined
  switch (a.op) {
    case 'lt':
      return left < right
    case 'lte':
      return left <= right + 1e-9
    case 'gt':
      return left > right
    case 'gte':
      return left >= right - 1e-9
    default:
      return undefined
  }
}
