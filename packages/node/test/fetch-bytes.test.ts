import assert from 'node:assert/strict'
import { mkdtemp, mkdir, open, rm, writeFile } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { after, before, describe, test } from 'node:test'
import { VitrineError } from '@vitrine/core'
import { NodePlatform } from '../src/index.js'

const platform = new NodePlatform()
const limits = { timeoutMs: 2000, maxBytes: 10_000 }

function expectCode(code: string, message?: RegExp) {
  return (error: unknown) => {
    assert.ok(error instanceof VitrineError, `expected a VitrineError, got ${String(error)}`)
    assert.equal(error.code, code, error.message)
    if (message) assert.match(error.message, message)
    return true
  }
}

describe('fetchBytes over http', () => {
  let server: Server
  let base: string
  /** How many times each retried route was asked. */
  const asked = new Map<string, number>()
  /** How many bytes the endless route had sent when the client went away. */
  let endlessSent = 0
  let endlessClosed: Promise<void>

  before(async () => {
    let markClosed = () => {}
    endlessClosed = new Promise((resolve) => (markClosed = resolve))
    server = createServer((req, res) => {
      switch (req.url) {
        case '/ok':
          res.writeHead(200, { 'content-type': 'application/octet-stream' })
          res.end(Buffer.alloc(5000, 7))
          return
        case '/exact':
          res.end(Buffer.alloc(10_000, 1))
          return
        case '/declared-large':
          res.writeHead(200, { 'content-length': '50000' })
          res.end(Buffer.alloc(50_000))
          return
        case '/endless': {
          // No Content-Length: only counting the bytes as they come can stop this.
          res.writeHead(200, { 'content-type': 'application/octet-stream' })
          const chunk = Buffer.alloc(4096, 3)
          const pump = () => {
            while (!res.destroyed && res.write(chunk)) endlessSent += chunk.length
            if (!res.destroyed) res.once('drain', pump)
          }
          res.on('close', markClosed)
          pump()
          return
        }
        case '/slow':
          res.writeHead(200)
          res.write('a')
          // Never finishes.
          return
        case '/hang':
          return
        case '/busy-twice': {
          // 429 twice (asking for no wait), then the body.
          const n = (asked.get(req.url) ?? 0) + 1
          asked.set(req.url, n)
          if (n <= 2) res.writeHead(429, 'Too Many Requests', { 'retry-after': '0' }).end()
          else res.end(Buffer.alloc(5000, 9))
          return
        }
        case '/unavailable':
        case '/busy-long': {
          asked.set(req.url, (asked.get(req.url) ?? 0) + 1)
          // A 503 with no Retry-After (waits 0.25 s, then 1 s); a 429 asking for an hour (cut to 5 s).
          if (req.url === '/unavailable') res.writeHead(503, 'Service Unavailable').end()
          else res.writeHead(429, 'Too Many Requests', { 'retry-after': '3600' }).end()
          return
        }
        case '/redirect':
          res.writeHead(302, { location: '/ok' })
          res.end()
          return
        default:
          res.writeHead(404, 'Not Found')
          res.end('missing')
      }
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  after(() => {
    server.closeAllConnections()
    server.close()
  })

  test('reads a body', async () => {
    const bytes = await platform.fetchBytes(`${base}/ok`, limits)
    assert.equal(bytes.byteLength, 5000)
    assert.equal(bytes[0], 7)
  })

  test('accepts a body of exactly maxBytes and follows redirects', async () => {
    assert.equal((await platform.fetchBytes(`${base}/exact`, limits)).byteLength, 10_000)
    assert.equal((await platform.fetchBytes(`${base}/redirect`, limits)).byteLength, 5000)
  })

  test('404 is asset/not-found, asked once', async () => {
    await assert.rejects(platform.fetchBytes(`${base}/nope`, limits), expectCode('asset/not-found', /answered 404 Not Found$/))
  })

  test('429 and 503 are asked again, twice at most, within the one time limit', async () => {
    const bytes = await platform.fetchBytes(`${base}/busy-twice`, limits)
    assert.equal(bytes.byteLength, 5000)
    assert.equal(bytes[0], 9)
    assert.equal(asked.get('/busy-twice'), 3)
    // Asked three times, waiting 0.25 s then 1 s between.
    const t0 = performance.now()
    await assert.rejects(platform.fetchBytes(`${base}/unavailable`, { timeoutMs: 5000, maxBytes: 10_000 }), expectCode('asset/not-found', /answered 503 Service Unavailable \(asked 3 times\)$/))
    assert.equal(asked.get('/unavailable'), 3)
    assert.ok(performance.now() - t0 >= 1200)
    // A wait longer than the time left ends in a timeout that says what the server answered.
    await assert.rejects(
      platform.fetchBytes(`${base}/busy-long`, { timeoutMs: 300, maxBytes: 10_000 }),
      expectCode('asset/timeout', /within 300 ms \(the server answered 429 Too Many Requests, and was asked again\)$/),
    )
    assert.equal(asked.get('/busy-long'), 1)
  })

  test('a refused connection is asset/not-found', async () => {
    const closed = createServer()
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve))
    const port = (closed.address() as AddressInfo).port
    await new Promise((resolve) => closed.close(resolve))
    await assert.rejects(platform.fetchBytes(`http://127.0.0.1:${port}/x`, limits), expectCode('asset/not-found', /ECONNREFUSED/))
  })

  test('a declared Content-Length over the limit is refused before the body', async () => {
    await assert.rejects(platform.fetchBytes(`${base}/declared-large`, limits), expectCode('asset/too-large', /Content-Length 50000/))
  })

  test('an endless body is cut off as soon as it passes the limit', async () => {
    await assert.rejects(platform.fetchBytes(`${base}/endless`, limits), expectCode('asset/too-large', /more than 10000 bytes/))
    await endlessClosed
    // The socket buffers some data before the client aborts; it must not read on much further.
    assert.ok(endlessSent < 10_000_000, `the server sent ${endlessSent} bytes before the client hung up`)
  })

  test('no answer in time is asset/timeout, for headers and for a stalled body', async () => {
    const quick = { timeoutMs: 200, maxBytes: 10_000 }
    for (const path of ['/hang', '/slow']) {
      const t0 = performance.now()
      await assert.rejects(platform.fetchBytes(`${base}${path}`, quick), expectCode('asset/timeout', /within 200 ms/))
      const took = performance.now() - t0
      assert.ok(took < 1500, `${path} gave up after ${took} ms`)
    }
  })

  test('other schemes are forbidden', async () => {
    await assert.rejects(platform.fetchBytes('ftp://example.com/a.png', limits), expectCode('asset/forbidden'))
  })
})

describe('fetchBytes over file:', () => {
  let dir: string
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'vitrine-fetch-'))
    await writeFile(join(dir, 'small.bin'), Buffer.alloc(1234, 9))
    await mkdir(join(dir, 'folder'))
    // A sparse 2 GB file: refusing it must not read it.
    const handle = await open(join(dir, 'huge.bin'), 'w')
    await handle.truncate(2 * 1024 ** 3)
    await handle.close()
  })
  after(() => rm(dir, { recursive: true, force: true }))

  const url = (name: string) => pathToFileURL(join(dir, name)).href

  test('reads a file', async () => {
    const bytes = await platform.fetchBytes(url('small.bin'), limits)
    assert.equal(bytes.byteLength, 1234)
  })

  test('a missing file is asset/not-found', async () => {
    await assert.rejects(platform.fetchBytes(url('missing.png'), limits), expectCode('asset/not-found', /no such file/))
  })

  test('a folder is asset/not-found', async () => {
    await assert.rejects(platform.fetchBytes(url('folder'), limits), expectCode('asset/not-found', /expected a file, found a folder/))
  })

  test('a file over the limit is refused from its size, without reading it', async () => {
    const t0 = performance.now()
    await assert.rejects(platform.fetchBytes(url('huge.bin'), limits), expectCode('asset/too-large', /2147483648 bytes/))
    assert.ok(performance.now() - t0 < 500)
  })
})
