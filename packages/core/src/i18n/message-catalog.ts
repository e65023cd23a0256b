import type { Template } from '../document/template.js'
import type { CatalogEntry, CatalogMessages } from '../document/translations.js'
import { pointerSegment } from '../errors/vitrine-error.js'
import type { TextLayer } from '../document/layer-text.js'
import type { Layer } from '../document/layer.js'
import { TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser'

/**
 * The messages of one locale: a template's `translations` for that locale, or a catalogue file
 * (JSON or XLIFF 2.0) given to `resolve` or to the CLI with `--catalog`.
 */
export interface MessageCatalog {
  /** BCP 47 tag of the messages, e.g. `de` or `de-AT`. */
  locale: string
  /** The locale the source messages are in, when known (XLIFF `srcLang`). */
  sourceLocale?: string
  /** Messages by id (a text layer's id). */
  messages: CatalogMessages
  /** The file it was read from, for error messages; absent for a template's own translations. */
  file?: string
  /** JSON pointer of `messages` in its document: `/translations/de` in a template, `/messages` in a JSON file. */
  path?: string
}

/** The message text of an entry, whichever form it is in. */
export function entryMessage(entry: string | CatalogEntry): string {
  return typeof entry === 'string' ? entry : entry.message
}

/** Whether an entry is a translation to use: not empty (never a silent blank) and not in state `initial`. */
export function entryIsUsable(entry: string | CatalogEntry): boolean {
  return entryMessage(entry).trim() !== '' && (typeof entry === 'string' || entry.state !== 'initial')
}

/** An entry in its long form. */
export function entryObject(entry: string | CatalogEntry): CatalogEntry {
  return typeof entry === 'string' ? { message: entry } : entry
}

/** A template's own translations as catalogues, one per locale. */
export function templateCatalogs(template: Template): MessageCatalog[] {
  return Object.entries(template.translations ?? {}).map(([locale, messages]) => ({
    locale,
    sourceLocale: template.sourceLocale,
    messages,
    path: `/translations/${pointerSegment(locale)}`,
  }))
}

/** A template's source message, as a translator sees it. */
export interface SourceMessage {
  /** The message id: the text layer's id. */
  id: string
  /** The ICU message in the template's source locale. */
  message: string
  /** JSON pointer of the layer's text. */
  path: string
}

/**
 * Every message a template shows, in its source locale: the `text` of each text layer, by layer
 * id, in document order. (A format override may change a layer's text; the override is the same
 * message id, and its text is listed as `<id>@<format or aspect>`.)
 */
export function sourceMessages(template: Template): SourceMessage[] {
  const out: SourceMessage[] = []
  const walk = (layers: Layer[], path: string) =>
    layers.forEach((layer, i) => {
      const at = `${path}/${i}`
      if (layer.type === 'text') {
        out.push({ id: layer.id, message: layer.text, path: `${at}/text` })
        const overrides = layer.overrides as Record<string, Partial<TextLayer>> | undefined
        for (const [key, override] of Object.entries(overrides ?? {})) {
          if (typeof override?.text === 'string') out.push({ id: `${layer.id}@${key}`, message: override.text, path: `${at}/overrides/${pointerSegment(key)}/text` })
        }
      }
      if (layer.type === 'group') walk(layer.children, `${at}/children`)
    })
  walk(template.layers, '/layers')
  return out
}

/**
 * Whether a parsed message has words to translate: letters in its literal text (plural and
 * select cases included). `{title}` or `{price}` alone are the same in every language, so they
 * are never reported missing nor sent to translators.
 */
export function needsTranslation(elements: MessageFormatElement[]): boolean {
  return elements.some((el) => {
    if (el.type === TYPE.literal) return /\p{L}/u.test(el.value)
    if (el.type === TYPE.plural || el.type === TYPE.select) return Object.values(el.options).some((o) => needsTranslation(o.value))
    if (el.type === TYPE.tag) return needsTranslation(el.children)
    return false
  })
}
