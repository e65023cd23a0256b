// checkFeed from the BUILT package (packages/node/dist), on real files and a real HTTP server on
// 127.0.0.1: a row passes the check exactly when renderBatch draws it, each file is read once,
// remote files are fetched only when asked, and an aborted check lists the rows it left out.
// Build first: `npx tsc -b && pnpm -r --filter ./packages/* run build`.
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { after, before, describe, test } from 'node:test'

const dist = fileURLToPath(new URL('../dist/index.js', import.meta.url))
const fixtures = fileURLToPath(new URL('./fixtures/', import.meta.url))
const template = join(fixtures, 'card.json')

let work: string
let api: typeof import('../src/index.ts')
before(async () => {
  assert.ok(existsSync(dist), `${dist} is missing: build first (npx tsc -b && pnpm -r --filter ./packages/* run build)`)
  api = (await import(dist)) as typeof import('../src/index.ts')
  work = await mkdtemp(join(tmpdir(), 'vitrine-check-'))
  await cp(join(fixtures, 'images'), join(work, 'images'), { recursive: true })
  // A PNG whose header says 9000 x 7000 (63 MP): refused on its size, before any decoding.
  const ihdr = Buffer.alloc(25)
  ihdr.writeUInt32BE(13, 0)
  ihdr.write('IHDR', 4, 'latin1')
  ihdr.writeUInt32BE(9000, 8)
  ihdr.writeUInt32BE(7000, 12)
  ihdr.set([8, 6, 0, 0, 0], 16)
  await writeFile(join(work, 'images', 'huge.png'), Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), ihdr]))
  await writeFile(join(work, 'images', 'notes.png'), 'these are not pixels\n')
})
after(() => rm(work, { recursive: true, force: true }))

/** Writes a feed into the work folder and returns its path. */
async function feed(name: string, rows: string[]): Promise<string> {
  const file = join(work, name)
  await writeFile(file, ['sku,title,price,currency,image,badge', ...rows].join('\n') + '\n')
  return file
}

describe('checkFeed', () => {
  test('fails exactly the rows renderBatch fails, with the same codes and pointers', async () => {
    const data = await feed('mixed.csv', [
      'A-1,Canvas tote,19.9,EUR,images/tote.png,NEW',
      'BAD-PRICE,Broken price,abc,EUR,images/tote.png,',
      'B-2,Trail runner,89,USD,images/shoe.jpg,',
      'BAD-IMAGE,Corrupt photo,5,EUR,images/broken.png,',
      'NO-IMAGE,Missing photo,5,EUR,images/missing.png,',
      ',No id,5,EUR,images/tote.png,',
      'ESCAPE,Outside the folder,5,EUR,../outside.png,',
      'C-3,"Mug, enamel",12.5,GBP,images/mug.webp,-20%',
      'RAGGED,Too many,1,EUR,images/tote.png,,extra',
      'a-1,Duplicate id,3,EUR,images/tote.png,',
      'HUGE,Too many pixels,4,EUR,images/huge.png,',
      'TEXT,Text named .png,4,EUR,images/notes.png,',
      'FOLDER,A folder,4,EUR,images,',
      'TWO,,xyz,EUR,images/tote.png,',
    ])
    const check = await api.checkFeed({ template, data })
    const { manifest } = await api.renderBatch({ template, data, formats: ['300x200'], out: join(work, 'mixed-out'), concurrency: 1 })

    const rendered = new Set(manifest.outputs.map((o) => o.id))
    assert.deepEqual(rendered, new Set(['A-1', 'B-2', 'C-3']))
    assert.equal(check.rows, 14)
    assert.equal(check.ready, 3)
    assert.equal(check.failed, 11)
    // Each failed row: the render's code and pointer are the check's first problem of that row.
    const firstProblem = new Map<number, (typeof check.problems)[number]>()
    for (const p of check.problems) if (!firstProblem.has(p.row)) firstProblem.set(p.row, p)
    assert.deepEqual(
      [...firstProblem.values()].map((p) => [p.row, p.code, p.path]),
      manifest.failures.map((f) => [f.row, f.error.code, f.error.path]),
    )
    assert.deepEqual(
      [...firstProblem.values()].map((p) => p.code),
      [
        'data/wrong-type',
        'asset/unsupported',
        'asset/not-found',
        'data/missing-required',
        'asset/forbidden',
        'data/ragged-row',
        'data/duplicate-id',
        'asset/too-large',
        'asset/unsupported',
        'asset/not-found',
        'data/missing-required',
      ],
    )
    // A row with two problems lists both, each with its own code and pointer.
    assert.deepEqual(
      check.problems.filter((p) => p.id === 'TWO').map((p) => [p.code, p.path]),
      [
        ['data/missing-required', '/rows/13/title'],
        ['data/wrong-type', '/rows/13/price'],
      ],
    )
    // Every message names the row and line; pictures' messages name the field's pointer.
    for (const p of check.problems) assert.match(p.message, new RegExp(`^Row ${p.row} \\(line ${p.line}`), p.message)
    const missing = check.problems.find((p) => p.id === 'NO-IMAGE')!
    assert.match(missing.message, /^Row 5 \(line 6, id "NO-IMAGE"\), field "image" at \/rows\/4\/image: image "images\/missing.png": could not be loaded: .*no such file/)
    assert.deepEqual(check.notChecked, [])
  })

  test('names the columns no variable reads, with the variable each may have meant', async () => {
    const data = join(work, 'typos.csv')
    await writeFile(data, 'sku,titel,price,currency,image,Badge,notes\nT-1,Tote,5,EUR,images/tote.png,NEW,internal\n')
    const check = await api.checkFeed({ template, data })
    assert.deepEqual(check.unusedColumns, [{ column: 'titel', didYouMean: 'title' }, { column: 'Badge', didYouMean: 'badge' }, { column: 'notes' }])
    // The mistyped required column fails the row; the mistyped optional one would have gone unnoticed.
    assert.deepEqual(
      check.problems.map((p) => [p.code, p.path]),
      [['data/missing-required', '/rows/0/title']],
    )
    const clean = await api.checkFeed({ template, data: await feed('clean.csv', ['C-1,Cup,5,EUR,images/tote.png,']) })
    assert.deepEqual(clean.unusedColumns, [])
  })

  test('reads each file once, and reports it at every row that names it', async () => {
    const rows = Array.from({ length: 30 }, (_, i) => `P-${i},Product ${i},${i + 1},EUR,images/${i % 10 === 0 ? 'gone.png' : i % 2 ? 'tote.png' : 'shoe.jpg'},`)
    const check = await api.checkFeed({ template, data: await feed('repeat.csv', rows) })
    assert.deepEqual(check.files, { checked: 3, failed: 1, remote: 0 })
    assert.deepEqual(
      check.problems.map((p) => [p.id, p.code, p.path]),
      [
        ['P-0', 'asset/not-found', '/rows/0/image'],
        ['P-10', 'asset/not-found', '/rows/10/image'],
        ['P-20', 'asset/not-found', '/rows/20/image'],
      ],
    )
    assert.equal(check.ready, 27)
  })

  test('video clips: read and opened as a render opens them, with the same failures', async () => {
    const made = spawnSync('ffmpeg', ['-v', 'error', '-y', '-f', 'lavfi', '-i', 'color=red:s=64x64:r=10:d=1', '-c:v', 'libx264', '-pix_fmt', 'yuv420p', join(work, 'clip.mp4')])
    assert.equal(made.status, 0, String(made.stderr))
    await writeFile(join(work, 'notes.mp4'), 'not a video\n')
    const clipTemplate = join(work, 'clip-card.json')
    await writeFile(
      clipTemplate,
      JSON.stringify({
        schemaVersion: 3,
        size: { width: 64, height: 64 },
        idVariable: 'sku',
        variables: { sku: { type: 'text', required: true }, clip: { type: 'video', required: true } },
        timeline: { duration: 0.5, fps: 10 },
        layers: [{ id: 'clip', type: 'video', src: { var: 'clip' }, box: {} }],
      }),
    )
    const data = join(work, 'clips.csv')
    await writeFile(data, 'sku,clip\nV-1,clip.mp4\nV-2,gone.mp4\nV-3,notes.mp4\nV-4,clip.mp4\n')
    const check = await api.checkFeed({ template: clipTemplate, data })
    assert.deepEqual(check.files, { checked: 3, failed: 2, remote: 0 })
    assert.equal(check.ready, 2)
    const { manifest } = await api.renderBatch({ template: clipTemplate, data, formats: ['64x64'], type: 'mp4', out: join(work, 'clips-out'), concurrency: 1 })
    assert.deepEqual(
      manifest.outputs.map((o) => o.id),
      ['V-1', 'V-4'],
    )
    assert.deepEqual(
      check.problems.map((p) => [p.row, p.code, p.path]),
      manifest.failures.map((f) => [f.row, f.error.code, f.error.path]),
    )
    assert.deepEqual(
      check.problems.map((p) => p.code),
      ['asset/not-found', 'video/unsupported'],
    )
  })

  describe('remote pictures', () => {
    let server: Server
    let base: string
    const requests: string[] = []
    before(async () => {
      const { readFile } = await import('node:fs/promises')
      const tote = await readFile(join(fixtures, 'images', 'tote.png'))
      server = createServer((req, res) => {
        requests.push(req.url ?? '')
        if (req.url === '/tote.png') res.writeHead(200, { 'content-type': 'image/png' }).end(tote)
        else res.writeHead(404).end('no')
      })
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    })
    after(() => new Promise<void>((resolve) => server.close(() => resolve())))

    test('are counted and not fetched by default; with remote they are fetched, and a 404 fails its row', async () => {
      const data = await feed('remote.csv', [`R-1,Remote,1,EUR,${base}/tote.png,`, `R-2,Gone,1,EUR,${base}/gone.png,`, `R-3,Again,1,EUR,${base}/tote.png,`])
      const offline = await api.checkFeed({ template, data })
      assert.equal(requests.length, 0)
      assert.deepEqual(offline.files, { checked: 0, failed: 0, remote: 2 })
      assert.equal(offline.ready, 3)

      const online = await api.checkFeed({ template, data, remote: true })
      assert.deepEqual(requests.sort(), ['/gone.png', '/tote.png'])
      assert.deepEqual(online.files, { checked: 2, failed: 1, remote: 0 })
      assert.deepEqual(
        online.problems.map((p) => [p.id, p.code, p.path]),
        [['R-2', 'asset/not-found', '/rows/1/image']],
      )
      assert.equal(online.ready, 2)
    })
  })

  test('an aborted check lists the rows it left out, and still reports rows that do not bind', async () => {
    const data = await feed('abort.csv', ['A,One,1,EUR,images/tote.png,', 'B,Two,abc,EUR,images/tote.png,', 'C,Three,3,EUR,images/shoe.jpg,'])
    const controller = new AbortController()
    controller.abort()
    const progress: number[] = []
    const check = await api.checkFeed({ template, data, signal: controller.signal, onProgress: (p) => progress.push(p.done) })
    assert.deepEqual(check.notChecked, [
      { id: 'A', row: 1 },
      { id: 'C', row: 3 },
    ])
    assert.deepEqual(
      check.problems.map((p) => p.id),
      ['B'],
    )
    assert.equal(check.ready, 0)
    assert.deepEqual(progress, [1])

    const whole: { done: number; total: number; failures: number }[] = []
    const full = await api.checkFeed({ template, data, onProgress: ({ done, total, failures }) => whole.push({ done, total, failures }) })
    assert.equal(full.ready, 2)
    assert.deepEqual(whole.at(-1), { done: 3, total: 3, failures: 1 })
  })
})
