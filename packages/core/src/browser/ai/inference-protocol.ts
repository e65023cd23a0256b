import type { BackendReport, ExecutionBackend, TensorInfo } from '../../ai/inference-runtime.js'
import type { Tensor } from '../../ai/tensor.js'

/** Where the worker finds onnxruntime-web, and which backends it may use. */
export interface WorkerInit {
  type: 'init'
  /** Folder URL serving onnxruntime-web's `dist/` files unchanged (ends with `/`). */
  ortBaseUrl: string
  /** Backends to try, in order. */
  backends: Array<'webgpu' | 'wasm'>
  /** wasm threads when the page is cross-origin isolated (default: up to 4). */
  threads?: number
}

/** Messages from the page to the inference worker. */
export type WorkerRequest =
  | WorkerInit
  | { type: 'create'; id: number; model: Uint8Array; modelId?: string }
  | { type: 'run'; id: number; session: number; feeds: Record<string, Tensor>; outputs?: string[] }
  | { type: 'release'; id: number; session: number }
  /** Destroys the WebGPU device, as a driver reset or a lost GPU would (for tests of the fallback). */
  | { type: 'lose-gpu'; id: number }

/** Messages from the inference worker to the page. */
export type WorkerResponse =
  | { type: 'ready'; report: BackendReport }
  | { type: 'created'; id: number; session: number; inputs: TensorInfo[]; outputs: TensorInfo[]; backend: ExecutionBackend }
  | { type: 'result'; id: number; outputs: Record<string, Tensor>; backend: ExecutionBackend }
  | { type: 'released'; id: number }
  | { type: 'lost'; id: number; destroyed: boolean }
  | { type: 'fallback'; from: ExecutionBackend; to: ExecutionBackend; reason: string }
  | { type: 'error'; id?: number; code: string; message: string }
