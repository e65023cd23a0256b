import { VitrineError, describeValue, pointerSegment, type VitrineIssue } from '../errors/vitrine-error.js'
import type { Template } from '../document/template.js'
import { describeRow } from './feed-rows.js'

/** Where a row's id comes from. */
export interface RowIdOptions {
  /** Column holding the id. Default: the template's `idVariable`, else `id`, else `sku`. */
  idColumn?: string
  /** JSON pointer prefix of the row, e.g. `/rows/4`. Default: the row's own pointer. */
  rowPointer?: string
}

/** The parts of a row that an id is read from: a {@link RawRow}, or a {@link RowError} that kept its cells. */
export interface RowLike {
  index: number
  line: number
  pointer: string
  values?: Record<string, unknown>
}

const UNSAFE = /[/\\:*?"<>|\u0000-\u001f\u007f]/
const RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i
const MAX_LENGTH = 128

/** The column a row's id is read from, or undefined when the feed has none (ids are then `row-<index>`). */
export function idColumnOf(template: Pick<Template, 'idVariable'>, values: Record<string, unknown> | undefined, options: RowIdOptions = {}): string | undefined {
  if (options.idColumn) return options.idColumn
  if (template.idVariable) return template.idVariable
  if (values && 'id' in values) return 'id'
  if (values && 'sku' in values) return 'sku'
  return undefined
}

/**
 * Finds the issue with a row's id, or returns the id. Ids name output folders, so they must be
 * safe as one: no `/`, `\`, `..`, control characters or characters Windows refuses.
 */
export function checkRowId(
  template: Pick<Template, 'idVariable'>,
  row: RowLike,
  options: RowIdOptions = {},
): { id: string } | { issue: VitrineIssue & { code: 'data/missing-required' | 'data/wrong-type' | 'data/invalid'; detail: string } } {
  const column = idColumnOf(template, row.values, options)
  if (column === undefined) return { id: `row-${row.index}` }
  const path = `${options.rowPointer ?? row.pointer}/${pointerSegment(column)}`
  const raw = row.values?.[column]
  const where = `id column "${column}" at ${path}`
  const issue = (code: 'data/missing-required' | 'data/wrong-type' | 'data/invalid', detail: string, expected: string, found: string) => ({
    issue: { code, path, message: `${describeRow(row.index, row.line)}, ${detail}`, detail, expected, found },
  })
  if (raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '')) {
    const found = typeof raw === 'string' ? 'an empty cell' : describeValue(raw)
    return issue('data/missing-required', `${where}: every row needs an id, found ${found}`, 'an id', found)
  }
  if (typeof raw !== 'string' && !(typeof raw === 'number' && Number.isFinite(raw))) {
    const found = describeValue(raw)
    return issue('data/wrong-type', `${where}: expected a text or number id, found ${found}`, 'a text or number id', found)
  }
  const id = String(raw).trim()
  const problem = unsafeReason(id)
  if (problem) {
    const found = describeValue(id)
    return issue('data/invalid', `${where}: the id ${found} cannot name an output folder (${problem}); fix it or choose another id column`, 'an id that can name a folder', found)
  }
  return { id }
}

/**
 * Reads a row's id: from `options.idColumn`, else the template's `idVariable`, else the `id`
 * column, else `sku`; `row-<index>` when the feed has none of them. Throws a VitrineError
 * (`data/missing-required`, `data/wrong-type` or `data/invalid`) for an empty or unsafe id.
 *
 * @example
 * ```ts
 * readRowId(template, { index: 1, line: 2, pointer: '/rows/0', values: { sku: 'A-1' } }) // 'A-1'
 * ```
 */
export function readRowId(template: Pick<Template, 'idVariable'>, row: RowLike, options: RowIdOptions = {}): string {
  const result = checkRowId(template, row, options)
  if ('id' in result) return result.id
  const { code, detail: _detail, ...issue } = result.issue
  throw new VitrineError(code, issue.message, { path: issue.path, issues: [issue] })
}

function unsafeReason(id: string): string | undefined {
  const bad = UNSAFE.exec(id)
  if (bad) return `it contains ${bad[0] < ' ' || bad[0] === '\u007f' ? 'a control character' : JSON.stringify(bad[0])}`
  if (/^\.+$/.test(id)) return 'it is only dots'
  if (id.startsWith('.')) return 'it starts with a dot'
  if (id.endsWith('.')) return 'it ends with a dot'
  if (RESERVED.test(id)) return 'it is a name Windows reserves'
  if (id.length > MAX_LENGTH) return `it is longer than ${MAX_LENGTH} characters`
  return undefined
}
