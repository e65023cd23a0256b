// The editor's first load carries no inference runtime and no model: `@vitrine/core/browser`
// bundled as an app would bundle it holds neither onnxruntime-web nor MediaPipe; they load in
// the worker (or the page, for MediaPipe) from the host's URLs, on first use.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'

const root = fileURLToPath(new URL('../../', import.meta.url))

test('the browser entry bundles the AI API without onnxruntime-web, MediaPipe or model bytes', async () => {
  const result = await build({
    stdin: {
      contents: "export { createBrowserCutoutEngine, createSelfieSegmenter, BrowserPlatform } from './packages/core/src/browser/index.ts'",
      resolveDir: root,
      loader: 'ts',
    },
    bundle: true,
    format: 'esm',
    minify: true,
    write: false,
    logLevel: 'silent',
    platform: 'browser',
  })
  const text = result.outputFiles[0]!.text
  assert.ok(text.includes('vitrine-inference'), 'the AI API is in the bundle (its worker name)')
  for (const marker of ['ort-wasm-simd-threaded', 'InferenceSession.create', 'SelfieSegmentation({', 'selfie_segmentation_solution']) {
    assert.ok(!text.includes(marker), `the first load must not carry ${marker}`)
  }
  const worker = await build({ entryPoints: [`${root}packages/core/src/browser/ai/inference-worker.ts`], bundle: true, format: 'esm', minify: true, write: false, logLevel: 'silent' })
  const workerText = worker.outputFiles[0]!.text
  assert.ok(workerText.length < 20_000, `the worker script stays small (${workerText.length} bytes): onnxruntime-web is imported from the host's URL at run time`)
  assert.ok(workerText.includes('ort.wasm.min.mjs'))
})
