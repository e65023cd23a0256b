#!/usr/bin/env node
/**
 * Lint benchmark: time per ad of `lint()` on real Scenes of the example product card with risky
 * titles in three markets on TikTok, split into the text rules (words, patterns, data, language:
 * lint without pixels) and the visual rules (rendering the frame and the backdrop, reading them
 * back, contrast and white-background checks). Target: text rules under 1 ms per ad, so 10,000
 * ads lint in seconds. Times are this process's CPU time (user + system).
 *
 * Then the `vitrine lint` CLI (built) on a feed of `--pool-rows` rows (the risky rows repeated)
 * in one market on TikTok, with `--concurrency 1` (main thread) and 2 (worker threads): wall
 * time of the whole command, process start included, best of `--pool-repeats`. `--pool-rows 0`
 * skips it.
 *
 *   pnpm bench:lint [-- --iterations N --pool-rows 300 --pool-repeats 2]
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve as resolvePath } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import os from 'node:os'
import { AssetStore, FontLibrary, bindRow, defaultRuleSet, lint, parseFeed, parseTemplate, renderLintPixels, resolve } from '@vitrine/core'
import { NodePlatform, builtInFontBaseUrl } from '@vitrine/node'
import { exitWithHelpIfAsked } from './lib/help.mjs'

exitWithHelpIfAsked(import.meta.url)

const root = resolvePath(dirname(fileURLToPath(import.meta.url)), '..')
const { values: args } = parseArgs({
  args: process.argv.slice(2).filter((a, i) => !(i === 0 && a === '--')),
  options: {
    iterations: { type: 'string', default: '2000' },
    renders: { type: 'string', default: '30' },
    'pool-rows': { type: 'string', default: '300' },
    'pool-repeats': { type: 'string', default: '2' },
  },
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

const poolRows = Number(args['pool-rows'])
if (poolRows > 0) {
  const tmp = mkdtempSync(join(os.tmpdir(), 'vitrine-bench-lint-'))
  try {
    const lines = readFileSync(join(examples, 'risky-products.csv'), 'utf8').trim().split('\n')
    const header = lines[0]
    const body = lines.slice(1)
    const out = [header]
    for (let i = 0; i < poolRows; i++) {
      const cells = body[i % body.length].split(',')
      cells[0] = `${cells[0]}-${i}`
      cells[4] = join(examples, cells[4])
      out.push(cells.join(','))
    }
    const csv = join(tmp, 'feed.csv')
    writeFileSync(csv, out.join('\n') + '\n')
    const cli = join(root, 'packages/node/dist/cli.js')
    const timed = (concurrency, extra) => {
      const t0 = performance.now()
      let stdout
      try {
        stdout = execFileSync(process.execPath, [cli, 'lint', join(examples, 'product-card.json'), '--data', csv, '--market', 'de-DE', '--platform', 'tiktok', '--json', '--concurrency', String(concurrency), ...extra], {
          maxBuffer: 256 * 1024 * 1024,
          env: { ...process.env, NODE_OPTIONS: '' },
        })
      } catch (error) {
        // Exit code 1 means findings of severity error, which this feed has.
        if (error.status !== 1) throw error
        stdout = error.stdout
      }
      return { ms: performance.now() - t0, stdout: stdout.toString() }
    }
    const repeats = Number(args['pool-repeats'])
    console.log(`vitrine lint CLI, ${poolRows} rows × de-DE × TikTok 1080x1920 (${poolRows} ads), ${os.availableParallelism()} cores; wall time per command, process start included:`)
    for (const extra of [[], ['--text-only']]) {
      const results = {}
      for (const c of [1, 2]) {
        const times = []
        for (let r = 0; r < repeats; r++) {
          const { ms, stdout } = timed(c, extra)
          times.push(ms)
          results[c] = stdout
        }
        const best = Math.min(...times)
        console.log(`  ${(extra[0] ?? 'with renders').padEnd(13)} --concurrency ${c}: ${times.map((t) => (t / 1000).toFixed(2)).join(' / ')} s  (best ${(poolRows / (best / 1000)).toFixed(1)} ads/s)`)
      }
      if (results[1] !== results[2]) console.log('  !! the findings differ between 1 and 2 threads')
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true })
  }
}
