import { defineOption, optionError } from './cli-option.js'

/** `--model`: a model description file (`*.model.json`) for cut-outs. */
export const modelOption = defineOption<string | undefined>({
  name: 'model',
  type: 'string',
  valueName: '<file.model.json>',
  description:
    'The cut-out model: a model description (id, files with SHA-256 and sizes, input/output spec, licence; see docs/ai.md). ' +
    'Its files are read relative to the description and checked against their hashes.',
  defaultText: 'the VITRINE_MODEL environment variable',
  parse(raw) {
    if (raw === undefined) return process.env.VITRINE_MODEL || undefined
    if (typeof raw !== 'string' || raw.trim() === '') throw optionError('model', 'a path to a .model.json file', raw)
    return raw
  },
})
