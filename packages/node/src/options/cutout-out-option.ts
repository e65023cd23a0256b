import { defineOption, optionError } from './cli-option.js'

/** `--out` for `vitrine cutout`: the output folder. */
export const cutoutOutOption = defineOption<string | undefined>({
  name: 'out',
  short: 'o',
  type: 'string',
  valueName: '<dir>',
  description: 'Output folder, created when missing. Each picture is written as `<dir>/<name>.png`, with the background transparent.',
  parse(raw) {
    if (raw === undefined) return undefined
    if (typeof raw !== 'string' || raw.trim() === '') throw optionError('out', 'a folder path', raw)
    return raw
  },
})
