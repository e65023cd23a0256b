// The inference worker: onnxruntime-web runs here, off the page's main thread, so the editor
// never freezes. It picks WebGPU when an adapter exists, else wasm (SIMD, with threads when the
// page is cross-origin isolated), reports the choice, and falls back to wasm when a WebGPU
// session fails to load or to run.
import type { InferenceSession as OrtSession, Tensor as OrtTensor } from 'onnxruntime-web'
import type { BackendReport, ExecutionBackend } from '../../ai/inference-runtime.js'
import type { Tensor } from '../../ai/tensor.js'
import type { WorkerInit, WorkerRequest, WorkerResponse } from './inference-protocol.js'

type Ort = typeof import('onnxruntime-web')

interface Entry {
  session: OrtSession
  backend: ExecutionBackend
  model: Uint8Array
}

const scope = globalThis as unknown as {
  postMessage(message: WorkerResponse, transfer?: Transferable[]): void
  onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null
  crossOriginIsolated?: boolean
  navigator: { gpu?: { requestAdapter(): Promise<unknown> }; hardwareConcurrency?: number }
}

let ort: Ort | undefined
let wasmBackend: ExecutionBackend = 'wasm-simd'
let report: BackendReport = { chosen: 'wasm-simd', skipped: [] }
const sessions = new Map<number, Entry>()
let nextSession = 1

const send = (message: WorkerResponse, transfer: Transferable[] = []) => scope.postMessage(message, transfer)

/** WebAssembly SIMD, which every onnxruntime-web 1.30 wasm build needs. */
function hasSimd(): boolean {
  // A module with one v128 function (i8x16.splat of 0).
  return WebAssembly.validate(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0, 10, 10, 1, 8, 0, 65, 0, 253, 15, 253, 98, 11]))
}

async function init(message: WorkerInit): Promise<void> {
  const skipped: BackendReport['skipped'] = []
  let useWebGpu = false
  if (message.backends.includes('webgpu')) {
    const gpu = scope.navigator.gpu
    if (!gpu) skipped.push({ backend: 'webgpu', reason: 'this browser has no WebGPU (navigator.gpu)' })
    else {
      const adapter = await gpu.requestAdapter().catch(() => null)
      if (!adapter) skipped.push({ backend: 'webgpu', reason: 'no WebGPU adapter is available' })
      else useWebGpu = true
    }
  }
  if (!hasSimd()) throw Object.assign(new Error('this browser lacks WebAssembly SIMD, which onnxruntime-web needs'), { code: 'ai/unavailable' })
  const isolated = scope.crossOriginIsolated === true
  const threads = isolated ? Math.max(1, Math.min(message.threads ?? 4, scope.navigator.hardwareConcurrency ?? 1)) : 1
  wasmBackend = threads > 1 ? 'wasm-simd-threaded' : 'wasm-simd'
  if (!isolated) skipped.push({ backend: 'wasm-simd-threaded', reason: 'the page is not cross-origin isolated (COOP/COEP headers), so wasm runs on one thread' })
  else if (threads === 1) skipped.push({ backend: 'wasm-simd-threaded', reason: 'one core' })
  // The WebGPU build also carries the wasm kernels; the wasm-only build is half the download.
  const file = useWebGpu ? 'ort.webgpu.min.mjs' : 'ort.wasm.min.mjs'
  const loaded = (await import(/* @vite-ignore */ message.ortBaseUrl + file)) as Ort & { default?: Ort }
  ort = loaded.default ?? loaded
  ort.env.wasm.wasmPaths = message.ortBaseUrl
  ort.env.wasm.numThreads = threads
  ort.env.wasm.proxy = false
  report = { chosen: useWebGpu ? 'webgpu' : wasmBackend, skipped }
  send({ type: 'ready', report })
}

async function createSession(model: Uint8Array, backend: ExecutionBackend): Promise<OrtSession> {
  if (!ort) throw new Error('the worker is not initialised')
  return ort.InferenceSession.create(model, { executionProviders: [backend === 'webgpu' ? 'webgpu' : 'wasm'], graphOptimizationLevel: 'all' })
}

function fallback(from: ExecutionBackend, reason: string): void {
  send({ type: 'fallback', from, to: wasmBackend, reason })
  report.skipped.push({ backend: 'webgpu', reason })
  report.chosen = wasmBackend
}

async function run(entry: Entry, feeds: Record<string, Tensor>, outputs: string[] | undefined): Promise<Record<string, OrtTensor>> {
  if (!ort) throw new Error('the worker is not initialised')
  const ortFeeds: Record<string, OrtTensor> = {}
  for (const [name, t] of Object.entries(feeds)) ortFeeds[name] = new ort.Tensor(t.type, t.data as Float32Array, t.dims)
  return outputs ? entry.session.run(ortFeeds, outputs) : entry.session.run(ortFeeds)
}

async function handle(message: WorkerRequest): Promise<void> {
  switch (message.type) {
    case 'init':
      await init(message)
      return
    case 'create': {
      let backend = report.chosen
      let session: OrtSession
      try {
        session = await createSession(message.model, backend)
      } catch (error) {
        if (backend !== 'webgpu') throw error
        fallback(backend, `WebGPU could not load model ${message.modelId ?? ''}: ${(error as Error).message}`)
        backend = wasmBackend
        session = await createSession(message.model, backend)
      }
      const id = nextSession++
      sessions.set(id, { session, backend, model: message.model })
      const meta = (names: readonly string[], list: readonly OrtSession.ValueMetadata[] | undefined) =>
        names.map((name) => {
          const m = list?.find((x) => x.name === name) as { shape?: ReadonlyArray<number | string>; type?: string } | undefined
          return { name, dims: m?.shape ? [...m.shape] : undefined, type: m?.type }
        })
      send({ type: 'created', id: message.id, session: id, inputs: meta(session.inputNames, session.inputMetadata), outputs: meta(session.outputNames, session.outputMetadata), backend })
      return
    }
    case 'run': {
      const entry = sessions.get(message.session)
      if (!entry) throw new Error(`no session ${message.session}`)
      let out: Record<string, OrtTensor>
      try {
        out = await run(entry, message.feeds, message.outputs)
      } catch (error) {
        if (entry.backend !== 'webgpu') throw error
        // WebGPU failed mid-run (device lost, unsupported kernel): run on wasm from now on.
        fallback(entry.backend, `WebGPU failed while running: ${(error as Error).message}`)
        await entry.session.release().catch(() => undefined)
        entry.session = await createSession(entry.model, wasmBackend)
        entry.backend = wasmBackend
        out = await run(entry, message.feeds, message.outputs)
      }
      const outputs: Record<string, Tensor> = {}
      const transfer: Transferable[] = []
      for (const [name, t] of Object.entries(out)) {
        const data = (t.location === 'cpu' ? t.data : await t.getData()) as Float32Array
        outputs[name] = { type: t.type as Tensor['type'], data, dims: [...t.dims] }
        transfer.push(data.buffer as ArrayBuffer)
      }
      send({ type: 'result', id: message.id, outputs, backend: entry.backend }, transfer)
      return
    }
    case 'lose-gpu': {
      const device = (ort?.env as { webgpu?: { device?: { destroy(): void } } } | undefined)?.webgpu?.device
      device?.destroy()
      send({ type: 'lost', id: message.id, destroyed: device !== undefined })
      return
    }
    case 'release': {
      const entry = sessions.get(message.session)
      sessions.delete(message.session)
      await entry?.session.release()
      send({ type: 'released', id: message.id })
      return
    }
  }
}

scope.onmessage = (event) => {
  const message = event.data
  handle(message).catch((error: unknown) => {
    const code = (error as { code?: string }).code ?? (message.type === 'create' ? 'ai/model-load-failed' : message.type === 'init' ? 'ai/unavailable' : 'ai/inference-failed')
    send({ type: 'error', id: 'id' in message ? message.id : undefined, code, message: (error as Error)?.message ?? String(error) })
  })
}
