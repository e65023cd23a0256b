import { rename, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { VitrineError, type MessageReport, type Template } from '@vitrine/core'
import { writeError } from './row-files.js'
import type { FailedOutput, RowLayoutEntry, WrittenOutput } from './row-renderer.js'
import type { ManifestLintEntry } from './lint-output.js'

/**
 * `<out>/manifest.json`: what a batch wrote and what failed. Outputs and failures are sorted
 * by feed row, then format and locale in the order they were asked for, so two runs of the same
 * batch give the same manifest whatever the concurrency (but for `startedAt` and `durationMs`).
 */
export interface BatchManifest {
  /** The template file, as the batch was given it. */
  template: string
  /** The data file, as the batch was given it. */
  data: string
  /** ISO 8601 time the batch started. */
  startedAt: string
  durationMs: number
  outputs: WrittenOutput[]
  failures: FailedOutput[]
  summary: { outputs: number; failures: number }
  /** Counts of the warnings below: text layers that overflowed or were truncated, missing translations. */
  warnings?: { overflow: number; truncated: number; missingTranslations: number }
  /** The layout report: every text layer that overflowed its box or was truncated, per output. */
  layout?: LayoutReportEntry[]
  /** Messages shown in the source language because no catalogue has them, per locale. */
  missingTranslations?: MissingTranslation[]
  /** Lint findings of every output (`--lint`, `--strict`): rule, severity, message, pointer, span, source, fix. */
  lint?: ManifestLintEntry[]
  /** Lint findings counted by severity. */
  lintSummary?: { errors: number; warnings: number; info: number }
  /**
   * Present when the batch was stopped: by `renderBatch`'s `signal` (Ctrl-C in the CLI), reason
   * `signal`; or by a full disk, reason `no-space` (the failures with code `output/no-space`
   * say which files could not be written). Lists the rows it did not render, in feed order.
   * Every output and failure above is complete.
   */
  interrupted?: { reason: 'signal' | 'no-space'; notRendered: { id: string; row: number }[] }
  /**
   * Present when the batch resumed an earlier one (`resume`): how many outputs it kept from it,
   * and how many it made again only because a picture, clip or audio file they were made from
   * changed since (another size or modification time).
   */
  /** The rows rendered, as `--rows` took them (`1-20,35`), when not every row was. */
  rows?: string
  resumed?: { kept: number; sourcesChanged: number }
}

/** One text layer that did not fit as designed in one output (row, format, locale). */
export interface LayoutReportEntry {
  id: string
  format: string
  locale: string
  /** The text layer's id. */
  layer: string
  /** JSON pointer of the layer in the template. */
  path: string
  /** `overflow`: does not fit even at its minimum size; `truncated`: lost lines to maxLines or its box (ellipsis). */
  status: 'overflow' | 'truncated'
  /** The size it was drawn at, and the size it was designed at, in output pixels. */
  fontSize: number
  requestedFontSize: number
}

/** A message with no translation for a locale: its source text was shown. */
export interface MissingTranslation {
  locale: string
  /** The message id (the text layer's id). */
  message: string
  /** JSON pointer of the source text in the template. */
  path: string
  /** The locale of the text shown instead. */
  shown: string
}

/** The layout report entries with each layer's JSON pointer. */
export function layoutReport(entries: readonly RowLayoutEntry[], template: Template): LayoutReportEntry[] {
  const pointers = new Map<string, string>()
  const walk = (layers: Template['layers'], path: string) =>
    layers.forEach((layer, i) => {
      pointers.set(layer.id, `${path}/${i}`)
      if (layer.type === 'group') walk(layer.children, `${path}/${i}/children`)
    })
  walk(template.layers, '/layers')
  return entries.map((e) => ({ id: e.id, format: e.format, locale: e.locale, layer: e.layer, path: pointers.get(e.layer) ?? '', status: e.status, fontSize: e.fontSize, requestedFontSize: e.requestedFontSize }))
}

/** Missing translations, one per locale and message, in the order of the locales asked for. */
export function missingTranslations(reports: readonly MessageReport[], locales: readonly string[]): MissingTranslation[] {
  const seen = new Map<string, MissingTranslation>()
  for (const r of reports) {
    const key = `${r.locale}\u0000${r.message}`
    if (!seen.has(key)) seen.set(key, { locale: r.locale, message: r.message, path: r.path, shown: r.from })
  }
  const rank = (locale: string) => (locales.indexOf(locale) + locales.length + 1) % (locales.length + 1)
  return [...seen.values()].sort((a, b) => rank(a.locale) - rank(b.locale) || a.path.localeCompare(b.path))
}

/** Sorts outputs and failures deterministically (see {@link BatchManifest}). */
export function sortManifestEntries<T extends { id: string; format: string; locale: string }>(
  entries: T[],
  rowOf: (entry: T) => number,
  formats: readonly string[],
  locales: readonly string[],
): T[] {
  const rank = (list: readonly string[], value: string) => {
    const i = list.indexOf(value)
    return i === -1 ? list.length : i
  }
  return [...entries].sort(
    (a, b) =>
      rowOf(a) - rowOf(b) ||
      compare(a.id, b.id) ||
      rank(formats, a.format) - rank(formats, b.format) ||
      rank(locales, a.locale) - rank(locales, b.locale) ||
      compare(a.format, b.format) ||
      compare(a.locale, b.locale),
  )
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

/**
 * Writes the manifest atomically: readers see the old file or the whole new one, never half.
 * When its disk is full, the manifest is written to the system's temporary folder instead, so
 * that the record of the files written is not lost, and the `output/no-space` error says where
 * it is and how to resume from it.
 */
export async function writeManifest(file: string, manifest: BatchManifest, spareFolder = tmpdir()): Promise<void> {
  const text = JSON.stringify(manifest, null, 2) + '\n'
  const temporary = `${file}.${process.pid}.tmp`
  try {
    await writeFile(temporary, text)
    await rename(temporary, file)
  } catch (error) {
    await rm(temporary, { force: true })
    const failure = writeError(file, error)
    if (failure.code !== 'output/no-space') throw failure
    const spare = join(spareFolder, `vitrine-manifest-${process.pid}-${Date.now()}.json`)
    try {
      await writeFile(spare, text)
    } catch {
      throw failure
    }
    throw new VitrineError('output/no-space', `${failure.message}. The manifest was written to ${spare} instead: free space, move it to ${file}, then run the same command with --resume to keep the files written and render the rest`, { cause: error })
  }
}
