import { expect } from '@esm-bundle/chai'
import { BrowserPlatform, builtInFontBaseUrl } from '../src/browser/index.js'
import { fontBaseUrlFor } from '../src/browser/built-in-font-base-url.js'
import { VitrineError } from '../src/errors/vitrine-error.js'
import { FontLibrary } from '../src/text/font-library.js'

const platform = new BrowserPlatform()
const fixture = (name: string) => new URL(`./fixtures/${name}`, import.meta.url).href
const testRoute = (route: string) => new URL(`/__vitrine-test__/${route}`, location.href).href

async function rejection(promise: Promise<unknown>): Promise<VitrineError> {
  try {
    await promise
  } catch (error) {
    expect(error, String(error)).to.be.instanceOf(VitrineError)
    return error as VitrineError
  }
  throw new Error('expected a rejection, but it resolved')
}

function pixels(source: CanvasImageSource, width: number, height: number): Uint8ClampedArray {
  const canvas = new OffscreenCanvas(width, height)
  const ctx = canvas.getContext('2d')!
  ctx.drawImage(source, 0, 0)
  return ctx.getImageData(0, 0, width, height).data
}

async function canvasBytes(type: string, draw: (ctx: OffscreenCanvasRenderingContext2D) => void, width = 8, height = 8): Promise<Uint8Array> {
  const canvas = new OffscreenCanvas(width, height)
  draw(canvas.getContext('2d')!)
  return new Uint8Array(await (await canvas.convertToBlob({ type, quality: 1 })).arrayBuffer())
}

describe('BrowserPlatform surfaces', () => {
  it('makes OffscreenCanvas surfaces at the asked size that draw', () => {
    const surface = platform.createSurface(300, 200)
    expect(surface.canvas).to.be.instanceOf(OffscreenCanvas)
    expect([surface.width, surface.height]).to.deep.equal([300, 200])
    surface.context.fillStyle = '#ff0000'
    surface.context.fillRect(0, 0, 10, 10)
    const ctx = surface.context as OffscreenCanvasRenderingContext2D
    expect(Array.from(ctx.getImageData(5, 5, 1, 1).data)).to.deep.equal([255, 0, 0, 255])
  })

  it('falls back to a detached <canvas> when asked (as where OffscreenCanvas is missing)', () => {
    const surface = new BrowserPlatform({ canvas: 'element' }).createSurface(40, 30)
    expect(surface.canvas).to.be.instanceOf(HTMLCanvasElement)
    const canvas = surface.canvas as HTMLCanvasElement
    expect([canvas.width, canvas.height]).to.deep.equal([40, 30])
    expect(canvas.isConnected).to.equal(false)
  })

  it('refuses sizes that are not positive whole numbers', () => {
    for (const [w, h] of [
      [0, 10],
      [10, -1],
      [10.5, 10],
      [Number.NaN, 10],
    ] as const) {
      expect(() => platform.createSurface(w, h)).to.throw(VitrineError, /positive whole width and height/)
    }
  })
})

describe('BrowserPlatform.decodeImage', () => {
  it('decodes a PNG made here, pixel for pixel', async () => {
    const bytes = await canvasBytes('image/png', (ctx) => {
      ctx.fillStyle = '#123456'
      ctx.fillRect(0, 0, 8, 8)
      ctx.fillStyle = '#fedcba'
      ctx.fillRect(4, 0, 4, 8)
    })
    const image = await platform.decodeImage(bytes)
    expect([image.width, image.height]).to.deep.equal([8, 8])
    const data = pixels(image.source as ImageBitmap, 8, 8)
    expect(Array.from(data.subarray(0, 4))).to.deep.equal([0x12, 0x34, 0x56, 255])
    expect(Array.from(data.subarray(7 * 4, 8 * 4))).to.deep.equal([0xfe, 0xdc, 0xba, 255])
    image.close?.()
  })

  it('decodes a JPEG made here', async () => {
    const bytes = await canvasBytes('image/jpeg', (ctx) => {
      ctx.fillStyle = '#3366cc'
      ctx.fillRect(0, 0, 32, 16)
    }, 32, 16)
    expect(Array.from(bytes.subarray(0, 3))).to.deep.equal([0xff, 0xd8, 0xff])
    const image = await platform.decodeImage(bytes)
    expect([image.width, image.height]).to.deep.equal([32, 16])
    const [r, g, b] = pixels(image.source as ImageBitmap, 32, 16).subarray(16 * 4 * 8 + 16 * 4)
    expect(Math.abs(r! - 0x33) + Math.abs(g! - 0x66) + Math.abs(b! - 0xcc)).to.be.below(8)
  })

  // The fixtures and what Skia draws for them come from fixtures/make-fixtures.mjs.
  describe('draws the same pixels as Skia in Node', () => {
    let expected: Record<string, { width: number; height: number; pixels: { x: number; y: number; rgba: number[] }[] }>
    before(async () => {
      expected = await (await fetch(fixture('skia-expected.json'))).json()
    })
    for (const [name, what] of [
      ['alpha-ramp.png', 'semi-transparent PNG'],
      ['display-p3.png', 'PNG with a Display P3 ICC profile'],
      ['display-p3.jpg', 'JPEG with a Display P3 ICC profile'],
      ['gamma-1.png', 'PNG with a gAMA chunk'],
      ['exif-orientation-6.jpg', 'JPEG rotated by EXIF orientation 6'],
      ['ramp.webp', 'lossless WebP with alpha'],
    ]) {
      it(`${what} (${name})`, async () => {
        const bytes = new Uint8Array(await (await fetch(fixture(name!))).arrayBuffer())
        const image = await platform.decodeImage(bytes)
        const want = expected[name!]!
        expect([image.width, image.height], 'size').to.deep.equal([want.width, want.height])
        const data = pixels(image.source as ImageBitmap, image.width, image.height)
        for (const { x, y, rgba } of want.pixels) {
          const at = (y * image.width + x) * 4
          // Exact today; 1 level of slack for rounding differences between versions.
          const got = Array.from(data.subarray(at, at + 4))
          got.forEach((v, i) => expect(Math.abs(v - rgba[i]!), `pixel ${x},${y}: ${got} vs Skia ${rgba}`).to.be.at.most(1))
        }
      })
    }
  })

  it('rejects corrupt bytes with asset/corrupt and says what they were', async () => {
    const truncated = (await canvasBytes('image/png', (ctx) => ctx.fillRect(0, 0, 8, 8))).subarray(0, 30)
    const cases: [Uint8Array, RegExp][] = [
      [new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 9]), /9 bytes starting with 01 02 03/],
      [new TextEncoder().encode('<!DOCTYPE html><html><body>Not found</body></html>'), /an HTML page/],
      [new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>'), /SVG/],
      [new Uint8Array(0), /an empty file/],
      [truncated, /starting with 89 50 4e 47/],
    ]
    for (const [bytes, message] of cases) {
      const error = await rejection(platform.decodeImage(bytes))
      expect(error.code).to.equal('asset/corrupt')
      expect(error.message).to.match(/expected PNG, JPEG, WebP or GIF data/)
      expect(error.message).to.match(message)
    }
  })
})

describe('BrowserPlatform fonts', () => {
  const sample = 'Hamburgefonstiv 0123456789'
  const width = (font: string) => {
    const ctx = new OffscreenCanvas(10, 10).getContext('2d')!
    ctx.font = font
    return ctx.measureText(sample).width
  }

  it('finds the built-in fonts next to the module, from the sources and from dist/browser.js', async () => {
    expect(builtInFontBaseUrl()).to.match(/\/packages\/core\/fonts\/$/)
    expect(fontBaseUrlFor('https://cdn.example/@vitrine/core/dist/browser.js')).to.equal('https://cdn.example/@vitrine/core/fonts/')
    expect(fontBaseUrlFor('http://localhost:5173/node_modules/@vitrine/core/src/browser/built-in-font-base-url.ts?v=1')).to.equal(
      'http://localhost:5173/node_modules/@vitrine/core/fonts/',
    )
    const response = await fetch(builtInFontBaseUrl() + 'Inter_400Regular.ttf')
    expect(response.status).to.equal(200)
  })

  it('registers a face from bytes, and that face is what draws', async () => {
    const family = 'Vitrine Test Face'
    const bytes = await platform.fetchBytes(builtInFontBaseUrl() + 'Inter_700Bold.ttf', { timeoutMs: 10_000, maxBytes: 5_000_000 })
    const fallback = width(`700 40px "${family}", monospace`)
    await platform.registerFont({ family, weight: 700, style: 'normal', bytes })
    expect(document.fonts.check(`700 40px "${family}"`)).to.equal(true)
    const registered = width(`700 40px "${family}", monospace`)
    expect(registered).to.not.be.closeTo(fallback, 1)
    expect(registered).to.not.be.closeTo(width('700 40px serif'), 1)
    expect(registered).to.not.be.closeTo(width('700 40px sans-serif'), 1)
  })

  it('draws the shipped Inter through FontLibrary, not a system font', async () => {
    const fonts = new FontLibrary(platform, { builtInBaseUrl: builtInFontBaseUrl() })
    const before = width('400 40px "Inter", monospace')
    await fonts.ensure([
      { family: 'Inter', weight: 400, style: 'normal' },
      { family: 'Inter', weight: 700, style: 'italic' },
    ])
    const faces = [...document.fonts].filter((f) => f.family.replace(/"/g, '') === 'Inter')
    expect(faces.map((f) => `${f.weight} ${f.style} ${f.status}`).sort()).to.deep.equal(['400 normal loaded', '700 italic loaded'])
    expect(document.fonts.check('400 40px "Inter"')).to.equal(true)
    const regular = width('400 40px "Inter", monospace')
    expect(regular).to.not.be.closeTo(before, 1)
    // The same file registered under a name no system can have measures the same.
    const bytes = await platform.fetchBytes(builtInFontBaseUrl() + 'Inter_400Regular.ttf', { timeoutMs: 10_000, maxBytes: 5_000_000 })
    await platform.registerFont({ family: 'Vitrine Inter Copy', weight: 400, style: 'normal', bytes })
    expect(width('400 40px "Vitrine Inter Copy", monospace')).to.equal(regular)
    expect(width('italic 700 40px "Inter", monospace')).to.not.equal(regular)
  })

  it('rejects bytes that are not a font with font/load-failed', async () => {
    const error = await rejection(platform.registerFont({ family: 'Broken', weight: 400, style: 'normal', bytes: new Uint8Array(100).fill(3) }))
    expect(error.code).to.equal('font/load-failed')
    expect(error.message).to.match(/Broken 400 normal.*expected TTF, OTF, WOFF or WOFF2 data, found 100 bytes/)
  })
})

describe('BrowserPlatform.encode', () => {
  const surface = platform.createSurface(64, 48)
  const ctx = surface.context
  ctx.fillStyle = '#204080'
  ctx.fillRect(0, 0, 64, 48)
  ctx.fillStyle = '#f0c020'
  ctx.fillRect(16, 12, 32, 24)

  const magic = {
    png: (b: Uint8Array) => Array.from(b.subarray(0, 8)).join() === '137,80,78,71,13,10,26,10',
    jpeg: (b: Uint8Array) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
    webp: (b: Uint8Array) => new TextDecoder().decode(b.subarray(0, 4)) === 'RIFF' && new TextDecoder().decode(b.subarray(8, 12)) === 'WEBP',
  }

  for (const type of ['png', 'jpeg', 'webp'] as const) {
    it(`writes ${type} that decodes back to the picture`, async () => {
      const bytes = await platform.encode(surface, { type, quality: 90 })
      expect(magic[type](bytes), `magic bytes of ${type}`).to.equal(true)
      const image = await platform.decodeImage(bytes)
      expect([image.width, image.height]).to.deep.equal([64, 48])
      const data = pixels(image.source as ImageBitmap, 64, 48)
      const centre = (24 * 64 + 32) * 4
      const [r, g, b] = data.subarray(centre, centre + 3)
      expect(Math.abs(r! - 0xf0) + Math.abs(g! - 0xc0) + Math.abs(b! - 0x20)).to.be.below(type === 'png' ? 1 : 12)
    })
  }

  it('uses the quality setting', async () => {
    const noisy = platform.createSurface(128, 128)
    for (let i = 0; i < 128; i++) {
      noisy.context.fillStyle = `hsl(${(i * 37) % 360} 80% 50%)`
      noisy.context.fillRect((i * 13) % 128, (i * 29) % 128, 17, 9)
    }
    for (const type of ['jpeg', 'webp'] as const) {
      const low = await platform.encode(noisy, { type, quality: 10 })
      const high = await platform.encode(noisy, { type, quality: 95 })
      expect(low.length, `${type} q10 vs q95`).to.be.below(high.length)
    }
  })

  it('encodes <canvas> surfaces too', async () => {
    const element = new BrowserPlatform({ canvas: 'element' }).createSurface(10, 10)
    element.context.fillRect(0, 0, 10, 10)
    expect(magic.png(await platform.encode(element, { type: 'png' }))).to.equal(true)
    expect(magic.jpeg(await platform.encode(element, { type: 'jpeg', quality: 80 }))).to.equal(true)
  })

  it('refuses a quality outside 1..100 and unknown types', async () => {
    expect((await rejection(platform.encode(surface, { type: 'jpeg', quality: 0 }))).message).to.match(/from 1 to 100, found 0/)
    expect((await rejection(platform.encode(surface, { type: 'gif' as 'png' }))).message).to.match(/expected "png", "jpeg" or "webp"/)
  })
})

describe('BrowserPlatform.fetchBytes', () => {
  const limits = { timeoutMs: 5_000, maxBytes: 1_000_000 }

  it('fetches same-origin bytes', async () => {
    const bytes = await platform.fetchBytes(fixture('alpha-ramp.png'), limits)
    expect(Array.from(bytes.subarray(0, 4))).to.deep.equal([0x89, 0x50, 0x4e, 0x47])
  })

  it('maps 404 and other failures to asset/not-found', async () => {
    for (const url of [fixture('missing.png'), testRoute('status?code=500')]) {
      const error = await rejection(platform.fetchBytes(url, limits))
      expect(error.code).to.equal('asset/not-found')
      expect(error.message).to.contain(url)
    }
    const refused = await rejection(platform.fetchBytes('http://127.0.0.1:1/nothing.png', limits))
    expect(refused.code).to.equal('asset/not-found')
  })

  it('gives up on a slow server with asset/timeout', async () => {
    const started = performance.now()
    const error = await rejection(platform.fetchBytes(testRoute('slow?delay=5000'), { timeoutMs: 300, maxBytes: 1000 }))
    expect(error.code).to.equal('asset/timeout')
    expect(error.message).to.match(/within 300 ms/)
    expect(performance.now() - started).to.be.below(2_500)
  })

  it('gives up on a body that stalls half-way with asset/timeout', async () => {
    const error = await rejection(platform.fetchBytes(testRoute('stall?bytes=2048&delay=5000'), { timeoutMs: 500, maxBytes: 1_000_000 }))
    expect(error.code).to.equal('asset/timeout')
  })

  it('refuses bodies over the limit, declared or streamed, with asset/too-large', async () => {
    const declared = await rejection(platform.fetchBytes(testRoute('bytes?size=200000'), { timeoutMs: 5_000, maxBytes: 100_000 }))
    expect(declared.code).to.equal('asset/too-large')
    expect(declared.message).to.match(/at most 100000 bytes, found Content-Length 200000/)
    const streamed = await rejection(platform.fetchBytes(testRoute('bytes?size=3000000&length=0'), { timeoutMs: 5_000, maxBytes: 100_000 }))
    expect(streamed.code).to.equal('asset/too-large')
    expect(streamed.message).to.match(/found more than 100000 bytes/)
  })

  it('accepts a body of exactly the limit', async () => {
    for (const query of ['bytes?size=100000', 'bytes?size=100000&length=0']) {
      const bytes = await platform.fetchBytes(testRoute(query), { timeoutMs: 5_000, maxBytes: 100_000 })
      expect(bytes.length).to.equal(100_000)
      expect(bytes[99_999]).to.equal(7)
    }
  })
})
