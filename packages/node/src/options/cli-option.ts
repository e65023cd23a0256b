import { VitrineError } from '@vitrine/core'

/**
 * One CLI option, described once: the parser, `--help` and `docs/cli.md` are all made from it
 * (as Remotion does with its `options/*.ts`), so they cannot drift apart.
 */
export interface CliOption<T> {
  /** The long flag without dashes, e.g. `format` for `--format`. */
  name: string
  /** One-letter alias, e.g. `f` for `-f`. */
  short?: string
  /** `boolean` options take no value. */
  type: 'string' | 'boolean'
  /** Shown after the flag in help: `--format <id,...>`. */
  valueName?: string
  /** One sentence, for help and docs. */
  description: string
  /** The default as people read it, for help and docs; undefined when there is none. */
  defaultText?: string
  /**
   * Checks and converts the raw value. `raw` is undefined when the flag was not given; the
   * result is then the default. Throws a `usage` VitrineError that says what was expected.
   */
  parse(raw: string | boolean | undefined): T
}

/** Defines an option (an identity function that keeps the value type). */
export function defineOption<T>(option: CliOption<T>): CliOption<T> {
  return option
}

/** A `usage` error about one option's value. */
export function optionError(name: string, expected: string, found: unknown): VitrineError {
  return new VitrineError('usage', `--${name}: expected ${expected}, found ${typeof found === 'string' ? JSON.stringify(found) : String(found)}`)
}

/** The whole number from `min` to `max` given to `--name` (spaces around it allowed), or a `usage` error. */
export function wholeNumber(name: string, raw: string | boolean, min: number, max: number): number {
  const n = typeof raw === 'string' && /^\s*\d+\s*$/.test(raw) ? Number(raw) : NaN
  if (!(n >= min && n <= max)) throw optionError(name, `a whole number from ${min} to ${max}`, raw)
  return n
}

/** Splits `a,b , c` into `['a', 'b', 'c']`. */
export function splitList(raw: string): string[] {
  return raw
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part.length > 0)
}
