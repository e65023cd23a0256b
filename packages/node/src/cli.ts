#!/usr/bin/env node
// The `vitrine` command. Everything it does is in run-cli.ts and commands/; this file only
// connects it to the process.
import './allocator-settings.js'
import { createRequire } from 'node:module'
import { VIDEO_GC_FLAG, relaunchForVideo, relaunchWith } from './video-gc.js'

const { version } = createRequire(import.meta.url)('../package.json') as { version: string }

// `vitrine formats | head`: a reader that stops early is not an error of ours.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error
  process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0)
})

if (relaunchForVideo(process.argv.slice(2), process.execArgv, process.env)) {
  // Videos render with V8's collector on one thread, which V8 takes only at start-up.
  process.exitCode = await relaunchWith([VIDEO_GC_FLAG])
} else {
  // Loaded here, so that a process that only relaunches does not load the renderer.
  const { runCli } = await import('./run-cli.js')
  process.exitCode = await runCli(
    process.argv.slice(2),
    { stdout: process.stdout, stderr: process.stderr, stderrIsTty: process.stderr.isTTY === true, columns: process.stderr.columns },
    version,
  )
}
