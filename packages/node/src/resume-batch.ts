import { createHash } from 'node:crypto'
import { statSync } from 'node:fs'
import { readFile, stat } from 'node:fs/promises'
import { resolve as resolvePath } from 'node:path'
import { fileURLToPath } from 'node:url'
import { VitrineError, type MessageReport, type Template } from '@vitrine/core'
import type { ManifestLintEntry } from './lint-output.js'
import type { OutputSource } from './output-sources.js'
import type { RowJob, RowOutputRequest, WrittenOutput } from './row-renderer.js'
import type { BatchManifest, LayoutReportEntry } from './write-manifest.js'

/**
 * A fingerprint (sha256, hex) of what a batch's outputs are made from besides their rows and
 * the pictures, clips and audio they load (listed per output, see `WrittenOutput.sources`): the
 * template (as parsed), the size and modification time of its local font files, the output
 * type, quality, video and lint settings, the message catalogues and the cut-out model.
 */
export function batchSettingsHash(template: Template, settings: Record<string, unknown>): string {
  const fonts = (template.fonts ?? []).map((face) => face.src).filter((src) => src.startsWith('file:'))
  // Version 2 added the font files' stamps and each output's sources.
  const fingerprint = { version: 2, template, fontFiles: fonts.map((url) => [url, stampNow(fileURLToPath(url))]), ...settings }
  return createHash('sha256').update(JSON.stringify(fingerprint)).digest('hex')
}

/** A file's size and modification time now, or null when it cannot be read. */
export function stampNow(path: string): [number, number] | null {
  const now = statSync(path, { throwIfNoEntry: false })
  return now ? [now.size, now.mtimeMs] : null
}

/** The fingerprint of one output: the batch's settings, the row's values, its format, locale and market. */
export function outputInputHash(settings: string, job: RowJob, request: RowOutputRequest): string {
  return createHash('sha256')
    .update(JSON.stringify([settings, job.values, request.format, request.locale, request.market ?? null]))
    .digest('hex')
}

/** What a resumed batch keeps from the run before: outputs, and their layout report and lint findings. */
export interface KeptOutputs {
  outputs: WrittenOutput[]
  layout: LayoutReportEntry[]
  lint: ManifestLintEntry[]
  /** The missing translations the run before reported in the locales of the kept outputs. */
  missing: MessageReport[]
  /** Outputs made again only because a file they were made from (`sources`) changed since. */
  sourcesChanged: number
}

/**
 * Reads `<outDir>/manifest.json` for a resumed batch: undefined when there is none. A file
 * that is not a Vitrine manifest is a usage error (nothing is rendered over it).
 */
export async function readPreviousManifest(outDir: string): Promise<BatchManifest | undefined> {
  const file = resolvePath(outDir, 'manifest.json')
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (error) {
    // No earlier run; or `out` is a file, which the batch then reports as it always does.
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined
    throw new VitrineError('usage', `--resume: cannot read ${file}: ${(error as Error).message}`, { cause: error })
  }
  let manifest: unknown
  try {
    manifest = JSON.parse(text)
  } catch (error) {
    throw new VitrineError('usage', `--resume: ${file} is not JSON (${(error as Error).message}); delete it, or leave out --resume to render everything`, { cause: error })
  }
  if (typeof manifest !== 'object' || manifest === null || !Array.isArray((manifest as BatchManifest).outputs)) {
    throw new VitrineError('usage', `--resume: ${file} is not a Vitrine manifest (expected an object with an "outputs" list); delete it, or leave out --resume to render everything`)
  }
  return manifest as BatchManifest
}

/**
 * Keeps the outputs the run before wrote from the same inputs: same file, same fingerprint
 * (`input`), every source file (`sources`) with the size and modification time it had when it
 * was read, and the file still there with the size the manifest gives (files are written whole
 * or not at all, so that is a whole file), its poster too. Removes them from the jobs, and
 * drops the jobs left with nothing to render.
 */
export async function keepWrittenOutputs(previous: BatchManifest, jobs: RowJob[], settings: string, outDir: string): Promise<{ jobs: RowJob[]; kept: KeptOutputs }> {
  const key = (o: { id: string; format: string; locale: string }) => `${o.id}\u0000${o.format}\u0000${o.locale}`
  const before = new Map(previous.outputs.filter((o) => typeof o?.input === 'string').map((o) => [key(o), o]))
  const kept: KeptOutputs = { outputs: [], layout: [], lint: [], missing: [], sourcesChanged: 0 }
  const left: RowJob[] = []
  // Many outputs share a picture: each file is looked at once.
  const stamps = new Map<string, [number, number] | null>()
  const unchanged = (source: OutputSource) => {
    const path = resolvePath(outDir, source.file)
    let now = stamps.get(path)
    if (now === undefined) stamps.set(path, (now = stampNow(path)))
    return now !== null && now[0] === source.bytes && now[1] === source.modifiedMs
  }
  for (const job of jobs) {
    const toRender: RowOutputRequest[] = []
    for (const request of job.outputs) {
      const old = before.get(key({ id: job.id, ...request }))
      const sameInput = old && old.file === request.file && old.input === outputInputHash(settings, job, request) && Array.isArray(old.sources)
      const sameSources = sameInput && old.sources!.every(unchanged)
      if (sameSources && (await isWhole(outDir, old))) kept.outputs.push(old)
      else {
        if (sameInput && !sameSources) kept.sourcesChanged++
        toRender.push(request)
      }
    }
    if (toRender.length > 0) left.push(toRender.length === job.outputs.length ? job : { ...job, outputs: toRender })
  }
  const keptKeys = new Set(kept.outputs.map(key))
  kept.layout = (previous.layout ?? []).filter((l) => keptKeys.has(key(l)))
  kept.lint = (previous.lint ?? []).filter((l) => keptKeys.has(key(l)))
  const keptLocales = new Set(kept.outputs.map((o) => o.locale))
  kept.missing = (previous.missingTranslations ?? [])
    .filter((m) => keptLocales.has(m.locale))
    .map((m) => ({ message: m.message, path: m.path, locale: m.locale, status: 'missing', from: m.shown }))
  return { jobs: left, kept }
}

async function isWhole(outDir: string, output: WrittenOutput): Promise<boolean> {
  try {
    if ((await stat(resolvePath(outDir, output.file))).size !== output.bytes) return false
    if (output.poster !== undefined) await stat(resolvePath(outDir, output.poster))
    return true
  } catch {
    return false
  }
}
