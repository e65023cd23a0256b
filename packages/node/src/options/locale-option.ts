import { VitrineError, canonicalLocale } from '@vitrine/core'
import { defineOption, optionError, splitList } from './cli-option.js'

/** `--locale`: the languages to render. */
export const localeOption = defineOption<string[] | undefined>({
  name: 'locale',
  short: 'l',
  type: 'string',
  valueName: '<tag,...>',
  description:
    'Locales to render, comma-separated BCP 47 tags (e.g. en-US,de-DE,ar-AE). Each gets its own file. The pseudo-locales en-XA (accented, 40 % longer) and ar-XB (right to left) test a layout before translation.',
  defaultText: "the markets' languages, else en-US",
  parse(raw) {
    if (raw === undefined) return undefined
    const tags = typeof raw === 'string' ? splitList(raw) : []
    if (tags.length === 0) throw optionError('locale', 'one or more BCP 47 tags, e.g. en-US', raw)
    const canonical = tags.map((tag) => {
      try {
        return canonicalLocale(tag)
      } catch (error) {
        throw new VitrineError('usage', `--locale: ${(error as Error).message}`, { cause: error })
      }
    })
    return [...new Set(canonical)]
  },
})
