import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

/**
 * The leading comment of a bench script (a `/** ... *\/` block or `//` lines after the shebang),
 * without its comment marks: what the script measures and its options.
 */
export function scriptDescription(scriptUrl) {
  const lines = readFileSync(fileURLToPath(scriptUrl), 'utf8').split('\n')
  let i = lines[0]?.startsWith('#!') ? 1 : 0
  const out = []
  if (lines[i]?.trim().startsWith('/**')) {
    for (i++; i < lines.length && !lines[i].trim().startsWith('*/'); i++) out.push(lines[i].replace(/^\s*\* ?/, ''))
  } else {
    for (; i < lines.length && lines[i].startsWith('//'); i++) out.push(lines[i].replace(/^\/\/ ?/, ''))
  }
  return out.join('\n').trim()
}

/** With `--help` or `-h` among the arguments, prints the script's description and exits. */
export function exitWithHelpIfAsked(scriptUrl, argv = process.argv.slice(2)) {
  if (!argv.includes('--help') && !argv.includes('-h')) return
  console.log(scriptDescription(scriptUrl))
  process.exit(0)
}
