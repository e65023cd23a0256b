import { defineOption, wholeNumber } from './cli-option.js'

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
    return wholeNumber('quality', raw, 1, 100)
  },
})
