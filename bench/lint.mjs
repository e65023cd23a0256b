#!/usr/bin/env node
/**
 * Lint benchmark: time per ad of `lint()` on real Scenes of the example product card with risky
 * titles in three markets on TikTok, split into the text rules (words, patterns, data, language:
 * lint without pixels) and the visual rules (rendering the frame and the backdrop, reading them
 * back, contrast and white-background checks). Target: text rules under 1 ms per ad, so 10,000
 * ads lint in seconds. Times are this process's CPU time (user + system).
 *
 *   pnpm bench:lint [-- --iterations N]
 */
import { readFileSync } from 'node:fs'
import { dirname, join, resolve as resolvePath } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import os from 'node:os'
import { AssetStore, FontLibrary, bindRow, defaultRuleSet, lint, parseFeed, parseTemplate, renderLintPixels, resolve } from '@vitrine/core'
import { NodePlatform, builtInFontBaseUrl } from '@vitrine/node'

const root = resolvePath(dirname(fileURLToPath(import.meta.url)), '..')
const { values: args } = parseArgs({
  args: process.argv.slice(2).filter((a, i) => !(i === 0 && a === '--')),
  options: { iterations: { type: 'string', default: '2000' }, renders: { type: 'string', default: '30' } },
})
const iterations = Number(args.iterations)
const renders = Number(args.renders)

const cpu = () => {
  const u = process.cpuUsage()
  return (u.user + u.system) / 1000
}
const examples = join(root, 'examples')
const folder = pathToFileURL(examples + '/').href
const template = parseTemplate(readFileSync(join(examples, 'product-card.json'), 'utf8'))
const feed = parseFeed(readFileSync(join(examples, 'risky-products.csv')), { fileName: 'risky-products.csv' })
const platform = new NodePlatform()
const assets = new AssetStore(platform, { baseUrl: folder, allowedRoots: [folder] })
const fonts = new FontLibrary(platform, { builtInBaseUrl: builtInFontBaseUrl() })
const markets = ['zh-CN', 'de-DE', 'fr-FR']

let t = cpu()
const rules = defaultRuleSet()
const rulesMs = cpu() - t

const ads = []
for (const row of feed.rows) {
  const { values } = bindRow(template, row, { rowPointer: row.pointer })
  for (const market of markets) {
    const scene = await resolve(template, values, { format: 'tiktok', locale: market, market, platform, assets, fonts })
    ads.push({ scene, market, data: row.values })
  }
}
const options = (ad) => ({ market: ad.market, platform: 'tiktok', rules, template, data: ad.data, date: '2026-10-01' })
// Warm up: compile the rule set's patterns and the normaliser.
for (const ad of ads) lint(ad.scene, options(ad))

t = cpu()
let findings = 0
for (let i = 0; i < iterations; i++) {
  const ad = ads[i % ads.length]
  findings += lint(ad.scene, options(ad)).length
}
const textMs = (cpu() - t) / iterations

const surface = platform.createSurface(1080, 1920)
t = cpu()
let renderMs = 0
for (let i = 0; i < renders; i++) {
  const ad = ads[i % ads.length]
  const r0 = cpu()
  const pixels = renderLintPixels(ad.scene, { platform, images: assets, surface })
  renderMs += cpu() - r0
  lint(ad.scene, { ...options(ad), pixels })
}
const visualMs = (cpu() - t) / renders

console.log(`Lint, ${ads.length} ads (example product card × ${feed.rows.length} risky rows × ${markets.join(', ')}, TikTok 1080x1920), ${rules.rules.length} rules; ${os.cpus()[0]?.model ?? 'cpu'}`)
console.log(`  rule set compiled once:        ${rulesMs.toFixed(1)} ms`)
console.log(`  text rules (no pixels):        ${textMs.toFixed(3)} ms per ad  (${Math.round(1000 / textMs)} ads/s; 10,000 ads in ${((textMs * 10000) / 1000).toFixed(1)} s)  target < 1 ms`)
console.log(`  visual rules (with pixels):    ${visualMs.toFixed(2)} ms per ad  (of which rendering frame + backdrop and reading back: ${(renderMs / renders).toFixed(2)} ms)`)
console.log(`  findings per ad:               ${(findings / iterations).toFixed(2)}`)
