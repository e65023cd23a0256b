#!/usr/bin/env node
/**
 * Where a worker pool's CPU time goes, thread by thread. Renders the example card with
 * `renderBatch` and, over the second half of the batch (where the pool benchmark reads its
 * steady rate), prints the images per second, how many CPUs the process kept busy, each
 * thread's user and system CPU time and page faults per image (read from /proc/self/task:
 * "main" is the calling thread, a worker thread renders as much, the others are V8's and
 * libuv's helpers), and each CPU's busy, idle and stolen time from /proc/stat.
 *
 * With `--pairs N`, runs N pairs, one after the other: the pool (concurrency 2, twice the rows)
 * in one process, then two concurrency-1 batches in two processes pinned to CPU 0 and CPU 1 at
 * the same time, their rates added (the machine's ceiling, as in `pnpm bench`). Their rates,
 * side by side, tell the pool's own cost from the machine's changing speed.
 *
 *   node bench/pool-threads.mjs [--type png|jpeg] [--concurrency N] [--rows N] [--pin-threads]
 *   node bench/pool-threads.mjs --pairs 3 [--type jpeg] [--rows N]
 *
 * --type          png or jpeg (default jpeg)
 * --concurrency   rendering threads of the batch (default 2)
 * --rows          rows per rendering thread (default 600 for JPEG, 200 for PNG); the batch
 *                 has concurrency × rows rows
 * --pin-threads   once the batch is under way, pins the calling thread to CPU 0 and the
 *                 busiest other thread (the worker) to CPU 1 (Linux, `taskset`)
 * --pairs N       the pool and two processes apart, N times (see above)
 *
 * Linux only (/proc). The packages must be built (`pnpm build`).
 */
import { execFileSync, spawn } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { renderBatch } from '@vitrine/node'
import { exitWithHelpIfAsked } from './lib/help.mjs'
import { writeRepeatedFeed } from './lib/products.mjs'

exitWithHelpIfAsked(import.meta.url)

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
// Milliseconds per clock tick of /proc's times (USER_HZ is 100 on Linux).
const tickMs = 10
const { values: args } = parseArgs({
  args: process.argv.slice(2).filter((a, i) => !(i === 0 && a === '--')),
  options: {
    type: { type: 'string', default: 'jpeg' },
    concurrency: { type: 'string', default: '2' },
    rows: { type: 'string' },
    'pin-threads': { type: 'boolean', default: false },
    pairs: { type: 'string' },
    // Internal: the feed and output folder a --pairs run hands its child processes.
    data: { type: 'string' },
    out: { type: 'string' },
    quiet: { type: 'boolean', default: false },
  },
})
const type = args.type
if (type !== 'png' && type !== 'jpeg') usage(`--type: expected png or jpeg, found "${type}"`)
const concurrency = positive('concurrency', args.concurrency)
const rowsPerThread = args.rows === undefined ? (type === 'jpeg' ? 600 : 200) : positive('rows', args.rows)
if (!existsProc()) usage('this benchmark reads /proc, which this system does not have')

if (args.pairs !== undefined) await runPairs(positive('pairs', args.pairs))
else {
  const result = await measureBatch({ concurrency, rows: rowsPerThread * concurrency, data: args.data, out: args.out, pin: args['pin-threads'] })
  if (args.quiet) console.log(JSON.stringify({ steady: result.steady }))
  else printMeasure(result)
}

/** Renders one batch and reads the threads' and CPUs' times over its second half. */
async function measureBatch({ concurrency, rows, data, out, pin }) {
  const ownFeed = data === undefined ? join(root, 'bench/results', `pool-threads-feed-${process.pid}`) : undefined
  const feed = data ?? writeRepeatedFeed(join(root, 'examples/products.csv'), rows, ownFeed)
  const outParent = out ?? mkdtempSync(join(tmpdir(), 'vitrine-pool-threads-'))
  let half
  let end
  let pinned = !pin
  try {
    await renderBatch({
      template: join(root, 'examples/product-card.json'),
      data: feed,
      formats: ['instagram-square'],
      out: mkdtempSync(join(outParent, `c${concurrency}-`)),
      type,
      quality: type === 'jpeg' ? 85 : undefined,
      concurrency,
      onProgress: ({ done }) => {
        if (!pinned && done >= 20) {
          pinned = true
          pinThreads()
        }
        // The last snapshot must come before the batch ends: its worker threads exit then.
        if (!half && done >= rows / 2) half = snapshot(done)
        if (done === rows) end = snapshot(done)
      },
    })
  } finally {
    if (out === undefined) rmSync(outParent, { recursive: true, force: true })
    if (ownFeed) rmSync(ownFeed, { recursive: true, force: true })
  }
  if (!half || !end || end.done === half.done) throw new Error(`too few rows (${rows}) to read a second half`)
  const images = end.done - half.done
  const seconds = (end.at - half.at) / 1000
  const threads = Object.entries(end.threads).map(([tid, e]) => {
    const s = half.threads[tid] ?? { userMs: 0, systemMs: 0, faults: 0, name: e.name }
    return { tid: Number(tid), name: e.name, userMs: e.userMs - s.userMs, systemMs: e.systemMs - s.systemMs, faults: e.faults - s.faults }
  })
  const cpus = end.cpus.map((c, i) => Object.fromEntries(Object.keys(c).map((k) => [k, c[k] - half.cpus[i][k]])))
  return { concurrency, rows, images, seconds, steady: images / seconds, threads, cpus }
}

function printMeasure({ concurrency, rows, images, seconds, steady, threads, cpus }) {
  const cpuMs = threads.reduce((sum, t) => sum + t.userMs + t.systemMs, 0)
  console.log(`${type.toUpperCase()}, concurrency ${concurrency}, ${rows} rows: second half ${images} images in ${seconds.toFixed(2)} s, ${steady.toFixed(1)} images/s`)
  console.log(`  the process kept ${(cpuMs / 1000 / seconds).toFixed(2)} CPUs busy, ${(cpuMs / images).toFixed(2)} ms of CPU per image`)
  console.log('  per image (all images of the half):')
  for (const t of threads.filter((t) => t.userMs + t.systemMs > 0 || t.faults > 0).sort((a, b) => b.userMs - a.userMs)) {
    const label = t.tid === process.pid ? 'calling thread' : `${t.name} ${t.tid}`
    console.log(`    ${label.padEnd(18)} user ${(t.userMs / images).toFixed(2)} ms  system ${(t.systemMs / images).toFixed(2)} ms  page faults ${(t.faults / images).toFixed(0)}`)
  }
  console.log(`  CPUs over the half (ms): ${cpus.map((c, i) => `cpu${i} busy ${c.busy}, idle ${c.idle}, stolen ${c.steal}`).join('; ')}`)
}

/** The pool and two pinned processes apart, alternated `pairs` times, each in its own process. */
async function runPairs(pairs) {
  const folder = join(root, 'bench/results', `pool-threads-feed-${process.pid}`)
  const outParent = mkdtempSync(join(tmpdir(), 'vitrine-pool-threads-'))
  const self = fileURLToPath(import.meta.url)
  const child = (cpu, threads) => {
    const rows = rowsPerThread * threads
    const node = [process.execPath, self, '--type', type, '--concurrency', String(threads), '--rows', String(rowsPerThread), '--data', feeds[rows], '--out', outParent, '--quiet']
    const [command, ...rest] = cpu === undefined ? node : ['taskset', '-c', String(cpu), ...node]
    return new Promise((done, fail) => {
      const p = spawn(command, rest, { stdio: ['ignore', 'pipe', 'inherit'] })
      let text = ''
      p.stdout.on('data', (chunk) => (text += chunk))
      p.on('error', fail)
      p.on('close', (code) => (code === 0 ? done(JSON.parse(text.trim().split('\n').at(-1)).steady) : fail(new Error(`a benchmark process exited with ${code}`))))
    })
  }
  const feeds = {}
  try {
    for (const threads of [1, 2]) feeds[rowsPerThread * threads] = writeRepeatedFeed(join(root, 'examples/products.csv'), rowsPerThread * threads, folder)
    console.log(`${type.toUpperCase()}, ${rowsPerThread} rows per rendering thread; steady images/s, pool (concurrency 2) then two concurrency-1 processes pinned apart:`)
    for (let pair = 1; pair <= pairs; pair++) {
      const pool = await child(undefined, 2)
      const apart = (await Promise.all([child(0, 1), child(1, 1)])).reduce((a, b) => a + b, 0)
      console.log(`  pair ${pair}: pool ${pool.toFixed(1)}, apart ${apart.toFixed(1)}, pool / apart ${(pool / apart).toFixed(2)}`)
    }
  } finally {
    rmSync(outParent, { recursive: true, force: true })
    rmSync(folder, { recursive: true, force: true })
  }
}

/** The threads' CPU times and faults and the CPUs' times, now. */
function snapshot(done) {
  return { done, at: performance.now(), threads: threadTimes(), cpus: cpuTimes() }
}

function threadTimes() {
  const out = {}
  for (const tid of readdirSync('/proc/self/task')) {
    let stat
    try {
      stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8')
    } catch {
      continue // The thread ended between the listing and the read.
    }
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    out[tid] = { name: stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')), faults: Number(fields[7]), userMs: Number(fields[11]) * tickMs, systemMs: Number(fields[12]) * tickMs }
  }
  return out
}

function cpuTimes() {
  return readFileSync('/proc/stat', 'utf8')
    .split('\n')
    .filter((line) => /^cpu\d/.test(line))
    .map((line) => {
      const [user, nice, system, idle, iowait, irq, softirq, steal] = line.split(/\s+/).slice(1).map(Number)
      return { busy: (user + nice + system + irq + softirq) * tickMs, idle: (idle + iowait) * tickMs, steal: steal * tickMs }
    })
}

function pinThreads() {
  const times = threadTimes()
  const worker = Object.entries(times)
    .filter(([tid]) => Number(tid) !== process.pid)
    .sort((a, b) => b[1].userMs - a[1].userMs)[0]?.[0]
  execFileSync('taskset', ['-pc', '0', String(process.pid)], { stdio: 'ignore' })
  if (worker) execFileSync('taskset', ['-pc', '1', worker], { stdio: 'ignore' })
  console.log(`pinned the calling thread to CPU 0${worker ? ` and thread ${worker} to CPU 1` : ''}`)
}

function existsProc() {
  try {
    readdirSync('/proc/self/task')
    return true
  } catch {
    return false
  }
}

function positive(name, text) {
  const value = Number(text)
  if (!Number.isInteger(value) || value < 1) usage(`--${name}: expected a whole number of at least 1, found "${text}"`)
  return value
}

function usage(message) {
  console.error(`pool-threads: ${message} (see --help)`)
  process.exit(2)
}
