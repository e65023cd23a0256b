import { availableParallelism } from 'node:os'
import { defineOption, wholeNumber } from './cli-option.js'

/** `--concurrency`: how many threads render rows. */
export const concurrencyOption = defineOption<number>({
  name: 'concurrency',
  short: 'c',
  type: 'string',
  valueName: '<n>',
  description: 'Threads rendering rows: the main thread and n-1 worker threads take rows from one queue, each two still rows at once (one draws while the other waits on a picture or its encoder). 1 renders in the main thread alone. The bytes written do not depend on it.',
  defaultText: 'the number of CPU cores available',
  parse(raw) {
    if (raw === undefined) return Math.max(1, availableParallelism())
    return wholeNumber('concurrency', raw, 1, 256)
  },
})
