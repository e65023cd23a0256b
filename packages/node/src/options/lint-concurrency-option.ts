import { defineOption, wholeNumber } from './cli-option.js'

/** `--concurrency` of `vitrine lint`: how many rows are checked at once. */
export const lintConcurrencyOption = defineOption<number | undefined>({
  name: 'concurrency',
  short: 'c',
  type: 'string',
  valueName: '<n>',
  description:
    'Rows checked at the same time, each in a worker thread that resolves, renders (unless --text-only) and lints it. 1 checks in the main thread, without workers. The findings and their order do not depend on it.',
  defaultText: 'the number of CPU cores available, fewer for small feeds: one worker per 20 ads, or per 1,000 ads with --text-only (starting a worker costs about a second)',
  parse(raw) {
    if (raw === undefined) return undefined
    return wholeNumber('concurrency', raw, 1, 256)
  },
})
