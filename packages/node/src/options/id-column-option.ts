import { defineOption, optionError } from './cli-option.js'

/** `--id-column`: where row ids come from. */
export const idColumnOption = defineOption<string | undefined>({
  name: 'id-column',
  type: 'string',
  valueName: '<name>',
  description: "The column that names each row's output folder.",
  defaultText: "the template's `idVariable`, else `id`, else `sku`, else `row-<n>`",
  parse(raw) {
    if (raw === undefined) return undefined
    if (typeof raw !== 'string' || raw.trim() === '') throw optionError('id-column', 'a column name', raw)
    return raw.trim()
  },
})
