import { readFile } from 'node:fs/promises'
import { VitrineError, parseTemplate } from '@vitrine/core'
import { EXIT_OK } from '../exit-codes.js'
import { helpOption } from '../options/help-option.js'
import { jsonOption } from '../options/json-option.js'
import { errorLines, reportError } from '../report-error.js'
import type { CliCommand } from './cli-command.js'

/** `vitrine validate`: checks a template and lists its problems with JSON pointers. */
export const validateCommand: CliCommand = {
  name: 'validate',
  summary: 'Check a template and list its problems with their JSON pointers',
  description:
    'Reads the template, migrates it to the current schema version and validates it: layer types, ' +
    'properties, variables, bindings and messages. Each problem is printed with the JSON pointer of ' +
    'the offending field, what was expected and what was found.',
  positionals: [{ name: 'template.json', description: 'The template file.', required: true }],
  options: [{ option: jsonOption }, { option: helpOption }],
  examples: [
    { command: 'vitrine validate examples/product-card.json', description: 'Prints "valid", or each problem.' },
    { command: 'vitrine validate card.json --json', description: '{"valid": false, "errors": [{"path": "/layers/2/type", ...}]} for scripts and editors.' },
  ],
  exitCodes: [
    { code: 0, meaning: 'the template is valid' },
    { code: 2, meaning: 'the template is invalid or cannot be read' },
  ],
  async run({ positionals, options, io }) {
    const json = options.json === true
    const file = positionals[0]!
    try {
      let text: string
      try {
        text = await readFile(file, 'utf8')
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code
        const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder, expected a file' : (error as Error).message
        throw new VitrineError('usage', `Cannot read the template ${file}: ${why}`, { cause: error })
      }
      const template = parseTemplate(text.replace(/^\uFEFF/, ''))
      if (json) {
        io.stdout.write(JSON.stringify({ valid: true, file, schemaVersion: template.schemaVersion, errors: [] }, null, 2) + '\n')
      } else {
        io.stdout.write(`${file}: valid (schema version ${template.schemaVersion}, ${Object.keys(template.variables).length} variables, ${template.layers.length} layers)\n`)
      }
      return EXIT_OK
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
