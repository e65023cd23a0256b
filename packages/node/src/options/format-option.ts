import { VitrineError, getFormat } from '@vitrine/core'
import { defineOption, optionError, splitList } from './cli-option.js'

/** `--format`: the output formats. */
export const formatOption = defineOption<string[] | undefined>({
  name: 'format',
  short: 'f',
  type: 'string',
  valueName: '<id,...>',
  description: 'Output formats, comma-separated: ids from `vitrine formats` (e.g. instagram-square,instagram-story) or WIDTHxHEIGHT.',
  parse(raw) {
    if (raw === undefined) return undefined
    const ids = typeof raw === 'string' ? splitList(raw) : []
    if (ids.length === 0) throw optionError('format', 'one or more format ids, e.g. instagram-square', raw)
    for (const id of ids) {
      try {
        getFormat(id)
      } catch (error) {
        throw new VitrineError('usage', `--format: ${(error as Error).message}`, { cause: error })
      }
    }
    return [...new Set(ids)]
  },
})
