/**
 * One part of the benchmark, in a process of its own so that contenders never share a heap,
 * a JIT or a core: `node bench/lib/section.mjs '<json>'`. It writes its result as JSON to
 * `resultPath`; run.mjs starts one such process after another.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { loadProducts } from './products.mjs'
import { slope, timeRenders } from './measure.mjs'

const extension = { png: 'png', jpeg: 'jpg', webp: 'webp' }

async function loadContender(name, options) {
  switch (name) {
    case 'vitrine':
      return (await import('../contenders/vitrine.mjs')).createVitrineContender(options)
    case 'satori':
      return (await import('../contenders/satori.mjs')).createSatoriContender(options)
    case 'chromium':
      return (await import('../contenders/chromium.mjs')).createChromiumContender(options)
    default:
      throw new Error(`unknown contender "${name}" (vitrine, satori, chromium)`)
  }
}

function zeroPhases(phases) {
  for (const key of Object.keys(phases)) phases[key] = 0
}

/**
 * One contender, each image type: warm up, time every row, keep two samples; Vitrine adds its
 * step-by-step split and its encoder-alone figure.
 */
async function runContender(args) {
  const contender = await loadContender(args.contender, args)
  const rows = loadProducts(args.dataPath, args.rows)
  const t0 = performance.now()
  await contender.setup({ ...args, rows })
  const setupMs = performance.now() - t0
  const results = []
  for (const type of args.types) {
    if (!contender.types.includes(type)) continue
    const render = (row) => contender.render(row, type, { quality: args.quality })
    const warmUp = Math.min(args.warmUp, rows.length)
    for (let i = 0; i < warmUp; i++) await render(rows[i])
    if (contender.phases) zeroPhases(contender.phases)
    // The encoder alone, on the bitmap the last row drew: three encodes after every tenth row,
    // so that it is timed in the same minutes as the rows (a shared machine's speed drifts).
    const encodes = []
    const between = contender.encodeDrawn
      ? async () => {
          for (let k = 0; k < 3; k++) {
            const t0 = performance.now()
            await contender.encodeDrawn(type, { quality: args.quality })
            encodes.push(performance.now() - t0)
          }
        }
      : undefined
    const { samples, ...summary } = await timeRenders(render, rows, { between })
    const result = { contender: contender.name, label: contender.labelFor(type), type, quality: type === 'png' ? undefined : args.quality, ...summary }
    if (contender.notes?.[type]) result.note = contender.notes[type]
    if (contender.phases) {
      result.phasesMsPerImage = Object.fromEntries(Object.entries(contender.phases).map(([k, v]) => [k, v / rows.length]))
    }
    if (contender.split) result.phasesMsPerImage = await contender.split(rows, type, { quality: args.quality })
    if (encodes.length > 0) result.encoderAlone = { repeats: encodes.length, msPerImage: encodes.reduce((a, b) => a + b, 0) / encodes.length }
    if (args.samplesDir) {
      mkdirSync(args.samplesDir, { recursive: true })
      samples.forEach((bytes, i) => writeFileSync(join(args.samplesDir, `${rows[i].sku || `row${i}`}-${contender.name}.${extension[type]}`), bytes))
    }
    results.push(result)
  }
  const info = contender.info ? await contender.info() : {}
  await contender.teardown()
  return { contender: contender.name, setupMs, info, results }
}

/** Vitrine rendering `renders` images in one process; RSS sampled every `every` renders. */
async function runMemory(args) {
  const contender = await loadContender('vitrine', args)
  const rows = loadProducts(args.dataPath, Math.max(1, Math.min(args.rows, 200)))
  await contender.setup({ ...args, rows })
  const every = Math.max(1, Math.round(args.memoryRenders / 200))
  // With `memoryLive` (and node --expose-gc), live memory too: RSS right after a forced full
  // collection, 40 times over the run. As the process runs, RSS rises and falls by 10-20 MB with
  // the JS heap's collections, every few hundred renders, which tilts a line through 1,000
  // renders by up to ±15 MB per 1,000 either way; a leak survives a collection and still climbs.
  // The forced collections also lower the peak, so run.mjs takes the peak from a run without.
  const forceGc = args.memoryLive && typeof globalThis.gc === 'function' ? globalThis.gc : undefined
  if (args.memoryLive && !forceGc) throw new Error('memoryLive needs node --expose-gc')
  const liveEvery = Math.max(1, Math.round(args.memoryRenders / 40))
  const samples = []
  const live = []
  let peak = process.memoryUsage.rss()
  let gcMs = 0
  const start = performance.now()
  for (let i = 1; i <= args.memoryRenders; i++) {
    await contender.render(rows[(i - 1) % rows.length], args.memoryType, { quality: args.quality })
    const rss = process.memoryUsage.rss()
    if (rss > peak) peak = rss
    if (i % every === 0 || i === args.memoryRenders) {
      const { heapUsed, external } = process.memoryUsage()
      samples.push([i, rss, heapUsed, external])
    }
    if (forceGc && (i % liveEvery === 0 || i === args.memoryRenders)) {
      const t0 = performance.now()
      forceGc()
      gcMs += performance.now() - t0
      live.push([i, process.memoryUsage.rss()])
    }
  }
  const totalMs = performance.now() - start - gcMs
  await contender.teardown()
  const at = (n) => {
    const found = samples.find(([i]) => i >= n)
    return found ? found[1] : samples.at(-1)[1]
  }
  const checkpoints = [Math.round(args.memoryRenders / 10), Math.round(args.memoryRenders / 2), args.memoryRenders]
  // Slopes of RSS against renders, in MB per 1,000 renders: after the first tenth (caches and
  // the JIT fill up first, by design), and over the second half, where a leak still climbs
  // while caches that have filled up stay flat.
  const slopeFrom = (n, series = samples) => {
    const part = series.filter(([i]) => i >= n)
    return (slope(part.map(([i]) => i), part.map(([, rss]) => rss)) * 1000) / 2 ** 20
  }
  return {
    type: args.memoryType,
    renders: args.memoryRenders,
    msPerImage: totalMs / args.memoryRenders,
    rssMbAt: Object.fromEntries(checkpoints.map((n) => [n, at(n) / 2 ** 20])),
    peakRssMb: peak / 2 ** 20,
    kernelMaxRssMb: process.resourceUsage().maxRSS / 1024,
    slopeMbPer1000Renders: slopeFrom(checkpoints[0]),
    secondHalfSlopeMbPer1000Renders: slopeFrom(checkpoints[1]),
    /** Slopes of live memory (RSS after a forced full collection), when run with --expose-gc. */
    live: forceGc
      ? {
          every: liveEvery,
          slopeMbPer1000Renders: slopeFrom(checkpoints[0], live),
          secondHalfSlopeMbPer1000Renders: slopeFrom(checkpoints[1], live),
          rssMbAt: Object.fromEntries(checkpoints.map((n) => [n, (live.find(([i]) => i >= n) ?? live.at(-1))[1] / 2 ** 20])),
        }
      : undefined,
    jsHeapMbAt: Object.fromEntries(checkpoints.map((n) => [n, (samples.find(([i]) => i >= n) ?? samples.at(-1))[2] / 2 ** 20])),
    /** [render, RSS MB, JS heap used MB, external MB] */
    samples: samples.map(([i, ...bytes]) => [i, ...bytes.map((b) => Math.round((b / 2 ** 20) * 10) / 10)]),
  }
}

/** The worker pool's throughput with 1 and then 2 workers over the same rows. */
async function runPool(args) {
  const { runPoolBenchmark } = await import('./pool-benchmark.mjs')
  return runPoolBenchmark(args)
}

const args = JSON.parse(process.argv[2])
const run = { contender: runContender, memory: runMemory, pool: runPool }[args.kind]
const result = await run(args)
writeFileSync(args.resultPath, JSON.stringify(result, null, 2))
