import { rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { renderBatch } from '@vitrine/node'
import { writeRepeatedFeed } from './products.mjs'

/**
 * `renderBatch` with each concurrency in `args.poolWorkers` (default 1, in this thread as the
 * pool does for 1, then 2: this thread and a worker thread), for each image type, over
 * `args.poolRows[type]` rows per rendering thread (so twice as many rows with concurrency 2).
 * Wall-clock time of the whole call: feed parsing, worker start-up, rendering, writing the
 * files and the manifest. The steady rate leaves out start-up: outputs per second over the
 * second half of the rows (from the moment half of them are done to the last), when every
 * thread has long started.
 *
 * `args.poolOutDir` and `args.poolData`, when given, come from run.mjs, made for the whole pool
 * section and deleted when it ends: a folder in which each run writes a new folder and leaves
 * its files, and the feeds (`poolData[type][rows]`), written once. Deleting files just before
 * a run slows that run on some file systems (see bench/README.md); with
 * `args.poolKeepOutputs` false (too little free space), each run's files are deleted when it
 * ends, as without those folders.
 */
export async function runPoolBenchmark(args) {
  // The feed lives beside the results (inside the repository, so the images stay within the
  // folders a batch may read); the outputs go to a temporary folder.
  const feedFolder = join(dirname(args.resultsPath ?? join(args.root, 'bench/results/latest.json')), `pool-feed-${process.pid}`)
  const keepOutputs = args.poolOutDir !== undefined && args.poolKeepOutputs !== false
  const runs = []
  for (const type of args.poolTypes) {
    for (const workers of args.poolWorkers ?? [1, 2]) {
      // Rows per rendering thread: each thread renders as many rows with concurrency 2 as the
      // one thread does with concurrency 1, so that every thread is as far past its warm-up in
      // the second half, where the steady rate is read (see bench/README.md).
      const rows = args.poolRows[type] * workers
      const data = args.poolData?.[type]?.[rows] ?? writeRepeatedFeed(args.dataPath, rows, feedFolder)
      const out = join(args.poolOutDir ?? tmpdir(), `vitrine-bench-pool-${process.pid}-${type}-${workers}`)
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
          if (!first && done >= rows / 2) first = { done, at: now }
          last = { done, at: now }
        },
      })
      const totalMs = performance.now() - start
      if (!keepOutputs) rmSync(out, { recursive: true, force: true })
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
  if (!args.poolData) rmSync(feedFolder, { recursive: true, force: true })
  return { rows: args.poolRows, runs }
}
