import { defineOption, optionError } from './cli-option.js'

/** `--out`: the output folder. */
export const outOption = defineOption<string | undefined>({
  name: 'out',
  short: 'o',
  type: 'string',
  valueName: '<dir>',
  description: 'Output folder, created when missing. Files go to `<dir>/<id>/<format>.<locale>.<ext>`, with `<dir>/manifest.json`.',
  parse(raw) {
    if (raw === undefined) return undefined
    if (typeof raw !== 'string' || raw.trim() === '') throw optionError('out', 'a folder path', raw)
    return raw
  },
})
