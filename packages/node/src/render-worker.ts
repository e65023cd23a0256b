// The worker-thread entry of the render pool (loaded by piscina). Each worker builds one
// RowRenderer from the batch setup and keeps it, with its caches, for its whole life.
import './allocator-settings.js'
import { workerData } from 'piscina'
import sharp from 'sharp'
import { RowRenderer, type RowJob, type RowJobResult, type RowRendererSetup } from './row-renderer.js'

// The pool already keeps every core busy; libvips threads per encode would only contend with
// the other workers (measured: ~20 % more PNG throughput with 2 workers on 2 cores).
// This setting is process-wide.
sharp.concurrency(1)

const renderer = new RowRenderer(workerData as RowRendererSetup)

// The pool hands each worker the next row while it renders one: rows render one at a time,
// in the order they came, since the renderer reuses its surfaces.
let queue: Promise<unknown> = Promise.resolve()

/** Renders one row's outputs in this worker. */
export default function renderRow(job: RowJob): Promise<RowJobResult> {
  const next = queue.then(() => renderer.render(job))
  queue = next.catch(() => {})
  return next
}
