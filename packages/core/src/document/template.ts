import { Type, type Static } from '@sinclair/typebox'
import { PaintSchema } from './primitives.js'
import { TimelineSchema } from './timeline.js'
import { VariableSchema } from './variable.js'
import { TranslationsSchema } from './translations.js'
import type { Layer } from './layer.js'

/** The schema version this build of Vitrine writes and reads natively. */
export const CURRENT_SCHEMA_VERSION = 3

export const FontFaceSchema = Type.Object(
  {
    family: Type.String({ minLength: 1 }),
    /** URL or path (relative to the template) of a TTF, OTF, WOFF or WOFF2 file. */
    src: Type.String({ minLength: 1 }),
    weight: Type.Optional(Type.Integer({ minimum: 100, maximum: 900, multipleOf: 100 })),
    style: Type.Optional(Type.Union([Type.Literal('normal'), Type.Literal('italic')])),
  },
  { additionalProperties: false, title: 'FontFace' },
)
export type FontFaceDescriptor = Static<typeof FontFaceSchema>

/** Builds the template schema around a schema for its layers. */
export function templateSchemaWith<L extends import('@sinclair/typebox').TSchema>(layer: L) {
  return Type.Object(
    {
      $schema: Type.Optional(Type.String()),
      schemaVersion: Type.Literal(CURRENT_SCHEMA_VERSION),
      id: Type.Optional(Type.String()),
      name: Type.Optional(Type.String()),
      /** The reference size the design was made at; numbers in lengths are pixels of it. */
      size: Type.Object(
        { width: Type.Integer({ minimum: 1, maximum: 16384 }), height: Type.Integer({ minimum: 1, maximum: 16384 }) },
        { additionalProperties: false },
      ),
      /** The language the template's texts are written in. */
      sourceLocale: Type.Optional(Type.String()),
      background: Type.Optional(PaintSchema),
      /** The variable a row's id comes from (default `id`, then `sku`). */
      idVariable: Type.Optional(Type.String()),
      variables: Type.Record(Type.String({ pattern: '^[A-Za-z_][A-Za-z0-9_]*$' }), VariableSchema),
      fonts: Type.Optional(Type.Array(FontFaceSchema)),
      /** Translated messages by locale, then by text layer id (see docs/localization.md). */
      translations: Type.Optional(TranslationsSchema),
      layers: Type.Array(layer),
      /** Makes the template a video (schema version 3). */
      timeline: Type.Optional(TimelineSchema),
      metadata: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
    },
    { additionalProperties: false, title: 'VitrineTemplate' },
  )
}

/** Used for validation: layers are checked one by one. */
export const TemplateShallowSchema = templateSchemaWith(Type.Unknown())

/** A Vitrine template, current schema version. */
export type Template = Omit<Static<typeof TemplateShallowSchema>, 'layers'> & { layers: Layer[] }
