// Bundled for Chromium by browser-encode.test.ts: renderVideo with the browser encoders, and
// renderFrame stills of the same Scene, returned to Node as base64.
import { AssetStore, BrowserPlatform, FontLibrary, browserVideoEncoder, parseTemplate, renderFrame, renderVideo, type FfmpegWasmEncoderOptions } from '@vitrine/core/browser'

interface VideoSpec {
  template: unknown
  format: string
  container: 'mp4' | 'webm' | 'gif'
  codec?: 'h264' | 'vp9' | 'vp8' | 'av1' | 'gif'
  prefer?: 'auto' | 'webcodecs' | 'ffmpeg.wasm'
  ffmpeg?: FfmpegWasmEncoderOptions
  baseUrl: string
  fontBaseUrl: string
  stills: number[]
}

const platform = new BrowserPlatform()
let fonts: FontLibrary | undefined

function base64(bytes: Uint8Array | Uint8ClampedArray): string {
  let binary = ''
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return btoa(binary)
}

async function encodeVideo(spec: VideoSpec) {
  fonts ??= new FontLibrary(platform, { builtInBaseUrl: spec.fontBaseUrl })
  const template = parseTemplate(spec.template)
  const assets = new AssetStore(platform, { baseUrl: spec.baseUrl })
  const started = performance.now()
  const video = await renderVideo(template, {}, {
    format: spec.format,
    container: spec.container,
    codec: spec.codec,
    encoder: browserVideoEncoder({ ffmpeg: spec.ffmpeg, prefer: spec.prefer }),
    platform,
    assets,
    fonts,
  })
  const ms = performance.now() - started
  const surface = platform.createSurface(video.width, video.height)
  const stills: Record<number, string> = {}
  for (const n of spec.stills) {
    renderFrame(video.scene, n / video.fps, surface, assets)
    const context = surface.context as unknown as OffscreenCanvasRenderingContext2D
    stills[n] = base64(context.getImageData(0, 0, video.width, video.height).data)
  }
  return { bytes: base64(video.bytes!), info: video.info, frames: video.frames, ms, stills, webCodecs: typeof VideoEncoder === 'function' }
}

;(globalThis as unknown as { vitrineVideo: typeof encodeVideo }).vitrineVideo = encodeVideo
