// The pipeline end to end in Node with real fonts, real images and a real Skia canvas.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { AssetStore, bindRow, FontLibrary, formatMoney, parseTemplate, resolve, renderImage, VitrineError, type Scene, type SceneText, type Template } from '@vitrine/core'
import { NodePlatform, builtInFontBaseUrl } from '@vitrine/node'

const root = join(import.meta.dirname, '..', '..')
const parityDir = join(root, 'tests', 'parity')
const platform = new NodePlatform()
const fonts = new FontLibrary(platform, { builtInBaseUrl: builtInFontBaseUrl() })
const card = parseTemplate(readFileSync(join(root, 'examples', 'product-card.json'), 'utf8'))
const assets = () => new AssetStore(platform, { baseUrl: pathToFileURL(parityDir + '/').href })

function bind(template: Template, values: Record<string, unknown>) {
  return bindRow(template, { index: 1, line: 2, pointer: '/rows/0', values }, { rowPointer: '/rows/0' }).values
}

const row = { sku: 'MUG-1', title: 'Ceramic mug', price: '12.90', currency: 'EUR', image: 'assets/mug.png' }

function find(scene: Scene, id: string) {
  const walk = (nodes: Scene['nodes']): Scene['nodes'][number] | undefined => {
    for (const n of nodes) {
      if (n.id === id) return n
      if (n.type === 'group') {
        const c = walk(n.children)
        if (c) return c
      }
    }
  }
  return walk(scene.nodes)
}

test('the Scene is plain data: it survives a JSON round trip unchanged', async () => {
  const scene = await resolve(card, bind(card, row), { format: 'instagram-square', platform, assets: assets(), fonts })
  assert.deepEqual(JSON.parse(JSON.stringify(scene)), scene)
  assert.equal(scene.width, 1080)
  assert.deepEqual(scene.fonts.map((f) => `${f.family} ${f.weight}`).sort(), ['Inter 700', 'Inter 800'])
})

test('money is formatted by the locale', async () => {
  for (const locale of ['de-DE', 'en-IE', 'en-US', 'fr-FR']) {
    const scene = await resolve(card, bind(card, row), { format: 'instagram-square', locale, platform, assets: assets(), fonts })
    const price = find(scene, 'price') as SceneText
    assert.equal(price.lines.map((l) => l.text).join(' '), formatMoney(12.9, 'EUR', locale), locale)
  }
  assert.match(formatMoney(49.99, 'EUR', 'de-DE'), /^49,99\s€$/)
  assert.equal(formatMoney(49.99, 'EUR', 'en-IE'), '€49.99')
})

test('a declarative condition hides the badge when the row has none', async () => {
  const without = await resolve(card, bind(card, row), { format: 'instagram-square', platform, assets: assets(), fonts })
  assert.equal(find(without, 'badge'), undefined)
  const withBadge = await resolve(card, bind(card, { ...row, badge: 'new' }), { format: 'instagram-square', platform, assets: assets(), fonts })
  const text = find(withBadge, 'badge-text') as SceneText
  assert.equal(text.lines[0]?.text, 'NEW')
})

test('one design adapts to every aspect: overrides by aspect class and safe zones', async () => {
  const boxes: Record<string, { x: number; y: number; width: number; height: number }> = {}
  for (const format of ['instagram-square', 'instagram-portrait', 'tiktok', 'facebook-link', 'pinterest-pin', 'youtube-thumbnail', 'x-post']) {
    const scene = await resolve(card, bind(card, row), { format, platform, assets: assets(), fonts })
    const title = find(scene, 'title')!
    const product = find(scene, 'product')!
    for (const n of [title, product]) {
      assert.ok(n.x >= 0 && n.y >= 0 && n.x + n.width <= scene.width + 0.5 && n.y + n.height <= scene.height + 0.5, `${format}: ${n.id} inside the canvas`)
    }
    boxes[format] = title
  }
  // Landscape puts the title on the left half; tall keeps it inside TikTok's safe zone.
  assert.ok(boxes['facebook-link']!.x + boxes['facebook-link']!.width < 1200 * 0.55)
  const tiktok = boxes['tiktok']!
  assert.ok(tiktok.y >= 130 && tiktok.y + tiktok.height <= 1920 - 420, 'title inside the TikTok safe zone')
})

test('shrink-to-fit picks a smaller size for a long title, and reports it', async () => {
  const long = 'Hand-glazed stoneware mug with a wide handle, dishwasher and microwave safe, set of four'
  const scene = await resolve(card, bind(card, { ...row, title: long }), { format: 'instagram-square', platform, assets: assets(), fonts })
  const title = find(scene, 'title') as SceneText
  const report = scene.text.find((t) => t.layer === 'title')!
  assert.equal(report.status, 'shrunk')
  assert.ok(title.fontSize < 62 && title.fontSize >= 34)
  assert.ok(title.lines.length <= 2)
  for (const line of title.lines) assert.ok(line.width <= title.width + 0.01, `line "${line.text}" fits`)
})

test('maxLines truncates with an ellipsis when shrinking is off', async () => {
  const t = parseTemplate({
    schemaVersion: 2,
    size: { width: 400, height: 400 },
    variables: { s: { type: 'text' } },
    layers: [{ id: 't', type: 'text', text: '{s}', fontSize: 30, maxLines: 2, box: { left: 0, top: 0, width: 200, height: 400 } }],
  })
  const scene = await resolve(t, bind(t, { s: 'one two three four five six seven eight nine ten' }), { format: '400x400', platform, assets: assets(), fonts })
  const node = find(scene, 't') as SceneText
  assert.equal(node.lines.length, 2)
  assert.ok(node.lines[1]!.text.endsWith('\u2026'))
  assert.equal(scene.text[0]?.status, 'truncated')
})

test('the shipped Inter draws the text, not a system font', async () => {
  // Inter and DejaVu Sans (installed on many Linux machines) have different advance widths.
  const surface = platform.createSurface(10, 10)
  await fonts.ensure([{ family: 'Inter', weight: 400, style: 'normal' }])
  surface.context.font = '400 100px "Inter"'
  const inter = surface.context.measureText('Vitrine 0123').width
  surface.context.font = '400 100px "Vitrine Missing Family", sans-serif'
  const fallback = surface.context.measureText('Vitrine 0123').width
  assert.notEqual(Math.round(inter), Math.round(fallback))
  // The sum of Inter's advance widths for these glyphs at 100 px (DejaVu Sans gives ~700).
  assert.ok(Math.abs(inter - 560.8) < 1, `Inter width ${inter}`)
})

test('a missing image fails with the row pointer of the field', async () => {
  await assert.rejects(
    resolve(card, bind(card, { ...row, image: 'assets/nope.png' }), { format: 'instagram-square', platform, assets: assets(), fonts, rowPointer: '/rows/7' }),
    (e: unknown) => e instanceof VitrineError && e.code === 'asset/not-found' && e.path === '/rows/7/image',
  )
})

test('renderImage encodes PNG, JPEG and WebP at the format size', async () => {
  for (const type of ['png', 'jpeg', 'webp'] as const) {
    const { bytes, width, height } = await renderImage(card, bind(card, row), { format: 'facebook-link', platform, assets: assets(), fonts, type, quality: 80 })
    assert.deepEqual([width, height], [1200, 628])
    const magic = Buffer.from(bytes.subarray(0, 12))
    if (type === 'png') assert.equal(magic.subarray(1, 4).toString(), 'PNG')
    if (type === 'jpeg') assert.deepEqual([...magic.subarray(0, 2)], [0xff, 0xd8])
    if (type === 'webp') assert.equal(magic.subarray(8, 12).toString(), 'WEBP')
  }
})

test('rendering is deterministic: the same input gives the same bytes', async () => {
  const a = await renderImage(card, bind(card, row), { format: 'instagram-square', platform, assets: assets(), fonts, type: 'png' })
  const b = await renderImage(card, bind(card, row), { format: 'instagram-square', platform, assets: assets(), fonts, type: 'png' })
  assert.deepEqual(Buffer.from(a.bytes), Buffer.from(b.bytes))
})
