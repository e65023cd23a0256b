import { defineOption, optionError } from './cli-option.js'

/** `--translator`: a module that exports a Translator. */
export const translatorOption = defineOption<string | undefined>({
  name: 'translator',
  type: 'string',
  valueName: '<module>',
  description:
    'An ES module (.mjs or .js) whose `translator` export (or default export) implements `Translator`: `translate(requests, context)` returns one ICU message per request. Vitrine ships none; yours may call any service.',
  parse(raw) {
    if (raw === undefined) return undefined
    if (typeof raw !== 'string' || raw.trim() === '') throw optionError('translator', 'a module path', raw)
    return raw.trim()
  },
})
