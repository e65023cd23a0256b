import type { Tensor } from './tensor.js'

/**
 * Where a session's kernels run: `webgpu`, `wasm-simd-threaded`, `wasm-simd`, `wasm` (browser),
 * `cuda`, `cpu` (Node), or a name a host runtime chooses.
 */
export type ExecutionBackend = 'webgpu' | 'wasm-simd-threaded' | 'wasm-simd' | 'wasm' | 'cuda' | 'cpu' | (string & {})

/** What a runtime knows about a model's input or output. */
export interface TensorInfo {
  name: string
  /** Dimensions; a string (or -1) is a free dimension. Absent when the runtime cannot tell. */
  dims?: Array<number | string>
  type?: string
}

/** Options for {@link InferenceRuntime.createSession}. */
export interface SessionOptions {
  /** For errors and logs: the registry id of the model. */
  modelId?: string
}

/** Options for {@link InferenceSession.run}. */
export interface RunOptions {
  /** Only these outputs (default: all). Models with side outputs run faster when asked for one. */
  outputs?: string[]
  /** Reject with VitrineError `ai/timeout` after this many milliseconds. */
  timeoutMs?: number
}

/** One loaded model, ready to run. */
export interface InferenceSession {
  readonly inputs: readonly TensorInfo[]
  readonly outputs: readonly TensorInfo[]
  /** The backend this session runs on (it may differ from the runtime's first choice after a fallback). */
  readonly backend: ExecutionBackend
  run(feeds: Record<string, Tensor>, options?: RunOptions): Promise<Record<string, Tensor>>
  /** Frees the model's memory. */
  release(): Promise<void>
}

/** A backend choice, with what was tried before it and why it was passed over. */
export interface BackendReport {
  chosen: ExecutionBackend
  /** Each backend tried and refused, in order, with the reason. */
  skipped: Array<{ backend: ExecutionBackend; reason: string }>
}

/**
 * Runs ONNX models. The only place where inference differs between environments:
 * `createBrowserInferenceRuntime` (onnxruntime-web in a worker: WebGPU → wasm SIMD+threads →
 * wasm) in `@vitrine/core/browser`, `createNodeInferenceRuntime` (onnxruntime-node: CUDA → CPU) in
 * `@vitrine/node`.
 *
 * @example
 * ```ts
 * const session = await runtime.createSession(modelBytes, { modelId: 'isnet-general-use' })
 * const out = await session.run({ input: { type: 'float32', data, dims: [1, 3, 1024, 1024] } }, { outputs: ['output'] })
 * ```
 */
export interface InferenceRuntime {
  /** e.g. `onnxruntime-node`, `onnxruntime-web`. */
  readonly name: string
  /** The backend chosen for new sessions, and what was passed over. */
  readonly report: BackendReport
  /** Loads a model from its bytes. Rejects with VitrineError `ai/model-load-failed`. */
  createSession(model: Uint8Array, options?: SessionOptions): Promise<InferenceSession>
  /** Releases the runtime (and its worker, in browsers). */
  dispose?(): Promise<void>
}
