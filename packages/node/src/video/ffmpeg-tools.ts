import { spawn } from 'node:child_process'
import { VitrineError } from '@vitrine/core'

/** The ffmpeg and ffprobe programs Vitrine runs: `VITRINE_FFMPEG` / `VITRINE_FFPROBE`, else those on the PATH. */
export interface FfmpegTools {
  ffmpeg: string
  ffprobe: string
}

/** The programs from the environment or the PATH. */
export function ffmpegTools(): FfmpegTools {
  return { ffmpeg: process.env.VITRINE_FFMPEG || 'ffmpeg', ffprobe: process.env.VITRINE_FFPROBE || 'ffprobe' }
}

/** Runs a program to the end and gives its exit code and output. Rejects only when it cannot start. */
export function runTool(program: string, args: string[], input?: Uint8Array): Promise<{ code: number; stdout: Buffer; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(program, args, { stdio: ['pipe', 'pipe', 'pipe'] })
    const out: Buffer[] = []
    let err = ''
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk))
    child.stderr.on('data', (chunk: Buffer) => {
      err = (err + chunk.toString()).slice(-20_000)
    })
    child.on('error', (error: NodeJS.ErrnoException) => reject(missingTool(program, error)))
    child.on('close', (code) => resolve({ code: code ?? 1, stdout: Buffer.concat(out), stderr: err }))
    child.stdin.on('error', () => {})
    child.stdin.end(input)
  })
}

/** The error for a program that could not be started. */
export function missingTool(program: string, error: NodeJS.ErrnoException): VitrineError {
  const why = error.code === 'ENOENT' ? 'it is not installed or not on the PATH' : error.message
  return new VitrineError(
    'video/unsupported',
    `Could not run ${program}: ${why}. Videos in Node are encoded by ffmpeg: install it (Debian/Ubuntu: apt-get install ffmpeg) or set VITRINE_FFMPEG and VITRINE_FFPROBE to its programs`,
    { cause: error },
  )
}

/** The last meaningful lines of ffmpeg's error output, for messages. */
export function lastLines(stderr: string, count = 3): string {
  return stderr
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .slice(-count)
    .join(' / ')
}

let nvenc: Promise<boolean> | undefined

/**
 * True when ffmpeg has `h264_nvenc` and it really encodes here (a GPU and its driver are
 * present): checked once per process by encoding one small frame.
 */
export function nvencWorks(tools: FfmpegTools = ffmpegTools()): Promise<boolean> {
  nvenc ??= runTool(tools.ffmpeg, ['-hide_banner', '-loglevel', 'error', '-f', 'lavfi', '-i', 'color=black:s=256x256:r=30', '-frames:v', '1', '-c:v', 'h264_nvenc', '-f', 'null', '-'])
    .then((r) => r.code === 0)
    .catch(() => false)
  return nvenc
}
