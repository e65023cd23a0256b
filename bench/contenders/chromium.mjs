import { readFile } from 'node:fs/promises'
import { basename, join } from 'node:path'
import { chromium } from 'playwright-core'
import { chromiumArgs, chromiumPath } from '../../scripts/chromium.mjs'
import { card, cardContent, cardFontFiles } from '../lib/card-design.mjs'

/** Where the page is served from; requests never leave the browser (page.route answers them). */
const origin = 'http://card.localhost'

/** The card as one HTML page: fonts and layout once, then each row only changes its content. */
function cardPage() {
  const { glow, photo, shadow, title, price, badge } = card
  const px = (n) => `${n}px`
  const at = (b) => `position: absolute; left: ${px(b.x)}; top: ${px(b.y)}; width: ${px(b.width)}; height: ${px(b.height)};`
  const faces = cardFontFiles
    .map(({ weight, file }) => `@font-face { font-family: '${card.fontFamily}'; font-weight: ${weight}; src: url('/fonts/${file}') format('truetype'); }`)
    .join('\n')
  return `<!doctype html>
<html><head><meta charset="utf-8"><style>
${faces}
html, body { margin: 0; padding: 0; }
#card { position: relative; width: ${px(card.width)}; height: ${px(card.height)}; overflow: hidden; font-family: '${card.fontFamily}'; }
#glow { ${at({ ...glow, width: glow.size, height: glow.size })} border-radius: 50%;
  background: radial-gradient(circle ${px(glow.radius)} at 50% 50%, ${glow.from}, ${glow.to}); }
#photo { ${at(photo)} object-fit: contain;
  filter: drop-shadow(${px(shadow.offsetX)} ${px(shadow.offsetY)} ${px(shadow.blur)} ${shadow.color}); }
#title-box { ${at(title)} display: flex; flex-direction: column; justify-content: flex-end; }
#title { text-align: center; font-size: ${px(title.fontSize)}; font-weight: ${title.weight}; line-height: ${title.lineHeight}; color: ${title.color};
  overflow-wrap: break-word; display: -webkit-box; -webkit-box-orient: vertical; -webkit-line-clamp: ${title.maxLines}; overflow: hidden; }
#price { ${at(price)} display: flex; align-items: center; justify-content: center; white-space: nowrap;
  font-size: ${px(price.fontSize)}; font-weight: ${price.weight}; line-height: 1; color: ${price.color}; }
#badge { ${at(badge)} box-sizing: border-box; padding: 0 ${px(badge.padX)}; border-radius: ${px(badge.height / 2)}; background: ${badge.fill};
  box-shadow: ${px(badge.shadow.offsetX)} ${px(badge.shadow.offsetY)} ${px(badge.shadow.blur)} ${badge.shadow.color};
  display: flex; align-items: center; justify-content: center; white-space: nowrap;
  font-size: ${px(badge.fontSize)}; font-weight: ${badge.weight}; letter-spacing: ${px(badge.letterSpacing)}; line-height: 1; color: ${badge.color}; }
</style></head>
<body><div id="card"><div id="glow"></div><img id="photo" alt=""><div id="title-box"><div id="title"></div></div><div id="price"><span id="price-text"></span></div><div id="badge"><span id="badge-text"></span></div></div>
<script>
// Shrink-to-fit, as the template asks: the largest size (2 px steps) at which the text fits.
function fit(el, size, min, fits) {
  el.style.fontSize = size + 'px'
  while (size > min && !fits()) {
    size = Math.max(min, size - 2)
    el.style.fontSize = size + 'px'
  }
}
window.showRow = async function (c, src) {
  const el = (id) => document.getElementById(id)
  el('card').style.background = 'linear-gradient(${card.background.angleDeg}deg, ' + c.brand + ', ${card.background.to})'
  const title = el('title')
  title.textContent = c.title
  // Measured unclamped; the clamp (2 lines, ellipsis) only acts when even the smallest size overflows.
  title.style.webkitLineClamp = 'none'
  fit(title, ${title.fontSize}, ${title.minFontSize}, () => {
    const lines = Math.round(title.scrollHeight / (parseFloat(title.style.fontSize) * ${title.lineHeight}))
    return lines <= ${title.maxLines} && title.scrollHeight <= ${title.height} + 2
  })
  title.style.webkitLineClamp = ''
  // Centred text overflows on both sides, which scrollWidth does not see: measure the span.
  const price = el('price')
  const priceText = el('price-text')
  priceText.textContent = c.price
  fit(price, ${price.fontSize}, ${price.minFontSize}, () => priceText.offsetWidth <= price.clientWidth)
  const badge = el('badge')
  badge.style.display = c.badge ? 'flex' : 'none'
  if (c.badge) {
    const badgeText = el('badge-text')
    badgeText.textContent = c.badge
    fit(badge, ${badge.fontSize}, ${badge.minFontSize}, () => badgeText.offsetWidth <= ${badge.width - 2 * badge.padX})
  }
  const img = el('photo')
  if (img.getAttribute('src') !== src) img.setAttribute('src', src)
  await img.decode()
  await document.fonts.ready
}
</script></body></html>`
}

/**
 * An HTML/CSS page screenshotted by headless Chromium through playwright-core: the browser is
 * started once and the page reused, so each image costs a DOM update, a frame and a screenshot.
 */
export function createChromiumContender({ executablePath = chromiumPath } = {}) {
  let browser
  let page
  const files = new Map()

  return {
    name: 'chromium',
    labelFor: () => 'Chromium screenshot',
    types: ['png', 'jpeg'],
    notes: {},
    async setup({ root, rows }) {
      for (const { file } of cardFontFiles) files.set(`/fonts/${file}`, join(root, 'packages/core/fonts', file))
      for (const row of rows) files.set(`/images/${basename(row.imagePath)}`, row.imagePath)
      // playwright gives the browser a fresh temporary profile of its own.
      browser = await chromium.launch({
        executablePath,
        args: [...chromiumArgs, '--headless=new'],
      })
      page = await browser.newPage({ viewport: { width: card.width, height: card.height }, deviceScaleFactor: 1 })
      await page.route(`${origin}/**`, async (route) => {
        const path = new URL(route.request().url()).pathname
        if (path === '/') return route.fulfill({ contentType: 'text/html', body: cardPage() })
        const file = files.get(decodeURIComponent(path))
        if (!file) return route.fulfill({ status: 404, body: 'not found' })
        const type = path.endsWith('.ttf') ? 'font/ttf' : path.endsWith('.png') ? 'image/png' : 'image/jpeg'
        return route.fulfill({ contentType: type, body: await readFile(file), headers: { 'cache-control': 'max-age=3600' } })
      })
      await page.goto(`${origin}/`)
      // Load the faces now: @font-face loads lazily, and text measured before would use a fallback.
      await page.evaluate(() => Promise.all([...document.fonts].map((face) => face.load())))
    },
    async render(row, type, { quality = 85 } = {}) {
      const c = cardContent(row)
      await page.evaluate(({ c, src }) => window.showRow(c, src), { c, src: `/images/${encodeURIComponent(basename(c.imagePath))}` })
      return page.screenshot(type === 'jpeg' ? { type, quality } : { type })
    },
    async info() {
      return { chromium: browser.version() }
    },
    async teardown() {
      await browser?.close()
    },
  }
}
