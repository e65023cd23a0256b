import { Type, type Static } from '@sinclair/typebox'
import { BindingSchema, CornerRadiusSchema, PaintSchema, ShadowSchema, StrokeSchema } from './primitives.js'
import { layerSchema } from './layer-common.js'

/** A picture: from a URL or path, or bound to an `image` variable. */
export const ImageLayerSchema = layerSchema(
  'image',
  {
    src: Type.Union([Type.String({ minLength: 1 }), BindingSchema]),
    /**
     * What the picture shows, in words (`Doormat with the Saudi flag`), or a binding to a text
     * variable that holds it: for accessibility, and read by lint rules on imagery.
     */
    alt: Type.Optional(Type.Union([Type.String(), BindingSchema])),
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
    /**
     * Removes the picture's background on the device: `product` keeps the salient object, `person`
     * the person (a person model when one is registered, else the salient-object model), `auto`
     * the salient object. The mask is computed once per picture and cached by content.
     */
    cutout: Type.Optional(Type.Union([Type.Literal('auto'), Type.Literal('product'), Type.Literal('person')])),
    /** Edge refinement of the cut-out: `threshold` (0..1) makes the matte hard, `feather` (pixels of the picture) softens its edge. */
    matte: Type.Optional(
      Type.Object(
        {
          feather: Type.Optional(Type.Number({ minimum: 0, maximum: 100 })),
          threshold: Type.Optional(Type.Number({ exclusiveMinimum: 0, exclusiveMaximum: 1 })),
        },
        { additionalProperties: false, title: 'Matte' },
      ),
    ),
    /**
     * What replaces the removed background, inside the box: a colour or gradient, another
     * picture (`{ "type": "image", "src": ... }`, cover-fitted), or the original picture blurred
     * (`{ "type": "blurred-original", "radius": 24 }`).
     */
    backdrop: Type.Optional(
      Type.Union(
        [
          PaintSchema,
          Type.Object({ type: Type.Literal('image'), src: Type.Union([Type.String({ minLength: 1 }), BindingSchema]) }, { additionalProperties: false, title: 'ImageBackdrop' }),
          Type.Object({ type: Type.Literal('blurred-original'), radius: Type.Number({ minimum: 1, maximum: 200 }) }, { additionalProperties: false, title: 'BlurredBackdrop' }),
        ],
        { title: 'Backdrop' },
      ),
    ),
  },
  'ImageLayer',
)
export type ImageLayer = Static<typeof ImageLayerSchema>
