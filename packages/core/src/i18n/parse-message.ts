import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser'
import { VitrineError } from '../errors/vitrine-error.js'

/** Where a message lives, for errors: its id and the JSON pointer of its text. */
export interface MessageWhere {
  /** The message id (a text layer's id). */
  id: string
  /** JSON pointer of the message text, e.g. `/layers/2/text` or `/messages/title`. */
  path: string
  /** The file it comes from, when it is not the template. */
  file?: string
}

const explanations: Record<string, string> = {
  EXPECT_ARGUMENT_CLOSING_BRACE: 'expected "}" to close the argument',
  EMPTY_ARGUMENT: 'expected a variable name inside "{}"',
  MALFORMED_ARGUMENT: 'expected a variable name (letters, digits, _) inside "{...}"',
  EXPECT_ARGUMENT_TYPE: 'expected an argument type after "," (number, date, time, plural, select, selectordinal)',
  INVALID_ARGUMENT_TYPE: 'expected an argument type: number, date, time, plural, select or selectordinal',
  EXPECT_ARGUMENT_STYLE: 'expected a style after ","',
  INVALID_NUMBER_SKELETON: 'expected a valid number skeleton after "::"',
  INVALID_DATE_TIME_SKELETON: 'expected a valid date skeleton after "::"',
  EXPECT_NUMBER_SKELETON: 'expected a number skeleton after "::"',
  EXPECT_DATE_TIME_SKELETON: 'expected a date skeleton after "::"',
  UNCLOSED_QUOTE_IN_ARGUMENT_STYLE: "expected a closing ' in the argument style",
  EXPECT_SELECT_ARGUMENT_OPTIONS: 'expected select options such as "a {...} other {...}"',
  EXPECT_PLURAL_ARGUMENT_OFFSET_VALUE: 'expected a number after "offset:"',
  INVALID_PLURAL_ARGUMENT_OFFSET_VALUE: 'expected a whole number after "offset:"',
  EXPECT_SELECT_ARGUMENT_SELECTOR: 'expected a selector (a word, then "{...}")',
  EXPECT_PLURAL_ARGUMENT_SELECTOR: 'expected a plural selector: zero, one, two, few, many, other or =N',
  EXPECT_SELECT_ARGUMENT_SELECTOR_FRAGMENT: 'expected "{...}" after the select selector',
  EXPECT_PLURAL_ARGUMENT_SELECTOR_FRAGMENT: 'expected "{...}" after the plural selector',
  INVALID_PLURAL_ARGUMENT_SELECTOR: 'expected a plural selector: zero, one, two, few, many, other or =N',
  DUPLICATE_PLURAL_ARGUMENT_SELECTOR: 'this plural selector appears twice',
  DUPLICATE_SELECT_ARGUMENT_SELECTOR: 'this select selector appears twice',
  MISSING_OTHER_CLAUSE: 'a plural or select needs an "other {...}" case, used when no other case matches',
}

/** `Message "title" (/layers/2/text)` or with a file: `Message "title" in de.json (/messages/title)`. */
export function describeMessage(where: MessageWhere): string {
  return `Message "${where.id}"${where.file ? ` in ${where.file}` : ''} (${where.path})`
}

/**
 * Parses an ICU MessageFormat message. Throws a `message/invalid` VitrineError that names the
 * message id, its JSON pointer and the line and column of the problem, e.g. a plural without
 * `other`.
 *
 * @example
 * ```ts
 * parseMessageAt('{n, plural, one {# item} other {# items}}', { id: 'count', path: '/layers/4/text' })
 * ```
 */
export function parseMessageAt(message: string, where: MessageWhere): MessageFormatElement[] {
  try {
    return parse(message, { ignoreTag: true, requiresOtherClause: true })
  } catch (error) {
    const kind = (error as Error).message
    const location = (error as { location?: { start: { line: number; column: number; offset: number } } }).location
    const at = location ? ` at line ${location.start.line}, column ${location.start.column}` : ''
    const why = explanations[kind] ?? kind.toLowerCase().replace(/_/g, ' ')
    const near = location ? `: ${JSON.stringify(excerpt(message, location.start.offset))}` : ''
    const text = `${describeMessage(where)} is not a valid ICU message${at}: ${why}${near}. Write {name} for a variable and '{' for a literal brace.`
    throw new VitrineError('message/invalid', text, {
      path: where.path,
      cause: error,
      issues: [{ path: where.path, message: text, expected: 'an ICU message', found: JSON.stringify(excerpt(message, location?.start.offset ?? 0)) }],
    })
  }
}

/** A short piece of the message around an offset, with ▸ marking the spot. */
function excerpt(message: string, offset: number): string {
  const from = Math.max(0, offset - 20)
  const to = Math.min(message.length, offset + 20)
  return (from > 0 ? '…' : '') + message.slice(from, offset) + '▸' + message.slice(offset, to) + (to < message.length ? '…' : '')
}

/** Every variable name that a message refers to. */
export function messageArguments(elements: MessageFormatElement[], into = new Set<string>()): Set<string> {
  for (const el of elements) {
    if (el.type === TYPE.argument || el.type === TYPE.number || el.type === TYPE.date || el.type === TYPE.time) into.add(el.value)
    if (el.type === TYPE.plural || el.type === TYPE.select) {
      into.add(el.value)
      for (const option of Object.values(el.options)) messageArguments(option.value, into)
    }
    if (el.type === TYPE.tag) messageArguments(el.children, into)
  }
  return into
}
