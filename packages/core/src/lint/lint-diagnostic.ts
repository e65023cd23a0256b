import type { Severity } from './rule-pack.js'

/** A character span `[start, end)` in UTF-16 units of a text layer's resolved text. */
export interface LintSpan {
  start: number
  end: number
}

/**
 * One finding of {@link lint}: which rule, how bad, what and where, the law or policy behind it,
 * and what to do.
 */
export interface LintDiagnostic {
  /** Rule id, e.g. `CN-ABS`. */
  rule: string
  severity: Severity
  /** In the UI language asked for (en, de, fr, zh, ar). */
  message: string
  /**
   * JSON pointer of the layer (`/layers/2/text`, `/layers/4/children/1`) in the template when one
   * is given to lint, else of the node in the Scene (`/nodes/2`); `''` for the whole ad.
   */
  path: string
  /**
   * Where in the layer's resolved text: the Scene's lines joined with `\n`. Absent for findings
   * that are not about words (boxes, pixels, a missing field of the row).
   */
  span?: LintSpan
  /** The text of the span. */
  excerpt?: string
  /** The layer id. */
  layer?: string
  /** The law or policy, with its date: `Advertising Law of the PRC, Art. 9(3) (2021-04-29)`. */
  source: string
  /** A suggested fix, in the UI language. */
  fix: string
  /** JSON pointer of the feed field the finding is about (`/rows/3/lowestPrice30d`), for data rules. */
  data?: string
}

/** Severities from the worst. */
export const SEVERITY_ORDER: Readonly<Record<Severity, number>> = { error: 0, warn: 1, info: 2 }
