import { formatCatalog, type Format } from '@vitrine/core'
import { EXIT_OK } from '../exit-codes.js'
import { helpOption } from '../options/help-option.js'
import { jsonOption } from '../options/json-option.js'
import type { CliCommand } from './cli-command.js'

const safeZoneText = (format: Format) => {
  const z = format.safeZone
  return z.top || z.right || z.bottom || z.left ? `top ${z.top}, right ${z.right}, bottom ${z.bottom}, left ${z.left}` : 'none'
}

/** `vitrine formats`: the format catalogue. */
export const formatsCommand: CliCommand = {
  name: 'formats',
  summary: 'List the output formats: id, pixel size and safe zone',
  description:
    'Prints the format catalogue: each id, its size in pixels, and its safe zone (the bands, in pixels, ' +
    'where the platform draws its own UI over the picture). Any WIDTHxHEIGHT (1 to 16384 each) is also ' +
    'accepted as a custom format.',
  positionals: [],
  options: [{ option: jsonOption }, { option: helpOption }],
  examples: [
    { command: 'vitrine formats', description: 'A table.' },
    { command: 'vitrine formats --json', description: 'The catalogue as JSON, safe zones included.' },
  ],
  exitCodes: [{ code: 0, meaning: 'always' }],
  async run({ options, io }) {
    if (options.json === true) {
      io.stdout.write(JSON.stringify(formatCatalog, null, 2) + '\n')
      return EXIT_OK
    }
    const rows = [['id', 'size', 'safe zone (px)', 'label'], ...formatCatalog.map((f) => [f.id, `${f.width}x${f.height}`, safeZoneText(f), f.label])]
    const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)))
    for (const row of rows) io.stdout.write(row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i]!))).join('  ') + '\n')
    io.stdout.write('\nAny WIDTHxHEIGHT (1 to 16384 each), e.g. 800x600, is a custom format with no safe zone.\n')
    return EXIT_OK
  },
}
