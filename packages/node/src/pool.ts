import { availableParallelism } from 'node:os'
import { Piscina } from 'piscina'
import { workerModuleUrl } from './worker-module-url.js'
import { errorRecord, rowMessage } from './row-files.js'
import { RowRenderer, rowsAtOnce, type RowJob, type RowJobResult, type RowRendererSetup } from './row-renderer.js'

/** Renders row jobs, in worker threads or in this thread. */
export interface RenderPool {
  /** How many rows render at the same time. */
  readonly concurrency: number
  /** Renders one row; never rejects (a crashed worker fails that row's outputs). */
  run(job: RowJob): Promise<RowJobResult>
  /**
   * Settles every row still waiting for a renderer at once, marked `dropped`, with no outputs
   * and no failures; rows already rendering finish. For a batch that stops early.
   */
  dropWaiting(): void
  /** Stops the workers. */
  close(): Promise<void>
}

/** The default pool size: one worker per core the process may use. */
export function defaultConcurrency(): number {
  return Math.max(1, availableParallelism())
}

/**
 * Makes the pool a batch renders on. `concurrency` 1 renders in this thread, with no workers
 * to start. More renders in this thread too, and starts `concurrency - 1` worker threads, each
 * with its own {@link RowRenderer}: rows are taken from one queue by whoever is free, so this
 * thread renders from the first moment while the workers load their modules and fonts (a
 * quarter to half a second each), and no core is left to a thread that only waits. Each
 * renderer takes {@link rowsAtOnce} rows at a time; the others wait in the queue.
 */
export function createRenderPool(setup: RowRendererSetup, concurrency = defaultConcurrency()): RenderPool {
  const local = inThisThread(setup)
  const workers = Math.max(0, Math.floor(concurrency) - 1)
  // Rows a renderer takes at once (see rowsAtOnce), in this thread and in each worker.
  const lanes = rowsAtOnce(setup.type)
  // Each worker also holds the row after the ones it is rendering, so that it never waits on
  // this thread, busy rendering too, to hand it the next.
  const perWorker = lanes + 1
  const piscina =
    workers === 0
      ? undefined
      : new Piscina({
          filename: workerModuleUrl(import.meta.url, 'render-worker').href,
          minThreads: workers,
          maxThreads: workers,
          concurrentTasksPerWorker: perWorker,
          // Let a worker's event loop run between tasks (sockets, timers of the asset fetches).
          atomics: 'disabled',
          idleTimeout: 60_000,
          workerData: setup,
        })
  const waiting: { job: RowJob; done: (result: RowJobResult) => void }[] = []
  let inWorkers = 0
  let inThisThreadNow = 0
  const inWorker = (job: RowJob): Promise<RowJobResult> =>
    (piscina!.run(job) as Promise<RowJobResult>).catch((error: unknown) => failedRow(job, error, 'The render worker failed: '))
  const inThread = (job: RowJob): Promise<RowJobResult> => local(job).catch((error: unknown) => failedRow(job, error, 'Rendering failed: '))
  const pump = () => {
    while (piscina && inWorkers < workers * perWorker && waiting.length > 0) {
      const { job, done } = waiting.shift()!
      inWorkers++
      void inWorker(job).then((result) => {
        inWorkers--
        done(result)
        pump()
      })
    }
    while (inThisThreadNow < lanes && waiting.length > 0) {
      const { job, done } = waiting.shift()!
      inThisThreadNow++
      void inThread(job).then((result) => {
        inThisThreadNow--
        done(result)
        pump()
      })
    }
  }
  return {
    concurrency: workers + 1,
    run(job) {
      return new Promise((done) => {
        waiting.push({ job, done })
        pump()
      })
    },
    dropWaiting() {
      for (const { job, done } of waiting.splice(0)) done(droppedRow(job))
    },
    close: async () => {
      await piscina?.destroy()
    },
  }
}

/** A row that never rendered: the batch stopped before its turn. */
function droppedRow(job: RowJob): RowJobResult {
  return { row: job.row, outputs: [], failures: [], timings: { resolveMs: 0, drawMs: 0, encodeMs: 0, writeMs: 0 }, dropped: true }
}

/** A row whose renderer failed as a whole (a crashed worker): each of its outputs fails. */
function failedRow(job: RowJob, error: unknown, prefix: string): RowJobResult {
  const record = errorRecord(error)
  const message = rowMessage({ message: prefix + record.message, path: record.path }, { row: job.row, line: job.line, id: job.id, pointer: job.rowPointer })
  const failures = job.outputs.map((o) => ({ id: job.id, format: o.format, locale: o.locale, row: job.row, error: { ...record, message } }))
  return { row: job.row, outputs: [], failures, timings: { resolveMs: 0, drawMs: 0, encodeMs: 0, writeMs: 0 } }
}

/**
 * Renders rows in this thread, as many at once as its renderer takes (see rowsAtOnce); the
 * renderer's surfaces are reused between rows.
 */
function inThisThread(setup: RowRendererSetup): (job: RowJob) => Promise<RowJobResult> {
  let renderer: RowRenderer | undefined
  return (job) => (renderer ??= new RowRenderer(setup)).render(job)
}
