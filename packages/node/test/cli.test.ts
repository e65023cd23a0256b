// End-to-end tests of the BUILT `vitrine` CLI (packages/node/dist/cli.js): real processes, real
// worker threads, real files. Build first: `npx tsc -b && pnpm -r --filter ./packages/* run build`.
import assert from 'node:assert/strict'
import { execFile, spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import { copyFile, cp, mkdir, mkdtemp, readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { after, before, describe, test } from 'node:test'
import sharp from 'sharp'

const cli = fileURLToPath(new URL('../dist/cli.js', import.meta.url))
const fixtures = fileURLToPath(new URL('./fixtures/', import.meta.url))
const template = join(fixtures, 'card.json')
const goodCsv = join(fixtures, 'good.csv')
const mixedCsv = join(fixtures, 'mixed.csv')

interface Run {
  code: number
  stdout: string
  stderr: string
}

/** Runs the CLI with `input` on its standard input. */
function vitrineWithInput(args: string[], input: string | Buffer, cwd = fixtures): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, ...args], { cwd, env: { ...process.env, NODE_OPTIONS: '' } })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk))
    child.on('error', reject)
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }))
    child.stdin.end(input)
  })
}

function vitrine(args: string[], cwd = fixtures): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [cli, ...args], { cwd, maxBuffer: 16 * 1024 * 1024, env: { ...process.env, NODE_OPTIONS: '' } }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0
      resolve({ code, stdout, stderr })
    })
  })
}

interface Manifest {
  template: string
  data: string
  startedAt: string
  durationMs: number
  outputs: { id: string; format: string; locale: string; file: string; width: number; height: number; bytes: number; sha256: string }[]
  failures: { id: string; format: string; locale: string; row: number; error: { code: string; message: string; path: string } }[]
  summary: { outputs: number; failures: number }
}

const readManifest = async (out: string) => JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8')) as Manifest
const sizes: Record<string, [number, number]> = { 'instagram-square': [1080, 1080], 'facebook-link': [1200, 628], '300x200': [300, 200] }

let work: string
before(async () => {
  assert.ok(existsSync(cli), `${cli} is missing: build first (npx tsc -b && pnpm -r --filter ./packages/* run build)`)
  work = await mkdtemp(join(tmpdir(), 'vitrine-cli-'))
})
after(() => rm(work, { recursive: true, force: true }))

describe('vitrine render', () => {
  test('writes every row × format × locale at the right size, with a manifest whose sha256 match the files', async () => {
    const out = join(work, 'good')
    const run = await vitrine(['render', template, '--data', goodCsv, '--format', 'instagram-square,facebook-link,300x200', '--locale', 'en-US,de-DE', '--out', out])
    assert.equal(run.code, 0, run.stderr)
    assert.match(run.stdout, /Wrote 18 images to /)
    const manifest = await readManifest(out)
    assert.equal(manifest.template, template.split('\\').join('/'))
    assert.equal(manifest.data, goodCsv.split('\\').join('/'))
    assert.ok(!Number.isNaN(Date.parse(manifest.startedAt)))
    assert.ok(manifest.durationMs > 0)
    assert.deepEqual(manifest.summary, { outputs: 18, failures: 0 })
    assert.deepEqual(manifest.failures, [])
    // Sorted by feed row, then format and locale in the order asked for.
    const expectedOrder = ['A-1', 'B-2', 'C-3'].flatMap((id) =>
      ['instagram-square', 'facebook-link', '300x200'].flatMap((format) => ['en-US', 'de-DE'].map((locale) => `${id}/${format}.${locale}.png`)),
    )
    assert.deepEqual(manifest.outputs.map((o) => o.file), expectedOrder)
    for (const output of manifest.outputs) {
      const bytes = await readFile(join(out, output.file))
      assert.equal(output.bytes, bytes.length, output.file)
      assert.equal(output.sha256, createHash('sha256').update(bytes).digest('hex'), output.file)
      const meta = await sharp(bytes).metadata()
      assert.equal(meta.format, 'png')
      assert.deepEqual([meta.width, meta.height], sizes[output.format], output.file)
      assert.deepEqual([output.width, output.height], sizes[output.format], output.file)
    }
    // de-DE formats the price its own way: the two locales give different pictures.
    const a = manifest.outputs.find((o) => o.file === 'A-1/instagram-square.en-US.png')!
    const b = manifest.outputs.find((o) => o.file === 'A-1/instagram-square.de-DE.png')!
    assert.notEqual(a.sha256, b.sha256)
  })

  test('bad rows fail alone: exit 1, the good rows written, each failure with its code and JSON pointer', async () => {
    const out = join(work, 'mixed')
    const run = await vitrine(['render', template, '--data', mixedCsv, '--format', 'instagram-square,300x200', '--out', out])
    assert.equal(run.code, 1, run.stderr)
    const manifest = await readManifest(out)
    assert.deepEqual([...new Set(manifest.outputs.map((o) => o.id))], ['A-1', 'B-2', 'C-3'])
    assert.equal(manifest.outputs.length, 6)
    for (const output of manifest.outputs) assert.ok(existsSync(join(out, output.file)), output.file)
    const byId = new Map<string, Manifest['failures']>()
    for (const failure of manifest.failures) byId.set(failure.id, [...(byId.get(failure.id) ?? []), failure])
    // Every failed row fails in every format.
    for (const [id, failures] of byId) assert.deepEqual(failures.map((f) => f.format), ['instagram-square', '300x200'], id)
    const first = (id: string) => byId.get(id)?.[0]?.error
    assert.equal(first('BAD-PRICE')?.code, 'data/wrong-type')
    assert.equal(first('BAD-PRICE')?.path, '/rows/1/price')
    assert.match(first('BAD-IMAGE')?.code ?? '', /^asset\/(corrupt|unsupported)$/)
    assert.equal(first('BAD-IMAGE')?.path, '/rows/3/image')
    assert.equal(first('NO-IMAGE')?.code, 'asset/not-found')
    assert.equal(first('NO-IMAGE')?.path, '/rows/4/image')
    // A picture's failure names the row, its line and id, and the field, as a binding error does.
    assert.match(first('NO-IMAGE')?.message ?? '', /^Row 5 \(line 6, id "NO-IMAGE"\), field "image" at \/rows\/4\/image: image "images\/missing.png": could not be loaded: /)
    assert.match(first('ESCAPE')?.message ?? '', /^Row 7 \(line 8, id "ESCAPE"\), field "image" at \/rows\/6\/image: the source "..\/node-platform.test.ts" is not allowed/)
    assert.equal(first('row-6')?.code, 'data/missing-required')
    assert.equal(first('row-6')?.path, '/rows/5/sku')
    assert.equal(first('ESCAPE')?.code, 'asset/forbidden')
    assert.equal(first('RAGGED')?.code, 'data/ragged-row')
    assert.equal(first('a-1')?.code, 'data/duplicate-id')
    assert.equal(first('a-1')?.path, '/rows/9/sku')
    assert.deepEqual(manifest.summary, { outputs: 6, failures: manifest.failures.length })
    assert.equal(manifest.failures.length, 14)
    // Failures are sorted by row.
    assert.deepEqual(manifest.failures.map((f) => f.row), [...manifest.failures.map((f) => f.row)].sort((x, y) => x - y))
    // The terminal says which rows failed and why.
    assert.match(run.stderr, /14 outputs failed/)
    assert.match(run.stderr, /BAD-PRICE: data\/wrong-type: .*\/rows\/1\/price/)
  })

  test('--json prints one JSON summary on stdout and nothing else', async () => {
    const out = join(work, 'json')
    const run = await vitrine(['render', template, '--data', mixedCsv, '--format', '300x200', '--out', out, '--json'])
    assert.equal(run.code, 1)
    assert.equal(run.stderr, '')
    const summary = JSON.parse(run.stdout) as Record<string, unknown>
    assert.deepEqual(Object.keys(summary).sort(), ['concurrency', 'durationMs', 'exitCode', 'failures', 'layout', 'manifest', 'missingTranslations', 'ok', 'out', 'rate', 'summary', 'warnings'])
    assert.equal(summary.ok, false)
    assert.equal(summary.exitCode, 1)
    assert.deepEqual(summary.summary, { outputs: 3, failures: 7 })
    assert.deepEqual(summary.failures, (await readManifest(out)).failures)
  })

  test('Ctrl-C (SIGINT) stops the batch: the rows rendering finish, the manifest lists them and the rows left out, exit 130', async () => {
    const dir = join(work, 'interrupt')
    await cp(join(fixtures, 'images'), join(dir, 'images'), { recursive: true })
    const rows = 60
    const pictures = ['tote.png', 'shoe.jpg', 'mug.webp']
    const lines = ['sku,title,price,currency,image', ...Array.from({ length: rows }, (_, i) => `S-${i},Product ${i},${i + 1},EUR,images/${pictures[i % 3]}`)]
    await writeFile(join(dir, 'feed.csv'), lines.join('\n') + '\n')
    const out = join(dir, 'out')
    const child = spawn(process.execPath, [cli, 'render', template, '--data', join(dir, 'feed.csv'), '--format', 'instagram-story', '--out', out, '--concurrency', '2'], { env: { ...process.env, NODE_OPTIONS: '' } })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk) => (stdout += chunk))
    child.stderr.on('data', (chunk) => (stderr += chunk))
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
    // Once a few rows are written, as a user would press Ctrl-C.
    const folders = async () => (await readdir(out, { withFileTypes: true }).catch(() => [])).filter((e) => e.isDirectory()).length
    while ((await folders()) < 3 && child.exitCode === null) await new Promise((r) => setTimeout(r, 20))
    child.kill('SIGINT')
    assert.equal(await exited, 130, stderr)
    assert.match(stderr, /Ctrl-C: stopping; the rows being rendered will finish/)
    assert.match(stderr, /Interrupted: \d+ rows? (was|were) not rendered \(listed under "interrupted" in /)
    assert.match(stdout, /^Wrote \d+ images? to /)
    const manifest = (await readManifest(out)) as Manifest & { interrupted?: { notRendered: { id: string; row: number }[] } }
    const notRendered = manifest.interrupted?.notRendered ?? []
    assert.ok(notRendered.length > 0, 'some rows were left out')
    assert.equal(manifest.outputs.length + notRendered.length, rows)
    // Every file listed is whole; nothing half-written is left behind.
    for (const o of manifest.outputs) assert.equal(createHash('sha256').update(await readFile(join(out, o.file))).digest('hex'), o.sha256)
    const files = (await readdir(out, { recursive: true })).map(String)
    assert.deepEqual(files.filter((f) => f.endsWith('.png')).sort(), manifest.outputs.map((o) => o.file).sort())
    assert.deepEqual(files.filter((f) => f.includes('.tmp')), [])
    // The same command with --resume renders the rows left out, and only those.
    const resumed = await vitrine(['render', template, '--data', join(dir, 'feed.csv'), '--format', 'instagram-story', '--out', out, '--concurrency', '2', '--resume', '--json'])
    assert.equal(resumed.code, 0, resumed.stderr)
    const after = (await readManifest(out)) as Manifest & { resumed?: { kept: number; sourcesChanged: number }; interrupted?: unknown }
    assert.equal(after.outputs.length, rows)
    assert.deepEqual(after.resumed, { kept: manifest.outputs.length, sourcesChanged: 0 })
    assert.equal(after.interrupted, undefined)
    assert.deepEqual(after.outputs.filter((o) => manifest.outputs.some((m) => m.file === o.file)), manifest.outputs)
  })

  test('--concurrency 1 (in-process) and the worker pool write identical bytes', async () => {
    const args = ['render', template, '--data', goodCsv, '--format', 'instagram-square,facebook-link', '--locale', 'en-US,ar-AE', '--type', 'webp', '--quality', '80']
    const [one, pool] = [join(work, 'one'), join(work, 'pool')]
    assert.equal((await vitrine([...args, '--out', one, '--concurrency', '1'])).code, 0)
    const run = await vitrine([...args, '--out', pool, '--concurrency', '3', '--json'])
    assert.equal(run.code, 0)
    assert.equal((JSON.parse(run.stdout) as { concurrency: number }).concurrency, 3)
    const strip = (m: Manifest) => m.outputs.map(({ file, sha256, bytes }) => ({ file, sha256, bytes }))
    assert.deepEqual(strip(await readManifest(pool)), strip(await readManifest(one)))
    assert.equal((await readManifest(one)).outputs.length, 12)
  })

  test('jpeg and webp: right extension, signature, and quality changes the size', async () => {
    const sizeOf = async (type: string, quality: string) => {
      const out = join(work, `${type}-${quality}`)
      const run = await vitrine(['render', template, '--data', goodCsv, '--format', 'instagram-square', '--type', type, '--quality', quality, '--out', out, '--concurrency', '1'])
      assert.equal(run.code, 0, run.stderr)
      const manifest = await readManifest(out)
      const ext = type === 'jpeg' ? 'jpg' : type
      assert.deepEqual(manifest.outputs.map((o) => o.file), ['A-1', 'B-2', 'C-3'].map((id) => `${id}/instagram-square.en-US.${ext}`))
      const bytes = await readFile(join(out, manifest.outputs[0]!.file))
      assert.equal((await sharp(bytes).metadata()).format, type)
      return manifest.outputs.reduce((sum, o) => sum + o.bytes, 0)
    }
    for (const type of ['jpeg', 'webp']) {
      const low = await sizeOf(type, '30')
      const high = await sizeOf(type, '95')
      assert.ok(high > low * 1.2, `${type}: q95 ${high} bytes vs q30 ${low}`)
    }
  })

  test('reads a JSON feed, with image paths relative to the feed', async () => {
    const out = join(work, 'from-json')
    const run = await vitrine(['render', template, '--data', join(fixtures, 'products.json'), '--format', '300x200', '--out', out, '--json'])
    assert.equal(run.code, 0, run.stdout)
    assert.deepEqual((await readManifest(out)).outputs.map((o) => o.file), ['J-1/300x200.en-US.png', 'J-2/300x200.en-US.png'])
  })

  test('files the template names resolve against its folder, the feed\'s pictures against the feed\'s', async () => {
    const root = join(work, 'apart')
    await mkdir(join(root, 'design'), { recursive: true })
    await mkdir(join(root, 'feed', 'pics'), { recursive: true })
    const doc = JSON.parse(await readFile(template, 'utf8')) as Record<string, unknown> & { layers: Record<string, unknown>[] }
    doc.fonts = [{ family: 'Brand', src: 'Brand-Black.ttf', weight: 700 }]
    doc.layers.push({ id: 'logo', type: 'image', src: 'logo.png', box: { right: 10, bottom: 10, width: 40, height: 30 } })
    ;(doc.layers[1] as { font: unknown }).font = { family: 'Brand', weight: 700 }
    await writeFile(join(root, 'design', 'card.json'), JSON.stringify(doc))
    await copyFile(fileURLToPath(new URL('../../core/fonts/Inter_900Black.ttf', import.meta.url)), join(root, 'design', 'Brand-Black.ttf'))
    await copyFile(join(fixtures, 'images', 'tote.png'), join(root, 'design', 'logo.png'))
    await copyFile(join(fixtures, 'images', 'mug.webp'), join(root, 'feed', 'pics', 'mug.webp'))
    await writeFile(join(root, 'feed', 'rows.csv'), 'sku,title,price,image\nM-1,Mug,5,pics/mug.webp\n')
    const out = join(root, 'out')
    const run = await vitrine(['render', join(root, 'design', 'card.json'), '--data', join(root, 'feed', 'rows.csv'), '--format', '300x200', '--out', out, '--json'])
    assert.equal(run.code, 0, run.stdout)
    assert.deepEqual((await readManifest(out)).outputs.map((o) => o.file), ['M-1/300x200.en-US.png'])
  })

  test('--data - reads the feed from standard input, its pictures relative to the working folder', async () => {
    const out = join(work, 'stdin')
    const json = JSON.stringify([
      { sku: 'S-1', title: 'Tote', price: 19.9, currency: 'EUR', image: 'images/tote.png' },
      { sku: 'S-2', title: 'Shoe', price: 'abc', image: 'images/shoe.jpg' },
    ])
    const run = await vitrineWithInput(['render', template, '--data', '-', '--format', '300x200', '--out', out, '--json'], json)
    assert.equal(run.code, 1, run.stderr)
    const manifest = await readManifest(out)
    assert.equal(manifest.data, '-')
    assert.deepEqual(
      manifest.outputs.map((o) => o.file),
      ['S-1/300x200.en-US.png'],
    )
    assert.deepEqual(
      manifest.failures.map((f) => [f.id, f.error.path]),
      [['S-2', '/1/price']],
    )
    // The same feed as CSV, checked: its syntax is told by its content.
    const csv = await readFile(mixedCsv)
    const check = await vitrineWithInput(['validate', template, '--data', '-'], csv)
    assert.equal(check.code, 1, check.stderr)
    assert.match(check.stdout, /^standard input: 10 rows, 3 ready to render, 7 with problems/m)
    const empty = await vitrineWithInput(['render', template, '--data', '-', '--format', '300x200', '--out', join(work, 'stdin-empty')], '')
    assert.equal(empty.code, 2)
    assert.match(empty.stderr, /data\/invalid/)
  })

  test('--rows renders only the rows chosen; their ids are still checked against every row', async () => {
    const out = join(work, 'rows')
    const run = await vitrine(['render', template, '--data', mixedCsv, '--rows', '1-3,10', '--format', '300x200', '--out', out])
    assert.equal(run.code, 1, run.stderr)
    const manifest = (await readManifest(out)) as Manifest & { rows?: string }
    assert.equal(manifest.rows, '1-3,10')
    assert.deepEqual(
      manifest.outputs.map((o) => o.id),
      ['A-1', 'B-2'],
    )
    // Row 10 ("a-1") repeats row 1's id whether or not row 1 is chosen.
    assert.deepEqual(
      manifest.failures.map((f) => [f.row, f.error.code]),
      [
        [2, 'data/wrong-type'],
        [10, 'data/duplicate-id'],
      ],
    )
    // With --resume, the rows not chosen keep their files in the manifest: a later whole --resume renders nothing.
    const again = await vitrine(['render', template, '--data', mixedCsv, '--rows', '3', '--format', '300x200', '--out', out, '--resume'])
    assert.equal(again.code, 0, again.stderr)
    const resumed = (await readManifest(out)) as Manifest & { rows?: string; resumed?: { kept: number } }
    assert.equal(resumed.rows, '3')
    assert.deepEqual(
      resumed.outputs.map((o) => o.id),
      ['A-1', 'B-2'],
    )
    assert.deepEqual(resumed.failures, [])
    const whole = await vitrine(['render', template, '--data', mixedCsv, '--format', '300x200', '--out', out, '--resume'])
    assert.equal(whole.code, 1)
    assert.match(whole.stdout, /^Wrote 1 image to .*, kept 2 images from the run before/m)
    assert.deepEqual(
      (await readManifest(out)).outputs.map((o) => o.id),
      ['A-1', 'B-2', 'C-3'],
    )

    const alone = await vitrine(['render', template, '--data', mixedCsv, '--rows', '10', '--format', '300x200', '--out', join(work, 'rows-10')])
    assert.equal(alone.code, 1)
    assert.match(alone.stderr, /a-1: data\/duplicate-id/)
    const beyond = await vitrine(['render', template, '--data', mixedCsv, '--rows', '11-', '--format', '300x200', '--out', join(work, 'rows-none')])
    assert.equal(beyond.code, 2)
    assert.match(beyond.stderr, /--rows 11-: the feed has 10 rows, none of them in this selection/)
    const bad = await vitrine(['render', template, '--data', mixedCsv, '--rows', '3-1', '--format', '300x200', '--out', join(work, 'rows-bad')])
    assert.equal(bad.code, 2)
    assert.match(bad.stderr, /--rows: expected row numbers and ranges from 1, comma-separated \(e\.g\. 1-20,35,100-\), found "3-1"/)
    assert.equal(existsSync(join(work, 'rows-bad')), false)
    const check = await vitrine(['validate', template, '--data', mixedCsv, '--rows', '4-5'])
    assert.equal(check.code, 1)
    assert.match(check.stdout, /mixed\.csv: 2 rows, 0 ready to render, 2 with problems; 2 files read \(2 could not be\)/)
  })

  test('relative paths resolve against the working folder', async () => {
    const out = join(work, 'relative')
    const run = await vitrine(['render', 'card.json', '--data', 'good.csv', '--format', '300x200', '--out', out], fixtures)
    assert.equal(run.code, 0, run.stderr)
    const manifest = await readManifest(out)
    assert.equal(manifest.template, 'card.json')
    assert.equal(manifest.outputs.length, 3)
  })
})

describe('vitrine render --resume', () => {
  type Resumed = Manifest & { resumed?: { kept: number; sourcesChanged: number }; outputs: (Manifest['outputs'][number] & { input: string; sources?: { file: string; bytes: number; modifiedMs: number }[] })[] }
  const mtimes = async (out: string, m: Manifest) => Object.fromEntries(await Promise.all(m.outputs.map(async (o) => [o.file, (await stat(join(out, o.file))).mtimeMs] as const)))

  test('keeps what was written from the same inputs and renders what changed, was added or is missing', async () => {
    const dir = join(work, 'resume')
    await cp(join(fixtures, 'images'), join(dir, 'images'), { recursive: true })
    await copyFile(goodCsv, join(dir, 'feed.csv'))
    const out = join(dir, 'out')
    const render = (...extra: string[]) => vitrine(['render', template, '--data', join(dir, 'feed.csv'), '--format', '300x200', '--out', out, '--concurrency', '1', ...extra])
    assert.equal((await render()).code, 0)
    const first = (await readManifest(out)) as Resumed
    assert.ok(first.outputs.every((o) => /^[0-9a-f]{64}$/.test(o.input)), 'every output has its input fingerprint')
    const firstTimes = await mtimes(out, first)

    // Nothing changed: nothing is rendered again, every file is left as it was.
    const same = await render('--resume')
    assert.equal(same.code, 0, same.stderr)
    assert.match(same.stdout, /^Wrote 0 images to .*, kept 3 images from the run before; manifest: /)
    const second = (await readManifest(out)) as Resumed
    assert.deepEqual(second.outputs, first.outputs)
    assert.deepEqual(second.resumed, { kept: 3, sourcesChanged: 0 })
    assert.deepEqual(await mtimes(out, second), firstTimes)

    // One row's title changed, a format added, one file deleted: only those are made.
    const feed = await readFile(join(dir, 'feed.csv'), 'utf8')
    await writeFile(join(dir, 'feed.csv'), feed.replace('Trail runner', 'Trail runner II'))
    await rm(join(out, 'A-1', '300x200.en-US.png'))
    const more = await vitrine(['render', template, '--data', join(dir, 'feed.csv'), '--format', '300x200,200x200', '--out', out, '--concurrency', '1', '--resume', '--json'])
    assert.equal(more.code, 0, more.stderr)
    const third = (await readManifest(out)) as Resumed
    assert.equal(third.outputs.length, 6)
    assert.deepEqual(third.resumed, { kept: 1, sourcesChanged: 0 })
    const changed = (file: string) => third.outputs.find((o) => o.file === file)!.sha256 !== first.outputs.find((o) => o.file === file)!.sha256
    assert.equal(changed('B-2/300x200.en-US.png'), true, 'the changed row is rendered again')
    assert.equal(changed('C-3/300x200.en-US.png'), false)
    assert.deepEqual(await mtimes(out, { ...third, outputs: third.outputs.filter((o) => o.file === 'C-3/300x200.en-US.png') }), { 'C-3/300x200.en-US.png': firstTimes['C-3/300x200.en-US.png'] })
    for (const o of third.outputs) assert.equal(createHash('sha256').update(await readFile(join(out, o.file))).digest('hex'), o.sha256)

    // Each output lists the pictures it was made from, with their size and time when read.
    const sourcesOf = (m: Resumed, file: string) => m.outputs.find((o) => o.file === file)!.sources
    const shoe = await stat(join(dir, 'images', 'shoe.jpg'))
    assert.deepEqual(sourcesOf(third, 'B-2/300x200.en-US.png'), [{ file: '../images/shoe.jpg', bytes: shoe.size, modifiedMs: shoe.mtimeMs }])
    // A picture replaced in place (same name, other pixels): only the outputs made from it render again.
    await copyFile(join(dir, 'images', 'tote.png'), join(dir, 'images', 'shoe.jpg'))
    const replaced = await vitrine(['render', template, '--data', join(dir, 'feed.csv'), '--format', '300x200,200x200', '--out', out, '--concurrency', '1', '--resume'])
    assert.equal(replaced.code, 0, replaced.stderr)
    assert.match(replaced.stdout, /^Wrote 2 images to .*, kept 4 images from the run before \(2 images made again because a file they use changed\); manifest: /)
    const fourth = (await readManifest(out)) as Resumed
    assert.deepEqual(fourth.resumed, { kept: 4, sourcesChanged: 2 })
    for (const file of ['B-2/300x200.en-US.png', 'B-2/200x200.en-US.png']) {
      assert.notEqual(sourcesOf(fourth, file), undefined)
      assert.notEqual(fourth.outputs.find((o) => o.file === file)!.sha256, third.outputs.find((o) => o.file === file)!.sha256, `${file} shows the new picture`)
    }
    // A file only touched (same bytes, a new time) counts as changed too: its time is what is compared.
    const now = new Date()
    await utimes(join(dir, 'images', 'mug.webp'), now, now)
    assert.match((await vitrine(['render', template, '--data', join(dir, 'feed.csv'), '--format', '300x200,200x200', '--out', out, '--concurrency', '1', '--resume'])).stdout, /^Wrote 2 images to .*, kept 4 images/)

    // Other settings make other files: a new quality renders everything again.
    const jpeg = (quality: string) => vitrine(['render', template, '--data', join(dir, 'feed.csv'), '--format', '300x200', '--type', 'jpeg', '--quality', quality, '--out', join(dir, 'jpeg'), '--concurrency', '1', '--resume'])
    assert.equal((await jpeg('80')).code, 0)
    assert.match((await jpeg('80')).stdout, /kept 3 images/)
    assert.match((await jpeg('60')).stdout, /^Wrote 3 images .*, kept 0 images from the run before/)
  })

  test('a manifest that is not one is a usage error, and nothing is rendered over it', async () => {
    const out = join(work, 'resume-bad')
    await mkdir(out, { recursive: true })
    await writeFile(join(out, 'manifest.json'), '{ not json')
    const run = await vitrine(['render', template, '--data', goodCsv, '--format', '300x200', '--out', out, '--resume'])
    assert.equal(run.code, 2)
    assert.match(run.stderr, /--resume: .*manifest\.json is not JSON .*leave out --resume to render everything/)
    assert.equal(await readFile(join(out, 'manifest.json'), 'utf8'), '{ not json')
  })
})

describe('vitrine render: usage and template errors exit 2 and render nothing', () => {
  const base = ['render', template, '--data', goodCsv, '--format', '300x200']
  const cases: Array<[string, () => string[], RegExp]> = [
    ['an unknown flag', () => [...base, '--out', join(work, 'x'), '--fromat', 'a'], /Unknown option --fromat .*did you mean --format\?/],
    ['an unknown format', () => ['render', template, '--data', goodCsv, '--format', 'instagram-squar', '--out', join(work, 'x')], /Unknown format "instagram-squar" \(did you mean instagram-square\?\): expected one of instagram-square/],
    ['a missing --data', () => ['render', template, '--format', '300x200', '--out', join(work, 'x')], /Missing --data <file>/],
    ['a missing template argument', () => ['render', '--data', goodCsv, '--format', '300x200', '--out', join(work, 'x')], /Missing <template.json>/],
    ['a quality out of range', () => [...base, '--out', join(work, 'x'), '--type', 'jpeg', '--quality', '0'], /--quality: expected a whole number from 1 to 100, found "0"/],
    ['an unknown type', () => [...base, '--out', join(work, 'x'), '--type', 'bmp'], /--type: expected png, jpeg, webp, mp4, webm or gif, found "bmp"/],
    ['a video type for a still template', () => [...base, '--out', join(work, 'x'), '--type', 'gif'], /This template is a still: video types \(mp4, webm, gif\) need a "timeline"/],
    ['a bad locale', () => [...base, '--out', join(work, 'x'), '--locale', 'en_US!'], /--locale: expected a BCP 47 language tag/],
    ['a missing template file', () => ['render', join(fixtures, 'nope.json'), '--data', goodCsv, '--format', '300x200', '--out', join(work, 'x')], /Cannot read the template .*nope\.json: no such file/],
    ['a missing data file', () => ['render', template, '--data', join(fixtures, 'nope.csv'), '--format', '300x200', '--out', join(work, 'x')], /Cannot read the data file .*nope\.csv: no such file/],
    ['a data folder', () => ['render', template, '--data', fixtures, '--format', '300x200', '--out', join(work, 'x')], /Cannot read the data file .*: it is a folder/],
  ]
  for (const [name, args, message] of cases) {
    test(name, async () => {
      const run = await vitrine(args())
      assert.equal(run.code, 2, `${run.stdout}\n${run.stderr}`)
      assert.match(run.stderr, message)
      assert.equal(run.stdout, '')
      assert.ok(!existsSync(join(work, 'x', 'manifest.json')))
    })
  }

  test('an output path that is a file', async () => {
    const file = join(work, 'a-file')
    await writeFile(file, 'x')
    const run = await vitrine(['render', template, '--data', goodCsv, '--format', '300x200', '--out', file])
    assert.equal(run.code, 2)
    assert.match(run.stderr, /Cannot write to the output folder .*a-file: a file is in the way/)
  })

  test('an invalid template lists its problems with JSON pointers', async () => {
    const bad = join(work, 'bad-template.json')
    const doc = JSON.parse(await readFile(template, 'utf8')) as { layers: Record<string, unknown>[] }
    doc.layers[0]!.type = 'circle'
    doc.layers[1]!.fontSize = 'big'
    await writeFile(bad, JSON.stringify(doc))
    const run = await vitrine(['render', bad, '--data', goodCsv, '--format', '300x200', '--out', join(work, 'x')])
    assert.equal(run.code, 2)
    assert.match(run.stderr, /template\/invalid/)
    assert.match(run.stderr, /\/layers\/0\/type: unknown layer type "circle"/)
    assert.match(run.stderr, /\/layers\/1\/fontSize/)
    const json = await vitrine(['render', bad, '--data', goodCsv, '--format', '300x200', '--out', join(work, 'x'), '--json'])
    assert.equal(json.code, 2)
    const parsed = JSON.parse(json.stdout) as { ok: boolean; error: { code: string; issues: { path: string }[] } }
    assert.equal(parsed.ok, false)
    assert.equal(parsed.error.code, 'template/invalid')
    assert.deepEqual(parsed.error.issues.map((i) => i.path).sort(), ['/layers/0/type', '/layers/1/fontSize'])
  })
})

describe('vitrine validate, formats, help, --version', () => {
  test('validate: a valid template exits 0 and says "valid"', async () => {
    const run = await vitrine(['validate', template])
    assert.equal(run.code, 0, run.stderr)
    assert.match(run.stdout, /card\.json: valid/)
  })

  test('validate: an invalid template exits 2 with each JSON pointer, also as JSON', async () => {
    const bad = join(work, 'invalid.json')
    await writeFile(bad, JSON.stringify({ schemaVersion: 2, size: { width: 100, height: 100 }, variables: { x: { type: 'txt' } }, layers: [{ id: 'a', type: 'rect', box: {}, fill: 5 }] }))
    const run = await vitrine(['validate', bad])
    assert.equal(run.code, 2)
    assert.match(run.stderr, /invalid/)
    assert.match(run.stderr, /\/variables\/x\/type/)
    const json = await vitrine(['validate', bad, '--json'])
    assert.equal(json.code, 2)
    const parsed = JSON.parse(json.stdout) as { valid: boolean; errors: { path: string; message: string }[] }
    assert.equal(parsed.valid, false)
    assert.ok(parsed.errors.some((e) => e.path === '/variables/x/type'))
    const notJson = join(work, 'not.json')
    await writeFile(notJson, '{ "schemaVersion": 2, ')
    const broken = await vitrine(['validate', notJson])
    assert.equal(broken.code, 2)
    assert.match(broken.stderr, /template\/invalid-json/)
    const missing = await vitrine(['validate', join(work, 'missing.json')])
    assert.equal(missing.code, 2)
    assert.match(missing.stderr, /no such file/)
  })

  test('validate --data: checks every row without rendering; exit 1 lists each problem, 0 when all are ready', async () => {
    const run = await vitrine(['validate', template, '--data', mixedCsv])
    assert.equal(run.code, 1, run.stderr)
    assert.match(run.stdout, /^.*card\.json: valid/)
    assert.match(run.stdout, /mixed\.csv: 10 rows, 3 ready to render, 7 with problems; 5 files read \(2 could not be\)/)
    assert.match(run.stdout, /data\/wrong-type +Row 2 \(line 3, id "BAD-PRICE"\), field "price" at \/rows\/1\/price: expected an amount/)
    assert.match(run.stdout, /asset\/not-found +Row 5 \(line 6, id "NO-IMAGE"\), field "image" at \/rows\/4\/image: image "images\/missing.png"/)
    assert.match(run.stdout, /data\/duplicate-id +Row 10 /)
    // Nothing was written next to the feed.
    assert.deepEqual((await readdir(fixtures)).sort(), ['card.json', 'good.csv', 'i18n', 'images', 'mixed.csv', 'products.json'])

    const json = await vitrine(['validate', template, '--data', mixedCsv, '--json'])
    assert.equal(json.code, 1)
    assert.equal(json.stderr, '', 'no progress with --json')
    const report = JSON.parse(json.stdout) as { valid: boolean; data: { rows: number; ready: number; failed: number; problems: { row: number; id: string; code: string; path: string }[]; files: unknown } }
    assert.equal(report.valid, true)
    assert.equal(report.data.rows, 10)
    assert.equal(report.data.ready, 3)
    assert.deepEqual(
      report.data.problems.map((p) => p.id),
      ['BAD-PRICE', 'BAD-IMAGE', 'NO-IMAGE', 'row-6', 'ESCAPE', 'RAGGED', 'a-1'],
    )
    assert.deepEqual(report.data.files, { checked: 5, failed: 2, remote: 0 })

    assert.deepEqual((report.data as unknown as { unusedColumns: unknown[] }).unusedColumns, [])
    const typos = join(work, 'typos.csv')
    await writeFile(typos, 'sku,title,price,currency,image,bagde\nT-1,Tote,5,EUR,' + join(fixtures, 'images', 'tote.png').replace(/\\/g, '/') + ',NEW\n')
    const typo = await vitrine(['validate', template, '--data', typos])
    assert.match(typo.stdout, /^note: the template has no variable for the column "bagde" \(did you mean "badge"\?\); a render does not use it$/m)

    const good = await vitrine(['validate', template, '--data', goodCsv])
    assert.equal(good.code, 0, good.stdout + good.stderr)
    assert.match(good.stdout, /good\.csv: \d+ rows, (\d+) ready to render, 0 with problems/)

    const noFeed = await vitrine(['validate', template, '--data', join(work, 'no-feed.csv')])
    assert.equal(noFeed.code, 2)
    assert.match(noFeed.stderr, /Cannot read the data file .*no-feed\.csv: no such file/)
  })

  test('formats: the catalogue as a table and as JSON', async () => {
    const table = await vitrine(['formats'])
    assert.equal(table.code, 0)
    assert.match(table.stdout, /instagram-story\s+1080x1920\s+top 250, right 60, bottom 340, left 60/)
    assert.match(table.stdout, /facebook-link\s+1200x628\s+none/)
    const json = await vitrine(['formats', '--json'])
    const formats = JSON.parse(json.stdout) as { id: string; width: number; height: number; safeZone: { top: number } }[]
    for (const id of ['instagram-square', 'instagram-portrait', 'instagram-story', 'tiktok', 'facebook-feed', 'facebook-link', 'pinterest-pin', 'youtube-thumbnail', 'x-post']) {
      assert.ok(formats.some((f) => f.id === id), id)
    }
    assert.equal(formats.find((f) => f.id === 'tiktok')?.safeZone.top, 130)
  })

  test('--version, --help, help <command>, and an unknown command', async () => {
    const pkg = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }
    assert.equal((await vitrine(['--version'])).stdout.trim(), pkg.version)
    const help = await vitrine(['--help'])
    assert.equal(help.code, 0)
    for (const name of ['render', 'validate', 'formats', 'help']) assert.match(help.stdout, new RegExp(`^  ${name}\\s`, 'm'))
    const renderHelp = await vitrine(['render', '--help'])
    assert.equal(renderHelp.code, 0)
    assert.match(renderHelp.stdout, /--concurrency <n>/)
    assert.equal((await vitrine(['help', 'render'])).stdout, renderHelp.stdout)
    const unknown = await vitrine(['rendr'])
    assert.equal(unknown.code, 2)
    assert.match(unknown.stderr, /did you mean "render"/)
  })
})

test('a reader that stops early (`vitrine formats | head`) ends the command quietly, with exit code 0', async () => {
  const { spawn } = await import('node:child_process')
  const child = spawn(process.execPath, [cli, 'formats'], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NODE_OPTIONS: '' } })
  child.stdout.destroy() // closed before the command writes: its first write meets EPIPE
  let stderr = ''
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve))
  assert.equal(stderr, '')
  assert.equal(code, 0)
})
