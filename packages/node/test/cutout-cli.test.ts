// `vitrine cutout` end to end with a real model: IS-Net (the ONNX files in the
// @imgly/background-removal-data dev dependency, described by examples/models/*.model.json).
// One real inference (about 1-3 s on 2 CPU cores); the rest are cache hits and errors.
import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { after, before, test } from 'node:test'
import sharp from 'sharp'
import { maskIoU } from '@vitrine/core'

const cli = fileURLToPath(new URL('../dist/cli.js', import.meta.url))
const root = fileURLToPath(new URL('../../../', import.meta.url))
const manifest = join(root, 'examples/models/isnet-general-use.model.json')
let dir: string
let truth: { width: number; height: number; data: Uint8Array }

function vitrine(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [cli, ...args], { cwd: dir, maxBuffer: 16 << 20, env: { ...process.env, NODE_OPTIONS: '', VITRINE_CACHE_DIR: join(dir, 'cache') } }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr })
    })
  })
}

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vitrine-cutout-'))
  // A product with a known alpha (an example picture), on a textured background, as a JPEG photo.
  const product = await sharp(join(root, 'examples/images/sneaker.png')).resize(384, 384).png().toBuffer()
  const alpha = await sharp(product).extractChannel(3).raw().toBuffer()
  truth = { width: 384, height: 384, data: new Uint8Array(alpha) }
  const noise = Buffer.alloc(384 * 384 * 3)
  for (let i = 0; i < noise.length; i++) noise[i] = 120 + ((i * 7919) % 61) + (Math.floor(i / (384 * 3)) % 40)
  const photo = await sharp(noise, { raw: { width: 384, height: 384, channels: 3 } }).composite([{ input: product }]).jpeg({ quality: 90 }).toBuffer()
  await writeFile(join(dir, 'sneaker.jpg'), photo)
  await writeFile(join(dir, 'notes.jpg'), 'not a picture')
})
after(async () => {
  await rm(dir, { recursive: true, force: true })
})

test('vitrine cutout writes a PNG with alpha close to the known matte, then reuses the cached mask', async () => {
  const first = await vitrine(['cutout', 'sneaker.jpg', 'notes.jpg', '--model', manifest, '--out', 'cut', '--json'])
  assert.equal(first.code, 1, first.stderr)
  const report = JSON.parse(first.stdout)
  assert.equal(report.model, 'isnet-general-use')
  assert.equal(report.outputs.length, 1)
  assert.equal(report.outputs[0].cache, 'computed')
  assert.equal(report.failures.length, 1, 'the non-picture fails alone')
  assert.equal(report.failures[0].input, 'notes.jpg')
  assert.match(report.failures[0].error.code, /^asset\//)
  const png = sharp(join(dir, 'cut/sneaker.png'))
  const meta = await png.metadata()
  assert.equal(meta.channels, 4)
  assert.equal(meta.width, 384)
  const alpha = new Uint8Array(await png.extractChannel(3).raw().toBuffer())
  const iou = maskIoU({ width: 384, height: 384, data: alpha }, truth)
  assert.ok(iou > 0.9, `IoU ${iou.toFixed(3)} against the known alpha should be above 0.9`)

  const second = await vitrine(['cutout', 'sneaker.jpg', '--model', manifest, '--out', 'cut2', '--json'])
  assert.equal(second.code, 0, second.stderr)
  assert.equal(JSON.parse(second.stdout).outputs[0].cache, 'store', 'the mask comes from the cache folder')
  assert.deepEqual(await readFile(join(dir, 'cut2/sneaker.png')), await readFile(join(dir, 'cut/sneaker.png')))
})

test('vitrine cutout refuses a missing model, or one whose files do not match their hashes, with exit code 2', async () => {
  const spec = JSON.parse(await readFile(manifest, 'utf8'))
  spec.files[3].sha256 = '0'.repeat(64)
  spec.files = spec.files.map((f: { url: string }) => ({ ...f, url: join(root, 'examples/models', f.url) }))
  await writeFile(join(dir, 'tampered.model.json'), JSON.stringify(spec))
  const tampered = await vitrine(['cutout', 'sneaker.jpg', '--model', 'tampered.model.json', '--out', 'x', '--json'])
  assert.equal(tampered.code, 2)
  const error = JSON.parse(tampered.stdout).error
  assert.equal(error.code, 'ai/hash-mismatch')
  assert.equal(error.path, '/files/3/sha256')

  const none = await vitrine(['cutout', 'sneaker.jpg', '--out', 'x'])
  assert.equal(none.code, 2)
  assert.match(none.stderr, /needs a model: --model/)
  const missing = await vitrine(['cutout', 'sneaker.jpg', '--model', 'nope.model.json', '--out', 'x'])
  assert.equal(missing.code, 2)
  assert.match(missing.stderr, /ai\/invalid-model.*no such file/)
})
