import { Type, type Static } from '@sinclair/typebox'
import { BindingSchema, HexColorSchema } from './primitives.js'

const common = {
  /** Shown in editors and in error messages. */
  label: Type.Optional(Type.String()),
  description: Type.Optional(Type.String()),
  /** A row must give a value (after defaults). */
  required: Type.Optional(Type.Boolean()),
}

export const TextVariableSchema = Type.Object(
  { type: Type.Literal('text'), ...common, default: Type.Optional(Type.String()), maxLength: Type.Optional(Type.Integer({ minimum: 1 })) },
  { additionalProperties: false },
)
export const NumberVariableSchema = Type.Object(
  {
    type: Type.Literal('number'),
    ...common,
    default: Type.Optional(Type.Number()),
    minimum: Type.Optional(Type.Number()),
    maximum: Type.Optional(Type.Number()),
  },
  { additionalProperties: false },
)
export const MoneyVariableSchema = Type.Object(
  {
    type: Type.Literal('money'),
    ...common,
    default: Type.Optional(Type.Number()),
    /** An ISO 4217 code, or a binding to a text variable that holds one. */
    currency: Type.Union([Type.String({ pattern: '^[A-Z]{3}$' }), BindingSchema]),
  },
  { additionalProperties: false },
)
export const ImageVariableSchema = Type.Object(
  { type: Type.Literal('image'), ...common, default: Type.Optional(Type.String()) },
  { additionalProperties: false },
)
/** A video clip's path or URL (for `video` layers). */
export const VideoVariableSchema = Type.Object(
  { type: Type.Literal('video'), ...common, default: Type.Optional(Type.String()) },
  { additionalProperties: false },
)
export const ColorVariableSchema = Type.Object(
  { type: Type.Literal('color'), ...common, default: Type.Optional(HexColorSchema) },
  { additionalProperties: false },
)
export const BooleanVariableSchema = Type.Object(
  { type: Type.Literal('boolean'), ...common, default: Type.Optional(Type.Boolean()) },
  { additionalProperties: false },
)

/** The variable schemas by type, for precise validation errors. */
export const variableSchemas = {
  text: TextVariableSchema,
  number: NumberVariableSchema,
  money: MoneyVariableSchema,
  image: ImageVariableSchema,
  color: ColorVariableSchema,
  boolean: BooleanVariableSchema,
  video: VideoVariableSchema,
} as const

export type VariableType = keyof typeof variableSchemas
export const variableTypes = Object.keys(variableSchemas) as VariableType[]

export const VariableSchema = Type.Union(Object.values(variableSchemas), { title: 'Variable' })
export type Variable = Static<typeof VariableSchema>
export type MoneyVariable = Static<typeof MoneyVariableSchema>
