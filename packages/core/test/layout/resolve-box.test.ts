import { test } from 'node:test'
import assert from 'node:assert/strict'
import { resolveBox } from '../../src/layout/resolve-box.js'
import { resolveLength } from '../../src/layout/resolve-length.js'
import { aspectClassOf, formatCatalog, getFormat, safeRect } from '../../src/formats/format-catalog.js'
import { closestName } from '../../src/errors/closest-name.js'

const canvas = { x: 0, y: 0, width: 1080, height: 1920 }

test('lengths: numbers scale by the unit, units resolve against the frame', () => {
  const ctx = { unit: 0.5, frameWidth: 1000, frameHeight: 400 }
  assert.equal(resolveLength(100, 'x', ctx), 50)
  assert.equal(resolveLength('100px', 'x', ctx), 50)
  assert.equal(resolveLength('10%', 'x', ctx), 100)
  assert.equal(resolveLength('10%', 'y', ctx), 40)
  assert.equal(resolveLength('10%', 'min', ctx), 40)
  assert.equal(resolveLength('10vw', 'y', ctx), 100)
  assert.equal(resolveLength('10vh', 'x', ctx), 40)
  assert.equal(resolveLength('10vmin', 'x', ctx), 40)
  assert.equal(resolveLength('10vmax', 'x', ctx), 100)
  assert.equal(resolveLength('-.5%', 'x', ctx), -5)
})

test('two edges give position and size', () => {
  assert.deepEqual(resolveBox({ left: '10%', right: '10%', top: 100, bottom: 100 }, canvas, 1), { x: 108, y: 100, width: 864, height: 1720 })
})

test('an end edge with a size anchors to the end', () => {
  assert.deepEqual(resolveBox({ right: 20, width: 200, bottom: 40, height: 100 }, canvas, 1), { x: 860, y: 1780, width: 200, height: 100 })
})

test('centre offsets place a sized box around the frame centre', () => {
  assert.deepEqual(resolveBox({ centerX: 0, width: 100, centerY: -10, height: 50 }, canvas, 1), { x: 490, y: 925, width: 100, height: 50 })
})

test('aspectRatio derives the missing size', () => {
  const r = resolveBox({ centerX: 0, top: '6%', width: '80%', aspectRatio: 1 }, canvas, 1)
  assert.equal(r.width, 864)
  assert.equal(r.height, 864)
  assert.equal(r.x, 108)
})

test('aspectRatio with both sizes keeps the ratio, centred between two edges', () => {
  const r = resolveBox({ left: 0, right: 0, top: 0, height: 500, aspectRatio: 1 }, canvas, 1)
  assert.deepEqual(r, { x: 290, y: 0, width: 500, height: 500 })
})

test('no constraints fill the frame; one edge fills the rest of it', () => {
  assert.deepEqual(resolveBox({}, canvas, 1), canvas)
  assert.deepEqual(resolveBox({ left: 80 }, canvas, 1), { x: 80, y: 0, width: 1000, height: 1920 })
})

test('boxes inside a group frame are relative to it', () => {
  const frame = { x: 100, y: 200, width: 300, height: 100 }
  assert.deepEqual(resolveBox({ left: 10, right: '10%', top: 0, bottom: 0 }, frame, 1), { x: 110, y: 200, width: 260, height: 100 })
})

test('the format catalogue has the required ids and sizes', () => {
  const expected: Record<string, [number, number]> = {
    'instagram-square': [1080, 1080],
    'instagram-portrait': [1080, 1350],
    'instagram-story': [1080, 1920],
    tiktok: [1080, 1920],
    'facebook-feed': [1080, 1080],
    'facebook-link': [1200, 628],
    'pinterest-pin': [1000, 1500],
    'youtube-thumbnail': [1280, 720],
    'x-post': [1600, 900],
  }
  for (const [id, [w, h]] of Object.entries(expected)) {
    const f = getFormat(id)
    assert.deepEqual([f.width, f.height], [w, h], id)
  }
  assert.equal(new Set(formatCatalog.map((f) => f.id)).size, formatCatalog.length)
})

test('custom WIDTHxHEIGHT formats work and bad ids are refused with the list', () => {
  assert.deepEqual([getFormat('800x600').width, getFormat('800x600').height], [800, 600])
  assert.throws(() => getFormat('0x600'), /Unknown format/)
  assert.throws(() => getFormat('instagram'), /expected one of instagram-square/)
})

test('a mistyped format id or size gets a "did you mean"; a name far from every id does not', () => {
  assert.throws(() => getFormat('instagram-sqare'), /Unknown format "instagram-sqare" \(did you mean instagram-square\?\): expected one of/)
  assert.throws(() => getFormat('TikTok'), /\(did you mean tiktok\?\)/)
  assert.throws(() => getFormat('1080X1920'), /\(did you mean 1080x1920\?\)/)
  assert.throws(() => getFormat('1080 × 1350'), /\(did you mean 1080x1350\?\)/)
  // Out of range: no size to suggest.
  assert.throws(() => getFormat('0x600'), (e: unknown) => e instanceof Error && !/did you mean/.test(e.message))
  assert.throws(() => getFormat('billboard'), (e: unknown) => e instanceof Error && !/did you mean/.test(e.message))
})

test('closestName finds the nearest name within a few edits, ignoring case', () => {
  assert.equal(closestName('rendr', ['render', 'lint', 'validate']), 'render')
  assert.equal(closestName('VALIDATE', ['render', 'validate']), 'validate')
  assert.equal(closestName('youtube-thumb', ['youtube-thumbnail', 'x-post']), 'youtube-thumbnail')
  assert.equal(closestName('banner', ['instagram-square', 'tiktok']), undefined)
  assert.equal(closestName('x', []), undefined)
})

test('safe zones are data and give a rectangle inside the canvas', () => {
  const story = safeRect(getFormat('tiktok'))
  assert.ok(story.y > 0 && story.y + story.height < 1920 && story.x + story.width < 1080)
  assert.deepEqual(safeRect(getFormat('instagram-square')), { x: 0, y: 0, width: 1080, height: 1080 })
})

test('aspect classes cover 1:1, 4:5, 9:16, 16:9 and 2:3', () => {
  assert.equal(aspectClassOf(1080, 1080), 'square')
  assert.equal(aspectClassOf(1080, 1350), 'portrait')
  assert.equal(aspectClassOf(1080, 1920), 'tall')
  assert.equal(aspectClassOf(1000, 1500), 'tall')
  assert.equal(aspectClassOf(1280, 720), 'landscape')
})
