import { createRequire } from 'node:module'
import { isAbsolute, relative } from 'node:path'
import { VitrineError, diagnosticsToSarif, type UiLanguage } from '@vitrine/core'
import { EXIT_INTERNAL, EXIT_OK, EXIT_USAGE } from '../exit-codes.js'
import { lintBatch, type LintBatchDiagnostic } from '../lint-batch.js'
import { dataOption } from '../options/data-option.js'
import { formatOption } from '../options/format-option.js'
import { helpOption } from '../options/help-option.js'
import { idColumnOption } from '../options/id-column-option.js'
import { rowsOption } from '../options/rows-option.js'
import { jsonOption } from '../options/json-option.js'
import { lintConcurrencyOption } from '../options/lint-concurrency-option.js'
import { marketOption } from '../options/market-option.js'
import { platformOption } from '../options/platform-option.js'
import { rulesOption } from '../options/rules-option.js'
import { safeZoneOption } from '../options/safe-zone-option.js'
import { sarifOption } from '../options/sarif-option.js'
import { textOnlyOption } from '../options/text-only-option.js'
import { uiLanguageOption } from '../options/ui-language-option.js'
import { createProgressReporter } from '../progress-reporter.js'
import { errorJson, errorLines } from '../report-error.js'
import { signalExitCode, signalName, stopOnSignals } from '../stop-on-signals.js'
import type { RowRange } from '../row-selection.js'
import type { CliCommand } from './cli-command.js'

/** Findings of one ad: exit code 1. */
export const EXIT_LINT_ERRORS = 1

/** The fields of one diagnostic in `--json`, in this order. */
export function diagnosticJson(d: LintBatchDiagnostic): Record<string, unknown> {
  return {
    id: d.id,
    market: d.market,
    platform: d.platform,
    format: d.format,
    rule: d.rule,
    severity: d.severity,
    message: d.message,
    path: d.path,
    span: d.span ?? null,
    source: d.source,
    fix: d.fix,
    ...(d.excerpt !== undefined ? { excerpt: d.excerpt } : {}),
    ...(d.data !== undefined ? { data: d.data } : {}),
  }
}

const isLintInputError = (error: unknown) =>
  error instanceof VitrineError && (error.code === 'usage' || error.code.startsWith('template/') || error.code.startsWith('lint/') || error.code === 'format/unknown' || error.code === 'data/invalid' || error.code === 'market/unknown')

function version(): string {
  try {
    return (createRequire(import.meta.url)('@vitrine/node/package.json') as { version: string }).version
  } catch {
    return '0.0.0'
  }
}

/** `vitrine lint`: every ad of a template × feed checked against markets' laws and platforms' rules. */
export const lintCommand: CliCommand = {
  name: 'lint',
  summary: "Check every ad against its market's law and its platform's rules",
  description:
    'Binds each row of the feed to the template and checks every row × market × platform × format: absolute and ' +
    'superiority claims, test seals, price reductions against the feed’s price history, green and health claims, ' +
    'language rules, alcohol and pork in the Gulf, text in platform safe zones, marketplace main-image rules and text ' +
    'contrast measured on the render. Each finding names the rule, its severity, the JSON pointer of the layer, the ' +
    'character span in the resolved text, the law or policy and a fix. Rules are data (docs/lint.md); add your own with --rules.',
  positionals: [{ name: 'template.json', description: 'The template file.', required: true }],
  options: [
    { option: marketOption, required: true },
    { option: dataOption },
    { option: platformOption },
    { option: formatOption },
    { option: rulesOption },
    { option: safeZoneOption },
    { option: textOnlyOption },
    { option: uiLanguageOption },
    { option: idColumnOption },
    { option: rowsOption },
    { option: lintConcurrencyOption },
    { option: jsonOption },
    { option: sarifOption },
    { option: helpOption },
  ],
  examples: [
    {
      command: 'vitrine lint examples/product-card.json --data examples/risky-products.csv --market zh-CN,de-DE,fr-FR --platform tiktok --json',
      description: 'Risky titles in three markets on TikTok, as JSON.',
    },
    { command: 'vitrine lint card.json --data feed.csv --market en-US --platform amazon --sarif > lint.sarif', description: 'Amazon main-image and US rules, as SARIF for code review.' },
  ],
  exitCodes: [
    { code: 0, meaning: 'no finding of severity error (warnings and info may be printed)' },
    { code: 1, meaning: 'at least one error' },
    { code: 2, meaning: 'a usage, template or rule-pack error: nothing was checked' },
    { code: 130, meaning: 'stopped by Ctrl-C (143 by SIGTERM): the findings of the rows checked are printed, and the rows left out are named' },
  ],
  async run({ positionals, options, io }) {
    const json = options.json === true
    const sarif = options.sarif === true
    if (json && sarif) {
      io.stderr.write('error usage: give --json or --sarif, not both. Run "vitrine lint --help" for its options.\n')
      return EXIT_USAGE
    }
    const progress = createProgressReporter(io, json || sarif ? 'silent' : 'auto', { verb: 'checked', failures: (n) => `${n} error${n === 1 ? '' : 's'}` })
    // Ctrl-C (or SIGTERM) stops the check: the rows being checked finish, and their findings
    // are printed with the rows left out.
    const controller = new AbortController()
    const signals = stopOnSignals((signal) => {
      controller.abort()
      const name = signalName(signal)
      io.stderr.write(`${io.stderrIsTty ? '\n' : ''}${name}: stopping; the rows being checked will finish and their findings will be printed (${name} again to quit at once)\n`)
    })
    let result: Awaited<ReturnType<typeof lintBatch>>
    try {
      result = await lintBatch({
        template: positionals[0]!,
        data: options.data as string | undefined,
        markets: options.market as string[],
        platforms: options.platform as string[] | undefined,
        formats: options.format as string[] | undefined,
        rules: options.rules as string[],
        safeZone: options['safe-zone'] as string,
        textOnly: options['text-only'] === true,
        language: options['ui-language'] as UiLanguage,
        idColumn: options['id-column'] as string | undefined,
        rows: options.rows as RowRange[] | undefined,
        concurrency: options.concurrency as number | undefined,
        onProgress: (p) => progress.update(p),
        signal: controller.signal,
      })
    } catch (error) {
      progress.finish()
      const exitCode = isLintInputError(error) ? EXIT_USAGE : EXIT_INTERNAL
      if (json || sarif) io.stdout.write(JSON.stringify({ ok: false, exitCode, error: errorJson(error) }, null, 2) + '\n')
      else io.stderr.write(errorLines(error).join('\n') + '\n')
      return exitCode
    } finally {
      signals.dispose()
    }
    progress.finish()
    const { notChecked } = result
    const interrupted = notChecked.length > 0
    const notCheckedText = interrupted
      ? `Interrupted: ${notChecked.length} row${notChecked.length === 1 ? ' was' : 's were'} not checked (${notChecked.slice(0, 5).map((r) => r.id).join(', ')}${notChecked.length > 5 ? ', …' : ''})`
      : ''
    const { diagnostics } = result
    const errors = diagnostics.filter((d) => d.severity === 'error').length
    const exitCode = interrupted ? signalExitCode(signals.signal ?? 'SIGINT') : errors > 0 ? EXIT_LINT_ERRORS : EXIT_OK
    if (json) {
      io.stdout.write(JSON.stringify({ diagnostics: diagnostics.map(diagnosticJson), ...(interrupted ? { interrupted: { notChecked } } : {}) }, null, 2) + '\n')
      return exitCode
    }
    if (sarif) {
      // A partial SARIF log would mark the findings of the rows left out as fixed: none is written.
      if (interrupted) {
        io.stderr.write(`${notCheckedText}; no SARIF was written, as it would leave their findings out\n`)
        return exitCode
      }
      const rel = relative(process.cwd(), positionals[0]!)
      const templateUri = (rel.startsWith('..') || isAbsolute(rel) ? positionals[0]! : rel).split('\\').join('/')
      io.stdout.write(JSON.stringify(diagnosticsToSarif(diagnostics, { templateUri, version: version(), rules: result.rules }), null, 2) + '\n')
      return exitCode
    }
    let lastAd = ''
    for (const d of diagnostics) {
      const ad = `${d.id} · ${d.market}${d.platform ? ` · ${d.platform}` : ''} · ${d.format}`
      if (ad !== lastAd) io.stdout.write(`${ad}\n`)
      lastAd = ad
      const span = d.span ? ` [${d.span.start},${d.span.end}]` : ''
      io.stdout.write(`  ${d.severity.padEnd(5)} ${d.rule.padEnd(16)} ${d.path || '/'}${span}  ${d.message}\n`)
      io.stdout.write(`        fix: ${d.fix}\n        source: ${d.source}\n`)
    }
    const warnings = diagnostics.filter((d) => d.severity === 'warn').length
    const infos = diagnostics.length - errors - warnings
    io.stdout.write(`${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}, ${infos} info in ${result.ads} ad${result.ads === 1 ? '' : 's'} (${result.concurrency === 1 ? 'main thread' : `${result.concurrency} worker threads`})\n`)
    if (interrupted) io.stderr.write(`${notCheckedText}\n`)
    return exitCode
  },
}
