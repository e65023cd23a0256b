import { defineOption } from './cli-option.js'

/** `--help`. */
export const helpOption = defineOption<boolean>({
  name: 'help',
  short: 'h',
  type: 'boolean',
  description: 'Show help for the command.',
  parse: (raw) => raw === true,
})
