import { VitrineError, pointerSegment, type VitrineErrorCode, type VitrineIssue } from '../errors/vitrine-error.js'
import type { Template } from '../document/template.js'
import type { Variable } from '../document/variable.js'
import { coerceValue, describeAbsent, expectedByType, isAbsent, isCurrencyCode, type BoundValue, type Money } from './coerce-value.js'
import { describeRow, type RawRow } from './feed-rows.js'
import { checkRowId, type RowIdOptions } from './row-id.js'

/** A template's variables after binding one row, by variable name. Optional variables with no value are left out. */
export type BoundValues = Record<string, BoundValue>

/** One row, bound: its id (safe as a folder name) and its typed values. */
export interface BoundRow {
  id: string
  values: BoundValues
}

/** Options for {@link bindRow}. */
export interface BindRowOptions extends RowIdOptions {}

type Issue = VitrineIssue & { code: VitrineErrorCode; detail: string }

/**
 * Binds a data row to a template's variables: each variable takes the column of the same name,
 * coerced to its type (CSV text is parsed, JSON values may already be typed), or its default.
 * Empty cells count as absent. Unknown columns are ignored.
 *
 * Throws one VitrineError listing every problem of the row (its code is the first problem's):
 * `data/missing-required`, `data/wrong-type` or `data/invalid` (an unsafe id). Each issue names
 * the row, the field, its JSON pointer (`/rows/4/price`), what was expected and what was found.
 *
 * @example
 * ```ts
 * const { id, values } = bindRow(template, feed.rows[0])
 * values.price // { amount: 49.99, currency: 'EUR' }
 * ```
 */
export function bindRow(template: Pick<Template, 'variables' | 'idVariable'>, row: RawRow, options: BindRowOptions = {}): BoundRow {
  const rowPointer = options.rowPointer ?? row.pointer
  const issues: Issue[] = []
  const idResult = checkRowId(template, row, { ...options, rowPointer })
  const id = 'id' in idResult ? idResult.id : undefined
  if ('issue' in idResult) issues.push(idResult.issue)
  const label = describeRow(row.index, row.line, id)
  const pointerOf = (field: string) => `${rowPointer}/${pointerSegment(field)}`
  const report = (code: VitrineErrorCode, field: string, expected: string, found: string, hint?: string) => {
    const path = pointerOf(field)
    // The id check may have reported this cell already.
    if (issues.some((issue) => issue.path === path)) return
    const what = code === 'data/missing-required' ? `is required (${expected})` : `expected ${expected}`
    const detail = `field "${field}" at ${path}: ${what}, found ${found}${hint ? `; ${hint}` : ''}`
    issues.push({ code, path, expected, found, detail, message: `${label}, ${detail}` })
  }

  const values: BoundValues = {}
  const pendingMoney: Array<[string, Extract<Variable, { type: 'money' }>, { amount: number; currency?: string }]> = []
  for (const [name, variable] of Object.entries(template.variables)) {
    const raw = row.values[name]
    let value: BoundValue | { amount: number; currency?: string } | undefined
    if (!isAbsent(raw)) {
      const coerced = coerceValue(variable, raw)
      if ('problem' in coerced) {
        report('data/wrong-type', name, coerced.problem.expected, coerced.problem.found, coerced.problem.hint)
        continue
      }
      value = coerced.value
    } else if (variable.default !== undefined) {
      const coerced = coerceValue(variable, variable.default)
      value = 'value' in coerced ? coerced.value : variable.default
    } else if (variable.required) {
      report('data/missing-required', name, expectedByType[variable.type], describeAbsent(raw))
      continue
    }
    if (value === undefined) continue
    if (variable.type === 'money') pendingMoney.push([name, variable, value as { amount: number; currency?: string }])
    else values[name] = value as BoundValue
  }

  // Money last: its currency may come from another (text) variable.
  for (const [name, variable, partial] of pendingMoney) {
    let currencyField = name
    let code = partial.currency
    if (code === undefined) {
      if (typeof variable.currency === 'string') code = variable.currency
      else {
        currencyField = variable.currency.var
        const bound = values[currencyField]
        const rawCurrency = currencyField in template.variables ? bound : row.values[currencyField]
        if (isAbsent(rawCurrency)) {
          report('data/missing-required', currencyField, `the currency of "${name}", an ISO 4217 code like EUR`, describeAbsent(rawCurrency))
          continue
        }
        code = typeof rawCurrency === 'string' ? rawCurrency : undefined
        if (code === undefined) {
          report('data/wrong-type', currencyField, 'an ISO 4217 currency code like EUR', String(rawCurrency))
          continue
        }
      }
    }
    const normalized = code.trim().toUpperCase()
    if (!isCurrencyCode(normalized)) {
      report('data/wrong-type', currencyField, `an ISO 4217 currency code like EUR (for "${name}")`, JSON.stringify(code))
      continue
    }
    values[name] = { amount: partial.amount, currency: normalized } satisfies Money
  }

  if (issues.length > 0 || id === undefined) throw rowError(label, issues)
  return { id, values }
}

function rowError(label: string, issues: Issue[]): VitrineError {
  const first = issues[0] as Issue
  const plain: VitrineIssue[] = issues.map(({ detail, ...issue }) => ({ ...issue, message: `${label}, ${detail}` }))
  const message = issues.length === 1 ? `${label}, ${first.detail}` : `${label}: ${issues.length} problems: ${issues.map((issue) => issue.detail).join('; ')}`
  return new VitrineError(first.code, message, { path: first.path, issues: plain })
}
