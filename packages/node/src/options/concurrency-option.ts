import { availableParallelism } from 'node:os'
import { defineOption, wholeNumber } from './cli-option.js'

/** `--concurrency`: how many rows render at once. */
export const concurrencyOption = defineOption<number>({
  name: 'concurrency',
  short: 'c',
  type: 'string',
  valueName: '<n>',
  description: 'Rows rendered at the same time: the main thread and n-1 worker threads take rows from one queue. 1 renders in the main thread alone.',
  defaultText: 'the number of CPU cores available',
  parse(raw) {
    if (raw === undefined) return Math.max(1, availableParallelism())
    return wholeNumber('concurrency', raw, 1, 256)
  },
})
