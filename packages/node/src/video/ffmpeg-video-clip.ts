import { spawn, type ChildProcessByStdio } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Readable } from 'node:stream'
import { createCanvas } from '@napi-rs/canvas'
import { VitrineError, type DecodedImage, type VideoClip, type VideoClipInfo } from '@vitrine/core'
import { ffmpegTools, missingTool, type FfmpegTools } from './ffmpeg-tools.js'
import { probeMedia } from './probe-media.js'

/** Frames ahead of the decoder that are read through rather than sought to. */
const READ_AHEAD = 90

/**
 * Opens a video file with native ffmpeg for frame-accurate decoding: frames come out at the
 * clip's own rate as raw RGBA through a pipe, read in order; asking for an earlier frame (a
 * loop) or one far ahead restarts the decoder at that frame (ffmpeg's seek decodes from the
 * previous key frame, so it is exact).
 */
export async function openFfmpegVideoClip(bytes: Uint8Array, options: { path: string; tools?: FfmpegTools }): Promise<VideoClip> {
  const tools = options.tools ?? ffmpegTools()
  const dir = await mkdtemp(join(tmpdir(), 'vitrine-clip-'))
  const file = join(dir, 'clip')
  await writeFile(file, bytes)
  try {
    const probed = await probeMedia(file, { path: options.path, tools })
    const video = probed.streams.find((s) => s.type === 'video')
    if (!video || !video.width || !video.height || !video.fps) {
      throw new VitrineError('video/unsupported', `${options.path}: the file has no video stream (found ${probed.streams.map((s) => s.codec).join(', ') || 'nothing'})`, { path: options.path })
    }
    const duration = video.duration ?? probed.duration
    if (!(duration > 0)) throw new VitrineError('video/unsupported', `${options.path}: the video has no length`, { path: options.path })
    return new FfmpegVideoClip(tools, file, dir, { width: video.width, height: video.height, fps: video.fps, duration })
  } catch (error) {
    await rm(dir, { recursive: true, force: true })
    throw error
  }
}

class FfmpegVideoClip implements VideoClip {
  private decoder: { child: ChildProcessByStdio<null, Readable, null>; next: number; reader: AsyncIterator<Buffer>; pending: Buffer[]; pendingBytes: number } | undefined
  private last: DecodedImage | undefined
  private lastIndex = -1
  private failure: VitrineError | undefined
  private readonly frameBytes: number
  private readonly count: number

  constructor(
    private readonly tools: FfmpegTools,
    private readonly file: string,
    private readonly dir: string,
    readonly info: VideoClipInfo,
  ) {
    this.frameBytes = info.width * info.height * 4
    this.count = Math.max(1, Math.round(info.duration * info.fps))
  }

  async frame(index: number): Promise<DecodedImage> {
    const wanted = Math.max(0, Math.min(Math.floor(index), this.count - 1))
    if (wanted === this.lastIndex && this.last) return this.last
    if (!this.decoder || wanted < this.decoder.next || wanted - this.decoder.next > READ_AHEAD) this.start(wanted)
    let pixels: Buffer | undefined
    while (this.decoder!.next <= wanted) {
      const frame = await this.read()
      if (!frame) break
      pixels = frame
      this.decoder!.next++
    }
    if (!pixels) {
      // The clip ended early (its length rounds up): hold the last frame decoded.
      if (this.last) return this.last
      throw new VitrineError('video/unsupported', `Could not decode frame ${wanted} of the clip`)
    }
    this.last = this.toImage(pixels)
    this.lastIndex = wanted
    return this.last
  }

  private start(index: number): void {
    this.stop()
    const args = ['-v', 'error', '-nostdin', '-ss', String(index / this.info.fps), '-i', this.file, '-an', '-vf', `fps=${this.info.fps}`, '-f', 'rawvideo', '-pix_fmt', 'rgba', 'pipe:1']
    const child = spawn(this.tools.ffmpeg, args, { stdio: ['ignore', 'pipe', 'ignore'] })
    child.on('error', (error: NodeJS.ErrnoException) => {
      this.failure = missingTool(this.tools.ffmpeg, error)
    })
    this.decoder = { child, next: index, reader: child.stdout[Symbol.asyncIterator](), pending: [], pendingBytes: 0 }
  }

  /** The next whole frame from the decoder, or undefined at its end. */
  private async read(): Promise<Buffer | undefined> {
    const d = this.decoder!
    while (d.pendingBytes < this.frameBytes) {
      const { value, done } = await d.reader.next()
      if (this.failure) throw this.failure
      if (done) return undefined
      d.pending.push(value as Buffer)
      d.pendingBytes += (value as Buffer).length
    }
    const all = d.pending.length === 1 ? d.pending[0]! : Buffer.concat(d.pending)
    const frame = all.subarray(0, this.frameBytes)
    const rest = all.subarray(this.frameBytes)
    d.pending = rest.length > 0 ? [rest] : []
    d.pendingBytes = rest.length
    return frame
  }

  private toImage(pixels: Buffer): DecodedImage {
    const { width, height } = this.info
    const canvas = createCanvas(width, height)
    const context = canvas.getContext('2d')
    const image = context.createImageData(width, height)
    image.data.set(pixels)
    context.putImageData(image, 0, 0)
    return { width, height, source: canvas }
  }

  private stop(): void {
    if (this.decoder) {
      this.decoder.child.stdout.destroy()
      this.decoder.child.kill('SIGKILL')
    }
    this.decoder = undefined
  }

  close(): void {
    this.stop()
    void rm(this.dir, { recursive: true, force: true })
  }
}
