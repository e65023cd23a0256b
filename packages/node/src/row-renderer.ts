import { createHash } from 'node:crypto'
import { dirname, join } from 'node:path'
import {
  AssetStore,
  FontLibrary,
  getFormat,
  renderImage,
  type AssetPolicy,
  type BoundValues,
  type CutoutEngine,
  type ImageType,
  type MessageCatalog,
  type MessageReport,
  type Surface,
  type Template,
} from '@vitrine/core'
import { NodePlatform } from './node-platform.js'
import { removeIfEmpty, rowErrorRecord, writeAtomically } from './row-files.js'
import { lintOutput, strictLintError, type ManifestLintEntry, type RenderLintSetup } from './lint-output.js'
import { isVideoType, type OutputType } from './video/output-type.js'
import { renderVideoRow, type VideoOutputSetup } from './video/render-video-row.js'
import { createNodeCutoutEngine, type RowCutoutSetup } from './ai/create-node-cutout-engine.js'
import { outputSources, type OutputSource } from './output-sources.js'

/** What every render of a batch shares; sent once to each worker. Plain data. */
export interface RowRendererSetup {
  template: Template
  policy: AssetPolicy
  builtInFontBaseUrl: string
  type: OutputType
  quality?: number
  /** Codec, poster and progress settings of video types. */
  video?: VideoOutputSetup
  /** Absolute folder the `file` of each output is relative to. */
  outDir: string
  /** Message catalogues from `--catalog`, checked against the template. */
  catalogs?: MessageCatalog[]
  /** Cut-out models for image layers with `cutout` (plain data; each worker makes its own engine). */
  cutout?: RowCutoutSetup
  /** `--lint` / `--strict`: lint every image output. */
  lint?: RenderLintSetup
}

/** One output of a row: a format and a locale, and where its file goes. */
export interface RowOutputRequest {
  format: string
  locale: string
  /** The market profile id, when one was asked for (else the locale's own, if any). */
  market?: string
  /** Relative to `outDir`, with `/` separators. */
  file: string
}

/** All the outputs of one data row: one task, so that its pictures are fetched and decoded once. */
export interface RowJob {
  /** 1-based row number in the feed. */
  row: number
  /** 1-based line of the feed file where the row starts, for errors. */
  line: number
  id: string
  /** JSON pointer of the row in the feed, for errors. */
  rowPointer: string
  values: BoundValues
  outputs: RowOutputRequest[]
}

/** A file written for one output. */
export interface WrittenOutput {
  id: string
  format: string
  locale: string
  file: string
  width: number
  height: number
  bytes: number
  sha256: string
  /** Videos: seconds, frames per second, frame count, codec family (`h264`), encoder (`ffmpeg libx264`). */
  duration?: number
  fps?: number
  frames?: number
  codec?: string
  encoder?: string
  /** Videos with audio: `aac` or `opus`. */
  audioCodec?: string
  /** The poster frame's file, when asked for. */
  poster?: string
  /**
   * A fingerprint (sha256, hex) of what the file was made from, besides the files listed in
   * `sources`: the template (and the size and time of its font files), the row's values, the
   * format, locale and market, the type, quality, video and lint settings, the catalogues.
   * `--resume` keeps a file whose fingerprint is unchanged and whose sources are too. Set by
   * renderBatch.
   */
  input?: string
  /** The local pictures, clips and audio the file was made from, with their size and time when read. */
  sources?: OutputSource[]
}

/** An output that could not be made, with the reason as plain data. */
export interface FailedOutput {
  id: string
  format: string
  locale: string
  /** 1-based row number in the feed. */
  row: number
  error: { code: string; message: string; path: string }
}

/** What {@link RowRenderer.render} gives back for a row. */
export interface RowJobResult {
  row: number
  outputs: WrittenOutput[]
  failures: FailedOutput[]
  /** Milliseconds spent in each step, summed over the row's outputs. */
  timings: { resolveMs: number; drawMs: number; encodeMs: number; writeMs: number }
  /** Text layers that overflowed or were truncated, per output. */
  layout?: RowLayoutEntry[]
  /** Messages shown in the source language because no translation exists. */
  missing?: MessageReport[]
  /** Lint findings of the row's outputs (`--lint`). */
  lint?: ManifestLintEntry[]
  /** True for a row the batch stopped before it rendered (see RenderPool.dropWaiting). */
  dropped?: boolean
}

/** A text layer that did not fit as designed in one output (from the Scene's fit report). */
export interface RowLayoutEntry {
  id: string
  format: string
  locale: string
  layer: string
  status: 'overflow' | 'truncated'
  fontSize: number
  requestedFontSize: number
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve))

/**
 * How many rows one renderer takes at once for an output type. A row waits now and then: on a
 * remote picture, and for PNG and WebP on libvips, which encodes on libuv's thread pool (from a
 * copy of the pixels) for 3 to 10 times as long as the row takes to draw. Meanwhile the
 * renderer draws its next row, on a surface of its own, so that a slow picture does not hold up
 * the rows after it and the core is not left idle (a pool on 2 cores: ~196 % of the CPUs busy
 * instead of ~189 %). Videos hold an encoder each: one at a time.
 */
export function rowsAtOnce(type: OutputType): number {
  return isVideoType(type) ? 1 : 2
}

/**
 * Renders rows of one batch and writes their files. One instance lives as long as its worker
 * (or the process, for in-process batches) and keeps one platform, one asset store and one
 * font library, so that pictures, fonts and surfaces are reused from row to row. It renders up
 * to {@link rowsAtOnce} rows at a time (more wait their turn, in the order they came), each
 * drawing on a surface of its own.
 */
export class RowRenderer {
  // Rows render on this thread, and nothing else runs here: JPEG is encoded here.
  private readonly platform = new NodePlatform({ encoder: { onThisThread: true } })
  private readonly assets: AssetStore
  private readonly fonts: FontLibrary
  /** Surfaces per size, and those a row is drawing on or encoding from now. */
  private readonly surfaces = new Map<string, Surface[]>()
  private readonly busy = new Set<Surface>()
  private cutoutEngine?: Promise<CutoutEngine>
  private readonly lanes: number
  private running = 0
  private readonly waiting: (() => void)[] = []

  constructor(private readonly setup: RowRendererSetup) {
    this.assets = new AssetStore(this.platform, setup.policy)
    this.fonts = new FontLibrary(this.platform, { builtInBaseUrl: setup.builtInFontBaseUrl })
    this.lanes = rowsAtOnce(setup.type)
  }

  /** Renders every output of a row; a failing output fails alone. Never rejects. */
  async render(job: RowJob): Promise<RowJobResult> {
    if (this.running >= this.lanes) await new Promise<void>((go) => this.waiting.push(go))
    else this.running++
    try {
      // A row may render without ever waiting on the event loop (encoding and writing happen
      // on this thread): yield to it first, so that messages (a pool's workers, a progress
      // bar) are answered between rows.
      await yieldToEventLoop()
      return await this.renderRow(job)
    } finally {
      // The turn passes straight to the next row waiting, if any.
      const next = this.waiting.shift()
      if (next) next()
      else this.running--
    }
  }

  private async renderRow(job: RowJob): Promise<RowJobResult> {
    const type = this.setup.type
    if (isVideoType(type)) return renderVideoRow(job, { setup: this.setup, platform: this.platform, assets: this.assets, fonts: this.fonts, surfaceFor: (f) => this.surfacesOf(f)[0] ?? this.add(f) }, type)
    const result: RowJobResult = { row: job.row, outputs: [], failures: [], timings: { resolveMs: 0, drawMs: 0, encodeMs: 0, writeMs: 0 } }
    for (const request of job.outputs) {
      const surface = this.take(request.format)
      try {
        const rendered = await renderImage(this.setup.template, job.values, {
          format: request.format,
          locale: request.locale,
          market: request.market,
          catalogs: this.setup.catalogs,
          platform: this.platform,
          assets: this.assets,
          fonts: this.fonts,
          type: this.setup.type as ImageType,
          quality: this.setup.quality,
          rowPointer: job.rowPointer,
          surface,
          cutout: this.setup.cutout ? await (this.cutoutEngine ??= createNodeCutoutEngine({ ...this.setup.cutout, log: () => {} })) : undefined,
        })
        if (this.setup.lint) {
          const where = { id: job.id, format: request.format, locale: request.locale, market: request.market, rowPointer: job.rowPointer, values: job.values }
          // Lint renders on a surface of its own: the output's keeps the frame.
          const lint = this.setup.lint
          const entries = this.borrow(request.format, (scratch) => lintOutput(rendered.scene, where, { platform: this.platform, assets: this.assets, template: this.setup.template, date: lint.date, scratch }))
          if (entries.length > 0) (result.lint ??= []).push(...entries)
          const refused = this.setup.lint.strict ? strictLintError(entries) : undefined
          if (refused) throw refused
        }
        const t0 = performance.now()
        writeAtomically(join(this.setup.outDir, request.file), rendered.bytes)
        result.timings.writeMs += performance.now() - t0
        result.timings.resolveMs += rendered.timings.resolveMs
        result.timings.drawMs += rendered.timings.drawMs
        result.timings.encodeMs += rendered.timings.encodeMs
        for (const fit of rendered.scene.text) {
          if (fit.status !== 'overflow' && fit.status !== 'truncated') continue
          ;(result.layout ??= []).push({ id: job.id, format: request.format, locale: request.locale, layer: fit.layer, status: fit.status, fontSize: fit.fontSize, requestedFontSize: fit.requestedFontSize })
        }
        for (const report of rendered.scene.messages ?? []) if (report.status === 'missing') (result.missing ??= []).push(report)
        result.outputs.push({
          id: job.id,
          format: request.format,
          locale: request.locale,
          file: request.file,
          width: rendered.width,
          height: rendered.height,
          bytes: rendered.bytes.byteLength,
          sha256: createHash('sha256').update(rendered.bytes).digest('hex'),
          sources: outputSources(rendered.scene, this.setup.outDir, (url) => this.platform.fileStamp(url)),
        })
      } catch (error) {
        // The row's folder, made for this file, goes too when nothing else is in it.
        removeIfEmpty(dirname(join(this.setup.outDir, request.file)))
        result.failures.push({ id: job.id, format: request.format, locale: request.locale, row: job.row, error: rowErrorRecord(error, { row: job.row, line: job.line, id: job.id, pointer: job.rowPointer }) })
      } finally {
        this.busy.delete(surface)
      }
    }
    return result
  }

  private surfacesOf(formatId: string): Surface[] {
    const { width, height } = getFormat(formatId)
    const key = `${width}x${height}`
    let list = this.surfaces.get(key)
    if (!list) this.surfaces.set(key, (list = []))
    return list
  }

  /**
   * A surface of the format's size that no row is using, marked busy until the row lets it go:
   * one per size and row at once, drawn into again by the next rows (renderFrame clears it).
   */
  private take(formatId: string): Surface {
    const surface = this.surfacesOf(formatId).find((s) => !this.busy.has(s)) ?? this.add(formatId)
    this.busy.add(surface)
    return surface
  }

  /** Lends a free surface of the format's size to `use`, for as long as it runs. */
  private borrow<T>(formatId: string, use: (surface: Surface) => T): T {
    const surface = this.take(formatId)
    try {
      return use(surface)
    } finally {
      this.busy.delete(surface)
    }
  }

  private add(formatId: string): Surface {
    const { width, height } = getFormat(formatId)
    const surface = this.platform.createSurface(width, height)
    this.surfacesOf(formatId).push(surface)
    return surface
  }
}
