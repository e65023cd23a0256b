#!/usr/bin/env node
// The `vitrine` command. Everything it does is in run-cli.ts and commands/; this file only
// connects it to the process.
import './allocator-settings.js'
import { createRequire } from 'node:module'
import { runCli } from './run-cli.js'

const { version } = createRequire(import.meta.url)('../package.json') as { version: string }

process.exitCode = await runCli(
  process.argv.slice(2),
  { stdout: process.stdout, stderr: process.stderr, stderrIsTty: process.stderr.isTTY === true, columns: process.stderr.columns },
  version,
)
