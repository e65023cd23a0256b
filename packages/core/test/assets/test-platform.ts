// A small Platform over @napi-rs/canvas and Node's fs/http for the asset tests. It behaves like
// the real NodePlatform where the tests look (limits, error codes); it is not shipped.
import { createRequire } from 'node:module'
import { readFile, stat } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { VitrineError } from '../../src/errors/vitrine-error.js'
import type { DecodedImage, EncodeOptions, FetchOptions, FontFaceSource, Platform, Surface } from '../../src/platform/platform.js'

const nodePackage = fileURLToPath(new URL('../../../node/package.json', import.meta.url))
const requireFromNode = createRequire(nodePackage)
export const canvas = requireFromNode('@napi-rs/canvas') as typeof import('@napi-rs/canvas')
export const sharp = requireFromNode('sharp') as typeof import('sharp')

/** Counts what the store asked for, so tests can prove caching. */
export class TestPlatform implements Platform {
  readonly name = 'test-node'
  fetched: string[] = []
  decoded = 0

  createSurface(width: number, height: number): Surface {
    const c = canvas.createCanvas(width, height)
    return { width, height, canvas: c, context: c.getContext('2d') as never }
  }

  async decodeImage(bytes: Uint8Array): Promise<DecodedImage> {
    this.decoded++
    try {
      const image = await canvas.loadImage(Buffer.from(bytes))
      return { width: image.width, height: image.height, source: image }
    } catch (error) {
      throw new VitrineError('asset/corrupt', `could not decode: ${(error as Error).message}`, { cause: error })
    }
  }

  async registerFont(face: FontFaceSource): Promise<void> {
    canvas.GlobalFonts.register(Buffer.from(face.bytes), face.family)
  }

  async fetchBytes(url: string, options: FetchOptions): Promise<Uint8Array> {
    this.fetched.push(url)
    if (url.startsWith('file:')) {
      const file = fileURLToPath(url)
      try {
        const info = await stat(file)
        if (info.size > options.maxBytes) throw new VitrineError('asset/too-large', `${info.size} bytes, over ${options.maxBytes}`)
        return new Uint8Array(await readFile(file))
      } catch (error) {
        if (error instanceof VitrineError) throw error
        throw new VitrineError('asset/not-found', `no file at ${file}`, { cause: error })
      }
    }
    const controller = new AbortController()
    const timer = setTimeout(() => controller.abort(), options.timeoutMs)
    try {
      const response = await fetch(url, { signal: controller.signal })
      if (!response.ok || !response.body) throw new VitrineError('asset/not-found', `HTTP ${response.status} from ${url}`)
      const chunks: Uint8Array[] = []
      let total = 0
      for await (const chunk of response.body) {
        total += chunk.length
        if (total > options.maxBytes) {
          controller.abort()
          throw new VitrineError('asset/too-large', `more than ${options.maxBytes} bytes from ${url}`)
        }
        chunks.push(chunk)
      }
      return new Uint8Array(Buffer.concat(chunks))
    } catch (error) {
      if (error instanceof VitrineError) throw error
      if (controller.signal.aborted) throw new VitrineError('asset/timeout', `no answer from ${url} within ${options.timeoutMs} ms`)
      throw new VitrineError('asset/not-found', `could not fetch ${url}: ${(error as Error).message}`, { cause: error })
    } finally {
      clearTimeout(timer)
    }
  }

  async encode(surface: Surface, options: EncodeOptions): Promise<Uint8Array> {
    const c = surface.canvas as import('@napi-rs/canvas').Canvas
    return new Uint8Array(await c.encode(options.type === 'jpeg' ? 'jpeg' : options.type === 'webp' ? 'webp' : 'png'))
  }

  now(): number {
    return performance.now()
  }
}
