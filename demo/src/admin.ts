// The admin page: one <vitrine-preview> per format, all showing the example template bound to
// the product picked from the example feed, in the picked locale. This is all a host app needs:
// set `template`, `data`, `format` and `locale` on the element.
import '@vitrine/elements'
import type { VitrineRenderEventDetail } from '@vitrine/elements'
import { VitrineError, formatCatalog, parseFeed, type Format } from '@vitrine/core'

const TEMPLATE_URL = '/examples/product-card.json'
const FEED_URL = '/examples/products.csv'
/** Relative picture paths in the feed resolve against the feed's folder, as in the CLI. */
const ASSET_BASE_URL = new URL('/examples/', location.href).href

const productSelect = document.querySelector<HTMLSelectElement>('#product')!
const localeSelect = document.querySelector<HTMLSelectElement>('#locale')!
const formatsBox = document.querySelector<HTMLFieldSetElement>('#formats')!
const grid = document.querySelector<HTMLElement>('#grid')!
const status = document.querySelector<HTMLElement>('#status')!

type Row = Record<string, unknown>

const state: { template?: object; rows: Row[]; row?: Row; locale: string; formats: Set<string> } = {
  rows: [],
  locale: localeSelect.value,
  formats: new Set(formatCatalog.map((f) => f.id)),
}

/** Previews by format id, made once and kept: changing the product or locale only sets properties. */
const cards = new Map<string, { card: HTMLElement; preview: HTMLElementTagNameMap['vitrine-preview'] }>()

function showStatus(text: string, isError = false): void {
  status.textContent = text
  status.classList.toggle('error', isError)
}

async function fetchText(url: string): Promise<string> {
  const response = await fetch(url)
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`)
  return response.text()
}

function makeCard(format: Format) {
  const card = document.createElement('figure')
  card.className = 'card'
  const preview = document.createElement('vitrine-preview')
  preview.format = format.id
  preview.baseUrl = ASSET_BASE_URL
  preview.style.aspectRatio = `${format.width} / ${format.height}`
  preview.title = `${format.label}, ${format.width}x${format.height}`

  const caption = document.createElement('figcaption')
  const name = document.createElement('span')
  name.innerHTML = `<strong></strong> <span class="meta"></span>`
  name.querySelector('strong')!.textContent = format.id
  name.querySelector('.meta')!.textContent = `${format.width}x${format.height}`
  const timing = document.createElement('span')
  timing.className = 'meta'
  const download = document.createElement('button')
  download.type = 'button'
  download.textContent = 'PNG'
  download.title = `Download the ${format.id} picture as PNG`
  download.addEventListener('click', async () => {
    try {
      const blob = await preview.toBlob('png')
      const link = document.createElement('a')
      link.href = URL.createObjectURL(blob)
      link.download = `${String(state.row?.sku ?? 'product')}-${format.id}.${state.locale}.png`
      link.click()
      setTimeout(() => URL.revokeObjectURL(link.href), 10_000)
    } catch (error) {
      showStatus(`Could not export ${format.id}: ${(error as Error).message}`, true)
    }
  })
  preview.addEventListener('render', (event) => {
    const { timings } = (event as CustomEvent<VitrineRenderEventDetail>).detail
    timing.textContent = `${(timings.resolveMs + timings.drawMs).toFixed(0)} ms`
  })
  preview.addEventListener('error', () => {
    timing.textContent = 'error'
  })
  caption.append(name, timing, download)
  card.append(preview, caption)
  return { card, preview }
}

/** Puts the checked formats' previews in the grid, in catalogue order, and sets their inputs. */
function update(): void {
  for (const format of formatCatalog) {
    let entry = cards.get(format.id)
    if (!state.formats.has(format.id)) {
      entry?.card.remove()
      continue
    }
    if (!entry) {
      entry = makeCard(format)
      cards.set(format.id, entry)
    }
    grid.append(entry.card)
    entry.preview.template = state.template
    entry.preview.data = state.row
    entry.preview.locale = state.locale
  }
}

function buildFormatPicker(): void {
  for (const format of formatCatalog) {
    const label = document.createElement('label')
    const box = document.createElement('input')
    box.type = 'checkbox'
    box.value = format.id
    box.checked = state.formats.has(format.id)
    box.addEventListener('change', () => {
      if (box.checked) state.formats.add(format.id)
      else state.formats.delete(format.id)
      update()
    })
    label.append(box, ` ${format.label}`)
    formatsBox.append(label)
  }
}

async function main(): Promise<void> {
  buildFormatPicker()
  localeSelect.addEventListener('change', () => {
    state.locale = localeSelect.value
    update()
  })
  productSelect.addEventListener('change', () => {
    state.row = state.rows[Number(productSelect.value)]
    update()
  })

  showStatus('Loading the example template and feed…')
  const [templateText, feedText] = await Promise.all([fetchText(TEMPLATE_URL), fetchText(FEED_URL)])
  state.template = JSON.parse(templateText) as object
  const feed = parseFeed(feedText, { fileName: 'products.csv' })
  state.rows = feed.rows.map((row) => row.values)

  productSelect.replaceChildren(
    ...state.rows.map((values, index) => {
      const option = document.createElement('option')
      option.value = String(index)
      option.textContent = [values.sku, values.title].filter((v) => typeof v === 'string' && v !== '').join(' · ') || `Row ${index + 1}`
      return option
    }),
  )
  productSelect.disabled = state.rows.length === 0
  state.row = state.rows[0]
  const skipped = feed.errors.length ? `; ${feed.errors.length} row(s) could not be read: ${feed.errors.map((e) => e.error.message).join(' ')}` : ''
  showStatus(`${state.rows.length} products in ${FEED_URL}${skipped}`, feed.errors.length > 0)
  update()
}

main().catch((error: unknown) => {
  const message = error instanceof VitrineError ? `${error.code}: ${error.message}` : (error as Error).message
  showStatus(`The demo could not start: ${message}`, true)
})
