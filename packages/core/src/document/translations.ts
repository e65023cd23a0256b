import { Type, type Static } from '@sinclair/typebox'

/**
 * One translated message with what a translation workflow needs to know about it. A plain
 * string is the short form of `{ "message": "..." }`.
 */
export const CatalogEntrySchema = Type.Object(
  {
    /** The ICU message in the catalogue's locale. */
    message: Type.String(),
    /** The source message it translates; a machine translation is redone when the source changes. */
    source: Type.Optional(Type.String()),
    /** XLIFF 2.0 segment state. `initial` entries are not used: they are untranslated. */
    state: Type.Optional(Type.Union([Type.Literal('initial'), Type.Literal('translated'), Type.Literal('reviewed'), Type.Literal('final')])),
    /** Who translated it: a person, or a machine through a `Translator`. */
    origin: Type.Optional(Type.Union([Type.Literal('human'), Type.Literal('machine')])),
    /** A note for translators. */
    note: Type.Optional(Type.String()),
  },
  { additionalProperties: false, title: 'CatalogEntry' },
)
export type CatalogEntry = Static<typeof CatalogEntrySchema>

/** Messages of one locale by message id (a text layer's id). */
export const CatalogMessagesSchema = Type.Record(Type.String({ minLength: 1 }), Type.Union([Type.String(), CatalogEntrySchema]), { title: 'CatalogMessages' })
export type CatalogMessages = Static<typeof CatalogMessagesSchema>

/**
 * A template's own translations: by BCP 47 tag (`de`, `de-AT`, `ar-SA`), by message id. A text
 * layer's message id is its layer id; its `text` is the message in the `sourceLocale`.
 */
export const TranslationsSchema = Type.Record(Type.String({ minLength: 1 }), CatalogMessagesSchema, {
  title: 'Translations',
  description: 'Translated messages by locale, then by text layer id.',
})
export type Translations = Static<typeof TranslationsSchema>
