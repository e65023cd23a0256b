import { Type, type Static, type TSchema } from '@sinclair/typebox'

/**
 * A length. A number is in design pixels of the template's reference size, scaled to each
 * format by the ratio of their short sides. A string may carry a unit: `px` (same as a
 * number), `%` (of the frame's width for horizontal values, height for vertical ones),
 * `vw`, `vh`, `vmin`, `vmax` (hundredths of the frame).
 */
export const LengthSchema = Type.Union(
  [
    Type.Number(),
    Type.String({ pattern: '^-?(\\d+(\\.\\d+)?|\\.\\d+)(px|%|vw|vh|vmin|vmax)$' }),
  ],
  { title: 'Length', description: 'A number (design px) or a string with a unit: px, %, vw, vh, vmin, vmax.' },
)
export type Length = Static<typeof LengthSchema>

/** A reference to a template variable, e.g. `{ "var": "brandColor" }`. */
export const BindingSchema = Type.Object(
  { var: Type.String({ minLength: 1, description: 'The name of a variable.' }) },
  { title: 'Binding', additionalProperties: false },
)
export type Binding = Static<typeof BindingSchema>

/** `#rgb`, `#rgba`, `#rrggbb` or `#rrggbbaa`. */
export const HexColorSchema = Type.String({
  title: 'HexColor',
  pattern: '^#([0-9a-fA-F]{3}|[0-9a-fA-F]{4}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})$',
  description: 'A hex colour: #rgb, #rgba, #rrggbb or #rrggbbaa.',
})
export const ColorSchema = Type.Union([HexColorSchema, BindingSchema], { title: 'Color' })
export type Color = Static<typeof ColorSchema>

export const GradientStopSchema = Type.Object(
  { offset: Type.Number({ minimum: 0, maximum: 1 }), color: ColorSchema },
  { additionalProperties: false },
)

export const LinearGradientSchema = Type.Object(
  {
    type: Type.Literal('linear-gradient'),
    /** Degrees, CSS convention: 0 points up, 90 to the right. */
    angle: Type.Number({ description: 'Degrees, as in CSS: 0 goes bottom to top, 90 left to right.' }),
    stops: Type.Array(GradientStopSchema, { minItems: 2 }),
    /** Flip left to right in right-to-left markets (off by default: light from the left stays there). */
    mirror: Type.Optional(Type.Boolean({ description: 'Flip the gradient left to right in right-to-left markets.' })),
  },
  { title: 'LinearGradient', additionalProperties: false },
)
export type LinearGradient = Static<typeof LinearGradientSchema>

export const RadialGradientSchema = Type.Object(
  {
    type: Type.Literal('radial-gradient'),
    /** Centre as fractions of the box, default 0.5, 0.5. */
    center: Type.Optional(
      Type.Object({ x: Type.Number(), y: Type.Number() }, { additionalProperties: false }),
    ),
    /** Radius as a fraction of half the box diagonal, default 1. */
    radius: Type.Optional(Type.Number({ exclusiveMinimum: 0 })),
    stops: Type.Array(GradientStopSchema, { minItems: 2 }),
    /** Flip the centre left to right in right-to-left markets. */
    mirror: Type.Optional(Type.Boolean({ description: 'Flip the centre left to right in right-to-left markets.' })),
  },
  { title: 'RadialGradient', additionalProperties: false },
)
export type RadialGradient = Static<typeof RadialGradientSchema>

export const PaintSchema = Type.Union([HexColorSchema, BindingSchema, LinearGradientSchema, RadialGradientSchema], {
  title: 'Paint',
})
export type Paint = Static<typeof PaintSchema>

export const ShadowSchema = Type.Object(
  {
    color: ColorSchema,
    blur: LengthSchema,
    offsetX: Type.Optional(LengthSchema),
    offsetY: Type.Optional(LengthSchema),
  },
  { title: 'Shadow', additionalProperties: false },
)
export type Shadow = Static<typeof ShadowSchema>

export const StrokeSchema = Type.Object(
  { color: ColorSchema, width: LengthSchema },
  { title: 'Stroke', additionalProperties: false },
)
export type Stroke = Static<typeof StrokeSchema>

export const CornerRadiusSchema = Type.Union(
  [LengthSchema, Type.Tuple([LengthSchema, LengthSchema, LengthSchema, LengthSchema])],
  { title: 'CornerRadius', description: 'One radius, or [top-left, top-right, bottom-right, bottom-left].' },
)
export type CornerRadius = Static<typeof CornerRadiusSchema>

const ConditionOp = Type.Union([
  Type.Literal('present'),
  Type.Literal('absent'),
  Type.Literal('truthy'),
  Type.Literal('falsy'),
  Type.Literal('eq'),
  Type.Literal('ne'),
  Type.Literal('gt'),
  Type.Literal('gte'),
  Type.Literal('lt'),
  Type.Literal('lte'),
])

/** A comparison on one variable. */
export const VariableConditionSchema = Type.Object(
  {
    var: Type.String({ minLength: 1 }),
    op: ConditionOp,
    value: Type.Optional(Type.Union([Type.String(), Type.Number(), Type.Boolean()])),
  },
  { additionalProperties: false },
)

/** A declarative condition: a comparison, or `all` / `any` / `not` of conditions (one level deep each). */
export const ConditionSchema = Type.Union(
  [
    VariableConditionSchema,
    Type.Object({ all: Type.Array(VariableConditionSchema, { minItems: 1 }) }, { additionalProperties: false }),
    Type.Object({ any: Type.Array(VariableConditionSchema, { minItems: 1 }) }, { additionalProperties: false }),
    Type.Object({ not: VariableConditionSchema }, { additionalProperties: false }),
  ],
  { title: 'Condition' },
)
export type VariableCondition = Static<typeof VariableConditionSchema>
export type Condition = Static<typeof ConditionSchema>

/**
 * Where a layer sits, by constraints on its frame (the canvas, the format's safe zone, or the
 * parent group's box). Per axis give two of start/end/size, or a centre offset and a size;
 * `aspectRatio` (width / height) fills in a missing size.
 */
export const BoxSchema = Type.Object(
  {
    left: Type.Optional(LengthSchema),
    right: Type.Optional(LengthSchema),
    width: Type.Optional(LengthSchema),
    centerX: Type.Optional(LengthSchema),
    top: Type.Optional(LengthSchema),
    bottom: Type.Optional(LengthSchema),
    height: Type.Optional(LengthSchema),
    centerY: Type.Optional(LengthSchema),
    aspectRatio: Type.Optional(Type.Number({ exclusiveMinimum: 0 })),
    /** Which frame the constraints refer to: the canvas (default) or the format's safe zone. */
    frame: Type.Optional(Type.Union([Type.Literal('canvas'), Type.Literal('safe')])),
  },
  { title: 'Box', additionalProperties: false },
)
export type Box = Static<typeof BoxSchema>

/** Helper: a schema that may be a literal value or a binding. */
export function bindable<T extends TSchema>(schema: T) {
  return Type.Union([schema, BindingSchema])
}
