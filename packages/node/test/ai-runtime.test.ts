// The Node inference runtime over onnxruntime-node, with a tiny real ONNX model
// (packages/core/test/ai/fixtures/tiny-saliency.onnx): sessions, backend report, errors.
import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { test } from 'node:test'
import { CutoutEngine, ModelRegistry, VitrineError, type ModelSpec } from '@vitrine/core'
import { createNodeInferenceRuntime } from '../src/ai/node-inference-runtime.js'
import { nodeModelHost } from '../src/ai/node-model-host.js'
import { nodePixelAccess } from '../src/ai/node-pixel-access.js'

const tinyPath = fileURLToPath(new URL('../../core/test/ai/fixtures/tiny-saliency.onnx', import.meta.url))
const tinyBytes = new Uint8Array(await readFile(tinyPath))
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex')

function tinySpec(overrides: Partial<ModelSpec> = {}): ModelSpec {
  return {
    id: 'tiny-saliency',
    name: 'Tiny saliency (tests)',
    task: 'salient-object',
    format: 'onnx',
    files: [{ url: pathToFileURL(tinyPath).href, sha256: sha(tinyBytes), bytes: tinyBytes.length }],
    sha256: sha(tinyBytes),
    bytes: tinyBytes.length,
    licence: { spdx: 'MIT', note: 'made by the Vitrine tests' },
    input: { width: 64, height: 64, layout: 'nchw', mean: [0, 0, 0], std: [255, 255, 255] },
    output: { activation: 'none', normalize: 'none' },
    ...overrides,
  }
}

test('the Node runtime runs a real model on CPU and says why CUDA was passed over', async () => {
  const runtime = await createNodeInferenceRuntime({ log: () => {} })
  assert.equal(runtime.name, 'onnxruntime-node')
  if (runtime.report.chosen === 'cpu') {
    assert.equal(runtime.report.skipped[0]?.backend, 'cuda')
    assert.ok((runtime.report.skipped[0]?.reason ?? '').length > 10)
  }
  const session = await runtime.createSession(tinyBytes, { modelId: 'tiny' })
  assert.deepEqual(session.inputs.map((i) => i.name), ['input'])
  assert.deepEqual(session.inputs[0]?.dims, [1, 3, 'height', 'width'])
  const data = new Float32Array(3 * 8 * 8).map((_, i) => (i % 7) / 7)
  const out = await session.run({ input: { type: 'float32', data, dims: [1, 3, 8, 8] } })
  const output = out.output
  assert.ok(output)
  assert.deepEqual(output.dims, [1, 1, 8, 8])
  const values = [...(output.data as Float32Array)]
  assert.ok(values.every((v) => v > 0 && v < 1), 'sigmoid outputs')
  assert.ok(new Set(values.map((v) => v.toFixed(4))).size > 4, 'the output depends on the input')
  // Same input, same output (deterministic on CPU).
  const again = await session.run({ input: { type: 'float32', data, dims: [1, 3, 8, 8] } })
  assert.deepEqual([...(again.output?.data as Float32Array)], values)
  // A run past its time limit is refused with ai/timeout.
  const big = 1536
  await assert.rejects(
    session.run({ input: { type: 'float32', data: new Float32Array(3 * big * big), dims: [1, 3, big, big] } }, { timeoutMs: 1 }),
    (e: VitrineError) => e.code === 'ai/timeout',
  )
  await assert.rejects(session.run({ input: { type: 'float32', data: new Float32Array(5), dims: [1, 5] } }), (e: VitrineError) => e.code === 'ai/inference-failed')
  await session.release()
  await assert.rejects(runtime.createSession(Uint8Array.from([1, 2, 3, 4]), { modelId: 'garbage' }), (e: VitrineError) => e.code === 'ai/model-load-failed' && e.message.includes('garbage'))
})

test('CutoutEngine: a model file with the wrong hash is refused before it is run; a wrong input size is named', async () => {
  const runtime = await createNodeInferenceRuntime({ backend: 'cpu' })
  const make = (spec: ModelSpec) => new CutoutEngine({ runtime, models: new ModelRegistry([spec]), host: nodeModelHost(), pixels: nodePixelAccess })
  const wrong = tinySpec({ files: [{ url: pathToFileURL(tinyPath).href, sha256: 'a'.repeat(64), bytes: tinyBytes.length }] })
  await assert.rejects(make(wrong).session(wrong), (e: VitrineError) => e.code === 'ai/hash-mismatch' && e.path === '/files/0/sha256')
  const ok = tinySpec()
  const engine = make(ok)
  const session = await engine.session(ok)
  assert.equal(session.backend, 'cpu')
  // The model's input is free-sized, so the spec's 64x64 is accepted; a pixel buffer of another size is not.
  await assert.rejects(engine.infer(ok, { width: 32, height: 32, data: new Uint8Array(32 * 32 * 4) }), (e: VitrineError) => e.code === 'ai/unsupported-input')
  const mask = await engine.infer(ok, { width: 64, height: 64, data: new Uint8Array(64 * 64 * 4).fill(200) })
  assert.equal(mask.width, 64)
  assert.equal(mask.data.length, 64 * 64)
  await engine.dispose()
})
