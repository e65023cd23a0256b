import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { AssetStore, SLOW_HOST_TIMEOUTS } from '../../src/platform/asset-store.js'
import { VitrineError } from '../../src/errors/vitrine-error.js'
import { TestPlatform, sharp } from './test-platform.js'

let dir: string
let baseUrl: string
let server: Server
let origin: string
let png: Uint8Array
const hanging = new Set<import('node:http').ServerResponse>()

const solid = async (width: number, height: number, format: 'png' | 'jpeg' | 'webp' = 'png') =>
  new Uint8Array(await sharp({ create: { width, height, channels: 4, background: { r: 10, g: 120, b: 200, alpha: 1 } } })[format]().toBuffer())

async function rejection(promise: Promise<unknown>): Promise<VitrineError> {
  try {
    await promise
  } catch (error) {
    assert.ok(error instanceof VitrineError, String(error))
    return error
  }
  assert.fail('expected a rejection')
}

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vitrine-assets-'))
  baseUrl = pathToFileURL(dir).href + '/'
  await mkdir(join(dir, 'images'))
  png = await solid(40, 30)
  await writeFile(join(dir, 'images', 'a.png'), png)
  await writeFile(join(dir, 'images', 'b.jpg'), await solid(20, 10, 'jpeg'))
  await writeFile(join(dir, 'images', 'notes.txt'), 'these are not pixels\n')
  await writeFile(join(dir, 'images', 'truncated.png'), png.subarray(0, 20))
  // A valid header on a damaged body: only the decoder can tell.
  await writeFile(join(dir, 'images', 'damaged.png'), new Uint8Array([...png.subarray(0, 33), ...new Uint8Array(64).fill(7)]))
  // 10000 x 6000 in the header (60 MP): must be refused before any decoding.
  const huge = png.slice()
  new DataView(huge.buffer).setUint32(16, 10_000)
  new DataView(huge.buffer).setUint32(20, 6_000)
  await writeFile(join(dir, 'images', 'huge.png'), huge)
  for (let i = 0; i < 12; i++) await writeFile(join(dir, 'images', `n${i}.png`), await solid(10 + i, 10))

  server = createServer((request, response) => {
    if (request.url?.startsWith('/a.png')) response.end(png)
    else if (request.url?.startsWith('/hang')) hanging.add(response)
    else if (request.url === '/endless') {
      response.writeHead(200, { 'content-type': 'image/png' })
      const chunk = new Uint8Array(64 * 1024)
      const write = () => {
        while (response.write(chunk)) if (response.destroyed) return
        response.once('drain', write)
      }
      response.on('error', () => {})
      write()
    } else {
      response.statusCode = 404
      response.end('not here')
    }
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

after(async () => {
  for (const response of hanging) response.destroy()
  server.closeAllConnections()
  await new Promise((resolve) => server.close(resolve))
  await rm(dir, { recursive: true, force: true })
})

describe('AssetStore', () => {
  it('fetches and decodes a picture once for every format that draws it, concurrent or not', async () => {
    const platform = new TestPlatform()
    const store = new AssetStore(platform, { baseUrl })
    const first = await Promise.all(Array.from({ length: 10 }, (_, i) => store.loadImage(i % 2 ? 'images/a.png' : './images/../images/a.png', `/rows/0/image`)))
    const later = await store.loadImage(baseUrl + 'images/a.png', '/rows/0/image')
    assert.equal(platform.fetched.length, 1)
    assert.equal(platform.decoded, 1)
    assert.ok(first.every((r) => r.image === later.image && r.key === baseUrl + 'images/a.png'))
    assert.equal(later.image.width, 40)
    assert.equal(later.image.height, 30)
    assert.equal(store.get(later.key), later.image)
    assert.deepEqual({ fetches: store.stats.fetches, decodes: store.stats.decodes, hits: store.stats.hits }, { fetches: 1, decodes: 1, hits: 10 })
  })

  it('decodes JPEG too', async () => {
    const { image } = await new AssetStore(new TestPlatform(), { baseUrl }).loadImage('images/b.jpg', '/rows/1/image')
    assert.deepEqual([image.width, image.height], [20, 10])
  })

  it('reports a missing file with the pointer and the source, and tries it only once', async () => {
    const platform = new TestPlatform()
    const store = new AssetStore(platform, { baseUrl })
    const error = await rejection(store.loadImage('images/missing.png', '/rows/7/image'))
    assert.equal(error.code, 'asset/not-found')
    assert.equal(error.path, '/rows/7/image')
    assert.match(error.message, /^\/rows\/7\/image: image "images\/missing\.png": could not be loaded: /)
    const again = await rejection(store.loadImage('images/missing.png', '/rows/8/image'))
    assert.equal(again.path, '/rows/8/image')
    assert.equal(platform.fetched.length, 1)
  })

  it('refuses sources outside the data folder without fetching', async () => {
    const platform = new TestPlatform()
    const store = new AssetStore(platform, { baseUrl })
    for (const src of ['../../etc/passwd', '%2e%2e/%2e%2e/etc/passwd', 'file:///etc/passwd', 'javascript:alert(1)']) {
      const error = await rejection(store.loadImage(src, '/rows/2/image'))
      assert.equal(error.code, 'asset/forbidden', src)
      assert.equal(error.path, '/rows/2/image')
    }
    assert.equal(platform.fetched.length, 0)
  })

  it('tells non-images, truncated headers and damaged bodies apart', async () => {
    const store = new AssetStore(new TestPlatform(), { baseUrl })
    const text = await rejection(store.loadImage('images/notes.txt', '/rows/1/image'))
    assert.equal(text.code, 'asset/unsupported')
    assert.match(text.message, /it is not an image \(found text starting "these are not pi"\); Vitrine reads PNG, JPEG, WebP and GIF/)
    const truncated = await rejection(store.loadImage('images/truncated.png', '/rows/2/image'))
    assert.equal(truncated.code, 'asset/corrupt')
    assert.match(truncated.message, /PNG header is truncated or damaged/)
    const damaged = await rejection(store.loadImage('images/damaged.png', '/rows/3/image'))
    assert.equal(damaged.code, 'asset/corrupt')
    assert.equal(damaged.path, '/rows/3/image')
  })

  it('refuses pictures over maxPixels before decoding them', async () => {
    const platform = new TestPlatform()
    const store = new AssetStore(platform, { baseUrl })
    const error = await rejection(store.loadImage('images/huge.png', '/rows/4/image'))
    assert.equal(error.code, 'asset/too-large')
    assert.match(error.message, /the PNG is 10000x6000 \(60 MP\), more than the limit of 50 MP/)
    assert.equal(platform.decoded, 0)
    const strict = new AssetStore(platform, { baseUrl, maxPixels: 1000 })
    assert.equal((await rejection(strict.loadImage('images/a.png', '/x'))).code, 'asset/too-large')
  })

  it('reads data: URLs within maxBytes', async () => {
    const store = new AssetStore(new TestPlatform(), { baseUrl, maxBytes: png.length + 10 })
    const url = 'data:image/png;base64,' + Buffer.from(png).toString('base64')
    const { key, image } = await store.loadImage(url, '/layers/0/src')
    assert.equal(key, url)
    assert.equal(image.width, 40)
    const tight = new AssetStore(new TestPlatform(), { baseUrl, maxBytes: 50 })
    assert.equal((await rejection(tight.loadImage(url, '/layers/0/src'))).code, 'asset/too-large')
  })

  it('loads http images, and fails on a server that never answers or sends too much', async () => {
    const platform = new TestPlatform()
    const store = new AssetStore(platform, { baseUrl, timeoutMs: 300, maxBytes: 1024 * 1024 })
    assert.equal((await store.loadImage(`${origin}/a.png`, '/rows/0/image')).image.width, 40)
    const started = performance.now()
    const timeout = await rejection(store.loadImage(`${origin}/hang`, '/rows/1/image'))
    assert.equal(timeout.code, 'asset/timeout')
    assert.equal(timeout.path, '/rows/1/image')
    assert.ok(performance.now() - started < 3000)
    const tooLarge = await rejection(store.loadImage(`${origin}/endless`, '/rows/2/image'))
    assert.equal(tooLarge.code, 'asset/too-large')
    assert.match(tooLarge.message, /^\/rows\/2\/image: image "http:\/\/127\.0\.0\.1:\d+\/endless": is too large: /)
    assert.equal((await rejection(store.loadImage(`${origin}/gone.png`, '/rows/3/image'))).code, 'asset/not-found')
  })

  it(`pauses a host after ${SLOW_HOST_TIMEOUTS} timeouts in a row: its files fail at once, other hosts are asked, and an answer in time ends the pause`, async () => {
    const platform = new TestPlatform()
    const store = new AssetStore(platform, { baseUrl, timeoutMs: 200, slowHostPauseMs: 1500 })
    // A timeout, an answer, then timeouts in a row: only the last ones count.
    assert.equal((await rejection(store.loadImage(`${origin}/hang?0`, '/rows/0/image'))).code, 'asset/timeout')
    await store.loadImage(`${origin}/a.png?0`, '/rows/1/image')
    for (let i = 1; i <= SLOW_HOST_TIMEOUTS; i++) {
      if (i < SLOW_HOST_TIMEOUTS) {
        const asked = platform.fetched.length
        await rejection(store.loadImage(`${origin}/hang?${i}`, `/rows/${i + 1}/image`))
        assert.equal(platform.fetched.length, asked + 1, `timeout ${i} of ${SLOW_HOST_TIMEOUTS} in a row: still asked`)
      } else await rejection(store.loadImage(`${origin}/hang?${i}`, `/rows/${i + 1}/image`))
    }
    const asked = platform.fetched.length
    const started = performance.now()
    const paused = await rejection(store.loadImage(`${origin}/a.png?1`, '/rows/9/image'))
    assert.equal(paused.code, 'asset/timeout')
    assert.equal(paused.path, '/rows/9/image')
    assert.match(paused.message, new RegExp(`was not asked for: ${origin.replace(/[./]/g, '\\$&')} did not answer within 200 ms for ${SLOW_HOST_TIMEOUTS} files in a row, so it is left alone for [12] s more`))
    assert.equal(platform.fetched.length, asked, 'the paused host was not asked')
    assert.ok(performance.now() - started < 150, 'it failed at once')
    // Another host (another port) is asked as usual.
    const other = createServer((_, response) => response.end(png))
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve))
    try {
      const otherOrigin = `http://127.0.0.1:${(other.address() as AddressInfo).port}`
      assert.equal((await store.loadImage(`${otherOrigin}/a.png`, '/rows/10/image')).image.width, 40)
    } finally {
      other.close()
    }
    // After the pause the host is asked again, and one answer in time ends the pause.
    await new Promise((resolve) => setTimeout(resolve, 1600))
    assert.equal((await store.loadImage(`${origin}/a.png?2`, '/rows/11/image')).image.width, 40)
    const before = platform.fetched.length
    await rejection(store.loadImage(`${origin}/hang?again`, '/rows/12/image'))
    assert.equal(platform.fetched.length, before + 1)
    assert.equal((await store.loadImage(`${origin}/a.png?3`, '/rows/13/image')).image.width, 40, 'one timeout after an answer does not pause')

    // slowHostPauseMs 0: every file is asked for.
    const patient = new AssetStore(platform, { baseUrl, timeoutMs: 100, slowHostPauseMs: 0 })
    const count = platform.fetched.length
    for (let i = 0; i <= SLOW_HOST_TIMEOUTS; i++) await rejection(patient.loadImage(`${origin}/hang?p${i}`, '/x'))
    assert.equal(platform.fetched.length, count + SLOW_HOST_TIMEOUTS + 1)
  })

  it('keeps the cache bounded, least recently used out first', async () => {
    const platform = new TestPlatform()
    const store = new AssetStore(platform, { baseUrl }, { maxImages: 3, keepRecent: 1 })
    const keys: string[] = []
    for (let i = 0; i < 12; i++) {
      keys.push((await store.loadImage(`images/n${i}.png`, '/x')).key)
      if (i >= 1) store.get(keys[0] as string) // keep n0 warm
    }
    assert.equal(store.stats.cachedImages, 3)
    assert.equal(store.stats.evictions, 9)
    assert.ok(store.has(keys[0] as string), 'recently used entry kept')
    assert.equal(store.get(keys[1] as string), undefined)
    await store.loadImage(keys[1] as string, '/x')
    assert.equal(platform.fetched.filter((u) => u.endsWith('/n1.png')).length, 2)
  })

  it('bounds the cache by pixels, keeping the most recent ones whatever their size', async () => {
    const store = new AssetStore(new TestPlatform(), { baseUrl }, { maxPixels: 300, keepRecent: 2 })
    for (let round = 0; round < 50; round++) {
      for (let i = 0; i < 12; i++) await store.loadImage(`images/n${i}.png`, '/x')
      assert.equal(store.stats.cachedImages, 2)
    }
    assert.ok(store.stats.cachedPixels <= 2 * 21 * 10)
  })
})
