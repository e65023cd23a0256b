import { usageLine, type CliCommand } from './commands/cli-command.js'
import type { CliOption } from './options/cli-option.js'

/** Wraps text into lines of at most `width` characters (longer words stay whole); lines after the first are indented by `indent`. */
export function wrap(text: string, width: number, indent = 0): string {
  const words = text.split(/\s+/).filter(Boolean)
  const lines: string[] = []
  let line = ''
  for (const word of words) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line)
      line = word
    } else line = line ? `${line} ${word}` : word
  }
  if (line) lines.push(line)
  return lines.map((l, i) => (i === 0 ? l : ' '.repeat(indent) + l)).join('\n')
}

/** `-f, --format <id,...>` */
export function flagText(option: CliOption<unknown>): string {
  const long = `--${option.name}${option.valueName ? ' ' + option.valueName : ''}`
  return option.short ? `-${option.short}, ${long}` : `    ${long}`
}

function table(rows: [string, string][], width = 80): string {
  const left = Math.min(34, Math.max(...rows.map(([a]) => a.length)) + 2)
  // A name too wide for the column (`--type <png|jpeg|…>`) gets its text on the next line.
  return rows
    .map(([a, b]) => {
      const text = wrap(b, width - left - 2, left + 2)
      return a.length <= left - 2 ? `  ${a.padEnd(left)}${text}` : `  ${a}\n${' '.repeat(left + 2)}${text}`
    })
    .join('\n')
}

/** `vitrine --help`. */
export function formatMainHelp(commands: readonly CliCommand[]): string {
  return [
    'vitrine: render e-commerce marketing images from a JSON template and product data.',
    '',
    'Usage: vitrine <command> [options]',
    '',
    'Commands:',
    table(commands.map((c) => [c.name, c.summary])),
    '',
    'Options:',
    table([
      ['-h, --help', 'Show help (also: vitrine <command> --help).'],
      ['    --version', 'Print the version.'],
    ]),
    '',
  ].join('\n')
}

/** `vitrine <command> --help`. */
export function formatCommandHelp(command: CliCommand): string {
  const out = [`Usage: ${usageLine(command)}`, '', wrap(command.description, 80), '']
  if (command.positionals.length > 0) {
    out.push('Arguments:', table(command.positionals.map((p) => [p.name, p.description + (p.required ? '' : ' Optional.')])), '')
  }
  if (command.options.length > 0) {
    out.push(
      'Options:',
      table(
        command.options.map(({ option, required }) => [
          flagText(option),
          option.description + (required ? ' Required.' : '') + (option.defaultText ? ` Default: ${option.defaultText}.` : ''),
        ]),
      ),
      '',
    )
  }
  if (command.examples.length > 0) {
    out.push('Examples:')
    for (const e of command.examples) out.push(`  $ ${e.command}`, `    ${wrap(e.description, 76, 4)}`)
    out.push('')
  }
  if (command.exitCodes.length > 0) out.push('Exit codes:', table(command.exitCodes.map((e) => [String(e.code), e.meaning])), '')
  return out.join('\n')
}
