// The browser build of csv-parse is self-contained; `csv-parse/sync` needs Node's global Buffer.
import { parse } from 'csv-parse/browser/esm/sync'
import { VitrineError, type VitrineIssue } from '../errors/vitrine-error.js'
import { describeRow, type FeedParseResult, type RawRow, type RowError } from './feed-rows.js'

/** Options for {@link parseCsv}. */
export interface ParseCsvOptions {
  /** Field delimiter. Default: guessed from the header line among `,`, `;`, tab and `|`. */
  delimiter?: string
}

type CsvEvent = { kind: 'record'; fields: string[]; endLine: number } | { kind: 'skip'; code: string; message: string; line: number }

const DELIMITERS = [',', ';', '\t', '|']

/**
 * Reads a CSV feed: the first non-empty line names the columns, every other non-empty line is
 * a row. Accepts a UTF-8 BOM, CRLF/LF/CR line ends and quoted fields with newlines (kept as
 * `\n`). A row with too few or too many fields becomes a `data/ragged-row` error and only that
 * row fails. An empty, duplicate or missing header throws a `data/invalid` VitrineError.
 *
 * @example
 * ```ts
 * const { columns, rows, errors } = parseCsv('sku,title\nA-1,Mug\n')
 * rows[0] // { index: 1, line: 2, pointer: '/rows/0', values: { sku: 'A-1', title: 'Mug' } }
 * ```
 */
export function parseCsv(text: string, options: ParseCsvOptions = {}): FeedParseResult {
  const normalized = (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).replace(/\r\n?/g, '\n')
  const delimiter = options.delimiter ?? guessDelimiter(normalized)
  const events: CsvEvent[] = []
  try {
    parse(normalized, {
      delimiter,
      // Spaces around delimiters are layout, not data, and would make `a, "b"` a quote error.
      trim: true,
      relax_column_count: true,
      skip_empty_lines: true,
      skip_records_with_error: true,
      on_record: (fields: string[], context: { lines: number }) => {
        events.push({ kind: 'record', fields, endLine: context.lines })
        return null
      },
      on_skip: (error: { code?: string; message: string; lines?: number } | undefined) => {
        if (error) events.push({ kind: 'skip', code: error.code ?? '', message: error.message, line: error.lines ?? 0 })
      },
    })
  } catch (error) {
    const e = error as { message?: string; lines?: number }
    throw new VitrineError('data/invalid', `The CSV could not be read${e.lines ? ` (line ${e.lines})` : ''}: ${e.message ?? String(error)}`, { cause: error })
  }

  let lastEnd = 0
  for (const event of events) {
    // An unclosed quote is reported at the end of the file; the row starts after the last good one.
    if (event.kind === 'skip' && event.code === 'CSV_QUOTE_NOT_CLOSED') event.line = lastEnd + 1
    if (event.kind === 'record') lastEnd = event.endLine
    else lastEnd = Math.max(lastEnd, event.line)
  }
  const content = events.filter((event) => event.kind === 'skip' || event.fields.some((field) => field.trim() !== ''))
  const header = content[0]
  if (header === undefined) throw new VitrineError('data/invalid', 'The CSV is empty: expected a header line naming the columns, found nothing')
  if (header.kind === 'skip') {
    throw new VitrineError('data/invalid', `The CSV header (line ${header.line}) could not be read: ${explainCsvError(header.code, header.message)}`)
  }
  const columns = readHeader(header.fields, startLine(header))

  const rows: RawRow[] = []
  const errors: RowError[] = []
  content.slice(1).forEach((event, i) => {
    const index = i + 1
    const pointer = `/rows/${i}`
    if (event.kind === 'skip') {
      const message = `${describeRow(index, event.line)}: the CSV could not be read: ${explainCsvError(event.code, event.message)}`
      errors.push({ index, line: event.line, pointer, error: new VitrineError('data/invalid', message, { path: pointer }) })
      return
    }
    const line = startLine(event)
    const values: Record<string, string> = {}
    columns.forEach((column, c) => {
      const field = event.fields[c]
      if (field !== undefined) values[column] = field
    })
    if (event.fields.length !== columns.length) {
      const fewer = event.fields.length < columns.length
      const message =
        `${describeRow(index, line)}: expected ${columns.length} fields (${columns.join(', ')}), found ${event.fields.length}` +
        (fewer ? '; is a delimiter missing, or a quote not closed?' : '; does a field contain an unquoted delimiter?')
      const issue: VitrineIssue = { path: pointer, message, expected: `${columns.length} fields`, found: `${event.fields.length} fields` }
      errors.push({ index, line, pointer, values, error: new VitrineError('data/ragged-row', message, { path: pointer, issues: [issue] }) })
      return
    }
    rows.push({ index, line, pointer, values })
  })
  return { columns, rows, errors }
}

/** csv-parse reports the line a record ends on; quoted newlines move its start up. */
function startLine(event: { fields: string[]; endLine: number }): number {
  let newlines = 0
  for (const field of event.fields) for (let i = field.indexOf('\n'); i !== -1; i = field.indexOf('\n', i + 1)) newlines++
  return event.endLine - newlines
}

function readHeader(fields: string[], line: number): string[] {
  const columns = fields.map((field) => field.trim())
  const issues: VitrineIssue[] = []
  const seen = new Map<string, number>()
  columns.forEach((name, i) => {
    const path = `/columns/${i}`
    if (name === '') {
      issues.push({ path, message: `column ${i + 1} of the header (line ${line}) has no name`, expected: 'a column name', found: 'an empty field' })
      return
    }
    const first = seen.get(name)
    if (first !== undefined) {
      issues.push({
        path,
        message: `column ${i + 1} of the header (line ${line}) repeats the name ${JSON.stringify(name)} of column ${first + 1}`,
        expected: 'a unique column name',
        found: JSON.stringify(name),
      })
      return
    }
    seen.set(name, i)
  })
  if (issues.length > 0) {
    throw new VitrineError('data/invalid', `The CSV header is invalid: ${issues.map((issue) => issue.message).join('; ')}`, { path: issues[0]?.path ?? '', issues })
  }
  return columns
}

/** Counts candidate delimiters outside quotes on the first non-empty line. */
function guessDelimiter(text: string): string {
  const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]))
  let quoted = false
  let seenContent = false
  for (const char of text) {
    if (char === '"') quoted = !quoted
    else if (char === '\n' && !quoted) {
      if (seenContent) break
    } else if (!quoted && counts.has(char)) counts.set(char, (counts.get(char) ?? 0) + 1)
    if (char.trim() !== '') seenContent = true
  }
  let best = ','
  for (const [d, n] of counts) if (n > (counts.get(best) ?? 0)) best = d
  return best
}

function explainCsvError(code: string, message: string): string {
  switch (code) {
    case 'CSV_INVALID_CLOSING_QUOTE':
      return 'a quoted field is followed by more text before the next delimiter; inside a quoted field, write a quote as two quotes ("")'
    case 'INVALID_OPENING_QUOTE':
      return 'a quote appears inside an unquoted field; quote the whole field and write the inner quote as two quotes ("")'
    case 'CSV_QUOTE_NOT_CLOSED':
      return 'a quoted field is never closed, so the rest of the file could not be read'
    default:
      return message
  }
}
