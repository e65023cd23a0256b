// A batch's RowRenderer takes two still rows at once, each on a surface of its own: a row that
// waits (on a remote picture, on libvips's encoder) does not hold up the next, and what each
// row writes is what it writes rendered alone. Real HTTP on 127.0.0.1, real files.
import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { after, before, test } from 'node:test'
import { bindRow, parseTemplate } from '@vitrine/core'
import { builtInFontBaseUrl } from '../src/built-in-font-base-url.ts'
import { RowRenderer, rowsAtOnce, type RowJob, type RowRendererSetup } from '../src/row-renderer.ts'

const fixtures = fileURLToPath(new URL('./fixtures/', import.meta.url))
const template = parseTemplate(readFileSync(join(fixtures, 'card.json'), 'utf8'))
const SLOW_MS = 700

let server: Server
let origin: string
let work: string
before(async () => {
  work = await mkdtemp(join(tmpdir(), 'vitrine-rows-'))
  // /slow/<file> answers after SLOW_MS, /fast/<file> at once, from the fixtures' pictures.
  server = createServer((req, res) => {
    const [, speed, file] = (req.url ?? '').split('/')
    const send = () => res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(readFileSync(join(fixtures, 'images', file!)))
    if (speed === 'slow') setTimeout(send, SLOW_MS)
    else send()
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
after(async () => {
  await new Promise((resolve) => server.close(resolve))
  await rm(work, { recursive: true, force: true })
})

function setup(type: RowRendererSetup['type'], outDir: string): RowRendererSetup {
  return { template, policy: { baseUrl: pathToFileURL(fixtures).href }, builtInFontBaseUrl: builtInFontBaseUrl(), type, quality: 85, outDir }
}

function job(row: number, id: string, image: string): RowJob {
  const values = { sku: id, title: `Row ${row}`, price: '19.90', currency: 'EUR', image }
  const bound = bindRow(template, { index: row, line: row + 1, pointer: `/rows/${row - 1}`, values })
  return { row, line: row + 1, id, rowPointer: `/rows/${row - 1}`, values: bound.values, outputs: [{ format: 'instagram-square', locale: 'en-US', file: `${id}/square.jpg` }, { format: 'facebook-link', locale: 'en-US', file: `${id}/link.jpg` }] }
}

test('still rows render two at a time: a row waiting on a slow picture does not hold up the next, and each writes what it writes alone', async () => {
  assert.equal(rowsAtOnce('jpeg'), 2)
  assert.equal(rowsAtOnce('png'), 2)
  assert.equal(rowsAtOnce('mp4'), 1, 'a video row holds an encoder: one at a time')
  const slow = job(1, 'A-1', `${origin}/slow/tote.png`)
  const fast = job(2, 'B-2', `${origin}/fast/shoe.jpg`)
  const third = job(3, 'C-3', `${origin}/fast/mug.webp`)
  const together = join(work, 'together')
  const renderer = new RowRenderer(setup('jpeg', together))
  const finished: string[] = []
  const started = performance.now()
  const results = await Promise.all(
    [slow, fast, third].map(async (j) => {
      const result = await renderer.render(j)
      finished.push(j.id)
      return result
    }),
  )
  // The fast row and the one after it are done while the slow picture is still on its way.
  assert.deepEqual(finished, ['B-2', 'C-3', 'A-1'])
  assert.ok(performance.now() - started >= SLOW_MS)
  for (const r of results) assert.deepEqual(r.failures, [])

  // Rendered one after another by a renderer of their own: the very same files.
  const alone = join(work, 'alone')
  const single = new RowRenderer(setup('jpeg', alone))
  for (const [i, j] of [slow, fast, third].entries()) {
    const result = await single.render(j)
    assert.deepEqual(
      result.outputs.map((o) => o.sha256),
      results[i]!.outputs.map((o) => o.sha256),
      `${j.id}: the same bytes`,
    )
    for (const o of result.outputs) {
      const written = createHash('sha256').update(await readFile(join(together, o.file))).digest('hex')
      assert.equal(written, o.sha256, `${o.file}: the file written beside another row is the one in the manifest`)
    }
  }
})

test('PNG rows drawn while another is encoding come out as they do alone', async () => {
  const jobs = [job(1, 'A-1', 'images/tote.png'), job(2, 'B-2', 'images/shoe.jpg'), job(3, 'C-3', 'images/mug.webp'), job(4, 'D-4', 'images/tote.png')].map((j) => ({
    ...j,
    outputs: j.outputs.map((o) => ({ ...o, file: o.file.replace('.jpg', '.png') })),
  }))
  const together = await Promise.all(jobs.map((j) => new RowRenderer(setup('png', join(work, 'png-together'))).render(j)))
  const renderer = new RowRenderer(setup('png', join(work, 'png-shared')))
  const shared = await Promise.all(jobs.map((j) => renderer.render(j)))
  assert.deepEqual(
    shared.map((r) => r.outputs.map((o) => o.sha256)),
    together.map((r) => r.outputs.map((o) => o.sha256)),
  )
  assert.equal(shared.flatMap((r) => r.outputs).length, 8)
})
