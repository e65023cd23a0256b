import type { FFmpeg } from '@ffmpeg/ffmpeg'
import { VitrineError } from '../../errors/vitrine-error.js'

/**
 * Where the page serves ffmpeg.wasm from (never a CDN): the files of `@ffmpeg/core`'s
 * `dist/esm` (`ffmpeg-core.js`, `ffmpeg-core.wasm`) and `@ffmpeg/ffmpeg`'s worker
 * (`dist/esm/worker.js`). With Vite: `import coreURL from '@ffmpeg/core?url'`,
 * `import wasmURL from '@ffmpeg/core/wasm?url'`.
 */
export interface FfmpegWasmFiles {
  coreURL: string
  wasmURL: string
  /** `@ffmpeg/ffmpeg`'s `dist/esm/worker.js`, served as a module; needed when a bundler moved the library away from it. */
  workerURL?: string
}

const loaded = new Map<string, Promise<FFmpeg>>()

/**
 * Loads ffmpeg.wasm once per page (and set of files), lazily: the 32 MB engine is fetched on
 * the first use, never at startup.
 */
export function loadFfmpegWasm(files: FfmpegWasmFiles): Promise<FFmpeg> {
  const key = `${files.coreURL}|${files.wasmURL}|${files.workerURL ?? ''}`
  let pending = loaded.get(key)
  if (!pending) {
    pending = (async () => {
      const { FFmpeg } = await import('@ffmpeg/ffmpeg')
      const ffmpeg = new FFmpeg()
      try {
        await ffmpeg.load({ coreURL: files.coreURL, wasmURL: files.wasmURL, ...(files.workerURL ? { classWorkerURL: files.workerURL } : {}) })
      } catch (error) {
        throw new VitrineError('video/unsupported', `Could not load ffmpeg.wasm from ${files.coreURL}: ${(error as Error)?.message ?? String(error)}`, { cause: error })
      }
      return ffmpeg
    })()
    pending.catch(() => loaded.delete(key))
    loaded.set(key, pending)
  }
  return pending
}

/** Runs one ffmpeg command in the wasm engine; rejects with ffmpeg's last log lines. */
export async function runFfmpegWasm(ffmpeg: FFmpeg, args: string[]): Promise<void> {
  const log: string[] = []
  const onLog = ({ message }: { message: string }) => {
    log.push(message)
    if (log.length > 40) log.shift()
  }
  ffmpeg.on('log', onLog)
  try {
    let code: number
    try {
      code = await ffmpeg.exec(args)
    } catch (error) {
      // Errors from the engine's worker arrive without their message property: keep the text.
      throw new VitrineError('encode/failed', `ffmpeg.wasm crashed: ${String(error)}`, { cause: error })
    }
    if (code !== 0) throw new VitrineError('encode/failed', `ffmpeg.wasm failed (exit ${code}): ${log.slice(-3).join(' / ')}`)
  } finally {
    ffmpeg.off('log', onLog)
  }
}
