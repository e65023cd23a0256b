import { defineOption, optionError } from './cli-option.js'

/** `--feather`: softens the cut-out's edge. */
export const featherOption = defineOption<number | undefined>({
  name: 'feather',
  type: 'string',
  valueName: '<px>',
  description: "Blurs the matte's edge by this many pixels of the picture (0 to 100).",
  defaultText: '0 (the model\'s own soft edge)',
  parse(raw) {
    if (raw === undefined) return undefined
    const n = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : NaN
    if (!(n >= 0 && n <= 100)) throw optionError('feather', 'a number of pixels from 0 to 100', raw)
    return n
  },
})
