// The video page: examples/product-video.json in <vitrine-preview> (play, pause, seek), and an
// export to MP4 or WebM in this browser, through WebCodecs or ffmpeg.wasm (served by this app
// from /ffmpeg/, never from a CDN), or to an animated GIF (always ffmpeg.wasm).
import '@vitrine/elements'
import type { VitrineTimeEventDetail } from '@vitrine/elements'
import { AssetStore, BrowserPlatform, FontLibrary, bindRow, browserVideoEncoder, parseTemplate, renderVideo } from '@vitrine/core/browser'
import { parseFeed } from '@vitrine/core'

const ASSET_BASE_URL = new URL('/examples/', location.href).href
const FFMPEG = {
  coreURL: new URL('/ffmpeg/core/ffmpeg-core.js', location.href).href,
  wasmURL: new URL('/ffmpeg/core/ffmpeg-core.wasm', location.href).href,
  workerURL: new URL('/ffmpeg/worker/worker.js', location.href).href,
}

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T
const preview = $<HTMLElementTagNameMap['vitrine-preview']>('preview')
const productSelect = $<HTMLSelectElement>('product')
const formatSelect = $<HTMLSelectElement>('format')
const encoderSelect = $<HTMLSelectElement>('encoder')
const playButton = $<HTMLButtonElement>('play')
const seek = $<HTMLInputElement>('seek')
const time = $<HTMLElement>('time')
const status = $<HTMLElement>('status')
const result = $<HTMLVideoElement>('result')
const resultGif = $<HTMLImageElement>('result-gif')

const [templateJson, feedText] = await Promise.all([
  fetch('/examples/product-video.json').then((r) => r.json() as Promise<object>),
  fetch('/examples/products.csv').then((r) => r.text()),
])
const rows = parseFeed(feedText, { fileName: 'products.csv' }).rows.map((row) => row.values)

function show(): void {
  preview.template = templateJson
  preview.data = rows[Number(productSelect.value)]
  preview.format = formatSelect.value
  preview.baseUrl = ASSET_BASE_URL
}

async function exportVideo(container: 'mp4' | 'webm' | 'gif'): Promise<void> {
  const platform = new BrowserPlatform()
  const fonts = new FontLibrary(platform, { builtInBaseUrl: new URL('/fonts/', location.href).href })
  const assets = new AssetStore(platform, { baseUrl: ASSET_BASE_URL })
  const template = parseTemplate(templateJson)
  const { values } = bindRow(template, { index: 1, line: 1, pointer: '', values: rows[Number(productSelect.value)] ?? {} })
  status.classList.remove('error')
  status.textContent = `Encoding ${container.toUpperCase()}…`
  const started = performance.now()
  try {
    const video = await renderVideo(template, values, {
      format: formatSelect.value,
      container,
      platform,
      assets,
      fonts,
      encoder: browserVideoEncoder({ ffmpeg: FFMPEG, prefer: encoderSelect.value as 'auto' | 'ffmpeg.wasm' }),
      onFrame: (done, total) => {
        if (done % 15 === 0) status.textContent = `Encoding ${container.toUpperCase()}… ${done}/${total} frames`
      },
    })
    const seconds = (performance.now() - started) / 1000
    status.textContent = `${video.width}x${video.height}, ${video.duration} s: ${video.info.encoder} ${video.info.codecDetail}${video.info.audioCodec ? ` + ${video.info.audioCodec}` : ''}, ${(video.byteLength / 1024).toFixed(0)} KB in ${seconds.toFixed(1)} s (${(video.frames / seconds).toFixed(1)} fps)`
    const url = URL.createObjectURL(new Blob([video.bytes! as Uint8Array<ArrayBuffer>], { type: container === 'gif' ? 'image/gif' : `video/${container}` }))
    // A GIF is an image: shown in <img>, where it loops.
    const [shown, other] = container === 'gif' ? [resultGif, result] : [result, resultGif]
    shown.src = url
    shown.hidden = false
    other.hidden = true
  } catch (error) {
    status.classList.add('error')
    status.textContent = `Export failed: ${(error as Error).message}`
  }
}

preview.addEventListener('timeupdate', (event) => {
  const { currentTime, duration } = (event as CustomEvent<VitrineTimeEventDetail>).detail
  seek.max = String(duration)
  seek.value = String(currentTime)
  time.textContent = `${currentTime.toFixed(2)} s`
})
preview.addEventListener('play', () => (playButton.textContent = 'Pause'))
preview.addEventListener('pause', () => (playButton.textContent = 'Play'))
playButton.addEventListener('click', () => (preview.playing ? preview.pause() : preview.play()))
seek.addEventListener('input', () => {
  preview.pause()
  void preview.seek(Number(seek.value))
})
productSelect.addEventListener('change', show)
formatSelect.addEventListener('change', show)
$<HTMLButtonElement>('mp4').addEventListener('click', () => void exportVideo('mp4'))
$<HTMLButtonElement>('webm').addEventListener('click', () => void exportVideo('webm'))
$<HTMLButtonElement>('gif').addEventListener('click', () => void exportVideo('gif'))

productSelect.replaceChildren(
  ...rows.map((row, index) => {
    const option = document.createElement('option')
    option.value = String(index)
    option.textContent = `${String(row.sku)} · ${String(row.title)}`
    return option
  }),
)
productSelect.disabled = false
show()
