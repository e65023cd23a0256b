import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { VitrineError, type BackendReport, type ExecutionBackend, type InferenceRuntime, type InferenceSession, type RunOptions, type SessionOptions, type Tensor } from '@vitrine/core'
import type { InferenceSession as OrtSession, Tensor as OrtTensor } from 'onnxruntime-node'

type Ort = typeof import('onnxruntime-node')

/** Options for {@link createNodeInferenceRuntime}. */
export interface NodeInferenceRuntimeOptions {
  /** `auto` (default): CUDA when its provider libraries and a GPU are present, else CPU. */
  backend?: 'auto' | 'cuda' | 'cpu'
  /** Threads per inference; default onnxruntime's choice (the machine's cores). */
  threads?: number
  /** Where fallbacks are told (default console.warn). */
  log?: (message: string) => void
}

let ortModule: Promise<Ort> | undefined
/** onnxruntime-node loads on first use, so the CLI's other commands do not pay for it. */
function loadOrt(): Promise<Ort> {
  ortModule ??= import('onnxruntime-node').then((m) => ((m as { default?: Ort }).default ?? m) as Ort)
  return ortModule
}

/** Why CUDA cannot be used here, or undefined when it may. */
function cudaUnavailable(ort: Ort): string | undefined {
  const listed = (ort as unknown as { listSupportedBackends?: () => Array<{ name: string; bundled: boolean }> }).listSupportedBackends?.() ?? []
  if (!listed.some((b) => b.name === 'cuda')) return 'this onnxruntime-node build has no CUDA provider'
  const binDir = dirname(createRequire(import.meta.url).resolve('onnxruntime-node/package.json'))
  const lib = join(binDir, 'bin', 'napi-v6', process.platform, process.arch, 'libonnxruntime_providers_cuda.so')
  if (!existsSync(lib)) return 'the CUDA provider libraries are not installed (onnxruntime-node ships CPU binaries; see docs/ai.md)'
  if (!existsSync('/dev/nvidia0') && !existsSync('/dev/nvidiactl')) return 'no NVIDIA GPU is visible'
  return undefined
}

/**
 * The {@link InferenceRuntime} for Node, over onnxruntime-node: CUDA when its provider
 * libraries and a GPU are present, else CPU. The choice, and why CUDA was passed over, is in
 * `report`; a CUDA session that fails to start falls back to CPU and says so.
 *
 * @example
 * ```ts
 * const runtime = await createNodeInferenceRuntime()
 * runtime.report // { chosen: 'cpu', skipped: [{ backend: 'cuda', reason: '...' }] }
 * ```
 */
export async function createNodeInferenceRuntime(options: NodeInferenceRuntimeOptions = {}): Promise<InferenceRuntime> {
  const ort = await loadOrt()
  const wanted = options.backend ?? 'auto'
  const log = options.log ?? ((m: string) => console.warn(m))
  const report: BackendReport = { chosen: 'cpu', skipped: [] }
  if (wanted !== 'cpu') {
    const why = cudaUnavailable(ort)
    if (why === undefined) report.chosen = 'cuda'
    else {
      if (wanted === 'cuda') throw new VitrineError('ai/unavailable', `CUDA was asked for, but ${why}`)
      report.skipped.push({ backend: 'cuda', reason: why })
    }
  }
  return {
    name: 'onnxruntime-node',
    report,
    async createSession(model: Uint8Array, sessionOptions: SessionOptions = {}): Promise<InferenceSession> {
      const base: OrtSession.SessionOptions = { graphOptimizationLevel: 'all', ...(options.threads ? { intraOpNumThreads: options.threads } : {}) }
      let backend: ExecutionBackend = report.chosen
      let session: OrtSession
      try {
        session = await ort.InferenceSession.create(model, { ...base, executionProviders: [backend] })
      } catch (error) {
        if (backend !== 'cuda') throw loadFailed(sessionOptions.modelId, error)
        log(`[vitrine] CUDA could not run model ${sessionOptions.modelId ?? ''}: ${(error as Error).message}; falling back to CPU`)
        report.skipped.push({ backend: 'cuda', reason: (error as Error).message })
        report.chosen = backend = 'cpu'
        try {
          session = await ort.InferenceSession.create(model, { ...base, executionProviders: ['cpu'] })
        } catch (cpuError) {
          throw loadFailed(sessionOptions.modelId, cpuError)
        }
      }
      return wrapSession(ort, session, backend, sessionOptions.modelId)
    },
  }
}

function loadFailed(modelId: string | undefined, error: unknown): VitrineError {
  return new VitrineError('ai/model-load-failed', `Model ${modelId ?? ''} could not be loaded by onnxruntime: ${(error as Error).message}`.replace('  ', ' '), { cause: error })
}

function wrapSession(ort: Ort, session: OrtSession, backend: ExecutionBackend, modelId: string | undefined): InferenceSession {
  const meta = (list: readonly OrtSession.ValueMetadata[] | undefined, names: readonly string[]) =>
    names.map((name) => {
      const m = list?.find((x) => x.name === name) as { shape?: ReadonlyArray<number | string>; type?: string } | undefined
      return { name, dims: m?.shape ? [...m.shape] : undefined, type: m?.type }
    })
  return {
    inputs: meta(session.inputMetadata, session.inputNames),
    outputs: meta(session.outputMetadata, session.outputNames),
    backend,
    async run(feeds: Record<string, Tensor>, runOptions: RunOptions = {}): Promise<Record<string, Tensor>> {
      const ortFeeds: Record<string, OrtTensor> = {}
      for (const [name, t] of Object.entries(feeds)) ortFeeds[name] = new ort.Tensor(t.type, t.data as Float32Array, t.dims)
      const started = performance.now()
      const running = session.run(ortFeeds, runOptions.outputs ?? session.outputNames)
      let timer: NodeJS.Timeout | undefined
      const limit = runOptions.timeoutMs
      const late = () => new VitrineError('ai/timeout', `Model ${modelId ?? ''} took longer than ${limit} ms`.replace('  ', ' '))
      try {
        const out =
          limit === undefined
            ? await running
            : await Promise.race([
                running,
                new Promise<never>((_, reject) => {
                  timer = setTimeout(() => reject(late()), limit)
                }),
              ])
        // onnxruntime-node's CPU run holds this thread until it ends, so the timer cannot fire
        // during it: check the limit when it returns too (a batch row then fails alone).
        if (limit !== undefined && performance.now() - started > limit) throw late()
        const result: Record<string, Tensor> = {}
        for (const [name, t] of Object.entries(out)) result[name] = { type: t.type as Tensor['type'], data: t.data as Float32Array, dims: [...t.dims] }
        return result
      } catch (error) {
        if (error instanceof VitrineError) throw error
        throw new VitrineError('ai/inference-failed', `Model ${modelId ?? ''} failed to run: ${(error as Error).message}`, { cause: error })
      } finally {
        if (timer) clearTimeout(timer)
      }
    },
    release: () => session.release(),
  }
}
