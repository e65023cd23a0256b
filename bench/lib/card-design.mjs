/**
 * The example product card, described once for the contenders that are not Vitrine (satori and
 * the Chromium page), so the three draw the same picture: measurements follow
 * examples/product-card.json at 1080x1080.
 */
export const card = {
  width: 1080,
  height: 1080,
  fontFamily: 'Inter',
  defaultBrand: '#1f6feb',
  /** The background: a diagonal gradient from the brand colour to a darker shade of it. */
  background: { angleDeg: 135 },
  photo: { x: 190, y: 90, width: 700, height: 600 },
  /** A soft shadow cast by the product's own shape. */
  shadow: { offsetX: 0, offsetY: 28, blur: 36, color: 'rgba(0, 0, 0, 0.35)' },
  title: { x: 80, y: 730, width: 920, fontSize: 56, weight: 700, lineHeight: 1.15, maxLines: 2, color: '#ffffff' },
  price: { x: 80, y: 880, fontSize: 88, weight: 800, color: '#ffffff' },
  badge: { x: 60, y: 60, fontSize: 34, weight: 700, padX: 28, padY: 12, color: '#ffffff', textOnBrand: true },
}

/** Font faces the card uses, as Inter file names under packages/core/fonts/. */
export const cardFontFiles = [
  { weight: 700, file: 'Inter_700Bold.ttf' },
  { weight: 800, file: 'Inter_800ExtraBold.ttf' },
]

/** `#rrggbb` darkened by `amount` (0..1), for the gradient's far end. */
export function darken(hex, amount) {
  const n = Number.parseInt(hex.slice(1), 16)
  const ch = (shift) => Math.round(((n >> shift) & 255) * (1 - amount))
  return `#${[16, 8, 0].map((s) => ch(s).toString(16).padStart(2, '0')).join('')}`
}

const moneyFormats = new Map()

/** The row's texts and colours as the card shows them. */
export function cardContent(row) {
  const brand = /^#[0-9a-fA-F]{6}$/.test(row.brandColor ?? '') ? row.brandColor : card.defaultBrand
  let format = moneyFormats.get(row.currency)
  if (!format) {
    format = new Intl.NumberFormat('en-US', { style: 'currency', currency: row.currency || 'USD' })
    moneyFormats.set(row.currency, format)
  }
  return {
    title: row.title,
    price: format.format(Number(row.price)),
    badge: row.badge ? row.badge : undefined,
    brand,
    brandDark: darken(brand, 0.45),
    imagePath: row.imagePath,
  }
}
