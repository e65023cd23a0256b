import { defineOption } from './cli-option.js'

/** `--json`: machine-readable output. */
export const jsonOption = defineOption<boolean>({
  name: 'json',
  type: 'boolean',
  description: 'Print one JSON document on stdout and nothing else (no progress).',
  parse: (raw) => raw === true,
})
