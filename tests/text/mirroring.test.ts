// Right-to-left markets mirror the layout: places, rotation, left/right alignment, per-corner
// radii and flagged gradients flip; layers (and groups) with `mirror: false` stay as designed.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { AssetStore, bindRow, directionOf, FontLibrary, parseTemplate, resolve, type Scene, type SceneNode } from '@vitrine/core'
import { NodePlatform, builtInFontBaseUrl } from '@vitrine/node'

const scenes = join(import.meta.dirname, '..', 'parity', 'scenes')
const platform = new NodePlatform()
const fonts = new FontLibrary(platform, { builtInBaseUrl: builtInFontBaseUrl() })
const template = parseTemplate(readFileSync(join(scenes, 'mirror.template.json'), 'utf8'))

async function sceneFor(locale: string): Promise<Scene> {
  const { values } = bindRow(template, { index: 1, line: 1, pointer: '/rows/0', values: { title: 'Summer sale' } }, { rowPointer: '/rows/0' })
  return resolve(template, values, { format: '800x450', locale, platform, assets: new AssetStore(platform, { baseUrl: pathToFileURL(scenes + '/').href }), fonts })
}
function byId(scene: Scene): Map<string, SceneNode> {
  const out = new Map<string, SceneNode>()
  const walk = (nodes: SceneNode[]) => nodes.forEach((n) => (out.set(n.id, n), n.type === 'group' && walk(n.children)))
  walk(scene.nodes)
  return out
}

test('directionOf: right-to-left languages and scripts', () => {
  for (const tag of ['ar', 'ar-SA', 'ar-AE', 'he-IL', 'fa-IR', 'ur-PK', 'ps', 'pa-Arab', 'az-Arab-IR', 'ar-XB']) assert.equal(directionOf(tag), 'rtl', tag)
  for (const tag of ['en-US', 'de-DE', 'ja-JP', 'zh-Hant-TW', 'th-TH', 'hi-IN', 'ku-Latn', 'en-XA', 'und']) assert.equal(directionOf(tag), 'ltr', tag)
})

test('a right-to-left market mirrors places, rotation, alignment and corners; opted-out layers stay', async () => {
  const ltr = byId(await sceneFor('en-US'))
  const rtl = await sceneFor('ar-SA')
  assert.equal(rtl.direction, 'rtl')
  const r = byId(rtl)
  const mirroredX = (id: string) => 800 - ltr.get(id)!.x - ltr.get(id)!.width
  for (const id of ['panel', 'title', 'note', 'sticker']) assert.equal(r.get(id)!.x, mirroredX(id), id)
  for (const id of ['logo', 'logo-mark', 'logo-word', 'photo']) assert.equal(r.get(id)!.x, ltr.get(id)!.x, `${id} opted out`)
  assert.equal(r.get('sticker')!.rotation, -12)
  const panel = r.get('panel')!
  assert.ok(panel.type === 'rect')
  assert.deepEqual(panel.radii, [4, 32, 4, 4])
  // The note says align: left; mirrored, it ends at the right edge of its box.
  const note = r.get('note')!
  assert.ok(note.type === 'text')
  const line = note.lines[0]!
  assert.ok(Math.abs(line.x + line.width - (note.x + note.width)) <= 1)
})

test('gradients flip only where flagged', async () => {
  const ltr = await sceneFor('en-US')
  const rtl = await sceneFor('ar-SA')
  assert.ok(ltr.background?.type === 'linear' && rtl.background?.type === 'linear')
  assert.ok(ltr.background.x0 < ltr.background.x1 && rtl.background.x0 > rtl.background.x1, 'the flagged background runs the other way')
  const panel = byId(rtl).get('panel')!
  const ltrPanel = byId(ltr).get('panel')!
  assert.ok(panel.type === 'rect' && panel.fill?.type === 'radial' && ltrPanel.type === 'rect' && ltrPanel.fill?.type === 'radial')
  assert.equal(Math.round(panel.fill.cx - panel.x), Math.round(ltrPanel.x + ltrPanel.width - ltrPanel.fill.cx))
})

test('a contained picture placed by its focal point moves to the other edge; a covering one keeps the part of the picture it shows', async () => {
  const doc = parseTemplate(
    JSON.stringify({
      schemaVersion: 3,
      size: { width: 800, height: 450 },
      variables: {},
      layers: [
        { id: 'contained', type: 'image', src: 'mug.png', fit: 'contain', focalPoint: { x: 0, y: 0.5 }, box: { left: 40, top: 40, width: 400, height: 120 } },
        { id: 'covered', type: 'image', src: 'landscape.png', fit: 'cover', focalPoint: { x: 0.2, y: 0.5 }, box: { left: 40, top: 200, width: 160, height: 200 } },
      ],
    }),
  )
  const render = async (locale: string) => {
    const assets = new AssetStore(platform, { baseUrl: pathToFileURL(join(scenes, '..', 'assets') + '/').href })
    return byId(await resolve(doc, {}, { format: '800x450', locale, platform, assets, fonts }))
  }
  const ltr = await render('en-US')
  const rtl = await render('ar-SA')
  const contained = (m: Map<string, SceneNode>) => m.get('contained') as Extract<SceneNode, { type: 'image' }>
  const covered = (m: Map<string, SceneNode>) => m.get('covered') as Extract<SceneNode, { type: 'image' }>
  // Left to right: the picture hugs its box's left edge; mirrored, the box moves and the picture hugs its right edge.
  assert.equal(contained(ltr).dest.x, contained(ltr).x)
  assert.equal(contained(rtl).x, 800 - 40 - 400)
  assert.ok(Math.abs(contained(rtl).dest.x + contained(rtl).dest.width - (contained(rtl).x + contained(rtl).width)) < 0.01, JSON.stringify(contained(rtl).dest))
  assert.ok(contained(ltr).dest.width < 400, 'the picture is narrower than its box')
  // The covering picture shows the same part of the photo in both directions (pictures are never flipped).
  assert.deepEqual(covered(rtl).crop, covered(ltr).crop)
  assert.equal(covered(rtl).x, 800 - 40 - 160)
})
