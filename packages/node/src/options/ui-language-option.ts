import { uiLanguages, type UiLanguage } from '@vitrine/core'
import { defineOption, optionError } from './cli-option.js'

/** `--ui-language`: the language of lint messages and fixes. */
export const uiLanguageOption = defineOption<UiLanguage>({
  name: 'ui-language',
  type: 'string',
  valueName: '<en|de|fr|zh|ar>',
  description: 'Language of the messages and suggested fixes.',
  defaultText: 'en',
  parse(raw) {
    if (raw === undefined) return 'en'
    if (typeof raw !== 'string' || !(uiLanguages as readonly string[]).includes(raw)) throw optionError('ui-language', uiLanguages.join(', '), raw)
    return raw as UiLanguage
  },
})
