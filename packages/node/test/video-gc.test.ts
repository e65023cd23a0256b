// The CLI renders videos in a Node process started with V8's collector on one thread: which
// command lines ask for it, and (with the built CLI) that the process really runs with it, that
// signals reach it and that exit codes come back.
import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test } from 'node:test'
import { VIDEO_GC_FLAG, relaunchForVideo } from '../src/video-gc.js'

const root = join(import.meta.dirname, '..', '..', '..')
const cli = join(root, 'packages', 'node', 'dist', 'cli.js')

test('video renders ask for the flag; images, other commands, an opt-out and a relaunched process do not', () => {
  const yes = (args: string[], execArgv: string[] = [], env: NodeJS.ProcessEnv = {}) => relaunchForVideo(args, execArgv, env)
  assert.equal(yes(['render', 't.json', '--type', 'mp4']), true)
  assert.equal(yes(['render', 't.json', '--type=WebM']), true)
  assert.equal(yes(['render', 't.json', '-t', 'gif']), true)
  assert.equal(yes(['render', 't.json', '-tmp4']), true)
  assert.equal(yes(['render', 't.json', '--type', 'png']), false)
  assert.equal(yes(['render', 't.json']), false, 'PNG by default')
  assert.equal(yes(['render', 't.json', '--', '--type', 'mp4']), false, 'after -- nothing is an option')
  assert.equal(yes(['lint', 't.json', '--type', 'mp4']), false)
  assert.equal(yes(['render', 't.json', '--type', 'mp4'], [VIDEO_GC_FLAG]), false)
  assert.equal(yes(['render', 't.json', '--type', 'mp4'], [], { VITRINE_VIDEO_GC: 'default' }), false)
  assert.equal(yes(['render', 't.json', '--type', 'mp4'], [], { VITRINE_RELAUNCHED: '1' }), false)
})

test('a video render runs in a child with the flag; SIGTERM to the command stops the child as it would stop the command (exit 143, a manifest of what was done)', { skip: !existsSync('/proc/self/cmdline') && 'needs /proc' }, async () => {
  assert.ok(existsSync(cli), `${cli} is missing: build first`)
  const work = await mkdtemp(join(tmpdir(), 'vitrine-video-gc-'))
  try {
    const images = join(root, 'examples', 'images')
    const csv = join(work, 'p.csv')
    const rows = Array.from({ length: 6 }, (_, i) => `VT-${i},Runner Sneaker,89.95,EUR,${join(images, 'sneaker.png')},New,#d7263d`)
    await writeFile(csv, `sku,title,price,currency,image,badge,brandColor\n${rows.join('\n')}\n`)
    const run = spawn(process.execPath, [cli, 'render', join(root, 'examples', 'product-video.json'), '--data', csv, '--format', '432x768', '--type', 'mp4', '--concurrency', '1', '--out', join(work, 'out')], {
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, NODE_OPTIONS: '' },
    })
    let stderr = ''
    const exited = new Promise<[number | null, NodeJS.Signals | null]>((resolve) => run.on('exit', (code, signal) => resolve([code, signal])))
    await new Promise<void>((resolve, reject) => {
      run.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString()
        if (/[1-9]\d*\/\d+ frames/.test(stderr)) resolve()
      })
      run.on('exit', () => reject(new Error(`ended before its first frames: ${stderr}`)))
    })
    const children = readFileSync(`/proc/${run.pid}/task/${run.pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean)
    const commandLines = children.map((pid) => readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0'))
    const node = commandLines.find((argv) => argv.includes(cli))
    assert.ok(node, `a Node child runs the CLI: ${JSON.stringify(commandLines)}`)
    assert.ok(node.includes(VIDEO_GC_FLAG), `it has ${VIDEO_GC_FLAG}: ${node.join(' ')}`)
    const [childPid] = children.filter((_, i) => commandLines[i] === node)
    run.kill('SIGTERM')
    // The child got the signal: it finished the video it was rendering, wrote the manifest with
    // the rows left out, and exited 143, which the command passes on.
    assert.deepEqual(await exited, [143, null], stderr)
    const manifest = JSON.parse(readFileSync(join(work, 'out', 'manifest.json'), 'utf8')) as { outputs: unknown[]; interrupted?: { notRendered: unknown[] } }
    assert.ok((manifest.interrupted?.notRendered.length ?? 0) > 0, 'rows were left out')
    assert.equal(manifest.outputs.length + manifest.interrupted!.notRendered.length, 6)
    // And it is gone (or a zombie for a moment) within a few seconds.
    const running = () => {
      try {
        return !/^State:\s+Z/m.test(readFileSync(`/proc/${childPid}/status`, 'utf8'))
      } catch {
        return false
      }
    }
    const deadline = Date.now() + 5000
    while (running() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100))
    assert.equal(running(), false, 'the relaunched CLI ended')
  } finally {
    await rm(work, { recursive: true, force: true })
  }
})
