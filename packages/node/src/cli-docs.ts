import { usageLine, type CliCommand } from './commands/cli-command.js'
import { flagText } from './cli-help.js'

/** Escapes `<` and `>` outside code spans, so `<dir>` is shown rather than taken for HTML. */
const md = (text: string) => text.split(/(`[^`]*`)/).map((part, i) => (i % 2 === 1 ? part : part.replace(/</g, '&lt;').replace(/>/g, '&gt;'))).join('')
const cell = (text: string) => md(text).replace(/\|/g, '\\|').replace(/\n/g, ' ')

/**
 * The Markdown of `docs/cli.md`, made from the same command and option descriptors as the
 * parser and `--help` (see `scripts/write-cli-docs.ts`).
 */
export function cliDocs(commands: readonly CliCommand[]): string {
  const out = [
    '# The `vitrine` command line',
    '',
    '<!-- Generated from packages/node/src/commands and packages/node/src/options by',
    '     packages/node/scripts/write-cli-docs.ts. Do not edit by hand: a test fails when it is stale. -->',
    '',
    'The `vitrine` command comes with `@vitrine/node`. Run `vitrine --help`, or `vitrine <command> --help`,',
    'for the same text in the terminal; `vitrine --version` prints the version.',
    '',
    '| Command | What it does |',
    '| --- | --- |',
    ...commands.map((c) => `| [\`${c.name}\`](#vitrine-${c.name}) | ${cell(c.summary)} |`),
    '',
  ]
  for (const command of commands) {
    out.push(`## vitrine ${command.name}`, '', '```', usageLine(command), '```', '', md(command.description), '')
    if (command.positionals.length > 0) {
      out.push('| Argument | Description |', '| --- | --- |')
      for (const p of command.positionals) out.push(`| \`${p.name}\` | ${cell(p.description)}${p.required ? ' Required.' : ''} |`)
      out.push('')
    }
    if (command.options.length > 0) {
      out.push('| Option | Description | Default |', '| --- | --- | --- |')
      for (const { option, required } of command.options) {
        out.push(`| \`${flagText(option).trim().replace(/\|/g, '\\|')}\` | ${cell(option.description)}${required ? ' **Required.**' : ''} | ${option.defaultText ? cell(option.defaultText) : ''} |`)
      }
      out.push('')
    }
    if (command.examples.length > 0) {
      out.push('Examples:', '')
      for (const e of command.examples) out.push(`- ${md(e.description)}`, '', '  ```sh', `  ${e.command}`, '  ```', '')
    }
    if (command.exitCodes.length > 0) {
      out.push('Exit codes:', '', '| Code | Meaning |', '| --- | --- |')
      for (const e of command.exitCodes) out.push(`| ${e.code} | ${cell(e.meaning)} |`)
      out.push('')
    }
  }
  out.push(
    '## Exit codes',
    '',
    '`0`: everything asked for was done. `1`: some rows failed, and every other output was written (the',
    'failures are in `manifest.json`). `2`: a usage or template error; nothing was rendered. `70`: an',
    'unexpected error, which is a bug: please report it with the message.',
    '',
  )
  return out.join('\n')
}
