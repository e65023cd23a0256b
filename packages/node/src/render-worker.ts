// The worker-thread entry of the render pool (loaded by piscina). Each worker builds one
// RowRenderer from the batch setup and keeps it, with its caches, for its whole life.
import './allocator-settings.js'
import { workerData } from 'piscina'
import sharp from 'sharp'
import { RowRenderer, type RowJob, type RowJobResult, type RowRendererSetup } from './row-renderer.js'

// The pool already keeps every core busy; libvips threads per encode would only contend with
// the other workers (measured: ~20 % more PNG throughput with 2 workers on 2 cores).
// libvips' operation cache never hits here (every encode starts from new pixels): it is off,
// so that it keeps no old images alive. The gain is within the noise: the pool's PNG rate over
// two processes apart (`node bench/pool-threads.mjs --type png --pairs 1`) was 0.96 on average
// over 22 pairs without the cache, 0.94 over 13 with it.
// These settings are process-wide.
sharp.concurrency(1)
sharp.cache(false)

const renderer = new RowRenderer(workerData as RowRendererSetup)

/**
 * Renders one row's outputs in this worker. The pool hands each worker the next row while it
 * renders one; the renderer takes as many at once as the output type gains from (see
 * rowsAtOnce), and the others in the order they came.
 */
export default function renderRow(job: RowJob): Promise<RowJobResult> {
  return renderer.render(job)
}
