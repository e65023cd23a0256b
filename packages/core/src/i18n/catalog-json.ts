import { Type } from '@sinclair/typebox'
import type { Template } from '../document/template.js'
import { CatalogMessagesSchema, type CatalogEntry } from '../document/translations.js'
import { schemaIssues } from '../document/validate-template.js'
import { VitrineError } from '../errors/vitrine-error.js'
import { canonicalLocale, languageOf, localeFallbackChain } from './locale-tag.js'
import { entryObject, needsTranslation, sourceMessages, templateCatalogs, type MessageCatalog } from './message-catalog.js'
import { parseMessageAt } from './parse-message.js'

const CatalogFileSchema = Type.Object(
  {
    $schema: Type.Optional(Type.String()),
    locale: Type.String({ minLength: 1 }),
    sourceLocale: Type.Optional(Type.String({ minLength: 1 })),
    messages: CatalogMessagesSchema,
  },
  { additionalProperties: false, title: 'MessageCatalogFile' },
)

function invalid(file: string | undefined, message: string, path = '', issues?: VitrineError['issues']): VitrineError {
  return new VitrineError('catalog/invalid', `${file ? file + ': ' : ''}${message}`, { path, issues })
}

/**
 * Reads a JSON message catalogue: `{ "locale": "de-DE", "sourceLocale": "en-US", "messages":
 * { "title": "…", "badge": { "message": "…", "state": "reviewed" } } }`. Throws a
 * `catalog/invalid` VitrineError with JSON pointers (and the file name) for what is wrong.
 *
 * @example
 * ```ts
 * const catalog = parseCatalogJson(await readFile('de.json', 'utf8'), 'de.json')
 * ```
 */
export function parseCatalogJson(text: string, file?: string): MessageCatalog {
  let doc: unknown
  try {
    doc = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text)
  } catch (error) {
    throw invalid(file, `not valid JSON: ${(error as Error).message}`)
  }
  const issues = schemaIssues(CatalogFileSchema, doc, '').map((i) => ({ ...i, message: `${file ? file + ': ' : ''}${i.message}` }))
  if (issues.length > 0) throw invalid(file, `not a message catalogue: ${issues[0]!.message.replace(/^[^:]*: /, '')}${issues.length > 1 ? ` (and ${issues.length - 1} more)` : ''}; expected { "locale": "de-DE", "messages": { "<layer id>": "<message>" } }`, issues[0]!.path, issues)
  const catalog = doc as { locale: string; sourceLocale?: string; messages: MessageCatalog['messages'] }
  try {
    return {
      locale: canonicalLocale(catalog.locale, '/locale'),
      sourceLocale: catalog.sourceLocale === undefined ? undefined : canonicalLocale(catalog.sourceLocale, '/sourceLocale'),
      messages: catalog.messages,
      file,
      path: '/messages',
    }
  } catch (error) {
    const e = error as VitrineError
    throw invalid(file, e.message, e.path, e.issues)
  }
}

/** A catalogue as JSON text (the form {@link parseCatalogJson} reads), entries in their short form when they carry nothing else. */
export function catalogToJson(catalog: MessageCatalog): string {
  const messages: Record<string, string | CatalogEntry> = {}
  for (const [id, entry] of Object.entries(catalog.messages)) {
    const long = entryObject(entry)
    messages[id] = Object.keys(long).length === 1 ? long.message : long
  }
  return JSON.stringify({ locale: catalog.locale, ...(catalog.sourceLocale ? { sourceLocale: catalog.sourceLocale } : {}), messages }, null, 2) + '\n'
}

/**
 * The catalogue a translator works on for one locale: every source message of the template
 * that has words to translate (see `needsTranslation`),
 * with its source text, its location as a note, and the translation so far (from `catalogs`,
 * then the template's `translations`, along the locale fallback chain), else an empty
 * `initial` entry. For the source locale itself, the source messages.
 *
 * @example
 * ```ts
 * const xliff = catalogToXliff(catalogForTranslation(template, 'ja-JP'))
 * ```
 */
export function catalogForTranslation(template: Template, locale: string, catalogs: readonly MessageCatalog[] = []): MessageCatalog {
  const target = canonicalLocale(locale, 'locale')
  const sourceLocale = template.sourceLocale ?? 'en-US'
  const all = [...catalogs, ...templateCatalogs(template)]
  const chain = localeFallbackChain(target)
  const messages: Record<string, CatalogEntry> = {}
  for (const source of sourceMessages(template)) {
    if (!needsTranslation(parseMessageAt(source.message, source))) continue
    let found: CatalogEntry | undefined
    for (const tag of chain) {
      for (const catalog of all) {
        if (found || new Intl.Locale(catalog.locale).baseName !== tag) continue
        const entry = catalog.messages[source.id]
        if (entry !== undefined) found = entryObject(entry)
      }
    }
    if (languageOf(target) === languageOf(sourceLocale) && !found) found = { message: source.message, state: 'final' }
    messages[source.id] = {
      ...found,
      message: found?.message ?? '',
      source: source.message,
      state: found ? (found.state ?? 'translated') : 'initial',
      note: found?.note ?? `${template.name ?? template.id ?? 'template'} ${source.path}`,
    }
  }
  return { locale: target, sourceLocale, messages }
}
