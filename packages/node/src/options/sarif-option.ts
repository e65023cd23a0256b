import { defineOption } from './cli-option.js'

/** `--sarif`: SARIF 2.1.0 output for code-review tools. */
export const sarifOption = defineOption<boolean>({
  name: 'sarif',
  type: 'boolean',
  description: 'Print a SARIF 2.1.0 log on stdout (for code-review tools) instead of text.',
  parse: (raw) => raw === true,
})
