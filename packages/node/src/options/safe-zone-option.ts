import { defineOption, optionError } from './cli-option.js'

/** `--safe-zone`: which safe-zone profile the platform rules check against. */
export const safeZoneOption = defineOption<string>({
  name: 'safe-zone',
  type: 'string',
  valueName: '<standard|strict>',
  description: 'Safe-zone profile for platform UI bands: standard, or strict (the most cautious published figures).',
  defaultText: 'standard',
  parse(raw) {
    if (raw === undefined) return 'standard'
    if (raw !== 'standard' && raw !== 'strict') throw optionError('safe-zone', 'standard or strict', raw)
    return raw
  },
})
