// The worker-thread entry of the render pool (loaded by piscina). Each worker builds one
// RowRenderer from the batch setup and keeps it, with its caches, for its whole life.
import { workerData } from 'piscina'
import { RowRenderer, type RowJob, type RowJobResult, type RowRendererSetup } from './row-renderer.js'

const renderer = new RowRenderer(workerData as RowRendererSetup)

/** Renders one row's outputs in this worker. */
export default function renderRow(job: RowJob): Promise<RowJobResult> {
  return renderer.render(job)
}
