// The cut-out effects of image layers, rendered in Node with a tiny real ONNX model (fast, and
// its mask is whatever it computes: these tests check the plumbing of each effect, not the
// model's quality, which cutout-cli.test.ts checks with IS-Net).
import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { test } from 'node:test'
import sharp from 'sharp'
import { AssetStore, CutoutEngine, FontLibrary, ModelRegistry, parseTemplate, renderImage, type ModelSpec } from '@vitrine/core'
import { NodePlatform, builtInFontBaseUrl } from '../src/index.js'
import { createNodeInferenceRuntime } from '../src/ai/node-inference-runtime.js'
import { nodeModelHost } from '../src/ai/node-model-host.js'
import { nodePixelAccess } from '../src/ai/node-pixel-access.js'

const tinyPath = fileURLToPath(new URL('../../core/test/ai/fixtures/tiny-saliency.onnx', import.meta.url))
const tiny = new Uint8Array(await readFile(tinyPath))
const sha = createHash('sha256').update(tiny).digest('hex')
const spec: ModelSpec = {
  id: 'tiny-saliency',
  name: 'Tiny',
  task: 'salient-object',
  format: 'onnx',
  files: [{ url: pathToFileURL(tinyPath).href, sha256: sha, bytes: tiny.length }],
  sha256: sha,
  bytes: tiny.length,
  licence: { spdx: 'MIT' },
  input: { width: 64, height: 64, layout: 'nchw', mean: [0, 0, 0], std: [255, 255, 255] },
  output: { activation: 'none', normalize: 'min-max' },
}

const platform = new NodePlatform()
const engine = new CutoutEngine({ runtime: await createNodeInferenceRuntime({ backend: 'cpu' }), models: new ModelRegistry([spec]), host: nodeModelHost(), pixels: nodePixelAccess })

/** A 120x120 "photo": left half red, right half blue, as a data URL. */
const photo = 'data:image/png;base64,' + (await sharp({ create: { width: 120, height: 120, channels: 3, background: '#ff0000' } }).composite([{ input: await sharp({ create: { width: 60, height: 120, channels: 3, background: '#0000ff' } }).png().toBuffer(), left: 60, top: 0 }]).png().toBuffer()).toString('base64')
const green = 'data:image/png;base64,' + (await sharp({ create: { width: 16, height: 16, channels: 3, background: '#00ff00' } }).png().toBuffer()).toString('base64')

async function render(layer: Record<string, unknown>): Promise<{ pixels: Buffer; src: string; width: number }> {
  const template = parseTemplate(
    JSON.stringify({
      schemaVersion: 3,
      size: { width: 200, height: 200 },
      variables: { image: { type: 'image', required: true } },
      background: '#ffffff',
      layers: [{ id: 'photo', type: 'image', src: { var: 'image' }, fit: 'fill', box: { left: 0, top: 0, width: 200, height: 200 }, ...layer }],
    }),
  )
  const assets = new AssetStore(platform, { baseUrl: pathToFileURL(process.cwd() + '/').href })
  const fonts = new FontLibrary(platform, { builtInBaseUrl: builtInFontBaseUrl() })
  const out = await renderImage(template, { image: photo }, { format: '200x200', platform, assets, fonts, type: 'png', cutout: engine })
  const node = out.scene.nodes[0] as { src: string }
  return { pixels: await sharp(out.bytes).removeAlpha().raw().toBuffer(), src: node.src, width: out.width }
}
const at = (r: { pixels: Buffer; width: number }, x: number, y: number) => [...r.pixels.subarray((y * r.width + x) * 3, (y * r.width + x) * 3 + 3)]

test('backdrops: a paint, another picture, or the original blurred fill the box behind the cut-out', async () => {
  // The tiny model's matte made hard at a high level keeps little of the photo; what shows in
  // the box's corner is the backdrop.
  const matte = { threshold: 0.99 }
  const paint = await render({ cutout: 'product', matte, backdrop: '#00ff00' })
  assert.match(paint.src, /#cutout=tiny-saliency;t=0\.99;/)
  assert.deepEqual(at(paint, 1, 1), [0, 255, 0])
  const picture = await render({ cutout: 'product', matte, backdrop: { type: 'image', src: green } })
  assert.deepEqual(at(picture, 1, 1), [0, 255, 0])
  const blurred = await render({ cutout: 'product', matte, backdrop: { type: 'blurred-original', radius: 40 } })
  // The original's left half is red, its right half blue; blurred, the middle mixes them.
  const left = at(blurred, 2, 100)
  const middle = at(blurred, 100, 199)
  assert.ok(left[0]! > 150 && left[2]! < 100, `the blurred original's left is red, found ${left}`)
  assert.ok(middle[0]! > 40 && middle[2]! > 40, `its middle mixes red and blue, found ${middle}`)
})

test('matte: a feather softens the edge that a threshold makes hard; the same settings reuse one cut-out', async () => {
  const hard = await engine.cutout(await platform.decodeImage(Buffer.from(photo.split(',')[1]!, 'base64')), 'photo', { subject: 'product', matte: { threshold: 0.5 }, trim: false })
  const soft = await engine.cutout(await platform.decodeImage(Buffer.from(photo.split(',')[1]!, 'base64')), 'photo', { subject: 'product', matte: { threshold: 0.5, feather: 8 }, trim: false })
  const alphaValues = async (image: typeof hard.image) => new Set((await nodePixelAccess.readPixels(image, image.width, image.height)).data.filter((_, i) => i % 4 === 3))
  const hardAlpha = await alphaValues(hard.image)
  const softAlpha = await alphaValues(soft.image)
  assert.ok([...hardAlpha].every((a) => a === 0 || a === 255), 'a thresholded matte is all or nothing')
  assert.ok(softAlpha.size > 10, `a feathered matte has soft values (${softAlpha.size})`)
  const again = await engine.cutout(hard.image, 'photo', { subject: 'product', matte: { threshold: 0.5 }, trim: false })
  assert.equal(again.image, hard.image, 'the same asset and settings give the same cut-out object')
  assert.equal(engine.masks.stats.computed, 1, 'one mask for the picture, whatever the settings')
})
