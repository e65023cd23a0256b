import IntlMessageFormat from 'intl-messageformat'
import type { MessageFormatElement } from '@formatjs/icu-messageformat-parser'
import { VitrineError } from '../errors/vitrine-error.js'
import { formattingLocale, getMarket } from '../markets/get-market.js'
import type { MarketProfile } from '../markets/market-profile.js'
import { canonicalLocale } from './locale-tag.js'
import { describeMessage, parseMessageAt, type MessageWhere } from './parse-message.js'

const compiled = new Map<string, IntlMessageFormat>()

/** Parses (with positions in errors) and compiles a message, cached by locale and text. */
export function compileMessage(message: string, locale: string, where: MessageWhere, transform?: { key: string; apply: (ast: MessageFormatElement[]) => MessageFormatElement[] }): IntlMessageFormat {
  const key = `${locale}\u0000${transform?.key ?? ''}\u0000${message}`
  let m = compiled.get(key)
  if (!m) {
    if (compiled.size > 2000) compiled.clear()
    const ast = parseMessageAt(message, where)
    m = new IntlMessageFormat(transform ? transform.apply(ast) : ast, locale, undefined, { ignoreTag: true })
    compiled.set(key, m)
  }
  return m
}

/** Formats a compiled message; a missing argument is a `message/missing-variable` error. */
export function runMessage(m: IntlMessageFormat, args: Record<string, unknown>, where: MessageWhere): string {
  try {
    return String(m.format(args as Record<string, string | number | Date>))
  } catch (error) {
    const code = (error as { code?: string }).code
    if (code === 'MISSING_VALUE') {
      const name = /variable "([^"]+)"/.exec((error as Error).message)?.[1] ?? '?'
      throw new VitrineError('message/missing-variable', `${describeMessage(where)} uses {${name}}, but the template declares no variable "${name}"; expected one of ${Object.keys(args).join(', ') || 'none'}`, { path: where.path, cause: error })
    }
    throw new VitrineError('message/invalid', `${describeMessage(where)} could not be formatted: ${(error as Error).message}`, { path: where.path, cause: error })
  }
}

/** Options for {@link formatMessage}. */
export interface FormatMessageOptions {
  /** BCP 47 tag. */
  locale: string
  /** A built-in market id or a profile: its numbering system and calendar apply. */
  market?: string | MarketProfile
  /** The message id, for errors. Default `message`. */
  id?: string
  /** JSON pointer of the message, for errors. */
  path?: string
}

/**
 * Formats one ICU message (plural, select, number, date, nested arguments) for a locale and
 * market. Errors name the message id and position.
 *
 * @example
 * ```ts
 * formatMessage('{n, plural, one {# article} other {# articles}}', { n: 3 }, { locale: 'fr-FR' }) // '3 articles'
 * formatMessage('{n, number}', { n: 1234.5 }, { locale: 'ar-SA', market: 'ar-SA' }) // '١٬٢٣٤٫٥'
 * ```
 */
export function formatMessage(message: string, values: Record<string, unknown>, options: FormatMessageOptions): string {
  const locale = canonicalLocale(options.locale, 'locale')
  const market = typeof options.market === 'string' ? getMarket(options.market, 'market') : options.market
  const where: MessageWhere = { id: options.id ?? 'message', path: options.path ?? '' }
  return runMessage(compileMessage(message, formattingLocale(locale, market), where), values, where)
}
