import { rename, rm, writeFile } from 'node:fs/promises'
import type { FailedOutput, WrittenOutput } from './row-renderer.js'

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

/** Writes the manifest atomically: readers see the old file or the whole new one, never half. */
export async function writeManifest(file: string, manifest: BatchManifest): Promise<void> {
  const temporary = `${file}.${process.pid}.tmp`
  try {
    await writeFile(temporary, JSON.stringify(manifest, null, 2) + '\n')
    await rename(temporary, file)
  } catch (error) {
    await rm(temporary, { force: true })
    throw error
  }
}
