import { defineOption, optionError, splitList } from './cli-option.js'

/** `--catalog`: message catalogues to translate with. */
export const catalogOption = defineOption<string[] | undefined>({
  name: 'catalog',
  type: 'string',
  valueName: '<file,...>',
  description:
    "Message catalogues, comma-separated: XLIFF 2.0 (.xlf, .xliff) or JSON files, or folders of them. They take precedence over the template's own `translations`.",
  parse(raw) {
    if (raw === undefined) return undefined
    const paths = typeof raw === 'string' ? splitList(raw) : []
    if (paths.length === 0) throw optionError('catalog', 'one or more catalogue files or folders', raw)
    return [...new Set(paths)]
  },
})
