import { VitrineError, getMarket } from '@vitrine/core'
import { defineOption, optionError, splitList } from './cli-option.js'

/** `--market`: the market profiles to render for. */
export const marketOption = defineOption<string[] | undefined>({
  name: 'market',
  short: 'm',
  type: 'string',
  valueName: '<id,...>',
  description:
    'Markets, comma-separated ids from `vitrine markets` (e.g. de-DE,ar-SA,ja-JP). A market sets the digits, calendar and currency conventions prices and dates are written with. ' +
    'Alone, each market renders in its own language; with --locale, give one market and every locale is rendered for it.',
  defaultText: 'the market whose id is the locale, if any',
  parse(raw) {
    if (raw === undefined) return undefined
    const ids = typeof raw === 'string' ? splitList(raw) : []
    if (ids.length === 0) throw optionError('market', 'one or more market ids, e.g. de-DE', raw)
    return [
      ...new Set(
        ids.map((id) => {
          try {
            return getMarket(id).id
          } catch (error) {
            throw new VitrineError('usage', `--market: ${(error as Error).message}`, { cause: error })
          }
        }),
      ),
    ]
  },
})
