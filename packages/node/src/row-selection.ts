import { VitrineError } from '@vitrine/core'

/** Feed rows from `from` to `to` (1-based, both included, as error messages count rows); no `to`: to the end. */
export interface RowRange {
  from: number
  to?: number
}

/**
 * Reads `1-20,35,100-` into ranges: single rows, `a-b`, and `a-` for a row and all after it.
 * Throws a `usage` error naming what is wrong.
 *
 * @example
 * ```ts
 * parseRowRanges('1-20,35') // [{ from: 1, to: 20 }, { from: 35, to: 35 }]
 * ```
 */
export function parseRowRanges(text: string, what = '--rows'): RowRange[] {
  const parts = text.split(',').map((part) => part.trim())
  if (parts.length === 0 || parts.some((part) => part === '')) throw rangeError(what, text)
  return parts.map((part) => {
    const match = /^(\d+)(?:\s*(-)\s*(\d*))?$/.exec(part)
    if (!match) throw rangeError(what, text)
    const from = Number(match[1])
    const to = match[2] ? (match[3] ? Number(match[3]) : undefined) : from
    if (from < 1 || (to !== undefined && to < from)) throw rangeError(what, text)
    return to === undefined ? { from } : { from, to }
  })
}

/** Checks ranges given through the API: whole numbers from 1, `to` not before `from`. */
export function checkRowRanges(ranges: readonly RowRange[], what = 'rows'): RowRange[] {
  if (ranges.length === 0) throw new VitrineError('usage', `${what}: expected one range or more, found none`)
  for (const range of ranges) {
    const good = Number.isInteger(range.from) && range.from >= 1 && (range.to === undefined || (Number.isInteger(range.to) && range.to >= range.from))
    if (!good) throw new VitrineError('usage', `${what}: expected ranges of rows from 1 ({ from, to? }, to not before from), found ${JSON.stringify(range)}`)
  }
  return [...ranges]
}

/** `1-20,35,100-`: ranges as `--rows` takes them. */
export function formatRowRanges(ranges: readonly RowRange[]): string {
  return ranges.map((r) => (r.to === r.from ? String(r.from) : `${r.from}-${r.to ?? ''}`)).join(',')
}

/** True when row `n` (1-based) is in one of the ranges. */
export function inRowRanges(ranges: readonly RowRange[], n: number): boolean {
  return ranges.some((r) => n >= r.from && (r.to === undefined || n <= r.to))
}

function rangeError(what: string, text: string): VitrineError {
  return new VitrineError('usage', `${what}: expected row numbers and ranges from 1, comma-separated (e.g. 1-20,35,100-), found ${JSON.stringify(text)}`)
}
