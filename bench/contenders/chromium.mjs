import { readFile } from 'node:fs/promises'
import { basename, join } from 'node:path'
import { chromium } from 'playwright-core'
import { card, cardContent, cardFontFiles } from '../lib/card-design.mjs'

/** Where the page is served from; requests never leave the browser (page.route answers them). */
const origin = 'http://card.localhost'

/** The card as one HTML page: fonts and layout once, then each row only changes its content. */
function cardPage() {
  const { photo, shadow, title, price, badge } = card
  const faces = cardFontFiles
    .map(({ weight, file }) => `@font-face { font-family: '${card.fontFamily}'; font-weight: ${weight}; src: url('/fonts/${file}') format('truetype'); }`)
    .join('\n')
  return `<!doctype html>
<html><head><meta charset="utf-8"><style>
${faces}
html, body { margin: 0; padding: 0; }
#card { position: relative; width: ${card.width}px; height: ${card.height}px; overflow: hidden; font-family: '${card.fontFamily}';
  -webkit-font-smoothing: antialiased; }
#photo { position: absolute; left: ${photo.x}px; top: ${photo.y}px; width: ${photo.width}px; height: ${photo.height}px; object-fit: contain;
  filter: drop-shadow(${shadow.offsetX}px ${shadow.offsetY}px ${shadow.blur}px ${shadow.color}); }
#title { position: absolute; left: ${title.x}px; top: ${title.y}px; width: ${title.width}px; font-size: ${title.fontSize}px;
  font-weight: ${title.weight}; line-height: ${title.lineHeight}; color: ${title.color};
  display: -webkit-box; -webkit-line-clamp: ${title.maxLines}; -webkit-box-orient: vertical; overflow: hidden; }
#price { position: absolute; left: ${price.x}px; top: ${price.y}px; font-size: ${price.fontSize}px; font-weight: ${price.weight};
  line-height: 1; color: ${price.color}; }
#badge { position: absolute; left: ${badge.x}px; top: ${badge.y}px; padding: ${badge.padY}px ${badge.padX}px; border-radius: 999px;
  background: ${badge.color}; font-size: ${badge.fontSize}px; font-weight: ${badge.weight}; line-height: 1.2; }
</style></head>
<body><div id="card"><img id="photo" alt=""><div id="title"></div><div id="price"></div><div id="badge"></div></div></body></html>`
}

/**
 * An HTML/CSS page screenshotted by headless Chromium through playwright-core: the browser is
 * started once and the page reused, so each image costs a DOM update, a frame and a screenshot.
 */
export function createChromiumContender({ executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' } = {}) {
  let browser
  let page
  const files = new Map()

  return {
    name: 'chromium',
    label: 'Chromium screenshot',
    labelFor: () => 'Chromium screenshot',
    types: ['png', 'jpeg'],
    notes: {},
    async setup({ root, rows }) {
      for (const { file } of cardFontFiles) files.set(`/fonts/${file}`, join(root, 'packages/core/fonts', file))
      for (const row of rows) files.set(`/images/${basename(row.imagePath)}`, row.imagePath)
      // playwright gives the browser a fresh temporary profile of its own.
      browser = await chromium.launch({
        executablePath,
        args: [
          '--headless=new',
          '--no-sandbox',
          '--disable-quic',
          '--no-first-run',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
        ],
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
      await page.evaluate(() => document.fonts.ready)
    },
    async render(row, type, { quality = 85 } = {}) {
      const c = cardContent(row)
      await page.evaluate(
        async ({ c, src }) => {
          const el = (id) => document.getElementById(id)
          el('card').style.background = `linear-gradient(135deg, ${c.brand}, ${c.brandDark})`
          el('title').textContent = c.title
          el('price').textContent = c.price
          el('badge').textContent = c.badge ?? ''
          el('badge').style.display = c.badge ? 'block' : 'none'
          el('badge').style.color = c.brand
          const img = el('photo')
          if (img.getAttribute('src') !== src) img.setAttribute('src', src)
          await img.decode()
          await document.fonts.ready
        },
        { c, src: `/images/${encodeURIComponent(basename(c.imagePath))}` },
      )
      return page.screenshot(type === 'jpeg' ? { type, quality } : { type })
    },
    async teardown() {
      await browser?.close()
    },
  }
}
