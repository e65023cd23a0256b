import { VitrineError } from '../errors/vitrine-error.js'
import { parseModelSpec, type ModelSpec } from './model-spec.js'

/**
 * The models a host makes available, by id. Vitrine bundles no weights: the host registers the
 * models it chose and serves their files (docs/ai.md lists compatible, openly licensed ones).
 *
 * @example
 * ```ts
 * const models = new ModelRegistry()
 * models.register({ id: 'isnet-general-use', task: 'salient-object', files: [...], ... })
 * models.forTask('salient-object') // the first registered salient-object model
 * ```
 */
export class ModelRegistry {
  private readonly specs = new Map<string, ModelSpec>()

  constructor(specs: readonly ModelSpec[] = []) {
    for (const spec of specs) this.register(spec)
  }

  /** Adds (or replaces) a model after checking its description (`ai/invalid-model` when wrong). */
  register(spec: ModelSpec): ModelSpec {
    const checked = parseModelSpec(spec)
    this.specs.set(checked.id, checked)
    return checked
  }

  /** The model with this id; throws `ai/unknown-model` listing the known ids. */
  get(id: string, path = ''): ModelSpec {
    const spec = this.specs.get(id)
    if (!spec) {
      const known = [...this.specs.keys()]
      throw new VitrineError('ai/unknown-model', `No model "${id}" is registered; known: ${known.length ? known.join(', ') : 'none'}`, {
        path,
        issues: [{ path, message: `unknown model "${id}"`, expected: known.length ? `one of ${known.join(', ')}` : 'a registered model', found: JSON.stringify(id) }],
      })
    }
    return spec
  }

  has(id: string): boolean {
    return this.specs.has(id)
  }

  /** The first registered model for a task, or undefined. */
  forTask(task: ModelSpec['task']): ModelSpec | undefined {
    for (const spec of this.specs.values()) if (spec.task === task) return spec
    return undefined
  }

  list(): ModelSpec[] {
    return [...this.specs.values()]
  }
}
