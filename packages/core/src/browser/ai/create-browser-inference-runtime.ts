import { VitrineError, type VitrineErrorCode } from '../../errors/vitrine-error.js'
import type { BackendReport, InferenceRuntime, InferenceSession, RunOptions, SessionOptions } from '../../ai/inference-runtime.js'
import type { Tensor } from '../../ai/tensor.js'
import type { WorkerRequest, WorkerResponse } from './inference-protocol.js'

/** Options for {@link createBrowserInferenceRuntime}. */
export interface BrowserInferenceRuntimeOptions {
  /**
   * Folder URL where the host serves onnxruntime-web's `dist/` files unchanged (the `.mjs`
   * loaders and `.wasm` binaries), from its own origin: e.g. `/vendor/onnxruntime-web/`.
   */
  ortBaseUrl: string
  /** The worker script: `@vitrine/core`'s `dist/browser-inference-worker.js` as the host serves it. Default: next to this module. */
  workerUrl?: string | URL
  /** Backends to try, in order; default WebGPU, then wasm. */
  backends?: Array<'webgpu' | 'wasm'>
  /** wasm threads when cross-origin isolated (default up to 4). */
  threads?: number
  /** Told when the runtime falls back (WebGPU → wasm); default console.warn. */
  onFallback?: (message: string) => void
}

/** The browser runtime: an {@link InferenceRuntime}, plus a way for tests to simulate a lost GPU. */
export interface BrowserInferenceRuntime extends InferenceRuntime {
  /** Destroys the worker's WebGPU device, as a driver reset would; resolves to whether there was one. */
  loseGpuDevice(): Promise<boolean>
}

interface Pending {
  resolve(value: WorkerResponse): void
  reject(error: Error): void
}

/**
 * The {@link InferenceRuntime} for browsers: onnxruntime-web in a module Worker (the page's main
 * thread never runs a model). It picks WebGPU when an adapter exists, then wasm with SIMD and
 * threads when the page is cross-origin isolated, then single-threaded wasm, and reports the
 * choice in `report`; a WebGPU session that fails to load or run falls back to wasm and says so.
 * onnxruntime-web loads only now, from `ortBaseUrl`: never from a CDN, never in the first load.
 *
 * @example
 * ```ts
 * const runtime = await createBrowserInferenceRuntime({ ortBaseUrl: '/vendor/onnxruntime-web/' })
 * runtime.report // { chosen: 'webgpu', skipped: [] }
 * ```
 */
export async function createBrowserInferenceRuntime(options: BrowserInferenceRuntimeOptions): Promise<BrowserInferenceRuntime> {
  const workerUrl = options.workerUrl ?? new URL('./browser-inference-worker.js', import.meta.url)
  const worker = new Worker(workerUrl, { type: 'module', name: 'vitrine-inference' })
  const pending = new Map<number, Pending>()
  let nextId = 1
  let report: BackendReport = { chosen: 'wasm', skipped: [] }
  const onFallback = options.onFallback ?? ((m: string) => console.warn(m))
  let ready: Pending | undefined
  const failAll = (error: Error) => {
    ready?.reject(error)
    for (const p of pending.values()) p.reject(error)
    pending.clear()
  }
  worker.onerror = (event) => failAll(new VitrineError('ai/unavailable', `The inference worker failed: ${event.message || 'it could not start (check workerUrl)'}`))
  worker.onmessage = (event: MessageEvent<WorkerResponse>) => {
    const message = event.data
    if (message.type === 'ready') {
      report = message.report
      ready?.resolve(message)
    } else if (message.type === 'fallback') {
      report.chosen = message.to
      report.skipped.push({ backend: message.from, reason: message.reason })
      onFallback(`[vitrine] ${message.reason}; falling back to ${message.to}`)
    } else if (message.type === 'error' && message.id === undefined) {
      failAll(new VitrineError(message.code as VitrineErrorCode, message.message))
    } else {
      const id = message.id
      const p = id === undefined ? undefined : pending.get(id)
      if (!p || id === undefined) return
      pending.delete(id)
      if (message.type === 'error') p.reject(new VitrineError(message.code as VitrineErrorCode, message.message))
      else p.resolve(message)
    }
  }
  const request = (message: WorkerRequest & { id: number }, transfer: Transferable[] = []) =>
    new Promise<WorkerResponse>((resolve, reject) => {
      pending.set(message.id, { resolve, reject })
      worker.postMessage(message, transfer)
    })
  await new Promise<WorkerResponse>((resolve, reject) => {
    ready = { resolve, reject }
    worker.postMessage({ type: 'init', ortBaseUrl: options.ortBaseUrl.endsWith('/') ? options.ortBaseUrl : options.ortBaseUrl + '/', backends: options.backends ?? ['webgpu', 'wasm'], threads: options.threads } satisfies WorkerRequest)
  }).catch((error: unknown) => {
    worker.terminate()
    throw error
  })

  return {
    name: 'onnxruntime-web',
    get report() {
      return report
    },
    async createSession(model: Uint8Array, sessionOptions: SessionOptions = {}): Promise<InferenceSession> {
      // The worker keeps its own copy (it needs it for a wasm fallback); the page's stays usable.
      const copy = model.slice()
      const created = await request({ type: 'create', id: nextId++, model: copy, modelId: sessionOptions.modelId }, [copy.buffer])
      if (created.type !== 'created') throw new VitrineError('ai/model-load-failed', 'unexpected answer from the inference worker')
      const session: InferenceSession = {
        inputs: created.inputs,
        outputs: created.outputs,
        backend: created.backend,
        async run(feeds: Record<string, Tensor>, runOptions: RunOptions = {}) {
          const transfer = Object.values(feeds).map((t) => t.data.buffer as ArrayBuffer)
          const running = request({ type: 'run', id: nextId++, session: created.session, feeds, outputs: runOptions.outputs }, [...new Set(transfer)])
          let timer: ReturnType<typeof setTimeout> | undefined
          try {
            const result =
              runOptions.timeoutMs === undefined
                ? await running
                : await Promise.race([
                    running,
                    new Promise<never>((_, reject) => {
                      timer = setTimeout(() => reject(new VitrineError('ai/timeout', `Model ${sessionOptions.modelId ?? ''} took longer than ${runOptions.timeoutMs} ms`)), runOptions.timeoutMs)
                    }),
                  ])
            if (result.type !== 'result') throw new VitrineError('ai/inference-failed', 'unexpected answer from the inference worker')
            ;(session as { backend: string }).backend = result.backend
            return result.outputs
          } finally {
            if (timer !== undefined) clearTimeout(timer)
          }
        },
        async release() {
          await request({ type: 'release', id: nextId++, session: created.session })
        },
      }
      return session
    },
    /** Destroys the worker's WebGPU device, as a lost GPU would: the next run falls back to wasm. For tests. */
    async loseGpuDevice(): Promise<boolean> {
      const answer = await request({ type: 'lose-gpu', id: nextId++ })
      return answer.type === 'lost' && answer.destroyed
    },
    async dispose() {
      failAll(new VitrineError('ai/unavailable', 'The inference runtime was disposed'))
      worker.terminate()
    },
  }
}
