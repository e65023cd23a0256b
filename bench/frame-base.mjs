#!/usr/bin/env node
/**
 * Base-bitmap benchmark: renderFrame over the frames of a batch, in the order a batch draws
 * them (each row in every format of the catalogue, then the next row), once with the image
 * lookup that keeps base bitmaps (the AssetStore, as a batch worker uses it) and once with a
 * lookup that keeps nothing (a fresh one per frame), interleaved turn by turn in one process.
 * Prints milliseconds per frame (drawing, rasterising forced by reading a pixel back) for both
 * and their ratio, for a feed of one brand colour and for the example feed (a colour per row,
 * every other row the default one). Scenes are resolved beforehand, untimed.
 *
 *   pnpm bench:frame-base [-- --rows N --turns N]
 */
import { readFileSync } from 'node:fs'
import { dirname, join, resolve as resolvePath } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import { AssetStore, bindRow, FontLibrary, formatCatalog, frameBaseStats, parseCsv, parseTemplate, renderFrame, resolve } from '@vitrine/core'
import { NodePlatform, builtInFontBaseUrl } from '@vitrine/node'
import { exitWithHelpIfAsked } from './lib/help.mjs'

exitWithHelpIfAsked(import.meta.url)

const root = resolvePath(dirname(fileURLToPath(import.meta.url)), '..')
const examples = join(root, 'examples')
const { values: args } = parseArgs({
  args: process.argv.slice(2).filter((a, i) => !(i === 0 && a === '--')),
  options: { rows: { type: 'string', default: '12' }, turns: { type: 'string', default: '3' } },
})
const rowCount = Number(args.rows)
const turns = Number(args.turns)

const platform = new NodePlatform()
const fonts = new FontLibrary(platform, { builtInBaseUrl: builtInFontBaseUrl() })
const store = new AssetStore(platform, { baseUrl: pathToFileURL(examples + '/').href })
const template = parseTemplate(readFileSync(join(examples, 'product-card.json'), 'utf8'))
const feed = parseCsv(readFileSync(join(examples, 'products.csv'), 'utf8')).rows.slice(0, rowCount)
const formats = formatCatalog.map((f) => f.id)

/** Every row in every format, resolved; `brandColor` replaces the feed's when given. */
async function scenesOf(brandColor) {
  const scenes = []
  for (const row of feed) {
    const raw = brandColor ? { ...row, values: { ...row.values, brandColor } } : row
    const { values } = bindRow(template, raw, { rowPointer: row.pointer })
    for (const format of formats) scenes.push(await resolve(template, values, { format, platform, assets: store, fonts }))
  }
  return scenes
}

const surfaces = new Map()
function surfaceFor(width, height) {
  const key = `${width}x${height}`
  if (!surfaces.has(key)) surfaces.set(key, platform.createSurface(width, height))
  return surfaces.get(key)
}

/** Milliseconds per frame over `scenes`, each drawn with `lookup()` and read back one pixel. */
function timeFrames(scenes, lookup) {
  let total = 0
  for (const scene of scenes) {
    const surface = surfaceFor(scene.width, scene.height)
    const t0 = performance.now()
    renderFrame(scene, 0, surface, lookup())
    surface.context.getImageData(0, 0, 1, 1)
    total += performance.now() - t0
  }
  return total / scenes.length
}

// A lookup that keeps nothing: the same pictures, their bounds and scratch surfaces, a new object every frame.
const nothingKept = () => ({ get: (key) => store.get(key), contentBounds: (key) => store.contentBounds(key), createSurface: (w, h, o) => platform.createSurface(w, h, o) })
const kept = () => store

console.log(`Base bitmaps: ${feed.length} rows × ${formats.length} formats of examples/product-card.json, ${turns} turns`)
for (const [label, colour] of [['one brand colour', '#0f766e'], ['the example feed', undefined]]) {
  const scenes = await scenesOf(colour)
  timeFrames(scenes.slice(0, formats.length), nothingKept)
  const without = []
  const withBases = []
  const before = frameBaseStats(store) ?? { frames: 0, hits: 0, builds: 0, evictions: 0, unused: 0 }
  for (let turn = 0; turn < turns; turn++) {
    without.push(timeFrames(scenes, nothingKept))
    withBases.push(timeFrames(scenes, kept))
  }
  const after = frameBaseStats(store)
  const [frames, hits, builds, evictions, unused] = ['frames', 'hits', 'builds', 'evictions', 'unused'].map((k) => after[k] - before[k])
  const best = (xs) => Math.min(...xs)
  console.log(`  ${label}: without bases ${best(without).toFixed(2)} ms/frame, with bases ${best(withBases).toFixed(2)} ms/frame (best of ${turns}), ratio ${(best(withBases) / best(without)).toFixed(2)}`)
  console.log(`    every turn: without ${without.map((x) => x.toFixed(2)).join(' ')}, with ${withBases.map((x) => x.toFixed(2)).join(' ')}`)
  console.log(`    with bases, of ${frames} frames: ${hits} started from a kept bitmap, ${builds} made one (${evictions} let go, ${unused} of them before serving)`)
}
