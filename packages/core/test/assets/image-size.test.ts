import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { readImageSize, sniffFileType } from '../../src/platform/image-size.js'
import { sharp } from './test-platform.js'

/** Real encoder output: every variant readImageSize has to parse. */
async function encodings(width: number, height: number) {
  const base = () => sharp({ create: { width, height, channels: 4, background: { r: 200, g: 60, b: 20, alpha: 0.5 } } })
  const bytes = async (s: { toBuffer(): Promise<Buffer> }) => new Uint8Array(await s.toBuffer())
  return {
    png: await bytes(base().png()),
    'jpeg baseline': await bytes(base().jpeg()),
    'jpeg progressive with EXIF': await bytes(base().jpeg({ progressive: true }).withMetadata({ orientation: 6 })),
    'webp lossy (VP8)': await bytes(base().flatten().webp()),
    'webp lossless (VP8L)': await bytes(base().webp({ lossless: true })),
    'webp with alpha (VP8X)': await bytes(base().webp()),
    gif: await bytes(base().gif()),
  }
}

describe('readImageSize', () => {
  for (const [width, height] of [
    [1, 1],
    [123, 45],
    [4000, 3],
    [16383, 2],
  ] as const) {
    it(`reads ${width}x${height} from real PNG, JPEG, WebP and GIF bytes`, async () => {
      for (const [name, bytes] of Object.entries(await encodings(width, height))) {
        const type = name.split(' ')[0]
        assert.deepEqual(readImageSize(bytes), { type, width, height }, name)
      }
    })
  }

  it('returns undefined for truncated headers, other formats and garbage', async () => {
    const all = await encodings(10, 10)
    assert.equal(readImageSize(all.png.subarray(0, 20)), undefined)
    assert.equal(readImageSize(all['jpeg baseline'].subarray(0, 20)), undefined)
    assert.equal(readImageSize(all['webp lossy (VP8)'].subarray(0, 24)), undefined)
    assert.equal(readImageSize(all.gif.subarray(0, 8)), undefined)
    assert.equal(readImageSize(new Uint8Array()), undefined)
    assert.equal(readImageSize(new TextEncoder().encode('<!DOCTYPE html><p>404</p>')), undefined)
    const tiff = new Uint8Array(await sharp({ create: { width: 3, height: 3, channels: 3, background: '#fff' } }).tiff().toBuffer())
    assert.equal(readImageSize(tiff), undefined)
    assert.equal(sniffFileType(tiff), 'tiff')
  })

  it('names the files it refuses', () => {
    const enc = (t: string) => new TextEncoder().encode(t)
    assert.equal(sniffFileType(enc('<svg xmlns="http://www.w3.org/2000/svg"/>')), 'svg')
    assert.equal(sniffFileType(enc('<?xml version="1.0"?>\n<svg/>')), 'svg')
    assert.equal(sniffFileType(enc('<!doctype html>')), 'html')
    assert.equal(sniffFileType(enc('%PDF-1.7')), 'pdf')
    assert.equal(sniffFileType(enc('BM....')), 'bmp')
    assert.equal(sniffFileType(new Uint8Array([0, 0, 0, 28, ...enc('ftypavif'), 0, 0])), 'avif')
    assert.equal(sniffFileType(enc('root:x:0:0:root:/root:/bin/bash')), undefined)
  })
})
