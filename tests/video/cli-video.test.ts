// `vitrine render --type mp4|webm|gif` end to end with the BUILT CLI: real worker threads, real
// ffmpeg, files checked with ffprobe. Small custom sizes keep it quick; the example template
// itself is rendered (6 s at 30 fps, with its music bed).
import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import { existsSync, readFileSync, statSync } from 'node:fs'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, test } from 'node:test'
import { encoderThreads, probeMedia } from '@vitrine/node'

const root = join(import.meta.dirname, '..', '..')
const cli = join(root, 'packages', 'node', 'dist', 'cli.js')
const template = join(root, 'examples', 'product-video.json')
let work = ''
let csv = ''

function vitrine(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [cli, ...args], { cwd: root, maxBuffer: 16 << 20, env: { ...process.env, NODE_OPTIONS: '' } }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr })
    })
  })
}

before(async () => {
  assert.ok(existsSync(cli), `${cli} is missing: build first`)
  work = await mkdtemp(join(tmpdir(), 'vitrine-cli-video-'))
  const images = join(root, 'examples', 'images')
  csv = join(work, 'products.csv')
  await writeFile(
    csv,
    `sku,title,price,currency,image,badge,brandColor\nVT-1,Runner Sneaker,89.95,EUR,${join(images, 'sneaker.png')},New,#d7263d\nVT-2,Missing photo,10,EUR,${join(images, 'nothing-here.png')},,\n`,
  )
})
after(() => rm(work, { recursive: true, force: true }))

interface VideoOutput {
  id: string
  format: string
  file: string
  width: number
  height: number
  bytes: number
  duration: number
  fps: number
  frames: number
  codec: string
  encoder: string
  audioCodec?: string
  poster?: string
}

test('MP4 for two formats: valid files at the right sizes and durations, with audio, posters and a manifest; a row with a missing photo fails alone', async () => {
  const out = join(work, 'mp4')
  const run = await vitrine(['render', template, '--data', csv, '--format', '216x384,320x180', '--type', 'mp4', '--poster', '--concurrency', '2', '--out', out])
  assert.equal(run.code, 1, run.stderr)
  assert.match(run.stdout, /Wrote 2 videos/)
  assert.match(run.stderr, /frames, [\d.]+ fps/, 'progress shows frames and fps')
  const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as { outputs: VideoOutput[]; failures: { id: string; error: { code: string; path: string } }[] }
  assert.deepEqual(manifest.failures.map((f) => [f.id, f.error.code, f.error.path]), [
    ['VT-2', 'asset/not-found', '/rows/1/image'],
    ['VT-2', 'asset/not-found', '/rows/1/image'],
  ])
  const sizes: Record<string, [number, number]> = { '216x384': [216, 384], '320x180': [320, 180] }
  for (const output of manifest.outputs) {
    assert.equal(output.id, 'VT-1')
    assert.deepEqual([output.width, output.height], sizes[output.format])
    assert.deepEqual([output.duration, output.fps, output.frames, output.codec, output.audioCodec], [6, 30, 180, 'h264', 'aac'])
    assert.match(output.encoder, /^ffmpeg (libx264|h264_nvenc)$/)
    const file = join(out, output.file)
    assert.equal(statSync(file).size, output.bytes)
    const probe = await probeMedia(file)
    const video = probe.streams.find((s) => s.type === 'video')!
    assert.deepEqual([video.codec, video.width, video.height, video.fps], ['h264', ...sizes[output.format]!, 30])
    assert.ok(Math.abs(probe.duration - 6) <= 1 / 30 + 1e-3, `${output.file}: duration ${probe.duration}`)
    assert.equal(probe.streams.find((s) => s.type === 'audio')?.codec, 'aac', `${output.file} has its music`)
    assert.ok(output.poster && existsSync(join(out, output.poster)), 'poster written')
    if (output.encoder === 'ffmpeg libx264' && encoderThreads(2) <= 2) {
      // Two videos drawn at once: each encoder gets the cores its render leaves (x264 writes its settings into the stream).
      assert.match(readFileSync(file).toString('latin1'), new RegExp(`x264 - core [^]*? threads=${encoderThreads(2)} `))
    }
  }
})

test('WebM and GIF from the same template', async () => {
  const out = join(work, 'other')
  const webm = await vitrine(['render', template, '--data', csv, '--format', '160x90', '--type', 'webm', '--out', out, '--json'])
  assert.equal(webm.code, 1)
  const summary = JSON.parse(webm.stdout) as { summary: { outputs: number } }
  assert.equal(summary.summary.outputs, 1)
  const probe = await probeMedia(join(out, 'VT-1', '160x90.en-US.webm'))
  assert.deepEqual(probe.streams.map((s) => s.codec).sort(), ['opus', 'vp9'])
  const gif = await vitrine(['render', template, '--data', csv, '--format', '160x90', '--type', 'gif', '--out', out, '--json'])
  assert.equal(gif.code, 1)
  const g = await probeMedia(join(out, 'VT-1', '160x90.en-US.gif'))
  assert.deepEqual([g.streams[0]!.codec, g.streams[0]!.width, g.streams[0]!.height], ['gif', 160, 90])
})

test("a type the format's platform does not take fails those outputs before encoding, naming the limit", async () => {
  const out = join(work, 'limits')
  const run = await vitrine(['render', template, '--data', csv, '--format', 'instagram-story', '--type', 'webm', '--out', out, '--json'])
  assert.equal(run.code, 1)
  const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as { outputs: unknown[]; failures: { id: string; error: { code: string; message: string } }[] }
  assert.equal(manifest.outputs.length, 0)
  const limit = manifest.failures.find((f) => f.id === 'VT-1')!
  assert.equal(limit.error.code, 'video/over-limit')
  assert.match(limit.error.message, /instagram-story .* takes mp4 videos, found webm/)
})

test('a still template asked for a video is a usage error (exit 2)', async () => {
  const run = await vitrine(['render', join(root, 'examples', 'product-card.json'), '--data', csv, '--format', '160x90', '--type', 'mp4', '--out', join(work, 'still')])
  assert.equal(run.code, 2)
  assert.match(run.stderr, /needs? a "timeline"/)
})

test('--type and --codec refuse unknown values', async () => {
  const type = await vitrine(['render', template, '--data', csv, '--format', '160x90', '--type', 'avi', '--out', join(work, 'x')])
  assert.equal(type.code, 2)
  assert.match(type.stderr, /--type: expected png, jpeg, webp, mp4, webm or gif, found "avi"/)
  const codec = await vitrine(['render', template, '--data', csv, '--format', '160x90', '--type', 'webm', '--codec', 'hevc', '--out', join(work, 'x')])
  assert.equal(codec.code, 2)
  assert.match(codec.stderr, /--codec: expected h264, vp9, vp8 or av1/)
})

test('--encoder-threads sets the threads of each encoder, and refuses what is not a count', async () => {
  const out = join(work, 'threads')
  const run = await vitrine(['render', template, '--data', csv, '--format', '216x384', '--type', 'mp4', '--encoder-threads', '2', '--concurrency', '1', '--out', out])
  assert.equal(run.code, 1, run.stderr) // the row without its photo fails, as above
  const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as { outputs: VideoOutput[] }
  const [output] = manifest.outputs
  assert.ok(output, 'one video written')
  if (output.encoder === 'ffmpeg libx264') assert.match(readFileSync(join(out, output.file)).toString('latin1'), /x264 - core [^]*? threads=2 /)
  const refused = await vitrine(['render', template, '--data', csv, '--format', '216x384', '--type', 'mp4', '--encoder-threads', '0', '--out', join(work, 'x')])
  assert.equal(refused.code, 2)
  assert.match(refused.stderr, /--encoder-threads: expected a whole number from 1 to 64, found "0"/)
})
