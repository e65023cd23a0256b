import { defineOption, optionError } from './cli-option.js'

/** `--quality`: lossy encoder quality. */
export const qualityOption = defineOption<number>({
  name: 'quality',
  short: 'q',
  type: 'string',
  valueName: '<1-100>',
  description: 'Quality of JPEG and WebP files, from 1 to 100 (PNG is lossless and ignores it).',
  defaultText: '90',
  parse(raw) {
    if (raw === undefined) return 90
    const n = typeof raw === 'string' && /^\s*\d+\s*$/.test(raw) ? Number(raw) : NaN
    if (!(n >= 1 && n <= 100)) throw optionError('quality', 'a whole number from 1 to 100', raw)
    return n
  },
})
