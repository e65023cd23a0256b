import { VitrineError, parseTemplate } from '@vitrine/core'
import { STDIN_DATA, readInput } from '../batch-input.js'
import { checkFeed, type FeedCheck } from '../check-feed.js'
import { EXIT_OK, EXIT_ROWS_FAILED } from '../exit-codes.js'
import { dataOption } from '../options/data-option.js'
import { helpOption } from '../options/help-option.js'
import { idColumnOption } from '../options/id-column-option.js'
import { rowsOption } from '../options/rows-option.js'
import { jsonOption } from '../options/json-option.js'
import { remoteOption } from '../options/remote-option.js'
import { createProgressReporter } from '../progress-reporter.js'
import { errorLines, reportError } from '../report-error.js'
import { signalExitCode, signalName, stopOnSignals } from '../stop-on-signals.js'
import type { RowRange } from '../row-selection.js'
import type { CliCommand, CliIo } from './cli-command.js'

/** `vitrine validate`: checks a template and lists its problems with JSON pointers. */
export const validateCommand: CliCommand = {
  name: 'validate',
  summary: 'Check a template, and a feed against it, listing problems with their JSON pointers',
  description:
    'Reads the template, migrates it to the current schema version and validates it: layer types, ' +
    'properties, variables, bindings and messages. With --data, also checks every row of the feed ' +
    'without rendering: values bind to the variables (required, types), ids are unique, every ' +
    'local picture a row names can be read and decoded and every video clip opened, within the ' +
    'limits of a render. ' +
    'Each problem is printed with its row, the JSON pointer of the offending field, what was expected ' +
    'and what was found; then the columns no variable reads, with the variable each may have meant.',
  positionals: [{ name: 'template.json', description: 'The template file.', required: true }],
  options: [{ option: dataOption }, { option: idColumnOption }, { option: rowsOption }, { option: remoteOption }, { option: jsonOption }, { option: helpOption }],
  examples: [
    { command: 'vitrine validate examples/product-card.json', description: 'Prints "valid", or each problem.' },
    { command: 'vitrine validate card.json --json', description: '{"valid": false, "errors": [{"path": "/layers/2/type", ...}]} for scripts and editors.' },
    {
      command: 'vitrine validate examples/product-card.json --data examples/bad-products.csv',
      description: 'Checks a feed before a long render: each row that would fail, and why (a wrong price, a missing picture), in a second or so for thousands of rows.',
    },
  ],
  exitCodes: [
    { code: 0, meaning: 'the template is valid (and, with --data, every row is ready to render)' },
    { code: 1, meaning: 'with --data: some rows have problems (each is listed)' },
    { code: 2, meaning: 'the template is invalid, or a file cannot be read' },
    { code: 130, meaning: 'stopped by Ctrl-C (143: by SIGTERM): the problems of the rows checked are printed, and the rows left out named' },
  ],
  async run({ positionals, options, io }) {
    const json = options.json === true
    const file = positionals[0]!
    try {
      const text = new TextDecoder().decode(await readInput(file, 'template'))
      const template = parseTemplate(text.replace(/^\uFEFF/, ''))
      const data = options.data as string | undefined
      const check = data === undefined ? undefined : await checkData(file, data, options, io, json)
      if (json) {
        const report = { valid: true, file, schemaVersion: template.schemaVersion, errors: [], ...(check ? { data: dataJson(check.result) } : {}) }
        io.stdout.write(JSON.stringify(report, null, 2) + '\n')
      } else {
        io.stdout.write(`${file}: valid (schema version ${template.schemaVersion}, ${Object.keys(template.variables).length} variables, ${template.layers.length} layers)\n`)
        if (check) printCheck(check.result, io)
      }
      if (!check) return EXIT_OK
      if (check.result.notChecked.length > 0) return signalExitCode(check.signal ?? 'SIGINT')
      return check.result.failed > 0 ? EXIT_ROWS_FAILED : EXIT_OK
    } catch (error) {
      if (error instanceof VitrineError && error.code.startsWith('template/')) {
        const errors = error.issues.length > 0 ? error.issues : [{ path: error.path, message: error.message }]
        if (json) {
          io.stdout.write(JSON.stringify({ valid: false, file, code: error.code, errors }, null, 2) + '\n')
          return 2
        }
        io.stderr.write(`${file}: invalid\n${errorLines(error).join('\n')}\n`)
        return 2
      }
      return reportError(io, error, json)
    }
  },
}

/** Checks the feed, with progress on stderr, stopping at the first Ctrl-C. */
async function checkData(template: string, data: string, options: Record<string, unknown>, io: CliIo, json: boolean): Promise<{ result: FeedCheck; signal?: NodeJS.Signals }> {
  const progress = createProgressReporter(io, json ? 'silent' : 'auto', { verb: 'checked', failures: (n) => `${n} with problems` })
  const controller = new AbortController()
  const signals = stopOnSignals((signal) => {
    controller.abort()
    const name = signalName(signal)
    io.stderr.write(`${io.stderrIsTty ? '\n' : ''}${name}: stopping; the rows being checked will finish and their problems will be printed (${name} again to quit at once)\n`)
  })
  try {
    const result = await checkFeed({
      template,
      data,
      idColumn: options['id-column'] as string | undefined,
      rows: options.rows as RowRange[] | undefined,
      remote: options.remote === true,
      onProgress: (p) => progress.update(p),
      signal: controller.signal,
    })
    return { result, signal: signals.signal }
  } finally {
    progress.finish()
    signals.dispose()
  }
}

function dataJson(check: FeedCheck): Record<string, unknown> {
  const { template: _template, notChecked, ...rest } = check
  return { ...rest, ...(notChecked.length > 0 ? { interrupted: { notChecked } } : {}) }
}

function printCheck(check: FeedCheck, io: CliIo): void {
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`
  const { files } = check
  const remote = files.remote > 0 ? `, ${plural(files.remote, 'remote file')} not fetched (--remote fetches them)` : ''
  const unreadable = files.failed > 0 ? ` (${files.failed} could not be)` : ''
  io.stdout.write(
    `${check.data === STDIN_DATA ? 'standard input' : check.data}: ${plural(check.rows, 'row')}, ${check.ready} ready to render, ${check.failed} with problems; ${plural(files.checked, 'file')} read${unreadable}${remote}\n`,
  )
  for (const p of check.problems) io.stdout.write(`  ${p.code.padEnd(22)} ${p.message}\n`)
  if (check.unusedColumns.length > 0) {
    const columns = check.unusedColumns.map((c) => `"${c.column}"${c.didYouMean ? ` (did you mean "${c.didYouMean}"?)` : ''}`)
    const them = check.unusedColumns.length === 1 ? 'the column' : 'the columns'
    io.stdout.write(`note: the template has no variable for ${them} ${columns.join(', ')}; a render does not use ${check.unusedColumns.length === 1 ? 'it' : 'them'}\n`)
  }
  if (check.notChecked.length > 0) {
    const ids = check.notChecked.slice(0, 5).map((r) => r.id).join(', ')
    io.stderr.write(`Interrupted: ${plural(check.notChecked.length, 'row')} not checked (${ids}${check.notChecked.length > 5 ? ', …' : ''})\n`)
  }
}
