import { Type, type Static } from '@sinclair/typebox'
import { VitrineError } from '../errors/vitrine-error.js'
import { schemaIssues } from '../document/validate-template.js'

const Sha256 = Type.String({ pattern: '^[0-9a-f]{64}$', description: 'lower-case hex SHA-256' })
const Rgb = Type.Tuple([Type.Number(), Type.Number(), Type.Number()])

/** One file of a model. Large models may be split in parts; their bytes are concatenated in order. */
export const ModelFileSchema = Type.Object(
  {
    /** URL or path, resolved against the host's model base URL (or the manifest's folder). */
    url: Type.String({ minLength: 1 }),
    sha256: Sha256,
    bytes: Type.Integer({ minimum: 1 }),
  },
  { additionalProperties: false },
)
export type ModelFile = Static<typeof ModelFileSchema>

/** Where the weights come from and under which licence they may be used. */
export const ModelLicenceSchema = Type.Object(
  {
    /** SPDX identifier, e.g. `Apache-2.0`, `MIT`. */
    spdx: Type.String({ minLength: 1 }),
    /** Where the weights and their terms are published. */
    source: Type.Optional(Type.String()),
    note: Type.Optional(Type.String()),
  },
  { additionalProperties: false },
)
export type ModelLicence = Static<typeof ModelLicenceSchema>

/**
 * The model's image input: 1×3×H×W, RGB, `value = (pixel - mean) / std` with pixels in 0..255.
 * `sizes: 'fixed'` models take only width×height; other inputs are refused with `ai/unsupported-input`.
 */
export const ModelInputSchema = Type.Object(
  {
    /** Input tensor name; default the model's first input. */
    name: Type.Optional(Type.String()),
    width: Type.Integer({ minimum: 8, maximum: 4096 }),
    height: Type.Integer({ minimum: 8, maximum: 4096 }),
    layout: Type.Literal('nchw'),
    mean: Rgb,
    std: Rgb,
  },
  { additionalProperties: false },
)
export type ModelInput = Static<typeof ModelInputSchema>

/** The saliency map output: 1×1×H×W (or 1×H×W), one value per pixel. */
export const ModelOutputSchema = Type.Object(
  {
    /** Output tensor name; default the model's first output. */
    name: Type.Optional(Type.String()),
    /** Applied to each value first: `sigmoid` for logits, `none` for probabilities. */
    activation: Type.Union([Type.Literal('none'), Type.Literal('sigmoid')]),
    /** `min-max` stretches the map to 0..1 (as U²-Net and IS-Net expect), `none` clamps it. */
    normalize: Type.Union([Type.Literal('none'), Type.Literal('min-max')]),
  },
  { additionalProperties: false },
)
export type ModelOutput = Static<typeof ModelOutputSchema>

/** A model the registry knows: where its bytes are, how to check them, and how to use it. */
export const ModelSpecSchema = Type.Object(
  {
    id: Type.String({ pattern: '^[a-z0-9][a-z0-9._-]*$' }),
    name: Type.String({ minLength: 1 }),
    /** `salient-object` (product cut-out) or `person` (person segmentation). */
    task: Type.Union([Type.Literal('salient-object'), Type.Literal('person')]),
    format: Type.Literal('onnx'),
    files: Type.Array(ModelFileSchema, { minItems: 1 }),
    /** SHA-256 of all files' bytes concatenated. */
    sha256: Sha256,
    /** Total byte size. */
    bytes: Type.Integer({ minimum: 1 }),
    licence: ModelLicenceSchema,
    input: ModelInputSchema,
    output: ModelOutputSchema,
  },
  { additionalProperties: false },
)
/**
 * A model description: id, files with SHA-256 and sizes, input/output spec, licence and the
 * pre/post-processing it needs. Hosts register their own with {@link ModelRegistry.register}.
 */
export type ModelSpec = Static<typeof ModelSpecSchema>

/**
 * Checks a model description (e.g. parsed from a `*.model.json` manifest) and returns it typed.
 * Throws VitrineError `ai/invalid-model` naming each bad field by its JSON pointer.
 *
 * @example
 * ```ts
 * const spec = parseModelSpec(JSON.parse(await readFile('isnet.model.json', 'utf8')))
 * ```
 */
export function parseModelSpec(value: unknown, path = ''): ModelSpec {
  const issues = schemaIssues(ModelSpecSchema, value, path)
  if (issues.length === 0) {
    const spec = value as ModelSpec
    const total = spec.files.reduce((sum, f) => sum + f.bytes, 0)
    if (total !== spec.bytes) {
      issues.push({ path: `${path}/bytes`, message: `${path}/bytes: the files add up to ${total} bytes, but bytes says ${spec.bytes}`, expected: String(total), found: String(spec.bytes) })
    }
  }
  if (issues.length > 0) {
    throw new VitrineError('ai/invalid-model', `Invalid model description: ${issues.map((i) => i.message).join('; ')}`, { issues })
  }
  return value as ModelSpec
}
