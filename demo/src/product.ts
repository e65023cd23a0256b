// The product page: what a storefront embeds for try-on. The element does the work; the page
// only keeps its own product details in step with the element's SKU, and shows the snapshot as
// "your look" next to the add-to-cart button.
import '@vitrine/elements'
import type { TryOnErrorEventDetail, TryOnSnapshotEventDetail } from '@vitrine/elements'
import { parseTryOnCatalog, type TryOnProduct } from '@vitrine/core'

const tryOn = document.querySelector('vitrine-try-on')!
const select = document.querySelector<HTMLSelectElement>('#product-select')!
const name = document.querySelector<HTMLElement>('#product-name')!
const kind = document.querySelector<HTMLElement>('#product-kind')!
const price = document.querySelector<HTMLElement>('#product-price')!
const look = document.querySelector<HTMLElement>('#look')!
const lookImage = document.querySelector<HTMLImageElement>('#look-image')!
const status = document.querySelector<HTMLElement>('#page-status')!

/** The shop's own data about each SKU (the try-on catalogue only knows models and fits). */
const prices: Record<string, string> = { 'VT-GLASSES-01': '€129.00', 'VT-HAT-01': '€89.00', 'VT-EARRINGS-01': '€59.00' }
const kinds: Record<TryOnProduct['kind'], string> = { glasses: 'Eyewear', hat: 'Hats', earrings: 'Jewellery' }

let products: TryOnProduct[] = []

function showProduct(sku: string | undefined): void {
  const product = products.find((p) => p.sku === sku)
  if (!product) return
  name.textContent = product.name ?? product.sku
  kind.textContent = kinds[product.kind]
  price.textContent = prices[product.sku] ?? ''
  select.value = product.sku
}

async function start(): Promise<void> {
  const catalog = parseTryOnCatalog(await (await fetch('/try-on/catalog.json')).text())
  products = catalog.products
  select.replaceChildren(...products.map((p) => new Option(p.name ?? p.sku, p.sku)))
  showProduct(tryOn.sku)
}

select.addEventListener('change', () => void tryOn.setProduct(select.value))
tryOn.addEventListener('product-change', () => showProduct(tryOn.sku))
tryOn.addEventListener('snapshot', (event) => {
  const { blob } = (event as CustomEvent<TryOnSnapshotEventDetail>).detail
  if (lookImage.src) URL.revokeObjectURL(lookImage.src)
  lookImage.src = URL.createObjectURL(blob)
  look.hidden = false
})
tryOn.addEventListener('error', (event) => {
  const { code } = (event as unknown as CustomEvent<TryOnErrorEventDetail>).detail
  status.textContent = `Try-on: ${code}`
})
tryOn.addEventListener('ready', () => (status.textContent = ''))
// A selfie looks right mirror-wise: mirror the front camera, never a photo or the back camera.
new MutationObserver(() => (tryOn.mirror = tryOn.source === 'camera' && tryOn.facing === 'user')).observe(tryOn, { attributes: true, attributeFilter: ['source', 'facing'] })
document.querySelector('#add-to-cart')!.addEventListener('click', () => {
  status.textContent = `Added ${name.textContent} to the cart, with your look.`
})

start().catch((error: Error) => (status.textContent = `Could not load the catalogue: ${error.message}`))
