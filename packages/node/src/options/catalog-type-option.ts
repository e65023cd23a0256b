import { defineOption, optionError } from './cli-option.js'

/** `--catalog-type`: the file type catalogues are exported as. */
export const catalogTypeOption = defineOption<'xliff' | 'json'>({
  name: 'catalog-type',
  type: 'string',
  valueName: '<xliff|json>',
  description: 'The catalogue file type to write: XLIFF 2.0 (.xlf) for translation tools, or JSON.',
  defaultText: 'xliff',
  parse(raw) {
    if (raw === undefined) return 'xliff'
    const type = typeof raw === 'string' ? raw.trim().toLowerCase() : ''
    if (type === 'xliff' || type === 'xlf') return 'xliff'
    if (type === 'json') return 'json'
    throw optionError('catalog-type', 'xliff or json', raw)
  },
})
