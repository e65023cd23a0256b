import { Type, type Static } from '@sinclair/typebox'
import { BindingSchema, CornerRadiusSchema, PaintSchema, ShadowSchema, StrokeSchema } from './primitives.js'
import { layerSchema } from './layer-common.js'

/**
 * A video clip (e.g. a product clip from the feed), drawn frame-accurately: frame N of the
 * output shows the clip's frame for time N / fps, after trimming, looping or freezing. Its
 * sound is not used (the timeline's `audio` is the soundtrack). Needs a `timeline`.
 */
export const VideoLayerSchema = layerSchema(
  'video',
  {
    src: Type.Union([Type.String({ minLength: 1 }), BindingSchema]),
    /** `cover` fills the box and crops, `contain` fits inside it, `fill` stretches. */
    fit: Type.Optional(Type.Union([Type.Literal('cover'), Type.Literal('contain'), Type.Literal('fill')])),
    /** The point of the picture (fractions 0..1) kept in view when cropping; default the centre. */
    focalPoint: Type.Optional(
      Type.Object({ x: Type.Number({ minimum: 0, maximum: 1 }), y: Type.Number({ minimum: 0, maximum: 1 }) }, { additionalProperties: false }),
    ),
    /** The part of the clip to play, in seconds of the clip; default all of it. */
    trim: Type.Optional(
      Type.Object({ start: Type.Optional(Type.Number({ minimum: 0 })), end: Type.Optional(Type.Number({ exclusiveMinimum: 0 })) }, { additionalProperties: false }),
    ),
    /** When the (trimmed) clip ends before the layer does: `freeze` on its last frame (default) or `loop`. */
    end: Type.Optional(Type.Union([Type.Literal('freeze'), Type.Literal('loop')])),
    /** Show only this time of the clip (seconds), as a still. */
    freezeAt: Type.Optional(Type.Number({ minimum: 0 })),
    cornerRadius: Type.Optional(CornerRadiusSchema),
    background: Type.Optional(PaintSchema),
    stroke: Type.Optional(StrokeSchema),
    shadow: Type.Optional(ShadowSchema),
  },
  'VideoLayer',
)
export type VideoLayer = Static<typeof VideoLayerSchema>
