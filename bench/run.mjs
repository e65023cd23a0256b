#!/usr/bin/env node
/**
 * Vitrine's benchmark: the example product card rendered by Vitrine in Node, by satori +
 * resvg, and by a Chromium screenshot; then Vitrine's worker pool and its memory over a long
 * batch. Every part runs in a process of its own, one after another. See bench/README.md.
 */
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statfsSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { printReport } from './lib/report.mjs'
import { writeRepeatedFeed } from './lib/products.mjs'

const benchDir = dirname(fileURLToPath(import.meta.url))
const root = resolve(benchDir, '..')
const contenderNames = ['vitrine', 'satori', 'chromium']
const sectionNames = [...contenderNames, 'pool', 'memory']
// The other benchmarks, each a script of its own that prints its own tables: run after the
// image parts (`pnpm bench:text`, `bench:video`, `bench:lint` run one alone).
const scriptParts = {
  text: { file: 'text-layout.mjs', pin: true, args: [], quick: ['--iterations', '100', '--renders', '10'] },
  video: { file: 'video.mjs', pin: false, args: [], quick: ['--seconds', '6', '--memory-seconds', '0', '--no-browser'] },
  lint: { file: 'lint.mjs', pin: false, args: [], quick: ['--iterations', '200', '--renders', '5', '--pool-rows', '40', '--pool-repeats', '1'] },
  'frame-base': { file: 'frame-base.mjs', pin: true, args: [], quick: ['--rows', '4', '--turns', '1'] },
}
const partNames = [...sectionNames, ...Object.keys(scriptParts)]

const usage = `Usage: node bench/run.mjs [options]   (or: pnpm bench -- [options])

  --rows N            rows per contender and image type (default 200; the feed is repeated)
  --only a,b          parts to run: ${partNames.join(', ')} (default: all)
  --types png,jpeg    image types (default png,jpeg)
  --quality N         JPEG quality (default 85)
  --warm-up N         untimed renders before timing (default 10)
  --memory-renders N  renders in the memory run (default 2000)
  --memory-type T     image type in the memory run (default jpeg)
  --pool-rows N       rows per rendering thread in a worker-pool run (default 200 for PNG and 600
                      for JPEG, ~13 s each; concurrency 2 renders twice as many)
  --pool-types T      image types of the worker-pool runs (default png,jpeg)
  --pool-repeats N    turns of the pool runs; the target is read on the median of the turns'
                      own ratios (default 5)
  --all-cores         do not pin the single-core parts to one CPU
  --template FILE     template (default examples/product-card.json)
  --data FILE         product feed (default examples/products.csv)
  --out FILE          results file (default bench/results/latest.json)
  --quick             a fast smoke run: 20 rows, 3 warm-up renders, 200 memory renders
  --help`

const optionSpec = {
  rows: { type: 'string' },
  only: { type: 'string' },
  types: { type: 'string', default: 'png,jpeg' },
  quality: { type: 'string', default: '85' },
  'warm-up': { type: 'string' },
  'memory-renders': { type: 'string' },
  'memory-type': { type: 'string', default: 'jpeg' },
  'pool-rows': { type: 'string' },
  'pool-types': { type: 'string', default: 'png,jpeg' },
  'pool-repeats': { type: 'string' },
  'all-cores': { type: 'boolean', default: false },
  template: { type: 'string', default: join(root, 'examples/product-card.json') },
  data: { type: 'string', default: join(root, 'examples/products.csv') },
  out: { type: 'string', default: join(benchDir, 'results/latest.json') },
  quick: { type: 'boolean', default: false },
  help: { type: 'boolean', default: false },
}

/** The command line's options; exits with 2 and the usage on a bad one. */
function readOptions() {
  // `pnpm bench -- --quick` may pass the `--` through.
  const args = process.argv.slice(2).filter((arg, i) => !(i === 0 && arg === '--'))
  try {
    return parseArgs({ args, options: optionSpec, allowPositionals: false }).values
  } catch (error) {
    console.error(`${error.message}\n\n${usage}`)
    process.exit(2)
  }
}

const values = readOptions()
if (values.help) {
  console.log(usage)
  process.exit(0)
}

function integer(name, value, fallback) {
  if (value === undefined) return fallback
  const n = Number(value)
  if (!Number.isInteger(n) || n < 1) {
    console.error(`--${name}: expected a whole number above 0, found "${value}"\n\n${usage}`)
    process.exit(2)
  }
  return n
}

const quick = values.quick
const rows = integer('rows', values.rows, quick ? 20 : 200)
const options = {
  root,
  templatePath: resolve(values.template),
  dataPath: resolve(values.data),
  rows,
  types: values.types.split(',').map((t) => t.trim()).filter(Boolean),
  quality: integer('quality', values.quality, 85),
  warmUp: integer('warm-up', values['warm-up'], quick ? 3 : 10),
  memoryRenders: integer('memory-renders', values['memory-renders'], quick ? 200 : 2000),
  memoryType: values['memory-type'],
  poolRepeats: integer('pool-repeats', values['pool-repeats'], quick ? 1 : 5),
  poolTypes: values['pool-types'].split(',').map((t) => t.trim()).filter(Boolean),
  // Rows per rendering thread in a pool run, per type (concurrency 2 renders twice as many).
  // JPEG renders ~3x faster than PNG, so it gets 3x the rows: every run takes ~13 s whatever
  // the type, and the second half, where the steady rate is read, ~6 s, long enough that a
  // hiccup of the machine does not decide the figure.
  poolRows: Object.fromEntries(['png', 'jpeg'].map((type) => [type, integer('pool-rows', values['pool-rows'], values.rows || quick ? rows : type === 'jpeg' ? 600 : 200)])),
  resultsPath: resolve(values.out),
  samplesDir: join(dirname(resolve(values.out)), 'samples'),
}
const only = values.only ? values.only.split(',').map((s) => s.trim()) : partNames
for (const name of only) {
  if (!partNames.includes(name)) {
    console.error(`--only: unknown part "${name}"; expected some of ${partNames.join(', ')}`)
    process.exit(2)
  }
}
for (const type of [...options.types, ...options.poolTypes, options.memoryType]) {
  if (!['png', 'jpeg'].includes(type)) {
    console.error(`--types: expected png and/or jpeg, found "${type}"`)
    process.exit(2)
  }
}
for (const file of [options.templatePath, options.dataPath]) {
  if (!existsSync(file)) {
    console.error(`Missing ${file}: run from the repository root after \`pnpm build\`, or pass --template/--data.`)
    process.exit(2)
  }
}

// The speed targets are "on one core": pin single-core parts (and the browsers they start) to CPU 0.
const canPin = !values['all-cores'] && spawnSync('taskset', ['-c', '0', 'true']).status === 0
const resultsDir = dirname(resolve(values.out))
mkdirSync(resultsDir, { recursive: true })

/** The Node command line that runs one part, writing its result to `resultPath`. */
function sectionCommand(kind, extra, resultPath) {
  // The live-memory run forces a full collection before each reading (see section.mjs).
  const nodeOptions = extra.memoryLive ? ['--expose-gc'] : []
  return [process.execPath, ...nodeOptions, join(benchDir, 'lib/section.mjs'), JSON.stringify({ ...options, ...extra, kind, resultPath })]
}

/** Bytes free for this user on the file system of `path`, or undefined where Node cannot tell. */
function freeBytes(path) {
  try {
    const { bavail, bsize } = statfsSync(path)
    return bavail * bsize
  } catch {
    return undefined
  }
}

/** What a finished part wrote, or its failure. */
function takeResult(resultPath, status, signal) {
  if (status !== 0 || !existsSync(resultPath)) return { error: `exited with ${status ?? signal}` }
  const result = JSON.parse(readFileSync(resultPath, 'utf8'))
  rmSync(resultPath, { force: true })
  return result
}

/** Runs one part in a fresh Node process and returns what it wrote. */
function runSection(kind, extra, { pin, cpu = 0 }) {
  const resultPath = join(os.tmpdir(), `vitrine-bench-${process.pid}-${kind}-${extra.contender ?? ''}.json`)
  const node = sectionCommand(kind, extra, resultPath)
  const [command, ...args] = pin && canPin ? ['taskset', '-c', String(cpu), ...node] : node
  const child = spawnSync(command, args, { stdio: ['ignore', 'inherit', 'inherit'], cwd: root })
  return takeResult(resultPath, child.status, child.signal)
}

/** Like runSection, without waiting: the part runs pinned to `cpu` while others run. */
function runSectionAsync(kind, extra, cpu) {
  const resultPath = join(os.tmpdir(), `vitrine-bench-${process.pid}-${kind}-${extra.poolTag ?? cpu}.json`)
  const child = spawn('taskset', ['-c', String(cpu), ...sectionCommand(kind, extra, resultPath)], { stdio: ['ignore', 'inherit', 'inherit'], cwd: root })
  return new Promise((done) => child.on('close', (status, signal) => done(takeResult(resultPath, status, signal))))
}

/** Versions of what is being compared, from the installed packages. */
function versions() {
  const read = (dir, name) => {
    try {
      return JSON.parse(readFileSync(join(dir, 'node_modules', name, 'package.json'), 'utf8')).version
    } catch {
      return undefined
    }
  }
  return {
    '@vitrine/core': read(benchDir, '@vitrine/core'),
    '@napi-rs/canvas': read(join(root, 'packages/node'), '@napi-rs/canvas'),
    sharp: read(benchDir, 'sharp'),
    satori: read(benchDir, 'satori'),
    '@resvg/resvg-js': read(benchDir, '@resvg/resvg-js'),
    'playwright-core': read(benchDir, 'playwright-core'),
  }
}

const report = {
  date: new Date().toISOString(),
  machine: {
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    cpu: os.cpus()[0]?.model ?? 'unknown',
    cpus: os.cpus().length,
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    pinnedToOneCpu: canPin,
  },
  versions: versions(),
  options: { ...options, root: undefined, only },
  contenders: [],
}

if (contenderNames.some((name) => only.includes(name))) rmSync(options.samplesDir, { recursive: true, force: true })
for (const name of contenderNames) {
  if (!only.includes(name)) continue
  console.log(`· ${name}: ${rows} rows × ${options.types.join(', ')}${canPin ? ' (pinned to CPU 0)' : ''}`)
  const result = runSection('contender', { contender: name }, { pin: true })
  report.contenders.push(result.error ? { contender: name, error: result.error } : result)
}
if (only.includes('pool')) {
  // "One core" is the batch with one worker pinned to one CPU; the pool then gets every core.
  // The machine's own ceiling is two independent one-worker batches at once, one per CPU: no
  // software shares anything between them, so a pool cannot beat their combined rate.
  const withCeiling = canPin && os.availableParallelism() >= 2
  console.log(`· worker pool: ${options.poolTypes.map((type) => `${options.poolRows[type]} rows × ${type}`).join(', ')} per rendering thread, 1 thread${canPin ? ` pinned to one CPU${withCeiling ? ' (CPU 0 and CPU 1 by turns)' : ''}` : ''}, then 2 on every core`)
  // On a shared machine other work comes and goes, and the machine's speed drifts by 10-20 %
  // from minute to minute: the runs take turns, --pool-repeats times, and the target is read on
  // the median of each turn's own ratio (two threads over one, run one after the other). Turns
  // swap which of the two runs first, and which CPU the one thread is pinned to, so that
  // neither a drift nor one CPU faster than the other favours a side.
  if (withCeiling) console.log('  and the machine\'s ceiling: two one-worker batches at once, pinned to CPU 0 and CPU 1')
  // Every run writes its files into a new folder of one made for the section, and nothing is
  // deleted until the section ends: on ext4 without a journal, creating files scans past every
  // inode deleted in the last 30 s, so deleting one run's 200 folders and files just before the
  // next made that run up to 10 % slower, more in whichever run came next.
  const poolOutDir = mkdtempSync(join(os.tmpdir(), 'vitrine-bench-pool-'))
  const poolFeedFolder = join(resultsDir, `pool-feed-${process.pid}`)
  // Rows rendered per turn, in units of --pool-rows: 1 alone, 2 in the pool, 1 + 1 apart.
  const rowsPerTurn = withCeiling ? 5 : 3
  const bytesPerImage = { png: 1_000_000, jpeg: 150_000 }
  const needed = options.poolRepeats * rowsPerTurn * options.poolTypes.reduce((sum, type) => sum + options.poolRows[type] * bytesPerImage[type], 0)
  const free = freeBytes(poolOutDir)
  const poolKeepOutputs = free === undefined || free > needed + 2 ** 30
  if (!poolKeepOutputs) console.log(`  ${(free / 2 ** 30).toFixed(1)} GB free in ${os.tmpdir()}, under the ${(needed / 2 ** 30 + 1).toFixed(1)} GB that keeping every run's files needs: each run's files are deleted when it ends, which can slow the next run`)
  const turns = []
  try {
    // The feeds, by type and row count: --pool-rows rows for one thread, twice that for two.
    const poolData = Object.fromEntries(options.poolTypes.map((type) => [type, Object.fromEntries([1, 2].map((threads) => [options.poolRows[type] * threads, writeRepeatedFeed(options.dataPath, options.poolRows[type] * threads, poolFeedFolder)]))]))
    const pool = { poolOutDir, poolKeepOutputs, poolData }
    for (let turn = 0; turn < options.poolRepeats; turn++) {
      const oneCpu = withCeiling ? turn % 2 : 0
      const runOne = () => runSection('pool', { ...pool, poolWorkers: [1] }, { pin: true, cpu: oneCpu })
      const runTwo = () => runSection('pool', { ...pool, poolWorkers: [2] }, { pin: false })
      let one
      let two
      if (turn % 2 === 0) {
        one = runOne()
        two = runTwo()
      } else {
        two = runTwo()
        one = runOne()
      }
      const ceiling = withCeiling ? await Promise.all([0, 1].map((cpu) => runSectionAsync('pool', { ...pool, poolWorkers: [1], poolTag: `cpu${cpu}` }, cpu))) : []
      turns.push({ one, two, ceiling, oneCpu: canPin ? oneCpu : undefined })
    }
  } finally {
    rmSync(poolOutDir, { recursive: true, force: true })
    rmSync(poolFeedFolder, { recursive: true, force: true })
  }
  const failed = turns.flatMap((t) => [t.one, t.two, ...t.ceiling]).find((r) => r.error)
  // Best by the steady rate, the measure the target is read on.
  const best = (runs) => options.poolTypes.map((type) => runs.filter((r) => r.type === type).sort((a, b) => b.steadyImagesPerSecond - a.steadyImagesPerSecond)[0])
  const ceilingRate = (t, type) => t.ceiling.reduce((sum, part) => sum + (part.runs.find((r) => r.type === type)?.steadyImagesPerSecond ?? 0), 0)
  report.pool = failed
    ? { error: failed.error }
    : {
        rows: options.poolRows,
        repeats: options.poolRepeats,
        pinnedOne: canPin,
        runs: [...best(turns.flatMap((t) => t.one.runs)), ...best(turns.flatMap((t) => t.two.runs))],
        // The best turn of the pair, per type, kept as the two parts' runs.
        ceiling: withCeiling
          ? [0, 1].map((part) => options.poolTypes.map((type) => [...turns].sort((a, b) => ceilingRate(b, type) - ceilingRate(a, type))[0].ceiling[part].runs.find((r) => r.type === type)))
          : undefined,
        turns: turns.map((t) => ({ one: t.one.runs, two: t.two.runs, ceiling: t.ceiling.map((p) => p.runs), oneCpu: t.oneCpu })),
      }
}
if (only.includes('memory')) {
  console.log(`· memory: ${options.memoryRenders} ${options.memoryType} renders in one process`)
  report.memory = runSection('memory', {}, { pin: true })
  // Then the same renders in a second process that reads live memory after forced collections:
  // the check for a leak. The first run, left to collect as it would, gives the peak.
  console.log(`· memory, live: the same, reading RSS after a forced full collection every ${Math.max(1, Math.round(options.memoryRenders / 40))} renders`)
  const live = runSection('memory', { memoryLive: true }, { pin: true })
  if (!report.memory.error) report.memory.live = live.error ? { error: live.error } : live.live
}

if (sectionNames.some((name) => only.includes(name))) {
  report.summary = printReport(report)
  writeFileSync(resolve(values.out), JSON.stringify(report, null, 2) + '\n')
  console.log(`\nResults: ${resolve(values.out)}; one sample image per contender and type: ${options.samplesDir}`)
}

let failedParts = 0
for (const [name, part] of Object.entries(scriptParts)) {
  if (!only.includes(name)) continue
  console.log(`\n══ ${name}: node bench/${part.file}${part.pin && canPin ? ' (pinned to CPU 0)' : ''} ══\n`)
  const node = [process.execPath, join(benchDir, part.file), ...(quick ? part.quick : part.args)]
  const [command, ...args] = part.pin && canPin ? ['taskset', '-c', '0', ...node] : node
  const child = spawnSync(command, args, { stdio: 'inherit', cwd: root })
  if (child.status !== 0) {
    failedParts++
    console.log(`${name}: FAILED (exited with ${child.status ?? child.signal})`)
  }
}
if (failedParts > 0) process.exitCode = 1
