import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, relative } from 'node:path'
import { renderBatch } from '@vitrine/node'
import { loadProducts } from './products.mjs'

const csvCell = (value) => (/[",\n\r]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value)

/**
 * Writes a feed of `count` rows (the example feed repeated, each copy with its own id, since a
 * batch refuses duplicate ids) into `folder`, with image paths relative to it.
 */
function writeRepeatedFeed(dataPath, count, folder) {
  const rows = loadProducts(dataPath, count)
  const columns = Object.keys(rows[0]).filter((c) => c !== 'imagePath')
  const lines = [columns.join(',')]
  rows.forEach((row, i) => {
    const copy = { ...row, sku: `${row.sku}-r${i}`, image: relative(folder, row.imagePath).split('\\').join('/') }
    lines.push(columns.map((c) => csvCell(String(copy[c] ?? ''))).join(','))
  })
  mkdirSync(folder, { recursive: true })
  const file = join(folder, `products-${count}.csv`)
  writeFileSync(file, lines.join('\n') + '\n')
  return file
}

/**
 * `renderBatch` over the same rows with each worker count in `args.poolWorkers` (default 1, in
 * this thread as the pool does for 1, then 2 worker threads), for each image type. Wall-clock time of the whole call: feed parsing,
 * worker start-up, rendering, writing the files and the manifest. The steady rate leaves out
 * start-up: outputs per second over the second half of the rows (from the moment half of them
 * are done to the last), when every thread has long started.
 */
export async function runPoolBenchmark(args) {
  // The feed lives beside the results (inside the repository, so the images stay within the
  // folders a batch may read); the outputs go to a temporary folder.
  const feedFolder = join(dirname(args.resultsPath ?? join(args.root, 'bench/results/latest.json')), `pool-feed-${process.pid}`)
  const data = writeRepeatedFeed(args.dataPath, args.poolRows, feedFolder)
  const runs = []
  for (const type of args.poolTypes) {
    for (const workers of args.poolWorkers ?? [1, 2]) {
      const out = join(tmpdir(), `vitrine-bench-pool-${process.pid}-${type}-${workers}`)
      rmSync(out, { recursive: true, force: true })
      let first
      let last
      const start = performance.now()
      const result = await renderBatch({
        template: args.templatePath,
        data,
        formats: ['instagram-square'],
        out,
        type,
        quality: type === 'png' ? undefined : args.quality,
        concurrency: workers,
        onProgress: ({ done }) => {
          if (done === 0) return
          const now = performance.now()
          if (!first && done >= args.poolRows / 2) first = { done, at: now }
          last = { done, at: now }
        },
      })
      const totalMs = performance.now() - start
      rmSync(out, { recursive: true, force: true })
      const images = result.manifest.summary.outputs
      if (result.manifest.summary.failures > 0) {
        throw new Error(`the batch failed ${result.manifest.summary.failures} outputs, e.g. ${JSON.stringify(result.manifest.failures[0].error)}`)
      }
      runs.push({
        type,
        workers: result.concurrency,
        images,
        totalMs,
        msPerImage: totalMs / images,
        imagesPerSecond: (images * 1000) / totalMs,
        steadyImagesPerSecond: last && first && last.at > first.at ? ((last.done - first.done) * 1000) / (last.at - first.at) : NaN,
        phasesMsPerImage: Object.fromEntries(Object.entries(result.timings).map(([k, v]) => [k, v / images])),
      })
    }
  }
  rmSync(feedFolder, { recursive: true, force: true })
  return { rows: args.poolRows, runs }
}
