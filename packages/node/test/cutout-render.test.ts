// `vitrine render` with a template whose product layer is cut out (examples/product-card-cutout.json):
// the photo's background is replaced by the card's brand background, in every format and
// locale, with the model run once per picture. One real IS-Net inference.
import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import { readdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { after, before, test } from 'node:test'
import sharp from 'sharp'

const cli = fileURLToPath(new URL('../dist/cli.js', import.meta.url))
const examples = fileURLToPath(new URL('../../../examples/', import.meta.url))
let dir: string

function vitrine(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [cli, ...args], { cwd: examples, maxBuffer: 16 << 20, env: { ...process.env, NODE_OPTIONS: '', VITRINE_CACHE_DIR: join(dir, 'cache') } }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr })
    })
  })
}

async function pixel(file: string, x: number, y: number): Promise<number[]> {
  const { data, info } = await sharp(file).raw().toBuffer({ resolveWithObject: true })
  const i = (y * info.width + x) * info.channels
  return [data[i]!, data[i + 1]!, data[i + 2]!]
}

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vitrine-cutout-render-'))
  await writeFile(join(dir, 'one.csv'), (await readFile(join(examples, 'product-photos.csv'), 'utf8')).split('\n').slice(0, 2).join('\n').replaceAll('images/', `${examples}images/`) + '\n')
  const template = JSON.parse(await readFile(join(examples, 'product-card-cutout.json'), 'utf8'))
  template.layers = template.layers.filter((l: { id: string }) => l.id !== 'product')
  await writeFile(join(dir, 'no-product.json'), JSON.stringify(template))
})
after(async () => {
  await rm(dir, { recursive: true, force: true })
})

test('a cut-out product renders on the brand background in every format and locale, with one model run', async () => {
  const csv = join(dir, 'one.csv')
  const run = await vitrine(['render', 'product-card-cutout.json', '--data', csv, '--format', 'instagram-square,facebook-link', '--locale', 'en-US,de-DE', '--model', 'models/isnet-general-use.model.json', '--concurrency', '1', '--out', join(dir, 'out'), '--json'])
  assert.equal(run.code, 0, run.stdout + run.stderr)
  const manifest = JSON.parse(await readFile(join(dir, 'out/manifest.json'), 'utf8'))
  assert.equal(manifest.outputs.length, 4)
  const masks = await readdir(join(dir, 'cache/masks'))
  assert.equal(masks.length, 1, 'four outputs of one picture: one mask')
  // Without the product layer the card shows its background; with the cut-out, the photo's wall
  // (a light grey) is gone from the product box, so the same pixel shows that background too.
  const bare = await vitrine(['render', join(dir, 'no-product.json'), '--data', csv, '--format', 'instagram-square', '--concurrency', '1', '--out', join(dir, 'bare')])
  assert.equal(bare.code, 0, bare.stderr)
  const at = [200, 130] as const // inside the product box (16 %..84 %, 9 %..63 %), off the sneaker
  const cut = await pixel(join(dir, 'out/VT-PHO-001/instagram-square.en-US.png'), ...at)
  const background = await pixel(join(dir, 'bare/VT-PHO-001/instagram-square.en-US.png'), ...at)
  for (let c = 0; c < 3; c++) assert.ok(Math.abs(cut[c]! - background[c]!) <= 6, `pixel ${at} is the background ${background}, found ${cut}`)
  const wall = await pixel(join(examples, 'images/photos/sneaker.jpg'), 40, 40)
  assert.ok(Math.abs(cut[1]! - wall[1]!) + Math.abs(cut[2]! - wall[2]!) > 80, `and not the photo's wall ${wall}, found ${cut}`)
  // The product itself is drawn: its middle is the sneaker's red, not the background.
  const middle = await pixel(join(dir, 'out/VT-PHO-001/instagram-square.en-US.png'), 540, 380)
  assert.ok(middle[0]! > 150 && middle[1]! < 120, `the sneaker's red at the centre, found ${middle}`)
})

test('a template with a cut-out and no model stops before rendering, naming the layer', async () => {
  const run = await vitrine(['render', 'product-card-cutout.json', '--data', join(dir, 'one.csv'), '--format', 'instagram-square', '--out', join(dir, 'none'), '--json'])
  assert.equal(run.code, 2)
  const error = JSON.parse(run.stdout).error
  assert.equal(error.code, 'ai/unavailable')
  assert.equal(error.path, '/layers/1/cutout')
})
