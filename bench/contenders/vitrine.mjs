import { readFile } from 'node:fs/promises'
import { dirname } from 'node:path'
import { pathToFileURL } from 'node:url'
import { AssetStore, FontLibrary, bindRow, parseTemplate, renderFrame, renderImage, resolve } from '@vitrine/core'
import { NodePlatform, builtInFontBaseUrl } from '@vitrine/node'
import { createRecorder, replay } from '../lib/skia-replay.mjs'

const format = 'instagram-square'

/** A bench row (CSV strings) as core's RawRow, the shape a feed parser gives bindRow. */
function rawRow(row, index) {
  const { imagePath: _, ...values } = row
  return { index: index + 1, line: index + 2, pointer: `/rows/${index}`, values }
}

/**
 * Vitrine in Node: the public `renderImage` (bindRow → resolve → renderFrame → encode) with a
 * NodePlatform, one asset store, one font library and one reused surface, as a batch does.
 *
 * `split()` then measures where the time goes, step by step on the same rows, forcing Skia to
 * rasterise after drawing by reading a pixel back (@napi-rs/canvas defers draw calls until
 * pixels are needed, which would otherwise bill the drawing to the encoder). `encodeDrawn()`
 * encodes the bitmap the last render drew once more: the encoder alone, on the same bitmap.
 */
export function createVitrineContender() {
  let template
  let platform
  let assets
  let fonts
  let surface
  const rowIndex = new Map()
  let nextIndex = 0

  const bind = (row) => {
    let i = rowIndex.get(row)
    if (i === undefined) {
      i = nextIndex++
      rowIndex.set(row, i)
    }
    return bindRow(template, rawRow(row, i)).values
  }
  const options = (type, quality) => ({ format, platform, assets, fonts, type, quality: type === 'png' ? undefined : quality, surface })

  return {
    name: 'vitrine',
    labelFor: () => 'Vitrine (Node)',
    types: ['png', 'jpeg'],
    notes: {},
    async setup({ templatePath, dataPath }) {
      template = parseTemplate(await readFile(templatePath, 'utf8'))
      platform = new NodePlatform()
      assets = new AssetStore(platform, { baseUrl: pathToFileURL(dirname(dataPath)).href + '/' })
      fonts = new FontLibrary(platform, { builtInBaseUrl: builtInFontBaseUrl() })
      surface = platform.createSurface(template.size.width, template.size.height)
    },
    async render(row, type, { quality = 85 } = {}) {
      const result = await renderImage(template, bind(row), options(type, quality))
      return result.bytes
    },
    /** Per-step milliseconds per image over `rows`, with rasterisation forced before encoding. */
    async split(rows, type, { quality = 85 } = {}) {
      const totals = { resolveMs: 0, drawMs: 0, encodeMs: 0, skiaAloneMs: 0 }
      const opts = options(type, quality)
      const tapes = []
      for (const row of rows) {
        const t0 = performance.now()
        const scene = await resolve(template, bind(row), opts)
        const t1 = performance.now()
        renderFrame(scene, 0, surface, assets)
        surface.context.getImageData(0, 0, 1, 1)
        const t2 = performance.now()
        await platform.encode(surface, { type, quality: opts.quality })
        const t3 = performance.now()
        totals.resolveMs += t1 - t0
        totals.drawMs += t2 - t1
        totals.encodeMs += t3 - t2
        // The same frame once more, its Canvas 2D calls recorded (untimed).
        const recorder = createRecorder(platform)
        renderFrame(scene, 0, recorder.surface(surface), recorder.images(assets))
        // Rasterised now, so that the next row's timed drawing does not pay for it.
        surface.context.getImageData(0, 0, 1, 1)
        tapes.push(recorder.tape)
      }
      // Skia alone: the recorded calls replayed on the same surface, with no Vitrine code between.
      // First, proof that the replay draws the very same pixels.
      const { width, height } = surface
      const drawn = surface.context.getImageData(0, 0, width, height).data.slice()
      surface.context.clearRect(0, 0, width, height)
      replay(tapes.at(-1), surface, platform)
      const replayed = surface.context.getImageData(0, 0, width, height).data
      if (drawn.some((v, i) => v !== replayed[i])) throw new Error('the replayed Canvas 2D calls drew other pixels than renderFrame')
      for (const tape of tapes.slice(0, 5)) replay(tape, surface, platform)
      surface.context.getImageData(0, 0, 1, 1)
      const t0 = performance.now()
      for (const tape of tapes) {
        replay(tape, surface, platform)
        surface.context.getImageData(0, 0, 1, 1)
      }
      totals.skiaAloneMs = performance.now() - t0
      return Object.fromEntries(Object.entries(totals).map(([k, v]) => [k, v / rows.length]))
    },
    /** The encoder on its own: the bitmap the last render drew, encoded once more. */
    async encodeDrawn(type, { quality = 85 } = {}) {
      await platform.encode(surface, { type, quality: type === 'png' ? undefined : quality })
    },
    async teardown() {},
  }
}
