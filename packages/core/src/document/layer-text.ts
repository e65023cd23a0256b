import { Type, type Static } from '@sinclair/typebox'
import { ColorSchema, LengthSchema, PaintSchema, ShadowSchema } from './primitives.js'
import { layerSchema } from './layer-common.js'

export const FontSchema = Type.Object(
  {
    family: Type.Optional(Type.String({ minLength: 1, description: 'Default: the Vitrine sans family (Inter).' })),
    weight: Type.Optional(Type.Integer({ minimum: 100, maximum: 900, multipleOf: 100 })),
    style: Type.Optional(Type.Union([Type.Literal('normal'), Type.Literal('italic')])),
  },
  { additionalProperties: false, title: 'Font' },
)
export type Font = Static<typeof FontSchema>

/**
 * A paragraph. `text` is a message: literal text with `{variable}` placeholders and ICU
 * plural/select/number arguments; no code.
 */
export const TextLayerSchema = layerSchema(
  'text',
  {
    text: Type.String(),
    font: Type.Optional(FontSchema),
    fontSize: LengthSchema,
    color: Type.Optional(ColorSchema),
    /** Horizontal alignment; `start`, `end` and `justify` (whose last line aligns to the start) follow the text direction. */
    align: Type.Optional(
      Type.Union([Type.Literal('start'), Type.Literal('center'), Type.Literal('end'), Type.Literal('left'), Type.Literal('right'), Type.Literal('justify')]),
    ),
    verticalAlign: Type.Optional(Type.Union([Type.Literal('top'), Type.Literal('middle'), Type.Literal('bottom')])),
    /** A multiple of the font size, default 1.2. */
    lineHeight: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 10 })),
    letterSpacing: Type.Optional(LengthSchema),
    maxLines: Type.Optional(Type.Integer({ minimum: 1 })),
    /** `shrink`: the largest size from `fontSize` down to `minFontSize` that fits the box. */
    fit: Type.Optional(Type.Union([Type.Literal('none'), Type.Literal('shrink')])),
    minFontSize: Type.Optional(LengthSchema),
    transform: Type.Optional(Type.Union([Type.Literal('none'), Type.Literal('uppercase'), Type.Literal('lowercase')])),
    /** A box behind the text (a badge or a label). */
    background: Type.Optional(PaintSchema),
    shadow: Type.Optional(ShadowSchema),
  },
  'TextLayer',
)
export type TextLayer = Static<typeof TextLayerSchema>
