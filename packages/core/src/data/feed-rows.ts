import type { VitrineError } from '../errors/vitrine-error.js'

/** One data row as read from a feed, before binding to a template. */
export interface RawRow {
  /** 1-based position among the feed's data rows (a CSV header is not a row). */
  index: number
  /** 1-based line of the source file where the row starts. */
  line: number
  /**
   * JSON pointer of the row in the feed: its real location for JSON (`/3`, `/rows/3`), and
   * `/rows/<index - 1>` for CSV and NDJSON. 0-based, like every JSON pointer.
   */
  pointer: string
  /** Cells by column name: strings for CSV, any JSON value for JSON and NDJSON. */
  values: Record<string, unknown>
}

/** A row that could not be read. Only that row fails; the others are still returned. */
export interface RowError {
  index: number
  line: number
  pointer: string
  /** The cells that could be read (a ragged CSV row keeps its first fields), e.g. to report its id. */
  values?: Record<string, unknown>
  /** Code `data/ragged-row` or `data/invalid`; its path is {@link RowError.pointer}. */
  error: VitrineError
}

/** What {@link parseCsv} and {@link parseFeed} return. */
export interface FeedParseResult {
  /** Column names in feed order (for JSON: every key seen, in order of first appearance). */
  columns: string[]
  rows: RawRow[]
  errors: RowError[]
}

/** `Row 5 (line 6)`, the prefix of every row message. */
export function describeRow(index: number, line: number, id?: string): string {
  return `Row ${index} (line ${line}${id === undefined ? '' : `, id ${JSON.stringify(id)}`})`
}
