import { defineOption } from './cli-option.js'

/** `--lint`: check every output against its market's law and its platform's rules. */
export const lintOption = defineOption<boolean>({
  name: 'lint',
  type: 'boolean',
  description: 'Lint every output (the market’s laws, the format’s platform rules, contrast on the render) and list the findings in the manifest (see docs/lint.md).',
  parse: (raw) => raw === true,
})
