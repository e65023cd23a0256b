import { parseRowRanges, type RowRange } from '../row-selection.js'
import { defineOption, optionError } from './cli-option.js'

/** `--rows`: only some rows of the feed. */
export const rowsOption = defineOption<RowRange[] | undefined>({
  name: 'rows',
  type: 'string',
  valueName: '<list>',
  description:
    "Only these rows of the feed, 1-based as messages count them (the header is not a row): numbers and ranges, comma-separated, e.g. 1-5 to try a template on a few rows, or 1-20,35,100- (100 to the end). The rows left out are not read for pictures nor rendered, and a render's manifest lists only the rows chosen (with --resume, also the files the run before wrote for the others, while still valid); ids are still checked against every row.",
  defaultText: 'every row',
  parse(raw) {
    if (raw === undefined) return undefined
    if (typeof raw !== 'string') throw optionError('rows', 'row numbers and ranges, e.g. 1-20,35', raw)
    return parseRowRanges(raw)
  },
})
