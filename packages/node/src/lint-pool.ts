import { Piscina } from 'piscina'
import { workerModuleUrl } from './worker-module-url.js'
import { LintRowChecker, failedRowResult, type LintRowJob, type LintRowResult, type LintRowSetup } from './lint-row-checker.js'

/** Checks lint rows, in worker threads or in this thread. */
export interface LintPool {
  /** How many rows are checked at the same time. */
  readonly concurrency: number
  /** Checks one row; never rejects (a crashed worker turns that row's ads into error findings). */
  run(job: LintRowJob): Promise<LintRowResult>
  /** Stops the workers. */
  close(): Promise<void>
}

/**
 * Makes the pool a lint batch runs on, like the render pool: `concurrency` 1 checks in this
 * thread with no workers to start; more starts that many worker threads (`lint-worker`), each
 * with its own {@link LintRowChecker}.
 */
export function createLintPool(setup: LintRowSetup, concurrency: number): LintPool {
  if (concurrency <= 1) {
    const checker = new LintRowChecker(setup)
    let queue: Promise<unknown> = Promise.resolve()
    return {
      concurrency: 1,
      run(job) {
        const next = queue.then(() => checker.check(job))
        queue = next.catch(() => {})
        return next
      },
      close: async () => {},
    }
  }
  const piscina = new Piscina({
    filename: workerModuleUrl(import.meta.url, 'lint-worker').href,
    minThreads: concurrency,
    maxThreads: concurrency,
    concurrentTasksPerWorker: 1,
    atomics: 'disabled',
    idleTimeout: 60_000,
    workerData: setup,
  })
  return {
    concurrency,
    async run(job) {
      try {
        return (await piscina.run(job)) as LintRowResult
      } catch (error) {
        return failedRowResult(job, error, 'The lint worker failed: ')
      }
    },
    close: () => piscina.destroy(),
  }
}
