import { formatCommandHelp, formatMainHelp } from '../cli-help.js'
import { EXIT_OK, EXIT_USAGE } from '../exit-codes.js'
import { helpOption } from '../options/help-option.js'
import type { CliCommand } from './cli-command.js'
import { cutoutCommand } from './cutout-command.js'
import { formatsCommand } from './formats-command.js'
import { lintCommand } from './lint-command.js'
import { marketsCommand } from './markets-command.js'
import { messagesCommand } from './messages-command.js'
import { renderCommand } from './render-command.js'
import { validateCommand } from './validate-command.js'

/** `vitrine help [command]`. */
export const helpCommand: CliCommand = {
  name: 'help',
  summary: 'Show help for a command',
  description: 'Prints the list of commands, or the options of one command (the same as `vitrine <command> --help`).',
  positionals: [{ name: 'command', description: 'The command to explain.', required: false }],
  options: [{ option: helpOption }],
  examples: [{ command: 'vitrine help render', description: 'The options of `vitrine render`.' }],
  exitCodes: [],
  async run({ positionals, io }) {
    const name = positionals[0]
    if (name === undefined) {
      io.stdout.write(formatMainHelp(cliCommands))
      return EXIT_OK
    }
    const command = cliCommands.find((c) => c.name === name)
    if (!command) {
      io.stderr.write(`Unknown command "${name}": expected one of ${cliCommands.map((c) => c.name).join(', ')}\n`)
      return EXIT_USAGE
    }
    io.stdout.write(formatCommandHelp(command))
    return EXIT_OK
  },
}

/** Every `vitrine` command, in the order help lists them. */
export const cliCommands: readonly CliCommand[] = [renderCommand, lintCommand, cutoutCommand, validateCommand, formatsCommand, marketsCommand, messagesCommand, helpCommand]
