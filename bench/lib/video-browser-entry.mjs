// Bundled for Chromium by the video benchmark: the ad rendered with the browser encoders.
import { AssetStore, BrowserPlatform, FontLibrary, browserVideoEncoder, parseTemplate, renderVideo, bindRow } from '@vitrine/core/browser'

const platform = new BrowserPlatform()
let fonts

globalThis.vitrineBenchVideo = async (spec) => {
  fonts ??= new FontLibrary(platform, { builtInBaseUrl: spec.fontBaseUrl })
  const template = parseTemplate(spec.template)
  const assets = new AssetStore(platform, { baseUrl: spec.baseUrl })
  const { values } = bindRow(template, { index: 1, line: 2, pointer: '/rows/0', values: spec.row })
  const t0 = performance.now()
  const video = await renderVideo(template, values, {
    format: spec.format,
    container: 'mp4',
    encoder: browserVideoEncoder({ prefer: spec.prefer, ffmpeg: spec.ffmpeg }),
    platform,
    assets,
    fonts,
  })
  const ms = performance.now() - t0
  return { frames: video.frames, ms, fps: (video.frames * 1000) / ms, bytes: video.byteLength, encoder: `${video.info.encoder} ${video.info.codecDetail}`, timings: video.timings }
}
