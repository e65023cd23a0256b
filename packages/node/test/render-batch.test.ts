// renderBatch from the BUILT package (packages/node/dist), real worker threads and real files:
// an onProgress callback that throws, or an aborted signal, stops the batch cleanly, in this
// thread and in the pool; a resumed batch notices a brand font changed since.
// Build first: `npx tsc -b && pnpm -r --filter ./packages/* run build`.
import assert from 'node:assert/strict'
import { existsSync } from 'node:fs'
import { createHash } from 'node:crypto'
import { copyFile, cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { after, before, describe, test } from 'node:test'

const dist = fileURLToPath(new URL('../dist/index.js', import.meta.url))
const fixtures = fileURLToPath(new URL('./fixtures/', import.meta.url))
const ROWS = 16

let work: string
let feed: string
let renderBatch: typeof import('../src/render-batch.ts').renderBatch
let builtInFontBaseUrl: typeof import('../src/index.ts').builtInFontBaseUrl
before(async () => {
  assert.ok(existsSync(dist), `${dist} is missing: build first (npx tsc -b && pnpm -r --filter ./packages/* run build)`)
  ;({ renderBatch, builtInFontBaseUrl } = (await import(dist)) as typeof import('../src/index.ts'))
  work = await mkdtemp(join(tmpdir(), 'vitrine-batch-'))
  await cp(join(fixtures, 'images'), join(work, 'images'), { recursive: true })
  const pictures = ['tote.png', 'shoe.jpg', 'mug.webp']
  const lines = ['sku,title,price,currency,image']
  for (let i = 0; i < ROWS; i++) lines.push(`P-${i},Product ${i},${10 + i},EUR,images/${pictures[i % pictures.length]}`)
  feed = join(work, 'feed.csv')
  await writeFile(feed, lines.join('\n') + '\n')
})
after(() => rm(work, { recursive: true, force: true }))

/** renderBatch of the card over the test feed in 300x200 into `out`, with `options` on top. */
const batch = (out: string, options: Partial<Parameters<typeof renderBatch>[0]> = {}) =>
  renderBatch({ template: join(fixtures, 'card.json'), data: feed, formats: ['300x200'], out, ...options })

/** The row folders a batch wrote into `out`. */
async function rowFolders(out: string): Promise<string[]> {
  return (await readdir(out, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name)
}

describe('renderBatch: an onProgress that throws stops the batch', () => {
  for (const concurrency of [1, 2]) {
    test(`concurrency ${concurrency}: rejects with the callback's error, leaves the rows not yet started, writes no manifest`, async () => {
      const out = join(work, `stopped-${concurrency}`)
      const error = new Error('the progress bar broke')
      const calls: number[] = []
      await assert.rejects(
        batch(out, {
          concurrency,
          onProgress: ({ done }) => {
            calls.push(done)
            if (done >= 2) throw error
          },
        }),
        (thrown) => thrown === error,
      )
      // Called no more after it threw.
      assert.equal(calls.filter((done) => done >= 2).length, 1)
      assert.equal(existsSync(join(out, 'manifest.json')), false)
      // The rows rendering when it threw finished; the others never started (each renderer
      // takes two rows at a time, a worker holds three).
      const written = await rowFolders(out)
      assert.ok(written.length >= 2 && written.length <= 2 + 3 * (concurrency - 1) + 2, `wrote ${written.length} of ${ROWS} rows: ${written.join(', ')}`)
    })
  }

  test('a throw on the first call, before any row, renders nothing', async () => {
    const out = join(work, 'stopped-at-once')
    await assert.rejects(
      batch(out, {
        concurrency: 2,
        onProgress: () => {
          throw new RangeError('no progress wanted')
        },
      }),
      RangeError,
    )
    assert.deepEqual(existsSync(out) ? await rowFolders(out) : [], [])
  })

  test('the same batch with a callback that does not throw writes every row', async () => {
    const out = join(work, 'whole')
    const result = await batch(out, { concurrency: 2, onProgress: () => {} })
    assert.equal(result.manifest.summary.outputs, ROWS)
    assert.equal((await rowFolders(out)).length, ROWS)
  })
})

describe('renderBatch: an aborted signal stops the batch, and the manifest keeps what was done', () => {
  for (const concurrency of [1, 2]) {
    test(`concurrency ${concurrency}: the rows rendering finish, the others are listed under "interrupted"`, async () => {
      const out = join(work, `aborted-${concurrency}`)
      const controller = new AbortController()
      const result = await batch(out, {
        formats: ['300x200', '200x200'],
        concurrency,
        signal: controller.signal,
        onProgress: ({ done }) => {
          if (done >= 4) controller.abort()
        },
      })
      const { manifest } = result
      const notRendered = manifest.interrupted?.notRendered ?? []
      assert.ok(notRendered.length > 0 && notRendered.length < ROWS - 1, `${notRendered.length} rows not rendered`)
      // Every row is either rendered whole (both formats) or listed, never both, never neither.
      const rendered = new Set(manifest.outputs.map((o) => o.id))
      assert.equal(manifest.outputs.length, rendered.size * 2)
      assert.equal(rendered.size + notRendered.length, ROWS)
      for (const { id } of notRendered) assert.ok(!rendered.has(id), `${id} is both rendered and not`)
      assert.deepEqual(notRendered.map((r) => r.row), [...notRendered.map((r) => r.row)].sort((a, b) => a - b))
      // The files listed are whole, and the rows not rendered have no folder.
      for (const o of manifest.outputs) assert.equal(createHash('sha256').update(await readFile(join(out, o.file))).digest('hex'), o.sha256)
      assert.deepEqual((await rowFolders(out)).sort(), [...rendered].sort())
      const written = JSON.parse(await readFile(result.manifestPath, 'utf8')) as typeof manifest
      assert.deepEqual(written.interrupted, manifest.interrupted)
    })
  }

  test('a signal aborted before the batch renders nothing and lists every row', async () => {
    const out = join(work, 'aborted-before')
    const result = await batch(out, { signal: AbortSignal.abort() })
    assert.equal(result.manifest.outputs.length, 0)
    assert.equal(result.manifest.interrupted?.notRendered.length, ROWS)
    assert.deepEqual(await rowFolders(out), [])
  })

  test('a signal that never aborts leaves no "interrupted" in the manifest', async () => {
    const out = join(work, 'not-aborted')
    const result = await batch(out, { concurrency: 2, signal: new AbortController().signal })
    assert.equal(result.manifest.outputs.length, ROWS)
    assert.equal('interrupted' in result.manifest, false)
  })
})

describe('renderBatch({ resume: true }) and the files a batch reads', () => {
  test('a brand font changed since (another size or time) renders every output again; the same font keeps them', async () => {
    const dir = join(work, 'resume-font')
    await mkdir(dir, { recursive: true })
    const fonts = fileURLToPath(builtInFontBaseUrl())
    await copyFile(join(fonts, 'Inter_700Bold.ttf'), join(dir, 'brand.ttf'))
    const card = JSON.parse(await readFile(join(fixtures, 'card.json'), 'utf8'))
    card.fonts = [{ family: 'Brand', src: 'brand.ttf', weight: 400 }]
    for (const layer of card.layers) if (layer.type === 'text') layer.font = { family: 'Brand' }
    const template = join(dir, 'card.json')
    await writeFile(template, JSON.stringify(card))
    const out = join(dir, 'out')
    const run = () => batch(out, { template, resume: true, concurrency: 1 })
    const first = await run()
    assert.equal(first.manifest.summary.failures, 0, JSON.stringify(first.manifest.failures[0]))
    assert.equal(first.manifest.resumed?.kept, 0)
    assert.equal((await run()).manifest.resumed?.kept, ROWS)
    // Another font under the same name: every output is made again, with the new letters.
    await copyFile(join(fonts, 'Inter_300Light.ttf'), join(dir, 'brand.ttf'))
    const third = await run()
    assert.equal(third.manifest.resumed?.kept, 0)
    assert.equal(third.manifest.outputs.length, ROWS)
    assert.notEqual(third.manifest.outputs[0].sha256, first.manifest.outputs[0].sha256)
  })
})

describe('renderBatch: a remote host that stops answering', () => {
  test('costs three timeouts, not one per row: the other rows fail at once, saying why', async () => {
    const { createServer } = await import('node:http')
    let requests = 0
    const hanging: import('node:http').ServerResponse[] = []
    const server = createServer((_, response) => {
      requests++
      hanging.push(response)
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const origin = `http://127.0.0.1:${(server.address() as import('node:net').AddressInfo).port}`
    const rows = 24
    const lines = ['sku,title,price,currency,image', ...Array.from({ length: rows }, (_, i) => `H-${i},Product ${i},${10 + i},EUR,${origin}/picture-${i}.png`)]
    const hostFeed = join(work, 'hanging-host.csv')
    await writeFile(hostFeed, lines.join('\n') + '\n')
    try {
      const { manifest } = await batch(join(work, 'hanging-host'), { data: hostFeed, concurrency: 1, limits: { timeoutMs: 250 } })
      assert.equal(manifest.outputs.length, 0)
      assert.equal(manifest.failures.length, rows)
      for (const failure of manifest.failures) assert.equal(failure.error.code, 'asset/timeout')
      // Three in a row time out (and those already asked for, two rows at a time), then the
      // host is left alone.
      assert.ok(requests <= 5, `expected at most 5 requests, the server had ${requests}`)
      const notAsked = manifest.failures.filter((f) => /was not asked for: http:\/\/127\.0\.0\.1:\d+ did not answer within 250 ms for \d+ files in a row/.test(f.error.message))
      assert.equal(notAsked.length, rows - requests)
    } finally {
      for (const response of hanging) response.destroy()
      server.close()
    }
  })
})
