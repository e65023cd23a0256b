import { existsSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import { fileURLToPath } from 'node:url'
import { Piscina } from 'piscina'
import { errorRecord, RowRenderer, type RowJob, type RowJobResult, type RowRendererSetup } from './row-renderer.js'

/** Renders row jobs, in worker threads or in this thread. */
export interface RenderPool {
  /** How many rows render at the same time. */
  readonly concurrency: number
  /** Renders one row; never rejects (a crashed worker fails that row's outputs). */
  run(job: RowJob): Promise<RowJobResult>
  /** Stops the workers. */
  close(): Promise<void>
}

/** The default pool size: one worker per core the process may use. */
export function defaultConcurrency(): number {
  return Math.max(1, availableParallelism())
}

/**
 * Makes the pool a batch renders on. `concurrency` 1 renders in this thread, with no workers
 * to start; more starts that many worker threads, each with its own {@link RowRenderer}.
 */
export function createRenderPool(setup: RowRendererSetup, concurrency = defaultConcurrency()): RenderPool {
  if (concurrency <= 1) {
    const renderer = new RowRenderer(setup)
    // One row at a time, as a worker would: the renderer's surfaces are reused between rows.
    let queue: Promise<unknown> = Promise.resolve()
    return {
      concurrency: 1,
      run(job) {
        const next = queue.then(() => renderer.render(job))
        queue = next.catch(() => {})
        return next
      },
      close: async () => {},
    }
  }
  const piscina = new Piscina({
    filename: workerUrl().href,
    minThreads: concurrency,
    maxThreads: concurrency,
    concurrentTasksPerWorker: 1,
    // Let a worker's event loop run between tasks (sockets, timers of the asset fetches).
    atomics: 'disabled',
    idleTimeout: 60_000,
    workerData: setup,
  })
  return {
    concurrency,
    async run(job) {
      try {
        return (await piscina.run(job)) as RowJobResult
      } catch (error) {
        const record = errorRecord(error)
        const failures = job.outputs.map((o) => ({
          id: job.id,
          format: o.format,
          locale: o.locale,
          row: job.row,
          error: { ...record, message: `The render worker failed: ${record.message}` },
        }))
        return { row: job.row, outputs: [], failures, timings: { resolveMs: 0, drawMs: 0, encodeMs: 0, writeMs: 0 } }
      }
    },
    close: () => piscina.destroy(),
  }
}

/**
 * The worker module: `dist/render-worker.js` when built (this code may sit in `dist/` or in a
 * shared chunk below it), `src/render-worker.ts` when run from source under tsx.
 */
function workerUrl(): URL {
  const here = import.meta.url
  const candidates = here.endsWith('.ts') ? ['./render-worker.ts'] : ['./render-worker.js', '../render-worker.js']
  for (const candidate of candidates) {
    const url = new URL(candidate, here)
    if (existsSync(fileURLToPath(url))) return url
  }
  throw new Error(`The render worker module is missing next to ${fileURLToPath(here)}`)
}
