import { defineOption } from './cli-option.js'

/** `--text-only`: skip the rules that need rendered pixels. */
export const textOnlyOption = defineOption<boolean>({
  name: 'text-only',
  type: 'boolean',
  description: 'Skip rendering: run the text, data and layout rules but not the pixel checks (contrast, white background).',
  parse: (raw) => raw === true,
})
