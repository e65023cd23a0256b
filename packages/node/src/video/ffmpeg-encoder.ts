import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process'
import { mkdtemp, rename, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { threadId } from 'node:worker_threads'
import type { Canvas } from '@napi-rs/canvas'
import { VitrineError, type Surface, type VideoEncoder, type VideoEncoderFactory, type VideoEncodeRequest, type VideoEncoderInfo } from '@vitrine/core'
import { ffmpegArgs, type FfmpegAudioInput, type FfmpegQuality, type FfmpegVideoCodec } from './ffmpeg-args.js'
import { ffmpegTools, lastLines, missingTool, nvencWorks, type FfmpegTools } from './ffmpeg-tools.js'
import { checkEncoderThreads, encoderThreads } from './encoder-threads.js'
import { probeMedia } from './probe-media.js'
import { writeError } from '../row-files.js'

/** Options for {@link ffmpegEncoder}. */
export interface FfmpegEncoderOptions extends FfmpegQuality {
  /** Where the video goes; written next to it under a temporary name, then renamed. */
  file: string
  /** `auto` (default) encodes H.264 with NVENC when ffmpeg has it and a GPU answers, else libx264; `never` always uses libx264. */
  hardware?: 'auto' | 'never'
  /**
   * Threads of a CPU encoder (x264, libvpx, libaom), 1 to 64. Default {@link encoderThreads}():
   * the cores minus the one that draws the frames, at least 1.
   */
  threads?: number
  tools?: FfmpegTools
}

/** Frames handed to ffmpeg but not yet taken by it; drawing continues while they are in the pipe. */
const FRAMES_IN_FLIGHT = 2

async function pickCodec(request: VideoEncodeRequest, hardware: 'auto' | 'never', tools: FfmpegTools): Promise<FfmpegVideoCodec> {
  switch (request.codec ?? (request.container === 'webm' ? 'vp9' : request.container === 'gif' ? 'gif' : 'h264')) {
    case 'h264':
      return hardware === 'auto' && (await nvencWorks(tools)) ? 'h264_nvenc' : 'libx264'
    case 'vp9':
      return 'libvpx-vp9'
    case 'vp8':
      return 'libvpx'
    case 'av1':
      return 'libaom-av1'
    case 'gif':
      return 'gif'
  }
}

const codecFamily: Record<FfmpegVideoCodec, VideoEncoderInfo['codec']> = {
  libx264: 'h264',
  h264_nvenc: 'h264',
  'libvpx-vp9': 'vp9',
  libvpx: 'vp8',
  'libaom-av1': 'av1',
  gif: 'gif',
}

/**
 * A {@link VideoEncoderFactory} backed by the native `ffmpeg` program: raw RGBA frames go
 * through a pipe, so drawing and encoding run side by side and no frame is kept. H.264 uses
 * NVENC when a GPU answers, else libx264; VP9/VP8 use libvpx; GIF gets a palette per frame.
 * Audio is AAC in MP4 and Opus in WebM.
 *
 * @example
 * ```ts
 * await renderVideo(template, values, { format: 'tiktok', container: 'mp4', encoder: ffmpegEncoder({ file: 'ad.mp4' }), platform, assets, fonts })
 * ```
 */
export function ffmpegEncoder(options: FfmpegEncoderOptions): VideoEncoderFactory {
  return async (request) => {
    const tools = options.tools ?? ffmpegTools()
    if (request.container !== 'gif' && (request.width % 2 !== 0 || request.height % 2 !== 0)) {
      throw new VitrineError('video/unsupported', `${request.container.toUpperCase()} video in 4:2:0 needs an even width and height, found ${request.width}x${request.height}`)
    }
    const threads = options.threads === undefined ? encoderThreads() : checkEncoderThreads(options.threads, 'ffmpegEncoder threads')
    const codec = await pickCodec(request, options.hardware ?? 'auto', tools)
    let workDir: string | undefined
    let audio: FfmpegAudioInput | undefined
    if (request.audio && request.container !== 'gif') {
      workDir = await mkdtemp(join(tmpdir(), 'vitrine-audio-'))
      const file = join(workDir, 'audio')
      await writeFile(file, request.audio.bytes)
      try {
        const probed = await probeMedia(file, { path: '/timeline/audio/src', tools })
        const stream = probed.streams.find((s) => s.type === 'audio')
        if (!stream) throw new VitrineError('video/unsupported', `/timeline/audio/src: the file has no audio stream (found ${probed.streams.map((s) => s.type).join(', ') || 'no streams'})`, { path: '/timeline/audio/src' })
        audio = { file, sampleRate: stream.sampleRate ?? 48_000 }
      } catch (error) {
        await rm(workDir, { recursive: true, force: true })
        throw error
      }
    }
    const temporary = join(dirname(options.file), `.${process.pid}-${threadId}-${Date.now()}.video.tmp`)
    const args = ffmpegArgs(request, codec, temporary, audio, { ...options, threads })
    const info: VideoEncoderInfo = {
      container: request.container,
      codec: codecFamily[codec],
      codecDetail: codec,
      encoder: 'ffmpeg',
      ...(audio ? { audioCodec: request.container === 'mp4' ? 'aac' : 'opus' } : {}),
    }
    return new FfmpegPipeEncoder(tools, args, info, temporary, options.file, request, workDir)
  }
}

class FfmpegPipeEncoder implements VideoEncoder {
  private readonly child: ChildProcessWithoutNullStreams
  private readonly exited: Promise<number>
  private stderr = ''
  private failure: Error | undefined
  private inFlight = 0
  private waiting: (() => void) | undefined
  private frames = 0
  /** The bytes of the last frame written, for {@link repeatFrame}. */
  private last: Buffer | undefined

  constructor(
    tools: FfmpegTools,
    args: string[],
    readonly info: VideoEncoderInfo,
    private readonly temporary: string,
    private readonly file: string,
    private readonly request: VideoEncodeRequest,
    private readonly workDir: string | undefined,
  ) {
    this.child = spawn(tools.ffmpeg, args, { stdio: ['pipe', 'ignore', 'pipe'] }) as unknown as ChildProcessWithoutNullStreams
    this.child.stderr.on('data', (chunk: Buffer) => {
      this.stderr = (this.stderr + chunk.toString()).slice(-20_000)
    })
    this.child.stdin.on('error', (error) => {
      this.failure ??= error
      this.release()
    })
    this.exited = new Promise((resolve) => {
      this.child.on('error', (error: NodeJS.ErrnoException) => {
        this.failure = missingTool(tools.ffmpeg, error)
        this.release()
        resolve(-1)
      })
      this.child.on('close', (code) => {
        this.release()
        resolve(code ?? -1)
      })
    })
  }

  private release(): void {
    const w = this.waiting
    this.waiting = undefined
    w?.()
  }

  private fail(): never {
    if (this.failure instanceof VitrineError) throw this.failure
    const said = lastLines(this.stderr)
    const message = `ffmpeg (${this.info.codecDetail}) stopped: ${said || this.failure?.message || 'no message'}`
    // ffmpeg writes only the video, into the output folder: its disk is full.
    if (/No space left on device|Disk quota exceeded/i.test(this.stderr)) throw new VitrineError('output/no-space', `${message} (the disk of ${this.file} is full)`, { cause: this.failure })
    throw new VitrineError('encode/failed', message, { cause: this.failure })
  }

  async addFrame(surface: Surface): Promise<void> {
    if (this.failure || this.child.exitCode !== null) this.fail()
    if (surface.width !== this.request.width || surface.height !== this.request.height) {
      throw new VitrineError('usage', `A ${surface.width}x${surface.height} frame was given to a ${this.request.width}x${this.request.height} video`)
    }
    // Skia's pixels, premultiplied RGBA: the picture over black, as a video shows it. A copy.
    this.last = (surface.canvas as Canvas).data()
    await this.write(this.last)
  }

  async repeatFrame(): Promise<void> {
    if (this.failure || this.child.exitCode !== null) this.fail()
    if (!this.last) throw new VitrineError('usage', 'repeatFrame was called before the first frame')
    await this.write(this.last)
  }

  /** Hands one frame's bytes to ffmpeg (no copy); resolves when fewer than FRAMES_IN_FLIGHT wait in the pipe. */
  private async write(pixels: Buffer): Promise<void> {
    this.frames++
    this.inFlight++
    this.child.stdin.write(pixels, () => {
      this.inFlight--
      this.release()
    })
    while (this.inFlight >= FRAMES_IN_FLIGHT && !this.failure && this.child.exitCode === null) {
      await new Promise<void>((resolve) => (this.waiting = resolve))
    }
    if (this.failure) this.fail()
  }

  async finish() {
    this.child.stdin.end()
    const code = await this.exited
    await this.cleanUp()
    if (code !== 0 || this.failure) {
      await rm(this.temporary, { force: true })
      this.fail()
    }
    if (this.frames !== this.request.frames) {
      await rm(this.temporary, { force: true })
      throw new VitrineError('encode/failed', `Expected ${this.request.frames} frames, ${this.frames} were given`)
    }
    try {
      await rename(this.temporary, this.file)
    } catch (error) {
      await rm(this.temporary, { force: true })
      throw writeError(this.file, error)
    }
    return { file: this.file, byteLength: (await stat(this.file)).size }
  }

  async abort(): Promise<void> {
    this.child.stdin.destroy()
    if (this.child.exitCode === null) this.child.kill('SIGKILL')
    await this.exited
    await rm(this.temporary, { force: true })
    await this.cleanUp()
  }

  private async cleanUp(): Promise<void> {
    if (this.workDir) await rm(this.workDir, { recursive: true, force: true })
  }
}
