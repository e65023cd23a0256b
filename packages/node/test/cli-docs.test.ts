import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { test } from 'node:test'
import { cliDocs } from '../src/cli-docs.js'
import { formatCommandHelp } from '../src/cli-help.js'
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
