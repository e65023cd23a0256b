import { marketCatalog } from '@vitrine/core'
import { EXIT_OK } from '../exit-codes.js'
import { helpOption } from '../options/help-option.js'
import { jsonOption } from '../options/json-option.js'
import type { CliCommand } from './cli-command.js'

/** `vitrine markets`: the built-in market profiles. */
export const marketsCommand: CliCommand = {
  name: 'markets',
  summary: 'List the market profiles: locale, currency, digits, calendar, direction',
  description:
    'Prints the built-in market profiles that `--market` takes: each id, its currency, the digits and ' +
    'calendar numbers, prices and dates are written with, its text direction and scripts. `--json` adds ' +
    'the font family per script and the cultural adaptation hints (colours, imagery and numbers to prefer or avoid).',
  positionals: [],
  options: [{ option: jsonOption }, { option: helpOption }],
  examples: [
    { command: 'vitrine markets', description: 'A table.' },
    { command: 'vitrine markets --json', description: 'Every profile as JSON, fonts and cultural hints included.' },
  ],
  exitCodes: [{ code: 0, meaning: 'always' }],
  async run({ options, io }) {
    if (options.json === true) {
      io.stdout.write(JSON.stringify(marketCatalog, null, 2) + '\n')
      return EXIT_OK
    }
    const rows = [
      ['id', 'currency', 'digits', 'calendar', 'direction', 'scripts', 'name'],
      ...marketCatalog.map((m) => [m.id, m.currency, m.numberingSystem, m.calendar, m.direction, m.scripts.join(' '), m.name]),
    ]
    const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)))
    for (const row of rows) io.stdout.write(row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i]!))).join('  ') + '\n')
    return EXIT_OK
  },
}
