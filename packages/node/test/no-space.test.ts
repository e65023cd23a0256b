// A full disk under a batch: real files on a real filesystem that fills up (a small tmpfs,
// mounted for the test), the BUILT CLI in real processes, real ffmpeg for the video case.
// Mounting needs root (as in CI); elsewhere these tests are skipped, and say why.
import assert from 'node:assert/strict'
import { execFile, execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { after, test } from 'node:test'
import { VitrineError } from '@vitrine/core'
import { writeManifest, type BatchManifest } from '../src/write-manifest.ts'

const cli = fileURLToPath(new URL('../dist/cli.js', import.meta.url))
const examples = fileURLToPath(new URL('../../../examples/', import.meta.url))
const work = mkdtempSync(join(tmpdir(), 'vitrine-no-space-'))
const mounted: string[] = []

/** Mounts a tmpfs of `size` at a new folder; undefined when this machine does not let us. */
function smallDisk(name: string, size: string): string | undefined {
  const dir = join(work, name)
  mkdirSync(dir, { recursive: true })
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir], { stdio: 'ignore' })
  } catch {
    return undefined
  }
  mounted.push(dir)
  return dir
}

const probe = smallDisk('probe', '64k')
const skip = probe === undefined ? 'mounting a small tmpfs needs root (mount -t tmpfs)' : false

after(() => {
  for (const dir of mounted) execFileSync('umount', [dir], { stdio: 'ignore' })
  rmSync(work, { recursive: true, force: true })
})

interface Run {
  code: number
  stdout: string
  stderr: string
}

function vitrine(args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [cli, ...args], { cwd: examples, maxBuffer: 16 * 1024 * 1024, env: { ...process.env, NODE_OPTIONS: '' } }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr })
    })
  })
}

interface Manifest {
  outputs: { id: string; file: string; bytes: number; sha256: string }[]
  failures: { id: string; row: number; error: { code: string; message: string; path: string } }[]
  interrupted?: { reason: string; notRendered: { id: string; row: number }[] }
  resumed?: { kept: number }
}

/** Every file and folder under `dir`, relative to it. */
function listTree(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort()
}

const feedRows = readFileSync(join(examples, 'products.csv'), 'utf8').trim().split('\n').length - 1

test('a full disk stops the batch: what was written is whole, the rows left are listed, and --resume renders them once there is room', { skip, timeout: 180_000 }, async () => {
  // About five of the example's 1080x1080 PNGs (~0.5 MB each) fit.
  const disk = smallDisk('images', '3m')!
  const out = join(disk, 'out')
  const args = ['render', 'product-card.json', '--data', 'products.csv', '--format', 'instagram-square', '--out', out, '--concurrency', '2']
  const first = await vitrine(args)
  assert.equal(first.code, 1, first.stderr)
  assert.match(first.stderr, /Stopped: the disk of .* is full\. \d+ rows? (was|were) not rendered \(listed under "interrupted" in .*manifest\.json\); free space, then the same command with --resume renders them/)

  const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as Manifest
  assert.equal(manifest.interrupted?.reason, 'no-space')
  const notRendered = manifest.interrupted.notRendered
  // It stopped early: most rows were never started.
  assert.ok(notRendered.length >= feedRows / 2, `expected the batch to stop early, ${notRendered.length} of ${feedRows} rows left`)
  assert.ok(manifest.outputs.length > 0 && manifest.failures.length > 0)
  assert.equal(manifest.outputs.length + manifest.failures.length + notRendered.length, feedRows, 'every row is written, failed or listed as not rendered')
  for (const failure of manifest.failures) {
    assert.equal(failure.error.code, 'output/no-space')
    assert.match(failure.error.message, new RegExp(`^Row ${failure.row} \\(line \\d+, id "${failure.id}"\\): Could not write .*: ENOSPC: no space left on device`))
  }
  // The files listed are whole; nothing half-written, and no folder left empty.
  for (const output of manifest.outputs) {
    const bytes = readFileSync(join(out, output.file))
    assert.equal(bytes.byteLength, output.bytes)
    assert.equal(createHash('sha256').update(bytes).digest('hex'), output.sha256)
  }
  const tree = listTree(out)
  assert.deepEqual(tree.filter((f) => f.endsWith('.tmp')), [])
  const folders = tree.filter((f) => !f.includes('/') && f !== 'manifest.json')
  assert.deepEqual(folders.sort(), manifest.outputs.map((o) => o.id).sort(), 'a folder for each row written, and no other')

  // Room again: --resume keeps what was written and renders the rest.
  execFileSync('mount', ['-o', 'remount,size=64m', disk])
  const second = await vitrine([...args, '--resume'])
  assert.equal(second.code, 0, second.stderr)
  const resumed = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as Manifest
  assert.equal(resumed.resumed?.kept, manifest.outputs.length)
  assert.equal(resumed.outputs.length, feedRows)
  assert.deepEqual(resumed.failures, [])
  assert.equal(resumed.interrupted, undefined)
})

test('a manifest that does not fit is written to the spare folder, and the error says where and how to resume', { skip }, async () => {
  const disk = smallDisk('manifest', '64k')!
  // Fill the disk to the last byte.
  const filler = Buffer.alloc(4096, 7)
  try {
    for (let i = 0; ; i++) writeFileSync(join(disk, `filler-${i}`), filler)
  } catch (error) {
    assert.equal((error as NodeJS.ErrnoException).code, 'ENOSPC')
  }
  const spare = join(work, 'spare')
  mkdirSync(spare)
  const manifest = { template: 'card.json', data: 'feed.csv', startedAt: new Date(0).toISOString(), durationMs: 1, outputs: [], failures: [], summary: { outputs: 0, failures: 0 } } as BatchManifest
  const file = join(disk, 'manifest.json')
  const error = await writeManifest(file, manifest, spare).then(
    () => assert.fail('expected the write to fail'),
    (e: unknown) => e,
  )
  assert.ok(error instanceof VitrineError)
  assert.equal(error.code, 'output/no-space')
  const [written] = readdirSync(spare)
  assert.ok(written, 'the manifest was written to the spare folder')
  assert.match(error.message, new RegExp(`^Could not write ${file}: ENOSPC: .*The manifest was written to ${join(spare, written)} instead: free space, move it to ${file}, then run the same command with --resume`))
  assert.deepEqual(JSON.parse(readFileSync(join(spare, written), 'utf8')), manifest)
  assert.equal(existsSync(file), false)
  assert.deepEqual(listTree(disk).filter((f) => !f.startsWith('filler-')), [], 'no temporary file left on the full disk')
})

test('a video that does not fit fails with output/no-space, naming its row, and leaves nothing behind', { skip, timeout: 180_000 }, async () => {
  const disk = smallDisk('video', '100k')!
  const out = join(disk, 'out')
  const run = await vitrine(['render', 'product-video.json', '--data', 'products.csv', '--rows', '1', '--format', 'instagram-story', '--type', 'mp4', '--out', out])
  assert.equal(run.code, 1, run.stderr)
  const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as Manifest
  assert.equal(manifest.outputs.length, 0)
  assert.equal(manifest.failures.length, 1)
  assert.equal(manifest.failures[0]!.error.code, 'output/no-space')
  assert.match(manifest.failures[0]!.error.message, /^Row 1 \(line 2, id "[^"]+"\): ffmpeg .*No space left on device/)
  assert.deepEqual(listTree(out), ['manifest.json'])
})

test('vitrine cutout stops at a full disk and names the pictures it did not cut out', { skip, timeout: 180_000 }, async () => {
  const disk = smallDisk('cutout', '8k')!
  const out = join(disk, 'cut')
  const model = join(examples, 'models/isnet-general-use.model.json')
  const run = await new Promise<Run>((resolve) => {
    const args = [cli, 'cutout', 'images/sneaker.png', 'images/mug.png', 'images/backpack.png', '--model', model, '--out', out, '--json']
    execFile(process.execPath, args, { cwd: examples, env: { ...process.env, NODE_OPTIONS: '', VITRINE_CACHE_DIR: join(work, 'cache') } }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr })
    })
  })
  assert.equal(run.code, 1, run.stderr)
  const summary = JSON.parse(run.stdout) as { outputs: unknown[]; failures: { input: string; error: { code: string } }[]; notDone?: string[] }
  assert.deepEqual(summary.outputs, [])
  assert.deepEqual(
    summary.failures.map((f) => [f.input, f.error.code]),
    [['images/sneaker.png', 'output/no-space']],
  )
  assert.deepEqual(summary.notDone, ['images/mug.png', 'images/backpack.png'])
  assert.deepEqual(listTree(out), [], 'nothing half-written')
})
