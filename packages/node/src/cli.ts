#!/usr/bin/env node
// The `vitrine` command. Everything it does is in run-cli.ts and commands/; this file only
// connects it to the process.
import './allocator-settings.js'
import { createRequire } from 'node:module'
import { runCli } from './run-cli.js'
import { VIDEO_GC_FLAG, relaunchForVideo, relaunchWith } from './video-gc.js'

const { version } = createRequire(import.meta.url)('../package.json') as { version: string }

if (relaunchForVideo(process.argv.slice(2), process.execArgv, process.env)) {
  // Videos render with V8's collector on one thread, which V8 takes only at start-up.
  process.exitCode = await relaunchWith([VIDEO_GC_FLAG])
} else {
  process.exitCode = await runCli(
    process.argv.slice(2),
    { stdout: process.stdout, stderr: process.stderr, stderrIsTty: process.stderr.isTTY === true, columns: process.stderr.columns },
    version,
  )
}
