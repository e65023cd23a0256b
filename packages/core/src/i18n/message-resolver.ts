import type { Template } from '../document/template.js'
import type { Variable } from '../document/variable.js'
import { pointerSegment } from '../errors/vitrine-error.js'
import type { MessageReport } from '../scene/scene.js'
import { canonicalLocale, isPseudoLocale, languageOf, localeFallbackChain, PSEUDO_LOCALES } from './locale-tag.js'
import { entryIsUsable, entryMessage, needsTranslation, sourceMessages, templateCatalogs, type MessageCatalog, type SourceMessage } from './message-catalog.js'
import { compileMessage as compile, runMessage as run } from './format-message.js'
import { messageArguments, parseMessageAt, type MessageWhere } from './parse-message.js'
import { expandText, pseudoMessage, pseudoText, type PseudoStyle } from './pseudo-localize.js'

/** Options for {@link createMessageResolver}. */
export interface MessageResolverOptions {
  template: Template
  /** The locale texts are wanted in (canonical BCP 47), possibly a pseudo-locale. */
  locale: string
  /** The locale to format numbers, dates and plurals with (the locale plus market extensions). */
  formatLocale: string
  /** Message arguments, from `messageValues`. */
  args: Record<string, string | number>
  /** Catalogues given at render time; they take precedence over the template's `translations`. */
  catalogs?: readonly MessageCatalog[]
}

/** Formats a template's messages for one locale, and reports where each text came from. */
export interface MessageResolver {
  /**
   * The text of a text layer: its translation along the locale fallback chain, else its source
   * text (reported as missing). `source` is the layer's `text`, `path` the layer's pointer.
   */
  format(layerId: string, source: string, layerPath: string): string
  /** One entry per formatted message that was not the source text in the source language. */
  readonly reports: MessageReport[]
}

interface Found {
  message: string
  locale: string
  where: MessageWhere
}

const wordy = new Map<string, boolean>()

/** {@link needsTranslation} of a message text, cached. */
function hasWords(message: string, where: MessageWhere): boolean {
  let result = wordy.get(message)
  if (result === undefined) {
    if (wordy.size > 2000) wordy.clear()
    result = needsTranslation(parseMessageAt(message, where))
    wordy.set(message, result)
  }
  return result
}

/**
 * Builds the message resolver of one render: catalogues are indexed once, compiled messages
 * are cached across renders.
 *
 * @example
 * ```ts
 * const messages = createMessageResolver({ template, locale: 'de-AT', formatLocale: 'de-AT', args })
 * messages.format('title', '{title}', '/layers/2') // the de-AT, else de, else source text
 * ```
 */
export function createMessageResolver(options: MessageResolverOptions): MessageResolver {
  const { template, locale, formatLocale, args } = options
  const sourceLocale = template.sourceLocale ?? 'en-US'
  const reports: MessageReport[] = []
  const pseudo: PseudoStyle | undefined = isPseudoLocale(locale) ? (new Intl.Locale(locale).baseName === PSEUDO_LOCALES.rtl ? 'rtl' : 'accented') : undefined
  const sameLanguage = languageOf(locale) === languageOf(sourceLocale)
  const chain = pseudo ? [] : localeFallbackChain(locale)
  const catalogs = [...(options.catalogs ?? []), ...templateCatalogs(template)]
  const byLocale = new Map<string, MessageCatalog[]>()
  for (const catalog of catalogs) {
    const key = new Intl.Locale(canonicalLocale(catalog.locale, catalog.file ? `${catalog.file}: /locale` : catalog.path ?? '/locale')).baseName
    byLocale.set(key, [...(byLocale.get(key) ?? []), catalog])
  }
  let sources: SourceMessage[] | undefined
  const textVariables = Object.entries(template.variables as Record<string, Variable>)
    .filter(([, v]) => v.type === 'text')
    .map(([name]) => name)

  const lookup = (id: string): Found | undefined => {
    for (const tag of chain) {
      for (const catalog of byLocale.get(tag) ?? []) {
        const entry = catalog.messages[id]
        if (entry === undefined) continue
        // An empty or `initial` translation is a missing one: never a silent blank.
        if (!entryIsUsable(entry)) continue
        const message = entryMessage(entry)
        const path = `${catalog.path ?? '/messages'}/${pointerSegment(id)}`
        return { message, locale: catalog.locale, where: { id, path: typeof entry === 'object' ? `${path}/message` : path, file: catalog.file } }
      }
    }
    return undefined
  }

  return {
    reports,
    format(layerId, source, layerPath) {
      sources ??= sourceMessages(template)
      const own = sources.find((s) => (s.id === layerId || s.id.startsWith(layerId + '@')) && s.message === source)
      const id = own?.id ?? layerId
      const sourceWhere: MessageWhere = { id, path: own?.path ?? `${layerPath}/text` }
      // Pseudo-localise what a translation would change: words, and text values (titles get
      // translated in real feeds). A price or a number alone stays as it is.
      if (pseudo && (hasWords(source, sourceWhere) || [...messageArguments(parseMessageAt(source, sourceWhere))].some((name) => textVariables.includes(name)))) {
        const pseudoArgs = { ...args }
        for (const name of textVariables) if (typeof pseudoArgs[name] === 'string') pseudoArgs[name] = pseudoText(pseudoArgs[name] as string, pseudo)
        const text = run(compile(source, sourceLocale, sourceWhere, { key: pseudo, apply: (ast) => pseudoMessage(ast, pseudo) }), pseudoArgs, sourceWhere)
        reports.push({ message: id, path: sourceWhere.path, locale, status: 'pseudo', from: sourceLocale })
        return expandText(text, pseudo)
      }
      const found = lookup(id) ?? (id !== layerId ? lookup(layerId) : undefined)
      if (found) {
        reports.push({ message: id, path: found.where.path, locale, status: 'translated', from: found.locale, ...(found.where.file ? { file: found.where.file } : {}) })
        return run(compile(found.message, formatLocale, found.where), args, found.where)
      }
      if (!sameLanguage && hasWords(source, sourceWhere)) reports.push({ message: id, path: sourceWhere.path, locale, status: 'missing', from: sourceLocale })
      return run(compile(source, sameLanguage ? formatLocale : sourceLocale, sourceWhere), args, sourceWhere)
    },
  }
}
