import { isAbsolute, relative } from 'node:path'
import type { VideoCodec } from '@vitrine/core'
import { codecOption } from '../options/codec-option.js'
import { posterOption } from '../options/poster-option.js'
import type { OutputType } from '../video/output-type.js'
import { EXIT_OK, EXIT_ROWS_FAILED } from '../exit-codes.js'
import { concurrencyOption } from '../options/concurrency-option.js'
import { encoderThreadsOption } from '../options/encoder-threads-option.js'
import { dataOption } from '../options/data-option.js'
import { formatOption } from '../options/format-option.js'
import { helpOption } from '../options/help-option.js'
import { idColumnOption } from '../options/id-column-option.js'
import { rowsOption } from '../options/rows-option.js'
import { jsonOption } from '../options/json-option.js'
import { lintOption } from '../options/lint-option.js'
import { strictOption } from '../options/strict-option.js'
import { localeOption } from '../options/locale-option.js'
import { marketOption } from '../options/market-option.js'
import { catalogOption } from '../options/catalog-option.js'
import { modelOption } from '../options/model-option.js'
import { outOption } from '../options/out-option.js'
import { resumeOption } from '../options/resume-option.js'
import { qualityOption } from '../options/quality-option.js'
import { typeOption } from '../options/type-option.js'
import { createProgressReporter, formatDuration } from '../progress-reporter.js'
import { renderBatch } from '../render-batch.js'
import { reportError } from '../report-error.js'
import { signalExitCode, signalName, stopOnSignals } from '../stop-on-signals.js'
import type { RowRange } from '../row-selection.js'
import type { CliCommand } from './cli-command.js'
import type { BatchManifest } from '../write-manifest.js'

/** A path relative to the working folder when it is inside it, else absolute. */
function shortPath(path: string): string {
  const rel = relative(process.cwd(), path)
  return rel === '' ? '.' : rel.startsWith('..') || isAbsolute(rel) ? path : rel
}

/** The layout report and missing translations, in a few lines; the manifest has them all. */
function writeWarnings(stderr: NodeJS.WritableStream, manifest: BatchManifest, manifestFile: string): void {
  const layout = manifest.layout ?? []
  if (layout.length > 0) {
    const layers = new Map<string, Set<string>>()
    for (const l of layout) {
      const key = `${l.id}: ${l.layer} ${l.status}`
      layers.set(key, (layers.get(key) ?? new Set()).add(`${l.format}.${l.locale}`))
    }
    stderr.write(`${layout.length} text layer${layout.length === 1 ? '' : 's'} did not fit (layout report in ${manifestFile}):\n`)
    for (const [key, outputs] of [...layers].slice(0, SHOWN_FAILURES)) stderr.write(`  ${key} in ${[...outputs].slice(0, 6).join(', ')}${outputs.size > 6 ? ` and ${outputs.size - 6} more` : ''}\n`)
  }
  const missing = manifest.missingTranslations ?? []
  if (missing.length > 0) {
    const byLocale = new Map<string, string[]>()
    for (const m of missing) byLocale.set(m.locale, [...(byLocale.get(m.locale) ?? []), m.message])
    stderr.write(`Missing translations (the source text was shown):\n`)
    for (const [locale, ids] of byLocale) stderr.write(`  ${locale}: ${ids.join(', ')}\n`)
  }
}

/** Failures listed on the terminal; the manifest has them all. */
const SHOWN_FAILURES = 20

/** `vitrine render`: a template × a feed × formats × locales → image files and a manifest. */
export const renderCommand: CliCommand = {
  name: 'render',
  summary: 'Render a template for every row of a feed, in every format and locale',
  description:
    'Binds each row of the feed to the template and writes one image per row, format and locale to ' +
    '`<out>/<id>/<format>.<locale>.<ext>`, then `<out>/manifest.json` listing every file (size, bytes, sha256) ' +
    'and every failure (code, message, JSON pointer). A row that fails (a missing value, a wrong type, a ' +
    'missing or corrupt picture) fails alone: all the other rows are still written. Rows render in ' +
    'parallel on worker threads.',
  positionals: [{ name: 'template.json', description: 'The template file.', required: true }],
  options: [
    { option: dataOption, required: true },
    { option: formatOption, required: true },
    { option: outOption, required: true },
    { option: localeOption },
    { option: marketOption },
    { option: catalogOption },
    { option: typeOption },
    { option: qualityOption },
    { option: codecOption },
    { option: posterOption },
    { option: encoderThreadsOption },
    { option: resumeOption },
    { option: concurrencyOption },
    { option: idColumnOption },
    { option: rowsOption },
    { option: modelOption },
    { option: lintOption },
    { option: strictOption },
    { option: jsonOption },
    { option: helpOption },
  ],
  examples: [
    {
      command: 'vitrine render examples/product-card.json --data examples/products.csv --format instagram-square,instagram-story,facebook-link --out out',
      description: 'Three formats for every product, as PNG.',
    },
    {
      command: 'vitrine render card.json --data feed.json --format 1200x628 --locale en-US,de-DE --type jpeg --quality 85 --out out --json',
      description: 'A custom size in two languages as JPEG, with a JSON summary for scripts.',
    },
    {
      command: 'vitrine render examples/product-card.json --data examples/products.csv --format instagram-square,tiktok --out out --resume',
      description: 'After Ctrl-C, failed rows or a feed grown by new rows: keep what is already written from the same inputs and render the rest.',
    },
    {
      command: 'vitrine render examples/product-video.json --data examples/products.csv --format instagram-story,youtube-thumbnail --type mp4 --poster --out out',
      description: "A video ad per product from the template's timeline, as MP4 (H.264 + AAC), with a poster frame beside each.",
    },
  ],
  exitCodes: [
    { code: 0, meaning: 'every output was written' },
    { code: 1, meaning: 'some rows failed (listed in the manifest); all the others were written. Also when the disk is full: the batch stops there, and the manifest lists the rows not rendered under "interrupted"' },
    { code: 2, meaning: 'a usage or template error (unknown option or format, invalid template, unreadable file): nothing was rendered' },
    { code: 130, meaning: 'stopped by Ctrl-C (143: by SIGTERM): the rows being rendered were finished, and the manifest lists every file written and, under "interrupted", the rows not rendered; a second Ctrl-C quits at once' },
  ],
  async run({ positionals, options, io }) {
    const json = options.json === true
    const progress = createProgressReporter(io, json ? 'silent' : 'auto')
    // Ctrl-C (or SIGTERM) stops the batch without losing what is done: the rows rendering
    // finish, and the manifest lists every file written and the rows left out.
    const controller = new AbortController()
    const signals = stopOnSignals((signal) => {
      controller.abort()
      const name = signalName(signal)
      if (!json) io.stderr.write(`${io.stderrIsTty ? '\n' : ''}${name}: stopping; the rows being rendered will finish and the manifest will list what was written (${name} again to quit at once)\n`)
    })
    let result: Awaited<ReturnType<typeof renderBatch>>
    try {
      result = await renderBatch({
        template: positionals[0]!,
        data: options.data as string,
        formats: options.format as string[],
        locales: options.locale as string[] | undefined,
        markets: options.market as string[] | undefined,
        catalogs: options.catalog as string[] | undefined,
        out: options.out as string,
        type: options.type as OutputType,
        quality: options.quality as number,
        video: {
          codec: options.codec as VideoCodec | undefined,
          poster: options.poster === true,
          ...(options['encoder-threads'] === undefined ? {} : { encoderThreads: options['encoder-threads'] as number }),
        },
        concurrency: options.concurrency as number,
        idColumn: options['id-column'] as string | undefined,
        rows: options.rows as RowRange[] | undefined,
        onProgress: (p) => progress.update(p),
        signal: controller.signal,
        resume: options.resume === true,
        model: options.model as string | undefined,
        lint: options.lint === true || options.strict === true ? { strict: options.strict === true } : undefined,
      })
    } catch (error) {
      progress.finish()
      return reportError(io, error, json)
    } finally {
      signals.dispose()
    }
    progress.finish()
    const { manifest } = result
    const notRendered = manifest.interrupted?.notRendered.length ?? 0
    const kept = manifest.resumed?.kept ?? 0
    // Outputs made by this run (a resumed batch keeps some from the run before).
    const made = manifest.outputs.length - kept
    // A full disk stops the batch too, with its failures: exit 1, as for any failed row.
    const noSpace = manifest.interrupted?.reason === 'no-space'
    const exitCode = notRendered > 0 && !noSpace ? signalExitCode(signals.signal ?? 'SIGINT') : manifest.failures.length > 0 ? EXIT_ROWS_FAILED : EXIT_OK
    const out = shortPath(result.outDir)
    const manifestFile = shortPath(result.manifestPath)
    const seconds = manifest.durationMs / 1000
    if (json) {
      io.stdout.write(
        JSON.stringify(
          {
            ok: exitCode === EXIT_OK,
            exitCode,
            out,
            manifest: manifestFile,
            summary: manifest.summary,
            durationMs: manifest.durationMs,
            rate: seconds > 0 ? Number((made / seconds).toFixed(2)) : 0,
            concurrency: result.concurrency,
            failures: manifest.failures,
            warnings: manifest.warnings,
            layout: manifest.layout ?? [],
            missingTranslations: manifest.missingTranslations ?? [],
            ...(manifest.lintSummary ? { lint: manifest.lintSummary } : {}),
            ...(notRendered > 0 ? { interrupted: { reason: manifest.interrupted!.reason, notRendered } } : {}),
            ...(manifest.resumed ? { resumed: manifest.resumed } : {}),
          },
          null,
          2,
        ) + '\n',
      )
      return exitCode
    }
    const rate = seconds > 0 && made > 0 ? ` (${(made / seconds).toFixed(1)}/s)` : ''
    const noun = ['mp4', 'webm', 'gif'].includes(options.type as string) ? 'video' : 'image'
    const plural = (n: number) => `${n} ${noun}${n === 1 ? '' : 's'}`
    const changed = manifest.resumed?.sourcesChanged ?? 0
    const changedText = changed > 0 ? ` (${plural(changed)} made again because a file ${changed === 1 ? 'it uses' : 'they use'} changed)` : ''
    const keptText = manifest.resumed ? `, kept ${plural(kept)} from the run before${changedText}` : ''
    io.stdout.write(`Wrote ${plural(made)} to ${out} in ${formatDuration(manifest.durationMs)}${rate}${keptText}; manifest: ${manifestFile}\n`)
    const rowsLeft = `${notRendered} row${notRendered === 1 ? ' was' : 's were'} not rendered (listed under "interrupted" in ${manifestFile})`
    if (noSpace) io.stderr.write(`Stopped: the disk of ${out} is full. ${rowsLeft}; free space, then the same command with --resume renders them and the files that did not fit\n`)
    else if (notRendered > 0) io.stderr.write(`Interrupted: ${rowsLeft}; the same command with --resume renders them\n`)
    writeWarnings(io.stderr, manifest, manifestFile)
    if (manifest.lintSummary) {
      const l = manifest.lintSummary
      io.stderr.write(`Lint: ${l.errors} error${l.errors === 1 ? '' : 's'}, ${l.warnings} warning${l.warnings === 1 ? '' : 's'}, ${l.info} info (listed in ${manifestFile})\n`)
    }
    if (manifest.failures.length > 0) {
      // One line per row and reason: a row that does not bind fails the same way in every format.
      const groups = new Map<string, { head: string; outputs: string[] }>()
      for (const f of manifest.failures) {
        const where = f.error.path && !f.error.message.includes(f.error.path) ? ` (at ${f.error.path})` : ''
        const key = `${f.id}\u0000${f.error.code}\u0000${f.error.message}`
        const group = groups.get(key) ?? { head: `${f.id}: ${f.error.code}: ${f.error.message}${where}`, outputs: [] }
        group.outputs.push(`${f.format}.${f.locale}`)
        groups.set(key, group)
      }
      io.stderr.write(`${manifest.failures.length} output${manifest.failures.length === 1 ? '' : 's'} failed:\n`)
      const list = [...groups.values()]
      for (const group of list.slice(0, SHOWN_FAILURES)) io.stderr.write(`  ${group.head} [${group.outputs.join(', ')}]\n`)
      if (list.length > SHOWN_FAILURES) io.stderr.write(`  ... and ${list.length - SHOWN_FAILURES} more in ${manifestFile}\n`)
    }
    return exitCode
  },
}
