import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { test } from 'node:test'
import { cliDocs } from '../src/cli-docs.js'
import { flagText, formatCommandHelp } from '../src/cli-help.js'
import { cliCommands } from '../src/commands/cli-commands.js'

test('docs/cli.md is what the option descriptors say (run packages/node/scripts/write-cli-docs.ts)', () => {
  const committed = readFileSync(new URL('../../../docs/cli.md', import.meta.url), 'utf8')
  assert.equal(committed, cliDocs(cliCommands), 'docs/cli.md is stale: run `node --import tsx packages/node/scripts/write-cli-docs.ts`')
})

test('every option of every command is in its --help and in the docs', () => {
  const docs = cliDocs(cliCommands)
  for (const command of cliCommands) {
    const help = formatCommandHelp(command)
    for (const { option } of command.options) {
      assert.ok(help.includes(`--${option.name}`), `vitrine ${command.name} --help lists --${option.name}`)
      assert.ok(docs.includes(`--${option.name}`), `docs list --${option.name}`)
      assert.ok(help.includes(option.description.split(' ').slice(0, 3).join(' ')), `help carries the descriptor's description of --${option.name}`)
    }
  }
})

test('--help fits 80 columns, and a flag too wide for its column gets its text on the next line', () => {
  for (const command of cliCommands) {
    const help = formatCommandHelp(command)
    for (const line of help.split('\n')) {
      // The usage line and the examples' commands are printed whole, to be copied.
      if (line.startsWith('  $ ') || line.startsWith('Usage: ')) continue
      assert.ok(line.length <= 80, `vitrine ${command.name} --help: a line of ${line.length} characters: ${line}`)
    }
    for (const { option } of command.options) {
      const flag = flagText(option)
      const line = help.split('\n').find((l) => l.startsWith(`  ${flag}`))
      assert.ok(line, `vitrine ${command.name} --help has a line for ${flag}`)
      const after = line.slice(2 + flag.length)
      // Two spaces or the end of the line after the flag, never its description glued on.
      assert.ok(after === '' || after.startsWith('  '), `vitrine ${command.name} --help: --${option.name} runs into its text: ${line}`)
    }
  }
})
