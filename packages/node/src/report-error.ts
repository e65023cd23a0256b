import { VitrineError } from '@vitrine/core'
import type { CliIo } from './commands/cli-command.js'
import { EXIT_INTERNAL, EXIT_ROWS_FAILED, EXIT_USAGE, isInputError } from './exit-codes.js'

/** An error as the JSON the CLI prints with `--json`. */
export function errorJson(error: unknown): { code: string; message: string; path: string; issues?: { path: string; message: string; expected?: string; found?: string }[] } {
  if (error instanceof VitrineError) return { code: error.code, message: error.message, path: error.path, ...(error.issues.length > 0 ? { issues: error.issues } : {}) }
  return { code: 'internal', message: error instanceof Error ? error.message : String(error), path: '' }
}

/** Lines for people: the message, then each issue with its JSON pointer. */
export function errorLines(error: unknown): string[] {
  if (!(error instanceof VitrineError)) {
    return [`Unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`, 'This is a bug in Vitrine; please report it with the lines above.']
  }
  if (error.issues.length <= 1) return [`error ${error.code}: ${error.message}`]
  const lines = [`error ${error.code}: ${error.issues.length} problems:`]
  for (const issue of error.issues) {
    lines.push(`  ${issue.message.startsWith(issue.path) ? issue.message : `${issue.path || '(root)'}: ${issue.message}`}`)
  }
  return lines
}

/** Prints an error that stopped a command (on stderr, or as JSON on stdout) and returns the exit code. */
export function reportError(io: CliIo, error: unknown, json: boolean): number {
  // A full disk is not a bug: what was written is whole, and --resume renders the rest.
  const noSpace = error instanceof VitrineError && error.code === 'output/no-space'
  const exitCode = isInputError(error) ? EXIT_USAGE : noSpace ? EXIT_ROWS_FAILED : EXIT_INTERNAL
  if (json) io.stdout.write(JSON.stringify({ ok: false, exitCode, error: errorJson(error) }, null, 2) + '\n')
  else io.stderr.write(errorLines(error).join('\n') + '\n')
  return exitCode
}
