// A text laid out once in a font library is not measured again: the same text in the same
// fonts, box and settings comes back from the kept layouts (text/kept-layouts.ts), and the
// Scene is the one a fresh library gives. Anything the layout depends on makes a new one.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { AssetStore, bindRow, FontLibrary, parseTemplate, resolve, type Platform } from '@vitrine/core'
import { NodePlatform, builtInFontBaseUrl } from '@vitrine/node'

const root = join(import.meta.dirname, '..', '..')
const card = parseTemplate(readFileSync(join(root, 'examples', 'product-card.json'), 'utf8'))

/** A Node platform whose surfaces count the text they measure (resolve measures on one of them). */
function countingPlatform() {
  const node = new NodePlatform()
  let measured = 0
  const platform: Platform = Object.create(node)
  platform.createSurface = (width, height, options) => {
    const surface = node.createSurface(width, height, options)
    const measure = surface.context.measureText.bind(surface.context)
    surface.context.measureText = (text: string) => {
      measured++
      return measure(text)
    }
    return surface
  }
  return { platform, measured: () => measured }
}

async function resolveCard(platform: Platform, fonts: FontLibrary, title: string, format = 'instagram-square', locale = 'en-US') {
  const row = { sku: 'X-1', title, price: '12.90', currency: 'EUR', image: 'assets/mug.png', badge: 'New' }
  const { values } = bindRow(card, { index: 1, line: 2, pointer: '/rows/0', values: row }, { rowPointer: '/rows/0' })
  const assets = new AssetStore(platform, { baseUrl: pathToFileURL(join(root, 'tests', 'parity') + '/').href })
  return resolve(card, values, { format, locale, platform, assets, fonts })
}

test('a text laid out once is not measured again, and gives the Scene a fresh font library gives', async () => {
  const { platform, measured } = countingPlatform()
  const fonts = new FontLibrary(platform, { builtInBaseUrl: builtInFontBaseUrl() })
  const title = 'Enamel camping mug with a very long name that has to shrink to fit'
  const first = await resolveCard(platform, fonts, title)
  const afterFirst = measured()
  assert.ok(afterFirst > 20, `the first layout measures (${afterFirst} times)`)
  const again = await resolveCard(platform, fonts, title)
  assert.equal(measured(), afterFirst, 'the same row again: nothing measured')
  assert.deepEqual(again, first)
  assert.ok(first.text.some((t) => t.status === 'shrunk'), 'the title was shrunk: a search that was not run again')

  // Another title: only the title is laid out anew (the price and the badge are kept).
  const other = await resolveCard(platform, fonts, 'Enamel camping mug')
  const titleOnly = measured() - afterFirst
  assert.ok(titleOnly > 0 && titleOnly < afterFirst, `another title measures its own text only (${titleOnly} of ${afterFirst})`)
  assert.notDeepEqual(other.nodes, first.nodes)

  // Another box (another format) and another locale are laid out anew, and each equals what a
  // fresh library lays out.
  for (const [format, locale] of [
    ['facebook-link', 'en-US'],
    ['instagram-square', 'de-DE'],
  ] as const) {
    const before = measured()
    const scene = await resolveCard(platform, fonts, title, format, locale)
    assert.ok(measured() > before, `${format}, ${locale}: laid out anew`)
    const fresh = countingPlatform()
    assert.deepEqual(scene, await resolveCard(fresh.platform, new FontLibrary(fresh.platform, { builtInBaseUrl: builtInFontBaseUrl() }), title, format, locale))
  }
  // Another font library lays the same text out itself.
  const before = measured()
  assert.deepEqual(await resolveCard(platform, new FontLibrary(platform, { builtInBaseUrl: builtInFontBaseUrl() }), title), first)
  assert.ok(measured() > before, 'another library measures for itself')

  // New bytes for a face the library has: its layouts are forgotten, and made again.
  const boldFile = readFileSync(join(root, 'packages', 'core', 'fonts', 'Inter_700Bold.ttf'))
  await fonts.addBytes({ family: 'Inter', weight: 700, style: 'normal' }, new Uint8Array(boldFile))
  const beforeNewBytes = measured()
  assert.deepEqual(await resolveCard(platform, fonts, title), first)
  assert.ok(measured() > beforeNewBytes, 'laid out again after new bytes for a face')
})
