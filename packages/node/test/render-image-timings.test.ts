// renderImage's timings say where the time goes: Skia queues draw calls until pixels are read,
// so the Node platform is asked to rasterise right after drawing, before the clock is read and
// before encoding.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { AssetStore, FontLibrary, parseTemplate, renderImage, type EncodeOptions, type Surface } from '@vitrine/core'
import { NodePlatform, builtInFontBaseUrl } from '../src/index.js'

class RecordingPlatform extends NodePlatform {
  readonly calls: string[] = []
  override finishDrawing(surface: Surface): void {
    this.calls.push('finishDrawing')
    super.finishDrawing(surface)
  }
  override now(): number {
    this.calls.push('now')
    return super.now()
  }
  override encode(surface: Surface, options: EncodeOptions): Promise<Uint8Array> {
    this.calls.push('encode')
    return super.encode(surface, options)
  }
}

test('renderImage has the platform rasterise before it stops the drawing clock and encodes', async () => {
  const platform = new RecordingPlatform()
  const template = parseTemplate(
    JSON.stringify({
      schemaVersion: 3,
      id: 't',
      size: { width: 64, height: 64 },
      variables: {},
      layers: [{ id: 'r', type: 'rect', box: { left: 8, top: 8, width: 48, height: 48 }, fill: '#ff0000', shadow: { color: '#00000080', blur: 12, offsetY: 4 } }],
    }),
  )
  const assets = new AssetStore(platform, {})
  const fonts = new FontLibrary(platform, { builtInBaseUrl: builtInFontBaseUrl() })
  const result = await renderImage(template, {}, { format: '64x64', platform, assets, fonts, type: 'png' })
  assert.ok(result.bytes.byteLength > 0)
  const drawn = platform.calls.indexOf('finishDrawing')
  assert.ok(drawn > 0, `finishDrawing was not called: ${platform.calls.join(', ')}`)
  // now (start) … now (drawing done) → finishDrawing must come before the clock that ends drawing.
  const clocks = platform.calls.map((c, i) => (c === 'now' ? i : -1)).filter((i) => i >= 0)
  assert.equal(clocks.length, 4)
  assert.ok(clocks[1]! < drawn && drawn < clocks[2]!, `order: ${platform.calls.join(', ')}`)
  assert.ok(drawn < platform.calls.indexOf('encode'))
})
