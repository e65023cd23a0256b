import { defineOption, optionError } from './cli-option.js'

/** `--threshold`: makes the matte hard at a level. */
export const thresholdOption = defineOption<number | undefined>({
  name: 'threshold',
  type: 'string',
  valueName: '<0..1>',
  description: 'Makes the matte hard: pixels the model rates at least this sure are kept whole, the rest dropped (combine with --feather for a clean soft edge).',
  defaultText: 'none (keep the soft matte)',
  parse(raw) {
    if (raw === undefined) return undefined
    const n = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : NaN
    if (!(n > 0 && n < 1)) throw optionError('threshold', 'a number between 0 and 1', raw)
    return n
  },
})
