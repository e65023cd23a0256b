import { defineOption, optionError, splitList } from './cli-option.js'

/** `--platform`: the platforms whose policies apply (checked against the rules when linting). */
export const platformOption = defineOption<string[] | undefined>({
  name: 'platform',
  short: 'p',
  type: 'string',
  valueName: '<id,...>',
  description:
    'Platforms whose policies apply, comma-separated: amazon, google, tiktok, meta (instagram, facebook), pinterest. ' +
    'Without --format, each platform is checked in its own formats (amazon and google in the template size).',
  defaultText: 'none: only the markets’ laws and accessibility',
  parse(raw) {
    if (raw === undefined) return undefined
    const ids = typeof raw === 'string' ? splitList(raw).map((p) => p.toLowerCase()) : []
    if (ids.length === 0) throw optionError('platform', 'one or more platform ids, e.g. tiktok', raw)
    return [...new Set(ids)]
  },
})
