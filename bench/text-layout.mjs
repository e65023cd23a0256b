#!/usr/bin/env node
/**
 * Text layout benchmark: paragraphs laid out per second for a two-line title in each script
 * (fonts assigned once, then `layoutText` alone: breaks, bidi, measuring, runs), and the cost of
 * text as a share of a whole card render (the example product card in Node, JPEG): the render
 * time of the card with its texts minus the same card with empty texts, over the full render
 * time. Times are this process's CPU time (user + system), which other work on the machine
 * disturbs far less than wall-clock time. The text's cost is then split by renderImage's own
 * (wall-clock) timings into resolving (fonts, messages, line breaking, bidi, measuring and
 * fitting: the layout) and drawing + encoding (glyph rasterisation, and JPEG coding of the
 * text's edges). The target (under 20 %) is for the cost of layout as a share of a card; the
 * whole text's share, drawing included, is printed beside it.
 *
 *   pnpm bench:text [-- --iterations N --renders N]
 */
import { readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import os from 'node:os'
import { AssetStore, assignFonts, bindRow, cssFontAt, directionOf, FontLibrary, layoutText, parseTemplate, renderImage } from '@vitrine/core'
import { NodePlatform, builtInFontBaseUrl } from '@vitrine/node'
import { exitWithHelpIfAsked } from './lib/help.mjs'

exitWithHelpIfAsked(import.meta.url)

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const { values: args } = parseArgs({
  args: process.argv.slice(2).filter((a, i) => !(i === 0 && a === '--')),
  options: { iterations: { type: 'string', default: '300' }, renders: { type: 'string', default: '40' } },
})
const iterations = Number(args.iterations)
const renders = Number(args.renders)

/** A two-line title per script, with the locale it is laid out for. */
const titles = [
  ['Latin', 'en-US', 'Waterproof trail running shoes with a recycled knit upper'],
  ['Cyrillic', 'ru-RU', 'Водонепроницаемые кроссовки с подошвой повышенного сцепления'],
  ['Arabic + Latin', 'ar-SA', 'حذاء جري مقاوم للماء من Vitrine بنعل مطاطي بسعر 49.99 ر.س.'],
  ['Hebrew', 'he-IL', 'נעלי ריצה עמידות למים מבית Vitrine עם סוליית גומי'],
  ['Thai', 'th-TH', 'รองเท้าวิ่งกันน้ำพร้อมพื้นยางยึดเกาะดีเยี่ยมสำหรับทุกสภาพถนน'],
  ['Devanagari', 'hi-IN', 'मज़बूत पकड़ वाले सोल के साथ वाटरप्रूफ़ ट्रेल रनिंग जूते'],
  ['Japanese', 'ja-JP', '防水トレイルランニングシューズ、リサイクルニットのアッパー'],
  ['Chinese', 'zh-CN', '防水越野跑鞋，采用再生针织鞋面和高抓地力鞋底'],
  ['Korean', 'ko-KR', '재활용 니트 갑피와 접지력 좋은 밑창의 방수 트레일 러닝화'],
  ['Emoji', 'en-US', 'Summer sale 🔥 sneakers 👟 for the whole family 👨‍👩‍👧‍👦'],
]

const platform = new NodePlatform()
const fonts = new FontLibrary(platform, { builtInBaseUrl: builtInFontBaseUrl() })
const ctx = platform.createSurface(1, 1).context
const face = { family: 'Inter', weight: 700, style: 'normal' }
// CPU time of this process (ms): steadier than wall time on a machine shared with other work.
const now = () => {
  const { user, system } = process.cpuUsage()
  return (user + system) / 1000
}

const card = parseTemplate(readFileSync(join(root, 'examples/product-card.json'), 'utf8'))
const blank = structuredClone(card)
const blankTexts = (layers) => layers.forEach((l) => (l.type === 'text' ? (l.text = '') : l.type === 'group' && blankTexts(l.children)))
blankTexts(blank.layers)
const assets = new AssetStore(platform, { baseUrl: pathToFileURL(join(root, 'tests/parity') + '/').href })
const row = (title) => ({ sku: 'B-1', title, price: '49.99', currency: 'EUR', image: 'assets/mug.png', badge: 'New' })

/** Median ms of a card render with the title and of the same card with empty texts, interleaved so both see the same machine load. */
async function cardMs(title, locale) {
  const render = (template) => {
    const { values } = bindRow(template, { index: 1, line: 2, pointer: '/rows/0', values: row(title) })
    return () => renderImage(template, values, { format: 'instagram-square', locale, platform, assets, fonts, type: 'jpeg', quality: 85 })
  }
  const full = render(card)
  const empty = render(blank)
  for (let i = 0; i < 5; i++) await full(), await empty()
  const times = { full: [], empty: [] }
  const parts = { full: { resolve: [], paint: [] }, empty: { resolve: [], paint: [] } }
  for (let i = 0; i < renders; i++) {
    for (const [name, f] of [['full', full], ['empty', empty]]) {
      const t0 = now()
      const { timings } = await f()
      times[name].push(now() - t0)
      parts[name].resolve.push(timings.resolveMs)
      parts[name].paint.push(timings.drawMs + timings.encodeMs)
    }
  }
  const median = (a) => a.sort((x, y) => x - y)[Math.floor(a.length / 2)]
  return {
    full: median(times.full),
    empty: median(times.empty),
    resolveMs: median(parts.full.resolve) - median(parts.empty.resolve),
    paintMs: median(parts.full.paint) - median(parts.empty.paint),
  }
}

console.log(`Text layout, ${iterations} layouts and ${renders} card renders per script (median CPU time per card), Node ${process.version}, load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores\n`)
console.log('script            paragraphs/s   lines   card ms   text ms   text share   of which: resolve ms  draw+encode ms   layout share')
const results = []
for (const [name, locale, text] of titles) {
  const { runs } = await assignFonts(text, { primary: face, fonts, locale })
  const input = {
    text,
    fontAt: cssFontAt(face),
    runs: runs.map((r) => ({ start: r.start, end: r.end, fontAt: cssFontAt(r.face) })),
    fontSize: 48,
    minFontSize: 24,
    shrink: true,
    lineHeight: 1.2,
    letterSpacing: 0,
    width: 760,
    height: 130,
    align: 'start',
    direction: directionOf(locale),
    verticalAlign: 'top',
    metrics: { ascent: 0.97, descent: 0.24 },
    locale,
  }
  let lines = 0
  for (let i = 0; i < 20; i++) lines = layoutText(ctx, input).lines.length
  const t0 = now()
  for (let i = 0; i < iterations; i++) layoutText(ctx, input)
  const perSecond = iterations / ((now() - t0) / 1000)
  const { full, empty, resolveMs, paintMs } = await cardMs(text, locale)
  const textMs = Math.max(0, full - empty)
  const share = textMs / full
  // Layout: the text's resolving time (wall clock, from renderImage) over the card's time.
  const layoutShare = Math.max(0, resolveMs) / full
  results.push({ name, locale, perSecond, lines, full, textMs, share, resolveMs, paintMs, layoutShare })
  console.log(`${name.padEnd(16)} ${perSecond.toFixed(0).padStart(13)} ${String(lines).padStart(7)} ${full.toFixed(2).padStart(9)} ${textMs.toFixed(2).padStart(9)} ${(share * 100).toFixed(1).padStart(10)} % ${resolveMs.toFixed(2).padStart(21)} ${paintMs.toFixed(2).padStart(15)} ${(layoutShare * 100).toFixed(1).padStart(12)} %`)
}
const worstLayout = results.reduce((a, b) => (b.layoutShare > a.layoutShare ? b : a))
const worst = results.reduce((a, b) => (b.share > a.share ? b : a))
console.log(`\nLayout (resolving the texts) as a share of a card render: at most ${(worstLayout.layoutShare * 100).toFixed(1)} % (${worstLayout.name}); target under 20 %.`)
console.log(`Text with its drawing and encoding as a share of a card render: at most ${(worst.share * 100).toFixed(1)} % (${worst.name}).`)
