import { defineOption, optionError, splitList } from './cli-option.js'

/** `--locale`: the languages/markets to render. */
export const localeOption = defineOption<string[]>({
  name: 'locale',
  short: 'l',
  type: 'string',
  valueName: '<tag,...>',
  description: 'Locales to render, comma-separated BCP 47 tags (e.g. en-US,de-DE,ar-AE). Each gets its own file.',
  defaultText: 'en-US',
  parse(raw) {
    if (raw === undefined) return ['en-US']
    const tags = typeof raw === 'string' ? splitList(raw) : []
    if (tags.length === 0) throw optionError('locale', 'one or more BCP 47 tags, e.g. en-US', raw)
    const canonical = tags.map((tag) => {
      try {
        const [name] = Intl.getCanonicalLocales(tag)
        if (name) return name
      } catch {
        // reported below
      }
      throw optionError('locale', 'BCP 47 language tags such as en-US, de-DE or ar-AE', tag)
    })
    return [...new Set(canonical)]
  },
})
