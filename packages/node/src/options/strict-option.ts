import { defineOption } from './cli-option.js'

/** `--strict`: lint, and refuse to write outputs with lint errors. */
export const strictOption = defineOption<boolean>({
  name: 'strict',
  type: 'boolean',
  description: 'Lint every output and do not write those with lint errors: they are failures (code lint/failed) in the manifest. Implies --lint.',
  parse: (raw) => raw === true,
})
