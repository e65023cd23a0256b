import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { mkdir } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { renderFrame, renderVideo, type AssetStore, type FontLibrary, type Surface, type VideoCodec, type VideoContainer } from '@vitrine/core'
import type { NodePlatform } from '../node-platform.js'
import { lintVideoOutput, strictLintError } from '../lint-output.js'
import { removeIfEmpty, rowErrorRecord, writeAtomically } from '../row-files.js'
import { outputSources } from '../output-sources.js'
import type { RowJob, RowJobResult, RowRendererSetup } from '../row-renderer.js'
import { ffmpegEncoder } from './ffmpeg-encoder.js'
import { frameReporter } from './frame-progress.js'

/** Video settings of a batch (plain data, sent to every worker). */
export interface VideoOutputSetup {
  codec?: VideoCodec
  /** Also write each video's poster frame as JPEG. */
  poster?: boolean
  /** BroadcastChannel name on which frame counts are sent. */
  progressChannel?: string
  /** `never` keeps H.264 on libx264 even when NVENC works. */
  hardware?: 'auto' | 'never'
  /** Threads of each CPU encoder. Default: `encoderThreads(concurrency)`, the cores each render leaves. */
  encoderThreads?: number
}

/** What a row's video renders share with its image renders. */
export interface VideoRowContext {
  setup: RowRendererSetup
  platform: NodePlatform
  assets: AssetStore
  fonts: FontLibrary
  surfaceFor(format: string): Surface
}

async function sha256Of(file: string): Promise<string> {
  const hash = createHash('sha256')
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer)
  return hash.digest('hex')
}

/** The poster's file name beside a video: `a/story.en-US.mp4` → `a/story.en-US.poster.jpg`. */
export function posterFileOf(file: string): string {
  return file.replace(/\.[a-z0-9]+$/i, '') + '.poster.jpg'
}

/**
 * Renders every output of a row as a video with native ffmpeg, one after the other (each
 * ffmpeg already uses the cores its frames leave free); a failing output fails alone.
 */
export async function renderVideoRow(job: RowJob, ctx: VideoRowContext, container: VideoContainer): Promise<RowJobResult> {
  const { setup } = ctx
  const video = setup.video ?? {}
  const result: RowJobResult = { row: job.row, outputs: [], failures: [], timings: { resolveMs: 0, drawMs: 0, encodeMs: 0, writeMs: 0 } }
  for (const request of job.outputs) {
    const file = join(setup.outDir, request.file)
    try {
      await mkdir(dirname(file), { recursive: true })
      const surface = ctx.surfaceFor(request.format)
      if (setup.lint) {
        // Linted before encoding, so that --strict writes nothing for a refused video.
        const where = { id: job.id, format: request.format, locale: request.locale, market: request.market, rowPointer: job.rowPointer, values: job.values }
        const entries = await lintVideoOutput(setup.template, where, { platform: ctx.platform, assets: ctx.assets, fonts: ctx.fonts, date: setup.lint.date, scratch: surface })
        if (entries.length > 0) (result.lint ??= []).push(...entries)
        const refused = setup.lint.strict ? strictLintError(entries) : undefined
        if (refused) throw refused
      }
      const reporter = frameReporter(video.progressChannel, request.file)
      const rendered = await renderVideo(setup.template, job.values, {
        format: request.format,
        locale: request.locale,
        platform: ctx.platform,
        assets: ctx.assets,
        fonts: ctx.fonts,
        rowPointer: job.rowPointer,
        container,
        codec: video.codec,
        encoder: ffmpegEncoder({ file, hardware: video.hardware, ...(video.encoderThreads === undefined ? {} : { threads: video.encoderThreads }) }),
        surface,
        onFrame: reporter,
      }).finally(() => reporter.close())
      const t0 = performance.now()
      let poster: string | undefined
      if (video.poster) {
        poster = posterFileOf(request.file)
        renderFrame(rendered.scene, rendered.scene.timeline?.poster ?? 0, surface, ctx.assets)
        writeAtomically(join(setup.outDir, poster), await ctx.platform.encode(surface, { type: 'jpeg', quality: 90 }))
      }
      const sha256 = await sha256Of(file)
      result.timings.writeMs += performance.now() - t0
      result.timings.resolveMs += rendered.timings.resolveMs
      result.timings.drawMs += rendered.timings.drawMs
      result.timings.encodeMs += rendered.timings.encodeMs + rendered.timings.finishMs
      result.outputs.push({
        id: job.id,
        format: request.format,
        locale: request.locale,
        file: request.file,
        width: rendered.width,
        height: rendered.height,
        bytes: rendered.byteLength,
        sha256,
        duration: rendered.duration,
        fps: rendered.fps,
        frames: rendered.frames,
        codec: rendered.info.codec,
        encoder: `${rendered.info.encoder} ${rendered.info.codecDetail}`,
        ...(rendered.info.audioCodec ? { audioCodec: rendered.info.audioCodec } : {}),
        ...(poster ? { poster } : {}),
        sources: outputSources(rendered.scene, setup.outDir, (url) => ctx.platform.fileStamp(url)),
      })
    } catch (error) {
      // The row's folder, made for this file, goes too when nothing else is in it.
      removeIfEmpty(dirname(file))
      result.failures.push({ id: job.id, format: request.format, locale: request.locale, row: job.row, error: rowErrorRecord(error, { row: job.row, line: job.line, id: job.id, pointer: job.rowPointer }) })
    }
  }
  return result
}
