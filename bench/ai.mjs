#!/usr/bin/env node
/**
 * Vitrine's AI benchmark: cut-out quality (mean IoU and boundary F-measure against the project's
 * labelled set, bench/lib/ai-eval-set.mjs) and speed (per-image latency with the model at
 * 1024x1024: Node CPU, Chromium wasm, Chromium WebGPU when asked; the cost of a cached repeat),
 * plus MediaPipe's selfie model on the person samples in Chromium. With Debian's python3-onnx,
 * `scripts/make-isnet-any-size.py` adds IS-Net run at 512x512 (isnet-general-use-512).
 *
 *   node bench/ai.mjs [--limit N] [--browser-images N] [--webgpu] [--models id,...] [--only node,cache,chromium,person]
 *   (or: pnpm bench:ai -- [options]; build first: pnpm build)
 */
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync, mkdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import { createRequire } from 'node:module'
import { makeAiEvalSet } from './lib/ai-eval-set.mjs'
import { scriptDescription } from './lib/help.mjs'

const root = fileURLToPath(new URL('..', import.meta.url))
const requireFromNode = createRequire(join(root, 'packages/node/package.json'))
const sharp = requireFromNode('sharp')
const { values: args } = parseArgs({
  options: {
    limit: { type: 'string' },
    'browser-images': { type: 'string' },
    webgpu: { type: 'boolean' },
    models: { type: 'string' },
    only: { type: 'string' },
    help: { type: 'boolean' },
  },
})
if (args.help) {
  console.log(scriptDescription(import.meta.url))
  process.exit(0)
}
const only = new Set((args.only ?? 'node,cache,chromium,person').split(','))
// Descriptions from examples/models/, or made by scripts/make-isnet-any-size.py into .cache/models/.
const manifestOf = (id) => [join(root, `examples/models/${id}.model.json`), join(root, `.cache/models/${id}.model.json`)].find((f) => existsSync(f)) ?? join(root, `examples/models/${id}.model.json`)
const madeModels = existsSync(join(root, '.cache/models')) ? readdirSync(join(root, '.cache/models')).filter((f) => /^isnet-general-use-\d+\.model\.json$/.test(f)).map((f) => f.replace('.model.json', '')) : []
const modelIds = (args.models ?? ['isnet-general-use', ...madeModels].join(',')).split(',')
const setDir = join(root, 'bench/results/ai-eval')
const samples = await makeAiEvalSet(setDir)
const limit = Number(args.limit ?? samples.length)
const products = samples.filter((s) => s.kind === 'product')
const people = samples.filter((s) => s.kind === 'person')
const browserImages = Number(args['browser-images'] ?? 3)
const { NodePlatform, createNodeCutoutEngine, loadModelManifest } = await import(pathToFileURL(join(root, 'packages/node/dist/index.js')).href)
const { maskIoU, boundaryF } = await import(pathToFileURL(join(root, 'packages/core/dist/index.js')).href)
const platform = new NodePlatform()
const perSample = []
const results = { perSample, date: new Date().toISOString(), samples: { products: products.length, people: people.length }, rows: [] }

const mean = (xs) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN)
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b)
  return s.length ? s[Math.floor(s.length / 2)] : NaN
}
async function truthOf(sample) {
  const data = await sharp(join(setDir, sample.mask)).extractChannel(0).raw().toBuffer({ resolveWithObject: true })
  return { width: data.info.width, height: data.info.height, data: new Uint8Array(data.data) }
}
/** The sample scaled to 1024 px, decoded: the latency figures are for 1024-pixel pictures. */
async function picture1024(sample) {
  const bytes = await sharp(join(setDir, sample.image)).resize(1024, 1024).png({ compressionLevel: 1 }).toBuffer()
  return platform.decodeImage(new Uint8Array(bytes))
}
function row(environment, model, subset, ious, bfs, latencies, note = '') {
  const r = { environment, model, subset, n: ious.length, meanIoU: mean(ious), meanBoundaryF: mean(bfs), medianMs: median(latencies), meanMs: mean(latencies), note }
  results.rows.push(r)
  console.log(
    `${environment.padEnd(22)} ${model.padEnd(26)} ${subset.padEnd(8)} n=${String(r.n).padStart(2)}  IoU ${r.meanIoU.toFixed(3)}  BF ${r.meanBoundaryF.toFixed(3)}  median ${r.medianMs.toFixed(0).padStart(6)} ms  mean ${r.meanMs.toFixed(0).padStart(6)} ms${note ? '  ' + note : ''}`,
  )
}

console.log(`Evaluation set: ${products.length} products and ${people.length} drawn people on varied backgrounds (${setDir})\n`)

if (only.has('node')) {
  for (const id of modelIds) {
    const spec = await loadModelManifest(manifestOf(id))
    const engine = await createNodeCutoutEngine({ models: [spec], cacheDir: false, log: () => {} })
    const t = performance.now()
    await engine.session(spec)
    const loadMs = performance.now() - t
    for (const [subset, list] of [['product', products], ['person', people]]) {
      const ious = []
      const bfs = []
      const ms = []
      for (const sample of list.slice(0, limit)) {
        const image = await picture1024(sample)
        const t0 = performance.now()
        const { mask } = await engine.segment(image, subset === 'person' ? 'person' : 'product')
        ms.push(performance.now() - t0)
        const truth = await truthOf(sample)
        ious.push(maskIoU(mask, truth))
        bfs.push(boundaryF(mask, truth))
        perSample.push({ model: id, id: sample.id, iou: ious.at(-1), boundaryF: bfs.at(-1), ms: ms.at(-1) })
      }
      row('node cpu (onnxruntime)', id, subset, ious, bfs, ms, subset === 'product' ? `model load ${loadMs.toFixed(0)} ms` : 'salient-object path')
      const worst = perSample.filter((p) => p.model === id && p.id.startsWith(subset)).sort((a, b) => a.iou - b.iou).slice(0, 3)
      console.log(`${''.padEnd(22)} worst: ${worst.map((p) => `${p.id} ${p.iou.toFixed(3)}`).join(', ')}`)
    }
    await engine.dispose()
  }
}

if (only.has('cache')) {
  const spec = await loadModelManifest(manifestOf(modelIds[0]))
  const dir = mkdtempSync(join(tmpdir(), 'vitrine-bench-ai-'))
  try {
    const engine = await createNodeCutoutEngine({ models: [spec], cacheDir: dir, log: () => {} })
    const image = await picture1024(products[0])
    await engine.segment(image, 'product', 'sample')
    const memory = []
    for (let i = 0; i < 50; i++) {
      const t0 = performance.now()
      await engine.segment(image, 'product', 'sample')
      memory.push(performance.now() - t0)
    }
    const store = []
    for (let i = 0; i < 10; i++) {
      const fresh = await createNodeCutoutEngine({ models: [spec], cacheDir: dir, log: () => {} })
      const t0 = performance.now()
      const { source } = await fresh.segment(image, 'product', 'sample')
      store.push(performance.now() - t0)
      if (source !== 'store') throw new Error(`expected a store hit, found ${source}`)
    }
    const cut = []
    for (let i = 0; i < 20; i++) {
      const t0 = performance.now()
      await engine.cutout(image, 'sample', { subject: 'product' })
      cut.push(performance.now() - t0)
    }
    results.cache = { memoryHitMs: median(memory), storeHitMs: median(store), cutoutRepeatMs: median(cut) }
    console.log(`\ncache (1024 px picture): repeat in memory ${median(memory).toFixed(3)} ms, from the cache folder in a new engine ${median(store).toFixed(1)} ms (pixels read and hashed), repeated cut-out ${median(cut).toFixed(3)} ms (medians)\n`)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

if (only.has('chromium') || only.has('person')) {
  const { runBrowserAiBench } = await import('./lib/ai-browser-bench.mjs')
  await runBrowserAiBench({ root, setDir, products, people, browserImages, webgpu: args.webgpu === true, modelId: modelIds[0], only, row, results })
}

mkdirSync(join(root, 'bench/results'), { recursive: true })
writeFileSync(join(root, 'bench/results/ai-latest.json'), JSON.stringify(results, null, 2))
console.log('\nresults: bench/results/ai-latest.json')
