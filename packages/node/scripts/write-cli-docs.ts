// Writes docs/cli.md from the CLI's command and option descriptors.
// Run: node --import tsx packages/node/scripts/write-cli-docs.ts
// test/cli-docs.test.ts fails when the committed file differs from what this writes.
import { writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { cliDocs } from '../src/cli-docs.js'
import { cliCommands } from '../src/commands/cli-commands.js'

const target = fileURLToPath(new URL('../../../docs/cli.md', import.meta.url))
writeFileSync(target, cliDocs(cliCommands))
console.log(`wrote ${target}`)
