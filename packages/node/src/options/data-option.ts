import { defineOption, optionError } from './cli-option.js'

/** `--data`: the product feed. */
export const dataOption = defineOption<string | undefined>({
  name: 'data',
  short: 'd',
  type: 'string',
  valueName: '<file>',
  description:
    'The product feed: CSV, TSV, JSON (an array of objects or `{"rows": [...]}`) or NDJSON. Image paths in it are relative to its folder. `-` reads it from standard input (its syntax told by its content, image paths relative to the working folder).',
  parse(raw) {
    if (raw === undefined) return undefined
    if (typeof raw !== 'string' || raw.trim() === '') throw optionError('data', 'a file path', raw)
    return raw
  },
})
