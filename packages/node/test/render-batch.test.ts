// renderBatch from the BUILT package (packages/node/dist), real worker threads and real files:
// an onProgress callback that throws stops the batch cleanly, in this thread and in the pool.
// Build first: `npx tsc -b && pnpm -r --filter ./packages/* run build`.
import assert from 'node:assert/strict'
import { existsSync } from 'node:fs'
import { cp, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
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
before(async () => {
  assert.ok(existsSync(dist), `${dist} is missing: build first (npx tsc -b && pnpm -r --filter ./packages/* run build)`)
  ;({ renderBatch } = (await import(dist)) as typeof import('../src/index.ts'))
  work = await mkdtemp(join(tmpdir(), 'vitrine-batch-'))
  await cp(join(fixtures, 'images'), join(work, 'images'), { recursive: true })
  const pictures = ['tote.png', 'shoe.jpg', 'mug.webp']
  const lines = ['sku,title,price,currency,image']
  for (let i = 0; i < ROWS; i++) lines.push(`P-${i},Product ${i},${10 + i},EUR,images/${pictures[i % pictures.length]}`)
  feed = join(work, 'feed.csv')
  await writeFile(feed, lines.join('\n') + '\n')
})
after(() => rm(work, { recursive: true, force: true }))

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
        renderBatch({
          template: join(fixtures, 'card.json'),
          data: feed,
          formats: ['300x200'],
          out,
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
      renderBatch({
        template: join(fixtures, 'card.json'),
        data: feed,
        formats: ['300x200'],
        out,
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
    const result = await renderBatch({ template: join(fixtures, 'card.json'), data: feed, formats: ['300x200'], out, concurrency: 2, onProgress: () => {} })
    assert.equal(result.manifest.summary.outputs, ROWS)
    assert.equal((await rowFolders(out)).length, ROWS)
  })
})
