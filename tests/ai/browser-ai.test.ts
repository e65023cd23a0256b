// The browser inference runtime in headless Chromium (Debian's), for real: onnxruntime-web in a
// module worker, wasm single-threaded, wasm with threads on a cross-origin isolated page, and
// WebGPU through Chromium's SwiftShader adapter (correct but slow here, so a tiny model), each
// compared with onnxruntime-node on the same input. Then the cut-out engine's hash check and its
// IndexedDB caches. The cut-out quality of the real model is tested in Node
// (packages/node/test/cutout-cli.test.ts) and measured in Chromium by `pnpm bench:ai`.
import assert from 'node:assert/strict'
import { readFile } from 'node:fs/promises'
import { createHash } from 'node:crypto'
import { after, before, test } from 'node:test'
import { fileURLToPath } from 'node:url'
import { chromium, type Browser, type Page } from 'playwright-core'
import { createNodeInferenceRuntime } from '@vitrine/node'
import { startAiPageServer, type AiPageServer } from './ai-page-server.js'
import type { vitrineAi } from './browser-entry.js'
import { chromiumLaunchOptions } from '../../scripts/chromium.mjs'

type AiApi = typeof vitrineAi

const tinyPath = fileURLToPath(new URL('../../packages/core/test/ai/fixtures/tiny-saliency.onnx', import.meta.url))
const tiny = new Uint8Array(await readFile(tinyPath))
const tinySha = createHash('sha256').update(tiny).digest('hex')
const SIZE = 64
/** A deterministic input: the same in Node and in the page. */
const input = new Float32Array(3 * SIZE * SIZE).map((_, i) => ((i * 7) % 23) / 23)

let browser: Browser
let plain: AiPageServer
let isolated: AiPageServer
let nodeOutput: Float32Array

async function openPage(server: AiPageServer): Promise<Page> {
  const page = await browser.newPage()
  // tsx compiles page.evaluate callbacks with esbuild's keepNames helper; give the page one.
  await page.addInitScript('globalThis.__name = (f) => f')
  await page.goto(server.origin + '/')
  await page.waitForFunction(() => 'vitrineAi' in globalThis)
  return page
}

/** Runs the tiny model in the page on `backends`; returns the report, the backend and the output. */
async function runTiny(page: Page, backends: string[]): Promise<{ report: { chosen: string; skipped: { backend: string; reason: string }[] }; backend: string; output: number[] }> {
  return page.evaluate(
    async ([backends, size]) => {
      const ai = (globalThis as unknown as { vitrineAi: AiApi }).vitrineAi
      const runtime = await ai.createBrowserInferenceRuntime({ ortBaseUrl: '/ort/', workerUrl: '/app/worker.js', backends: backends as Array<'webgpu' | 'wasm'> })
      const bytes = new Uint8Array(await (await fetch('/repo/packages/core/test/ai/fixtures/tiny-saliency.onnx')).arrayBuffer())
      const session = await runtime.createSession(bytes, { modelId: 'tiny' })
      const data = new Float32Array(3 * size * size).map((_, i) => ((i * 7) % 23) / 23)
      const out = await session.run({ input: { type: 'float32', data, dims: [1, 3, size, size] } })
      const result = { report: JSON.parse(JSON.stringify(runtime.report)), backend: session.backend, output: Array.from(out.output!.data as Float32Array) }
      await runtime.dispose?.()
      return result
    },
    [backends, SIZE] as const,
  )
}

function maxDifference(a: ArrayLike<number>, b: ArrayLike<number>): number {
  assert.equal(a.length, b.length)
  let max = 0
  for (let i = 0; i < a.length; i++) max = Math.max(max, Math.abs(a[i]! - b[i]!))
  return max
}

before(async () => {
  ;[plain, isolated] = await Promise.all([startAiPageServer(), startAiPageServer({ isolated: true })])
  browser = await chromium.launch(chromiumLaunchOptions(['--headless=new', '--enable-unsafe-webgpu']))
  const runtime = await createNodeInferenceRuntime({ backend: 'cpu' })
  const session = await runtime.createSession(tiny)
  nodeOutput = (await session.run({ input: { type: 'float32', data: input, dims: [1, 3, SIZE, SIZE] } })).output!.data as Float32Array
  await session.release()
})
after(async () => {
  await browser?.close()
  await plain?.close()
  await isolated?.close()
})

test('wasm in a worker: same output as onnxruntime-node, and the report says why threads were not used', async () => {
  const page = await openPage(plain)
  const result = await runTiny(page, ['wasm'])
  assert.equal(result.report.chosen, 'wasm-simd')
  assert.equal(result.backend, 'wasm-simd')
  assert.match(result.report.skipped.find((s) => s.backend === 'wasm-simd-threaded')?.reason ?? '', /cross-origin isolated/)
  assert.ok(maxDifference(result.output, nodeOutput) < 1e-5, 'wasm matches onnxruntime-node')
  await page.close()
})

test('a cross-origin isolated page runs wasm with threads', async () => {
  const page = await openPage(isolated)
  assert.equal(await page.evaluate(() => crossOriginIsolated), true)
  const result = await runTiny(page, ['wasm'])
  assert.equal(result.report.chosen, 'wasm-simd-threaded')
  assert.ok(maxDifference(result.output, nodeOutput) < 1e-5)
  await page.close()
})

test('WebGPU (SwiftShader adapter) is chosen first and computes what wasm computes', async () => {
  const page = await openPage(plain)
  const result = await runTiny(page, ['webgpu', 'wasm'])
  assert.equal(result.report.chosen, 'webgpu')
  assert.equal(result.backend, 'webgpu')
  const difference = maxDifference(result.output, nodeOutput)
  assert.ok(difference < 1e-4, `WebGPU output within 1e-4 of CPU, found ${difference}`)
  // Without WebGPU in the list, the same page uses wasm and says nothing was skipped for WebGPU.
  const wasm = await runTiny(page, ['wasm'])
  assert.equal(wasm.backend, 'wasm-simd')
  await page.close()
})

test('WebGPU that fails mid-run (its device lost) falls back to wasm, says so, and still answers', async () => {
  const page = await openPage(plain)
  const warnings: string[] = []
  page.on('console', (m) => {
    if (m.type() === 'warning') warnings.push(m.text())
  })
  const result = await page.evaluate(async (size) => {
    const ai = (globalThis as unknown as { vitrineAi: AiApi }).vitrineAi
    const runtime = await ai.createBrowserInferenceRuntime({ ortBaseUrl: '/ort/', workerUrl: '/app/worker.js', backends: ['webgpu', 'wasm'] })
    const bytes = new Uint8Array(await (await fetch('/repo/packages/core/test/ai/fixtures/tiny-saliency.onnx')).arrayBuffer())
    const session = await runtime.createSession(bytes, { modelId: 'tiny' })
    const input = () => ({ input: { type: 'float32' as const, data: new Float32Array(3 * size * size).map((_, i) => ((i * 7) % 23) / 23), dims: [1, 3, size, size] } })
    const before = session.backend
    await session.run(input())
    const destroyed = await runtime.loseGpuDevice()
    const out = await session.run(input())
    const report = JSON.parse(JSON.stringify(runtime.report))
    await runtime.dispose?.()
    return { before, after: session.backend, destroyed, report, output: Array.from(out.output!.data as Float32Array) }
  }, SIZE)
  assert.equal(result.before, 'webgpu')
  assert.equal(result.destroyed, true)
  assert.equal(result.after, 'wasm-simd')
  assert.equal(result.report.chosen, 'wasm-simd')
  assert.ok(result.report.skipped.some((s: { backend: string; reason: string }) => s.backend === 'webgpu' && /while running/.test(s.reason)))
  assert.ok(warnings.some((w) => /falling back to wasm-simd/.test(w)), `a warning says so: ${warnings.join(' | ')}`)
  assert.ok(maxDifference(result.output, nodeOutput) < 1e-5, 'the answer after the fallback is right')
  await page.close()
})

test('without a WebGPU adapter (Chromium without --enable-unsafe-webgpu), the runtime says so and runs on wasm', async () => {
  const plainBrowser = await chromium.launch(chromiumLaunchOptions(['--headless=new']))
  try {
    const page = await plainBrowser.newPage()
    await page.addInitScript('globalThis.__name = (f) => f')
    await page.goto(plain.origin + '/')
    await page.waitForFunction(() => 'vitrineAi' in globalThis)
    const result = await runTiny(page, ['webgpu', 'wasm'])
    assert.equal(result.report.chosen, 'wasm-simd')
    assert.match(result.report.skipped.find((s) => s.backend === 'webgpu')?.reason ?? '', /WebGPU/)
    assert.ok(maxDifference(result.output, nodeOutput) < 1e-5)
  } finally {
    await plainBrowser.close()
  }
})

test('the browser cut-out engine refuses a model with the wrong hash, and caches the model and masks in IndexedDB', async () => {
  const page = await openPage(plain)
  const result = await page.evaluate(
    async ([sha, size]) => {
      const ai = (globalThis as unknown as { vitrineAi: AiApi }).vitrineAi
      const spec = (sha256: string): Parameters<AiApi['createBrowserCutoutEngine']>[0]['models'][number] => ({
        id: 'tiny-saliency',
        name: 'Tiny',
        task: 'salient-object',
        format: 'onnx',
        files: [{ url: 'tiny-saliency.onnx', sha256, bytes: 1556 }],
        sha256,
        bytes: 1556,
        licence: { spdx: 'MIT' },
        input: { width: size, height: size, layout: 'nchw', mean: [0, 0, 0], std: [255, 255, 255] },
        output: { activation: 'none', normalize: 'none' },
      })
      const options = { ortBaseUrl: '/ort/', workerUrl: '/app/worker.js', backends: ['wasm' as const], modelBaseUrl: '/repo/packages/core/test/ai/fixtures/', cacheName: 'vitrine-ai-test' }
      await ai.indexedDbAiCache('vitrine-ai-test').clear()
      const bad = await ai.createBrowserCutoutEngine({ ...options, models: [spec('0'.repeat(64))] })
      const refused = await bad.session(bad.modelFor('product')).then(
        () => 'loaded',
        (e: { code: string; path: string }) => `${e.code} ${e.path}`,
      )
      const canvas = new OffscreenCanvas(96, 80)
      const ctx = canvas.getContext('2d') as OffscreenCanvasRenderingContext2D
      ctx.fillStyle = '#336699'
      ctx.fillRect(0, 0, 96, 80)
      ctx.fillStyle = '#ffcc00'
      ctx.fillRect(30, 20, 36, 40)
      const bitmap = await createImageBitmap(canvas)
      const image = { width: 96, height: 80, source: bitmap }
      const phases: string[] = []
      const first = await ai.createBrowserCutoutEngine({ ...options, models: [spec(sha as string)], onProgress: (p: { phase: string }) => phases.push(p.phase) })
      const a = await first.segment(image, 'product', 'box.png')
      const b = await first.segment(image, 'product', 'box.png')
      const cut = await first.cutout(image, 'box.png', { subject: 'product', trim: false })
      const second = await ai.createBrowserCutoutEngine({ ...options, models: [spec(sha as string)], onProgress: (p: { phase: string }) => phases.push('2:' + p.phase) })
      const c = await second.segment(image, 'product', 'box.png')
      // The mask came from the store, so no model was needed; loading it now reads IndexedDB.
      await second.session(second.modelFor('product'))
      return { refused, phases, sources: [a.source, b.source, c.source], maskSize: [a.mask.width, a.mask.height], cutSize: [cut.image.width, cut.image.height], same: a.mask.data.every((v: number, i: number) => v === c.mask.data[i]) }
    },
    [tinySha, SIZE] as const,
  )
  assert.equal(result.refused, 'ai/hash-mismatch /files/0/sha256')
  assert.deepEqual(result.sources, ['computed', 'memory', 'store'])
  assert.ok(result.same, 'the stored mask is the computed one')
  assert.deepEqual(result.maskSize, [SIZE, SIZE])
  assert.deepEqual(result.cutSize, [96, 80])
  assert.ok(result.phases.includes('download') && result.phases.includes('2:cache'), `the second engine reads the model from IndexedDB: ${result.phases.join(', ')}`)
  assert.ok(!result.phases.includes('2:download'))
  await page.close()
})

test('MediaPipe selfie segmentation, through tasks-vision (model given its metadata) and the legacy solution, finds the person in a drawing and a photo, and none in a product picture', async () => {
  // The selfie model with the TFLite metadata tasks-vision needs (built from the npm package, offline).
  // @ts-expect-error -- a JavaScript build script, without types
  const { ensureSelfieSegmenter } = (await import('../../scripts/build-selfie-segmenter.mjs')) as { ensureSelfieSegmenter(): string }
  ensureSelfieSegmenter()
  // Samples of the project's evaluation set: a drawn person and a product, with true masks.
  // @ts-expect-error -- a JavaScript module of the benchmark, without types
  const { makeAiEvalSample } = (await import('../../bench/lib/ai-eval-set.mjs')) as { makeAiEvalSample(i: number): Promise<{ png: Buffer; maskPng: Buffer }> }
  const person = await makeAiEvalSample(55)
  const product = await makeAiEvalSample(3)
  const page = await openPage(plain)
  const result = await page.evaluate(
    async ([personPng, personMask, productPng]) => {
      const ai = (globalThis as unknown as { vitrineAi: AiApi }).vitrineAi
      const decode = async (base64: string) => {
        const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))
        const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }))
        return ai.browserPixelAccess.readPixels({ width: bitmap.width, height: bitmap.height, source: bitmap }, bitmap.width, bitmap.height)
      }
      const tasks = '/repo/packages/elements/node_modules/@mediapipe/tasks-vision/'
      const segmenters = [
        await ai.createTasksVisionPersonSegmenter({ bundleUrl: tasks + 'vision_bundle.mjs', wasmBaseUrl: tasks + 'wasm', modelUrl: '/repo/.cache/models/selfie_segmenter.tflite' }),
        await ai.createSelfieSegmenter({ baseUrl: '/repo/packages/core/node_modules/@mediapipe/selfie_segmentation/' }),
      ]
      const truthPixels = await decode(personMask as string)
      const truth = { width: truthPixels.width, height: truthPixels.height, data: new Uint8Array(truthPixels.width * truthPixels.height).map((_, i) => truthPixels.data[i * 4] as number) }
      const found = []
      for (const segmenter of segmenters) {
        const personFound = await segmenter.segment(await decode(personPng as string))
        const productFound = await segmenter.segment(await decode(productPng as string))
        const coverage = productFound.data.reduce((sum, v) => sum + (v >= 128 ? 1 : 0), 0) / productFound.data.length
        found.push({ id: segmenter.id, mask: personFound, iou: ai.maskIoU(personFound, truth), coverage })
      }
      // A real photo: the public-domain astronaut portrait the try-on tests use (512x512).
      const photo = await createImageBitmap(await (await fetch('/repo/packages/elements/assets/try-on/astronaut.jpg')).blob())
      const photoMask = await segmenters[0]!.segment(await ai.browserPixelAccess.readPixels({ width: photo.width, height: photo.height, source: photo }, photo.width, photo.height))
      const at = (x: number, y: number) => photoMask.data[Math.round(y * photoMask.height) * photoMask.width + Math.round(x * photoMask.width)] as number
      const photoCoverage = photoMask.data.reduce((sum, v) => sum + (v >= 128 ? 1 : 0), 0) / photoMask.data.length
      return {
        results: found.map(({ id, iou, coverage }) => ({ id, iou, coverage })),
        agreement: ai.maskIoU(found[0]!.mask, found[1]!.mask),
        photo: { face: at(0.43, 0.22), suit: at(0.3, 0.75), flag: at(0.04, 0.1), wall: at(0.62, 0.06), coverage: photoCoverage },
      }
    },
    [person.png.toString('base64'), person.maskPng.toString('base64'), product.png.toString('base64')] as const,
  )
  assert.deepEqual(result.results.map((r) => r.id), ['tasks-vision:selfie_segmenter.tflite', 'mediapipe-selfie-general'])
  for (const r of result.results) {
    assert.ok(r.iou > 0.8, `${r.id}: person IoU ${r.iou.toFixed(3)} should be above 0.8`)
    assert.ok(r.coverage < 0.02, `${r.id}: a product picture has no person, found ${(r.coverage * 100).toFixed(1)} % marked`)
  }
  assert.ok(result.agreement > 0.9, `the two paths agree (IoU ${result.agreement.toFixed(3)})`)
  // On the photo: the face and the suit are the person; the flag and the wall behind are not.
  const { face, suit, flag, wall, coverage } = result.photo
  assert.ok(face > 200 && suit > 200, `face ${face} and suit ${suit} are the person`)
  assert.ok(flag < 50 && wall < 50, `flag ${flag} and wall ${wall} are background`)
  assert.ok(coverage > 0.25 && coverage < 0.8, `the person covers ${(coverage * 100).toFixed(0)} % of the photo`)
  await page.close()
})

test('a template with a cut-out renders in Chromium: the picture is replaced by its cut-out over the backdrop', async () => {
  const page = await openPage(plain)
  const result = await page.evaluate(
    async ([sha, size]) => {
      const ai = (globalThis as unknown as { vitrineAi: AiApi }).vitrineAi
      const engine = await ai.createBrowserCutoutEngine({
        ortBaseUrl: '/ort/',
        workerUrl: '/app/worker.js',
        backends: ['wasm'],
        cacheName: false,
        modelBaseUrl: '/repo/packages/core/test/ai/fixtures/',
        models: [
          {
            id: 'tiny-saliency',
            name: 'Tiny',
            task: 'salient-object',
            format: 'onnx',
            files: [{ url: 'tiny-saliency.onnx', sha256: sha as string, bytes: 1556 }],
            sha256: sha as string,
            bytes: 1556,
            licence: { spdx: 'MIT' },
            input: { width: size as number, height: size as number, layout: 'nchw', mean: [0, 0, 0], std: [255, 255, 255] },
            output: { activation: 'none', normalize: 'min-max' },
          },
        ],
      })
      // A photo: a light square on a dark field.
      const canvas = new OffscreenCanvas(120, 120)
      const ctx = canvas.getContext('2d') as OffscreenCanvasRenderingContext2D
      ctx.fillStyle = '#202020'
      ctx.fillRect(0, 0, 120, 120)
      ctx.fillStyle = '#f0f0f0'
      ctx.fillRect(35, 35, 50, 50)
      const blob = await canvas.convertToBlob({ type: 'image/png' })
      const dataUrl = await new Promise<string>((resolve) => {
        const reader = new FileReader()
        reader.onload = () => resolve(reader.result as string)
        reader.readAsDataURL(blob)
      })
      const template = ai.parseTemplate(
        JSON.stringify({
          schemaVersion: 3,
          size: { width: 200, height: 200 },
          variables: { image: { type: 'image', required: true } },
          background: '#0000ff',
          layers: [{ id: 'photo', type: 'image', src: { var: 'image' }, fit: 'contain', box: { left: 0, top: 0, width: 200, height: 200 }, cutout: 'product', matte: { threshold: 0.5 }, backdrop: '#00ff00' }],
        }),
      )
      const platform = new ai.BrowserPlatform()
      const assets = new ai.AssetStore(platform, { baseUrl: location.href })
      const fonts = new ai.FontLibrary(platform, { builtInBaseUrl: '/repo/packages/core/fonts/' })
      const rendered = await ai.renderImage(template, { image: dataUrl }, { format: '200x200', platform, assets, fonts, type: 'png', cutout: engine })
      const node = rendered.scene.nodes[0] as { src: string; backdrop?: { type: string } }
      const bitmap = await createImageBitmap(new Blob([rendered.bytes as Uint8Array<ArrayBuffer>], { type: 'image/png' }))
      const out = new OffscreenCanvas(200, 200)
      const octx = out.getContext('2d') as OffscreenCanvasRenderingContext2D
      octx.drawImage(bitmap, 0, 0)
      return { src: node.src, backdrop: node.backdrop?.type, corner: Array.from(octx.getImageData(2, 2, 1, 1).data), size: [rendered.width, rendered.height] }
    },
    [tinySha, SIZE] as const,
  )
  assert.match(result.src, /#cutout=tiny-saliency;t=0\.5;/)
  assert.equal(result.backdrop, 'paint')
  assert.deepEqual(result.size, [200, 200])
  // The box's corner shows the backdrop (green), not the template's blue background nor the photo's dark field.
  assert.deepEqual(result.corner.slice(0, 3), [0, 255, 0])
  await page.close()
})
