// The Chromium half of bench/ai.mjs: the cut-out engine in a page (onnxruntime-web in a worker,
// wasm with threads on a cross-origin isolated page; WebGPU when asked, which here means
// Chromium's SwiftShader software adapter), and MediaPipe's selfie model on the person samples.
import { chromium } from 'playwright-core'
import { startAiPageServer } from '../../tests/ai/ai-page-server.ts'
import { ensureSelfieSegmenter } from '../../scripts/build-selfie-segmenter.mjs'
import { chromiumLaunchOptions } from '../../scripts/chromium.mjs'

async function openPage(browser, server) {
  const page = await browser.newPage()
  await page.addInitScript('globalThis.__name = (f) => f')
  await page.goto(server.origin + '/')
  await page.waitForFunction(() => 'vitrineAi' in globalThis)
  return page
}

/** Segments `ids` in the page; returns per-image IoU, boundary F and milliseconds. */
function segmentInPage(page, { ids, backends, modelId, person }) {
  return page.evaluate(
    async ({ ids, backends, modelId, person }) => {
      const ai = globalThis.vitrineAi
      const load = async (url, size) => {
        const bitmap = await createImageBitmap(await (await fetch(url)).blob(), size ? { resizeWidth: size, resizeHeight: size, resizeQuality: 'high' } : {})
        return { width: bitmap.width, height: bitmap.height, source: bitmap }
      }
      const spec = await (await fetch(`/repo/examples/models/${modelId}.model.json`)).json()
      const tasks = '/repo/packages/elements/node_modules/@mediapipe/tasks-vision/'
      const personSegmenter =
        person === 'tasks-vision'
          ? await ai.createTasksVisionPersonSegmenter({ bundleUrl: tasks + 'vision_bundle.mjs', wasmBaseUrl: tasks + 'wasm', modelUrl: '/repo/.cache/models/selfie_segmenter.tflite' })
          : person === 'legacy'
            ? await ai.createSelfieSegmenter({ baseUrl: '/repo/packages/core/node_modules/@mediapipe/selfie_segmentation/' })
            : undefined
      const t = performance.now()
      const engine = await ai.createBrowserCutoutEngine({ ortBaseUrl: '/ort/', workerUrl: '/app/worker.js', backends, models: [spec], modelBaseUrl: '/repo/examples/models/', cacheName: false, personSegmenter })
      if (!person) await engine.session(engine.modelFor('product'))
      const loadMs = performance.now() - t
      const out = []
      for (const id of ids) {
        const image = await load(`/repo/bench/results/ai-eval/${id}.png`, 1024)
        const t0 = performance.now()
        const { mask } = await engine.segment(image, person ? 'person' : 'product')
        const ms = performance.now() - t0
        const truthImage = await load(`/repo/bench/results/ai-eval/${id}.mask.png`)
        const px = await ai.browserPixelAccess.readPixels(truthImage, truthImage.width, truthImage.height)
        const truth = { width: px.width, height: px.height, data: new Uint8Array(px.width * px.height).map((_, i) => px.data[i * 4]) }
        out.push({ iou: ai.maskIoU(mask, truth), bf: ai.boundaryF(mask, truth), ms })
      }
      return { loadMs, backend: engine.runtime.report.chosen, out }
    },
    { ids, backends, modelId, person },
  )
}

export async function runBrowserAiBench({ products, people, browserImages, webgpu, modelId, only, row, results }) {
  const server = await startAiPageServer({ isolated: true })
  const browser = await chromium.launch(chromiumLaunchOptions(['--headless=new', ...(webgpu ? ['--enable-unsafe-webgpu'] : [])]))
  try {
    if (only.has('chromium')) {
      const ids = products.slice(0, browserImages).map((s) => s.id)
      for (const backends of webgpu ? [['wasm'], ['webgpu']] : [['wasm']]) {
        const page = await openPage(browser, server)
        const r = await segmentInPage(page, { ids, backends, modelId, person: false })
        row(`chromium ${backends[0] === 'wasm' ? 'wasm (threads)' : 'webgpu'}`, modelId, 'product', r.out.map((o) => o.iou), r.out.map((o) => o.bf), r.out.map((o) => o.ms), `model load ${r.loadMs.toFixed(0)} ms, ${r.backend}`)
        await page.close()
      }
      if (!webgpu) {
        console.log('chromium webgpu         skipped: this machine has no GPU; Chromium\'s WebGPU adapter here is SwiftShader (software, ~500x slower than wasm). Run with --webgpu to time it anyway.')
        results.webgpu = 'skipped: no hardware adapter'
      }
    }
    if (only.has('person')) {
      ensureSelfieSegmenter()
      for (const [kind, label] of [['tasks-vision', 'selfie (tasks-vision)'], ['legacy', 'selfie (legacy solution)']]) {
        const page = await openPage(browser, server)
        const r = await segmentInPage(page, { ids: people.map((s) => s.id), backends: ['wasm'], modelId, person: kind })
        row('chromium mediapipe', label, 'person', r.out.map((o) => o.iou), r.out.map((o) => o.bf), r.out.map((o) => o.ms), 'drawn figures, not photos')
        await page.close()
      }
    }
  } finally {
    await browser.close()
    await server.close()
  }
}
