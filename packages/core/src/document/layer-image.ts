import { Type, type Static } from '@sinclair/typebox'
import { BindingSchema, CornerRadiusSchema, PaintSchema, ShadowSchema, StrokeSchema } from './primitives.js'
import { layerSchema } from './layer-common.js'

/** A picture: from a URL or path, or bound to an `image` variable. */
export const ImageLayerSchema = layerSchema(
  'image',
  {
    src: Type.Union([Type.String({ minLength: 1 }), BindingSchema]),
    /** `cover` fills the box and crops, `contain` fits inside it, `fill` stretches. */
    fit: Type.Optional(Type.Union([Type.Literal('cover'), Type.Literal('contain'), Type.Literal('fill')])),
    /** The point of the picture (fractions 0..1) kept in view when cropping; default the centre. */
    focalPoint: Type.Optional(
      Type.Object(
        { x: Type.Number({ minimum: 0, maximum: 1 }), y: Type.Number({ minimum: 0, maximum: 1 }) },
        { additionalProperties: false },
      ),
    ),
    cornerRadius: Type.Optional(CornerRadiusSchema),
    /** Painted behind the picture inside the box (useful with `contain`). */
    background: Type.Optional(PaintSchema),
    stroke: Type.Optional(StrokeSchema),
    /** Cast by the picture's own shape (its alpha), e.g. a soft shadow under a cut-out product. */
    shadow: Type.Optional(ShadowSchema),
  },
  'ImageLayer',
)
export type ImageLayer = Static<typeof ImageLayerSchema>
