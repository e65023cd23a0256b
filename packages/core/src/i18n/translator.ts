import type { Template } from '../document/template.js'
import type { CatalogEntry } from '../document/translations.js'
import { VitrineError } from '../errors/vitrine-error.js'
import { canonicalLocale, languageOf, localeFallbackChain } from './locale-tag.js'
import { entryObject, needsTranslation, sourceMessages, templateCatalogs, type MessageCatalog } from './message-catalog.js'
import { messageArguments, parseMessageAt } from './parse-message.js'

/** One message to translate. */
export interface TranslationRequest {
  /** The message id (a text layer's id). */
  id: string
  /** The ICU message in the source locale. Placeholders such as `{title}` must be kept. */
  source: string
  /** A note for the translator: where the message is used. */
  note?: string
}

/** What a batch is about. */
export interface TranslationContext {
  sourceLocale: string
  targetLocale: string
  /** The template's id or name, when it has one. */
  template?: string
}

/**
 * A machine translation service a host plugs in: a cloud API, its own model, a glossary.
 * Vitrine ships no network translator. `translate` gets a batch and returns one ICU message
 * per request, in order, or `undefined` for one it cannot translate (it then stays missing).
 *
 * @example
 * ```ts
 * const translator: Translator = {
 *   async translate(requests, { targetLocale }) {
 *     return myService.translate(requests.map((r) => r.source), targetLocale)
 *   },
 * }
 * ```
 */
export interface Translator {
  translate(requests: readonly TranslationRequest[], context: TranslationContext): Promise<ReadonlyArray<string | undefined>>
}

/** Options for {@link translateMissing}. */
export interface TranslateMissingOptions {
  template: Template
  /** The locales to fill. */
  locales: readonly string[]
  translator: Translator
  /**
   * Catalogues that exist already (from files); their entries count as translations, and the
   * results are added to the one of each target locale (a new one when there is none).
   */
  catalogs?: readonly MessageCatalog[]
  /** Requests per `translate` call. Default 50. */
  batchSize?: number
}

/** What {@link translateMissing} did. */
export interface TranslateMissingResult {
  /** One catalogue per target locale, with the machine translations added. */
  catalogs: MessageCatalog[]
  /** Messages the translator translated. */
  translated: number
  /** Messages that had a translation already, human or cached machine (not asked again). */
  cached: number
  /** Messages the translator could not translate (still missing). */
  untranslated: number
}

/**
 * Fills the messages a template lacks in each locale through a {@link Translator}, in
 * batches, and keeps the results in the catalogue as entries with `origin: "machine"` and the
 * `source` they translate: the next run asks only for messages that are new or whose source
 * changed. Human translations are never replaced. Each result must parse and keep the source's
 * variables, else `translator/failed`.
 *
 * @example
 * ```ts
 * const { catalogs } = await translateMissing({ template, locales: ['ja-JP', 'de-DE'], translator })
 * await writeFile('ja.xlf', catalogToXliff(catalogs[0]))
 * ```
 */
export async function translateMissing(options: TranslateMissingOptions): Promise<TranslateMissingResult> {
  const { template, translator } = options
  const sourceLocale = template.sourceLocale ?? 'en-US'
  const batchSize = Math.max(1, options.batchSize ?? 50)
  const known = [...(options.catalogs ?? []), ...templateCatalogs(template)]
  const sources = sourceMessages(template)
  const result: TranslateMissingResult = { catalogs: [], translated: 0, cached: 0, untranslated: 0 }
  for (const tag of options.locales) {
    const locale = canonicalLocale(tag, 'locales')
    const own = options.catalogs?.find((c) => canonicalLocale(c.locale) === locale)
    const catalog: MessageCatalog = own ? { ...own, messages: { ...own.messages } } : { locale, sourceLocale, messages: {} }
    result.catalogs.push(catalog)
    if (languageOf(locale) === languageOf(sourceLocale)) continue
    const chain = localeFallbackChain(locale)
    const wanted = sources.filter((source) => {
      if (!needsTranslation(parseMessageAt(source.message, source))) return false
      for (const link of chain) {
        for (const c of known) {
          if (new Intl.Locale(c.locale).baseName !== link || c.messages[source.id] === undefined) continue
          const entry = entryObject(c.messages[source.id]!)
          if (entry.message.trim() === '' || entry.state === 'initial') continue
          // A machine translation of an older source text is stale: ask again.
          if (entry.origin === 'machine' && entry.source !== undefined && entry.source !== source.message) continue
          result.cached++
          return false
        }
      }
      return true
    })
    for (let i = 0; i < wanted.length; i += batchSize) {
      const batch = wanted.slice(i, i + batchSize)
      const context: TranslationContext = { sourceLocale, targetLocale: locale, template: template.id ?? template.name }
      let answers: ReadonlyArray<string | undefined>
      try {
        answers = await translator.translate(
          batch.map((s) => ({ id: s.id, source: s.message, note: s.path })),
          context,
        )
      } catch (error) {
        throw new VitrineError('translator/failed', `The translator failed for ${locale}: ${(error as Error).message}`, { cause: error })
      }
      if (!Array.isArray(answers) || answers.length !== batch.length) {
        throw new VitrineError('translator/failed', `The translator returned ${Array.isArray(answers) ? answers.length : 'no'} results for ${batch.length} messages (${locale}); expected one per message, in order`)
      }
      const entries: Record<string, CatalogEntry> = {}
      batch.forEach((source, k) => {
        const message = answers[k]
        if (message === undefined || message.trim() === '') {
          result.untranslated++
          return
        }
        const where = { id: source.id, path: `/messages/${source.id}`, file: `the translation into ${locale}` }
        let used: Set<string>
        try {
          used = messageArguments(parseMessageAt(message, where))
        } catch (error) {
          throw new VitrineError('translator/failed', `The translator returned an invalid message: ${(error as Error).message}`, { cause: error, path: where.path })
        }
        const expected = messageArguments(parseMessageAt(source.message, { id: source.id, path: source.path }))
        const lost = [...expected].filter((v) => !used.has(v))
        const added = [...used].filter((v) => !expected.has(v))
        if (lost.length || added.length) {
          throw new VitrineError(
            'translator/failed',
            `The translator changed the variables of message "${source.id}" in ${locale}: ${lost.length ? `dropped {${lost.join('}, {')}}` : ''}${lost.length && added.length ? ', ' : ''}${added.length ? `added {${added.join('}, {')}}` : ''}; expected the same placeholders as ${JSON.stringify(source.message)}`,
            { path: where.path },
          )
        }
        entries[source.id] = { message, source: source.message, state: 'translated', origin: 'machine' }
      })
      Object.assign(catalog.messages, entries)
      result.translated += Object.keys(entries).length
    }
  }
  return result
}

/**
 * A {@link Translator} over a fixed dictionary, for tests, glossaries and offline demos: the
 * whole source message is looked up for the target locale along its fallback chain (`de-AT`,
 * then `de`). Messages not in it come back `undefined`.
 *
 * @example
 * ```ts
 * const translator = createDictionaryTranslator({ de: { 'New': 'Neu' }, ja: { 'New': '新着' } })
 * ```
 */
export function createDictionaryTranslator(dictionary: Record<string, Record<string, string>>): Translator & { calls: number } {
  const translator = {
    calls: 0,
    async translate(requests: readonly TranslationRequest[], context: TranslationContext) {
      translator.calls++
      const chain = localeFallbackChain(context.targetLocale)
      return requests.map((r) => {
        for (const tag of chain) {
          const hit = dictionary[tag]?.[r.source]
          if (hit !== undefined) return hit
        }
        return undefined
      })
    },
  }
  return translator
}
