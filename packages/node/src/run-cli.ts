import { parseArgs } from 'node:util'
import { closestName as closest, VitrineError } from '@vitrine/core'
import { formatCommandHelp, formatMainHelp } from './cli-help.js'
import type { CliIo } from './commands/cli-command.js'
import { cliCommands } from './commands/cli-commands.js'
import { EXIT_OK, EXIT_USAGE } from './exit-codes.js'
import { reportError } from './report-error.js'

/**
 * Runs `vitrine` with the given arguments (without `node` and the script) and resolves to the
 * exit code. The parser, the help text and the docs all come from the command and option
 * descriptors.
 */
export async function runCli(argv: readonly string[], io: CliIo, version: string): Promise<number> {
  const [first, ...rest] = argv
  if (first === undefined || first === '--help' || first === '-h') {
    io.stdout.write(formatMainHelp(cliCommands))
    return EXIT_OK
  }
  if (first === '--version' || first === '-v') {
    io.stdout.write(`${version}\n`)
    return EXIT_OK
  }
  const command = cliCommands.find((c) => c.name === first)
  if (!command) {
    const names = cliCommands.map((c) => c.name)
    const hint = closest(first, names)
    const what = first.startsWith('-') ? `Unknown option ${first}` : `Unknown command "${first}"`
    io.stderr.write(`${what}: expected one of ${names.join(', ')}${hint && !first.startsWith('-') ? ` (did you mean "${hint}"?)` : ''}. Run "vitrine --help".\n`)
    return EXIT_USAGE
  }

  const json = rest.includes('--json')
  const usage = (message: string) => reportError(io, new VitrineError('usage', `${message}. Run "vitrine ${command.name} --help" for its options.`), json && command.options.some((o) => o.option.name === 'json'))
  let parsed: ReturnType<typeof parseArgs>
  try {
    parsed = parseArgs({
      args: [...rest],
      options: Object.fromEntries(command.options.map(({ option }) => [option.name, option.short ? { type: option.type, short: option.short } : { type: option.type }])),
      allowPositionals: true,
      strict: true,
    })
  } catch (error) {
    const code = (error as { code?: string }).code
    const message = (error as Error).message
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      const flag = /'([^']+)'/.exec(message)?.[1] ?? message
      const hint = closest(flag.replace(/^-+/, ''), command.options.map((o) => o.option.name))
      return usage(`Unknown option ${flag} for "vitrine ${command.name}"${hint ? ` (did you mean --${hint}?)` : ''}`)
    }
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      const flag = /--[\w-]+/.exec(message)?.[0] ?? /'(-\w)/.exec(message)?.[1]
      const option = command.options.find((o) => flag === `--${o.option.name}` || flag === `-${o.option.short}`)?.option
      if (option?.type === 'boolean') return usage(`${flag} takes no value`)
      return usage(`${flag ?? 'An option'} needs a value${option?.valueName ? `: ${option.valueName}` : ''}`)
    }
    return usage(message)
  }
  if (parsed.values.help === true) {
    io.stdout.write(formatCommandHelp(command))
    return EXIT_OK
  }

  const positionals = parsed.positionals
  const required = command.positionals.filter((p) => p.required)
  if (positionals.length < required.length) return usage(`Missing <${required[positionals.length]!.name}>`)
  if (positionals.length > command.positionals.length && !command.positionals.at(-1)?.variadic) return usage(`Unexpected argument ${JSON.stringify(positionals[command.positionals.length])}`)

  const options: Record<string, unknown> = {}
  const missing = command.options.filter((o) => o.required && parsed.values[o.option.name] === undefined)
  if (missing.length > 0) {
    return usage(`Missing ${missing.map((o) => `--${o.option.name} ${o.option.valueName ?? ''}`.trim()).join(', ')}`)
  }
  try {
    for (const { option } of command.options) options[option.name] = option.parse(parsed.values[option.name] as string | boolean | undefined)
  } catch (error) {
    return reportError(io, error, json)
  }
  return command.run({ positionals, options, io })
}
