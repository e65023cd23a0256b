import type { Writable } from 'node:stream'
import type { CliOption } from '../options/cli-option.js'

/** Where a command writes, and whether stderr is a terminal (for the progress bar). */
export interface CliIo {
  stdout: Writable
  stderr: Writable
  /** True when stderr is a terminal: progress is a bar redrawn in place, else plain lines. */
  stderrIsTty: boolean
  /** Terminal width for the progress bar. */
  columns?: number
}

/** An option as a command uses it. */
export interface CommandOption {
  option: CliOption<unknown>
  required?: boolean
}

/** What a command's `run` receives: its positionals and its options, parsed by their descriptors. */
export interface CommandInput {
  positionals: string[]
  /** Option values by option name, from each descriptor's `parse` (defaults filled in). */
  options: Record<string, unknown>
  io: CliIo
}

/** One `vitrine` subcommand, described once for the parser, `--help` and `docs/cli.md`. */
export interface CliCommand {
  name: string
  /** One line, for the command list. */
  summary: string
  /** A paragraph or two for `--help` and the docs. */
  description: string
  /** `variadic` (last positional only) takes every remaining argument: `<images...>`. */
  positionals: { name: string; description: string; required: boolean; variadic?: boolean }[]
  options: CommandOption[]
  examples: { command: string; description: string }[]
  /** Exit codes this command uses, and what they mean. */
  exitCodes: { code: number; meaning: string }[]
  /** Runs the command; resolves to the exit code. */
  run(input: CommandInput): Promise<number>
}

/** The usage line: `vitrine render <template.json> --data <file> [options]`. */
export function usageLine(command: CliCommand): string {
  const positionals = command.positionals.map((p) => (p.required ? `<${p.name}${p.variadic ? '...' : ''}>` : `[${p.name}${p.variadic ? '...' : ''}]`))
  const required = command.options.filter((o) => o.required).map((o) => `--${o.option.name} ${o.option.valueName ?? ''}`.trim())
  const optional = command.options.some((o) => !o.required) ? ['[options]'] : []
  return ['vitrine', command.name, ...positionals, ...required, ...optional].join(' ')
}
