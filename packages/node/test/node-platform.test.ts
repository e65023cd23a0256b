import assert from 'node:assert/strict'
import { readFileSync, statSync } from 'node:fs'
import { deflateSync } from 'node:zlib'
import { fileURLToPath } from 'node:url'
import { describe, test } from 'node:test'
import { GlobalFonts, type SKRSContext2D } from '@napi-rs/canvas'
import sharp from 'sharp'
import { VitrineError } from '@vitrine/core'
import { NodePlatform, builtInFontBaseUrl } from '../src/index.js'
import { readFontFileMetrics } from './font-file-metrics.js'

const platform = new NodePlatform()
const fontFile = (name: string) => new Uint8Array(readFileSync(fileURLToPath(new URL(name, builtInFontBaseUrl()))))

/** A 64x32 picture: red on the left half, blue on the right, opaque. */
async function picture(format: 'png' | 'jpeg' | 'webp' | 'gif'): Promise<Uint8Array> {
  const raw = Buffer.alloc(64 * 32 * 3)
  for (let i = 0; i < 64 * 32; i++) raw.set((i % 64) < 32 ? [220, 20, 20] : [20, 20, 220], i * 3)
  const image = sharp(raw, { raw: { width: 64, height: 32, channels: 3 } })
  const out = format === 'webp' ? image.webp({ lossless: true }) : format === 'jpeg' ? image.jpeg({ quality: 95 }) : image.toFormat(format)
  return new Uint8Array(await out.toBuffer())
}

function contextOf(surface: { context: unknown }): SKRSContext2D {
  return surface.context as SKRSContext2D
}

/** A card-like surface: gradient, shapes, text; opaque unless `transparent`. */
function paintedSurface(width = 320, height = 240, transparent = false) {
  const surface = platform.createSurface(width, height)
  const ctx = contextOf(surface)
  if (!transparent) {
    const gradient = ctx.createLinearGradient(0, 0, width, height)
    gradient.addColorStop(0, '#f6d365')
    gradient.addColorStop(1, '#3050a0')
    ctx.fillStyle = gradient
    ctx.fillRect(0, 0, width, height)
  }
  for (let i = 0; i < 40; i++) {
    ctx.fillStyle = `hsla(${i * 37}, 70%, 50%, ${transparent ? 0.5 : 1})`
    ctx.beginPath()
    ctx.arc((i * 53) % width, (i * 97) % height, 8 + (i % 5) * 6, 0, Math.PI * 2)
    ctx.fill()
  }
  return surface
}

test('builtInFontBaseUrl points at @vitrine/core\'s fonts/ folder', () => {
  const url = builtInFontBaseUrl()
  assert.match(url, /^file:\/\/.*\/fonts\/$/)
  assert.ok(fontFile('Inter_400Regular.ttf').byteLength > 100_000)
})

describe('NodePlatform.decodeImage', () => {
  for (const format of ['png', 'jpeg', 'webp', 'gif'] as const) {
    test(`decodes real ${format} bytes and draws them`, async () => {
      const image = await platform.decodeImage(await picture(format))
      assert.equal(image.width, 64)
      assert.equal(image.height, 32)
      const surface = platform.createSurface(64, 32)
      const ctx = contextOf(surface)
      ctx.drawImage(image.source as never, 0, 0)
      const left = ctx.getImageData(8, 16, 1, 1).data
      const right = ctx.getImageData(56, 16, 1, 1).data
      assert.ok(left[0]! > 180 && left[2]! < 60, `left pixel should be red, is ${[...left]}`)
      assert.ok(right[2]! > 180 && right[0]! < 60, `right pixel should be blue, is ${[...right]}`)
    })
  }

  const garble = (bytes: Uint8Array, from: number) => {
    const bad = Uint8Array.from(bytes)
    for (let i = from; i < bad.length - 20; i++) bad[i] = 0x5a
    return bad
  }
  const halve = (bytes: Uint8Array) => bytes.subarray(0, bytes.length >> 1)
  const noise = (format: 'jpeg' | 'webp' | 'gif') => {
    const raw = Buffer.alloc(200 * 200 * 3)
    for (let i = 0; i < raw.length; i++) raw[i] = (i * 31) % 251
    return sharp(raw, { raw: { width: 200, height: 200, channels: 3 } }).toFormat(format).toBuffer()
  }
  const corrupt: Array<[string, () => Promise<Uint8Array>, RegExp]> = [
    ['random bytes', async () => new Uint8Array(Array.from({ length: 300 }, (_, i) => (i * 7919) % 256)), /expected PNG, JPEG, WebP or GIF data, found 300 bytes starting with 00 ef/],
    ['an empty file', async () => new Uint8Array(0), /found an empty file/],
    ['a truncated PNG', async () => (await picture('png')).subarray(0, 60), /PNG picture: it is cut short/],
    ['a PNG with its pixel data garbled', async () => garble(await picture('png'), 70), /PNG picture: its \w+ chunk at byte \d+ fails its checksum/],
    ['a truncated JPEG', async () => halve(await noise('jpeg')), /JPEG picture: it is cut short: no end-of-image marker/],
    ['a truncated WebP', async () => halve(await noise('webp')), /WebP picture: it is cut short/],
    ['a truncated GIF', async () => halve(await noise('gif')), /GIF picture: it is cut short/],
    ['a JPEG with a damaged header', async () => garble(await picture('jpeg'), 20), /JPEG picture/],
    ['an HTML page', async () => new TextEncoder().encode('<!doctype html><title>404</title>'), /found an HTML page/],
    ['an SVG document', async () => new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>'), /found an SVG document/],
  ]
  for (const [name, make, message] of corrupt) {
    test(`refuses ${name} with asset/corrupt`, async () => {
      await assert.rejects(platform.decodeImage(await make()), (error: unknown) => {
        assert.ok(error instanceof VitrineError)
        assert.equal(error.code, 'asset/corrupt')
        assert.match(error.message, message)
        return true
      })
    })
  }

  test('refuses a picture over the pixel limit before decoding it', async () => {
    const small = new NodePlatform({ maxDecodePixels: 1000 })
    await assert.rejects(small.decodeImage(await picture('png')), (error: unknown) => {
      assert.ok(error instanceof VitrineError)
      assert.equal(error.code, 'asset/too-large')
      assert.match(error.message, /64x32/)
      return true
    })
  })
})

describe('NodePlatform.encode', () => {
  const magic: Record<'png' | 'jpeg' | 'webp', (b: Uint8Array) => boolean> = {
    png: (b) => Buffer.from(b.subarray(0, 8)).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
    jpeg: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
    webp: (b) => Buffer.from(b.subarray(0, 4)).toString('latin1') === 'RIFF' && Buffer.from(b.subarray(8, 12)).toString('latin1') === 'WEBP',
  }
  for (const type of ['png', 'jpeg', 'webp'] as const) {
    test(`writes ${type} with the right signature and size`, async () => {
      const bytes = await platform.encode(paintedSurface(320, 240), { type, quality: 80 })
      assert.ok(magic[type](bytes), `${type} signature`)
      const meta = await sharp(bytes).metadata()
      assert.equal(meta.format, type)
      assert.equal(meta.width, 320)
      assert.equal(meta.height, 240)
    })
  }

  test('PNG is lossless: it decodes to exactly the canvas pixels, opaque as RGB', async () => {
    const surface = paintedSurface(200, 100)
    const png = await platform.encode(surface, { type: 'png' })
    const { data, info } = await sharp(png).raw().toBuffer({ resolveWithObject: true })
    assert.equal(info.channels, 3, 'an opaque canvas is written without alpha')
    const expected = contextOf(surface).getImageData(0, 0, 200, 100).data
    for (let i = 0, j = 0; i < expected.length; i += 4, j += 3) {
      if (expected[i] !== data[j] || expected[i + 1] !== data[j + 1] || expected[i + 2] !== data[j + 2]) {
        assert.fail(`pixel ${i / 4} differs: canvas ${[...expected.subarray(i, i + 3)]}, png ${[...data.subarray(j, j + 3)]}`)
      }
    }
  })

  test('PNG keeps transparency with straight (un-premultiplied) colours, as Skia writes them', async () => {
    const surface = paintedSurface(120, 80, true)
    const ours = await platform.encode(surface, { type: 'png' })
    const canvas = surface.canvas as { encode(type: 'png'): Promise<Buffer> }
    const skia = await canvas.encode('png')
    const a = await sharp(ours).ensureAlpha().raw().toBuffer()
    const b = await sharp(skia).ensureAlpha().raw().toBuffer()
    assert.equal((await sharp(ours).metadata()).channels, 4)
    assert.ok(a.equals(b), 'same RGBA as Skia\'s own PNG encoder')
  })

  for (const type of ['jpeg', 'webp'] as const) {
    test(`${type} quality changes the size`, async () => {
      const surface = paintedSurface(320, 240)
      const low = await platform.encode(surface, { type, quality: 20 })
      const high = await platform.encode(surface, { type, quality: 95 })
      assert.ok(high.byteLength > low.byteLength * 1.3, `q95 ${high.byteLength} bytes should be well above q20 ${low.byteLength}`)
    })
  }

  test('refuses a quality outside 1..100', async () => {
    for (const quality of [0, 101, Number.NaN]) {
      await assert.rejects(platform.encode(paintedSurface(10, 10), { type: 'jpeg', quality }), { code: 'usage' })
    }
  })
})

describe('NodePlatform.registerFont', () => {
  const size = 100
  const measure = (font: string, text: string) => {
    const ctx = contextOf(platform.createSurface(10, 10))
    ctx.font = font
    return ctx.measureText(text).width
  }
  const faces = [
    { weight: 100, style: 'normal', file: 'Inter_100Thin.ttf' },
    { weight: 200, style: 'normal', file: 'Inter_200ExtraLight.ttf' },
    { weight: 400, style: 'normal', file: 'Inter_400Regular.ttf' },
    { weight: 700, style: 'normal', file: 'Inter_700Bold.ttf' },
    { weight: 400, style: 'italic', file: 'Inter_400Regular_Italic.ttf' },
    { weight: 700, style: 'italic', file: 'Inter_700Bold_Italic.ttf' },
  ] as const
  // Characters whose advances differ between Inter's weights and from DejaVu's and Liberation's.
  const probes = ['W', 'm', 'a', '0', '?']

  test('the shipped Inter files draw the text, one face per weight and style, not a system font', async () => {
    const before = measure(`${size}px "Inter"`, 'Wma0?')
    for (const face of faces) await platform.registerFont({ family: 'Inter', weight: face.weight, style: face.style, bytes: fontFile(face.file) })
    const after = measure(`${size}px "Inter"`, 'Wma0?')
    assert.notEqual(after, before, 'before registration "Inter" fell back to another font')

    for (const face of faces) {
      const metrics = readFontFileMetrics(fontFile(face.file))
      for (const char of probes) {
        const expected = (metrics.advance(char) * size) / metrics.unitsPerEm
        const font = `${face.style === 'italic' ? 'italic ' : ''}${face.weight} ${size}px "Inter"`
        assert.ok(Math.abs(measure(font, char) - expected) < 0.01, `${font} "${char}": Skia measures ${measure(font, char)}, ${face.file} says ${expected}`)
      }
    }
    const widths = faces.map((f) => measure(`${f.style === 'italic' ? 'italic ' : ''}${f.weight} ${size}px "Inter"`, 'Wma0?'))
    assert.equal(new Set(widths).size, faces.length, `every face measures differently: ${widths}`)
    // Thin and ExtraLight both say weight 250 inside their files; registration must keep them apart.
    assert.notEqual(measure(`100 ${size}px Inter`, 'Wma0?'), measure(`200 ${size}px Inter`, 'Wma0?'))
    for (const system of ['DejaVu Sans', 'Liberation Sans', 'sans-serif']) {
      assert.notEqual(measure(`400 ${size}px "${system}"`, 'Wma0?'), measure(`400 ${size}px "Inter"`, 'Wma0?'), `Inter differs from ${system}`)
    }
  })

  test('CSS matching picks the nearest registered weight, as browsers do', () => {
    // 300 → the nearest lighter face (200); 500 → 400 first; 900 → the heaviest (700).
    assert.equal(measure(`300 ${size}px Inter`, 'Wma0?'), measure(`200 ${size}px Inter`, 'Wma0?'))
    assert.equal(measure(`500 ${size}px Inter`, 'Wma0?'), measure(`400 ${size}px Inter`, 'Wma0?'))
    assert.equal(measure(`900 ${size}px Inter`, 'Wma0?'), measure(`700 ${size}px Inter`, 'Wma0?'))
  })

  test('registering the same face again adds nothing', async () => {
    const count = () => GlobalFonts.families.find((f) => f.family === 'Inter')?.styles.length ?? 0
    const n = count()
    await platform.registerFont({ family: 'Inter', weight: 400, style: 'normal', bytes: fontFile('Inter_400Regular.ttf') })
    assert.equal(count(), n)
  })

  test('a WOFF 1.0 file registers with the weight it is declared as', async () => {
    const woff = toWoff1(fontFile('Inter_900Black.ttf'))
    await platform.registerFont({ family: 'Woff Test', weight: 600, style: 'italic', bytes: woff })
    const styles = GlobalFonts.families.find((f) => f.family === 'Woff Test')?.styles
    assert.deepEqual(styles?.map((s) => [s.weight, s.style]), [[600, 'italic']])
    const black = readFontFileMetrics(fontFile('Inter_900Black.ttf'))
    assert.ok(Math.abs(measure(`italic 600 ${size}px "Woff Test"`, 'W') - (black.advance('W') * size) / black.unitsPerEm) < 0.01)
  })

  test('a WOFF2 file draws every glyph, the last one included, with the weight it is declared as', async () => {
    // Noto Sans SC's subset 118: U+FF01 is its last glyph, which the Linux text renderer
    // ('system', Fontations) leaves blank when the face is registered as WOFF2.
    const fallback = (name: string) => new Uint8Array(readFileSync(fileURLToPath(new URL(`fallback/${name}`, builtInFontBaseUrl()))))
    await platform.registerFont({ family: 'Woff2 Test', weight: 500, style: 'normal', bytes: fallback('noto-sans-sc-118-400.woff2') })
    assert.deepEqual(GlobalFonts.families.find((f) => f.family === 'Woff2 Test')?.styles.map((s) => s.weight), [500])
    const ctx = contextOf(platform.createSurface(64, 64))
    const ink = (text: string) => {
      ctx.clearRect(0, 0, 64, 64)
      ctx.font = '500 40px "Woff2 Test"'
      ctx.fillText(text, 8, 46)
      const data = ctx.getImageData(0, 0, 64, 64).data
      let n = 0
      for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) n++
      return n
    }
    assert.ok(ink('\uff01') > 50, `U+FF01 drew ${ink('\uff01')} pixels`)
    assert.ok(ink('\u54c1') > 300)
  })

  test('damaged WOFF2 data fails with font/load-failed', async () => {
    const bytes = new Uint8Array(400)
    bytes.set([0x77, 0x4f, 0x46, 0x32])
    await assert.rejects(platform.registerFont({ family: 'Broken Woff2', weight: 400, style: 'normal', bytes }), (error: unknown) => {
      assert.ok(error instanceof VitrineError)
      assert.equal(error.code, 'font/load-failed')
      assert.match(error.message, /Broken Woff2 400 normal: its WOFF2 data is damaged/)
      return true
    })
  })

  test('bytes that are not a font fail with font/load-failed', async () => {
    await assert.rejects(platform.registerFont({ family: 'Broken', weight: 400, style: 'normal', bytes: new TextEncoder().encode('<html>not a font</html>') }), (error: unknown) => {
      assert.ok(error instanceof VitrineError)
      assert.equal(error.code, 'font/load-failed')
      assert.match(error.message, /an HTML page/)
      return true
    })
  })
})

/** Packs an sfnt into WOFF 1.0 (zlib per table), as font tools do. */
function toWoff1(sfnt: Uint8Array): Uint8Array {
  const view = new DataView(sfnt.buffer, sfnt.byteOffset, sfnt.byteLength)
  const numTables = view.getUint16(4)
  const tables = Array.from({ length: numTables }, (_, i) => {
    const r = 12 + 16 * i
    const data = sfnt.subarray(view.getUint32(r + 8), view.getUint32(r + 8) + view.getUint32(r + 12))
    const packed = new Uint8Array(deflateSync(data))
    return { tag: view.getUint32(r), checksum: view.getUint32(r + 4), data, stored: packed.length < data.length ? packed : data }
  })
  let offset = 44 + 20 * numTables
  const parts: Uint8Array[] = []
  const directory = new Uint8Array(20 * numTables)
  const dv = new DataView(directory.buffer)
  tables.forEach((t, i) => {
    dv.setUint32(20 * i, t.tag)
    dv.setUint32(20 * i + 4, offset)
    dv.setUint32(20 * i + 8, t.stored.length)
    dv.setUint32(20 * i + 12, t.data.length)
    dv.setUint32(20 * i + 16, t.checksum)
    const padded = new Uint8Array((t.stored.length + 3) & ~3)
    padded.set(t.stored)
    parts.push(padded)
    offset += padded.length
  })
  const header = new Uint8Array(44)
  const hv = new DataView(header.buffer)
  hv.setUint32(0, 0x774f4646)
  hv.setUint32(4, view.getUint32(0))
  hv.setUint32(8, offset)
  hv.setUint16(12, numTables)
  hv.setUint32(16, sfnt.length)
  return new Uint8Array(Buffer.concat([header, directory, ...parts]))
}

test('JPEG encoded on the calling thread (render pool threads) is the same file as through the thread pool', async () => {
  const surface = paintedSurface()
  const here = new NodePlatform({ encoder: { onThisThread: true } })
  const pooled = await platform.encode(surface, { type: 'jpeg', quality: 85 })
  const own = await here.encode(surface, { type: 'jpeg', quality: 85 })
  assert.deepEqual(Buffer.from(own), Buffer.from(pooled))
  assert.equal((await sharp(own).metadata()).format, 'jpeg')
})

test('fileStamp: the size and time a local file had when the platform read it; undefined before, and for remote files', async () => {
  const platform = new NodePlatform()
  const url = new URL('./fixtures/images/tote.png', import.meta.url).href
  assert.equal(platform.fileStamp(url), undefined)
  const bytes = await platform.fetchBytes(url, { timeoutMs: 5000, maxBytes: 10_000_000 })
  const now = statSync(fileURLToPath(url))
  assert.deepEqual(platform.fileStamp(url), { bytes: now.size, modifiedMs: now.mtimeMs })
  assert.equal(bytes.byteLength, now.size)
  await platform.fetchBytes('data:text/plain,hi', { timeoutMs: 5000, maxBytes: 100 })
  assert.equal(platform.fileStamp('data:text/plain,hi'), undefined)
})
