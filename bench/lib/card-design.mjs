/**
 * The example product card (examples/product-card.json at 1080x1080), written out by hand for
 * the contenders that are not Vitrine (satori and the Chromium page), so that the three draw the
 * same picture. Boxes are the template's percentages worked out in pixels.
 */
export const card = {
  width: 1080,
  height: 1080,
  fontFamily: 'Inter',
  defaultBrand: '#2563eb',
  defaultCurrency: 'EUR',
  /** `linear-gradient(160deg, brand, #0b1020)` over the whole card. */
  background: { angleDeg: 160, to: '#0b1020' },
  /** A soft white radial glow behind the product (a circle 80 % wide, 6 % from the top). */
  glow: { x: 108, y: 64.8, size: 864, radius: 427.6, from: '#ffffff40', to: '#ffffff00' },
  /** The product photo, `contain`, with a soft shadow cast by its own shape. */
  photo: { x: 172.8, y: 97.2, width: 734.4, height: 583.2 },
  shadow: { offsetX: 0, offsetY: 28, blur: 48, color: '#00000066' },
  /** Centred, bottom-aligned in its box, at most 2 lines, shrunk from 62 px down to 34 px to fit. */
  title: { x: 75.6, y: 712.8, width: 928.8, height: 162, fontSize: 62, minFontSize: 34, weight: 700, lineHeight: 1.15, maxLines: 2, color: '#ffffff' },
  /** Centred in its box, one line. */
  price: { x: 75.6, y: 885.6, width: 928.8, height: 129.6, fontSize: 84, minFontSize: 34, weight: 800, color: '#fde047' },
  /** A yellow pill with a small shadow and the badge text in capitals, when the row has a badge. */
  badge: {
    x: 56, y: 56, width: 250, height: 76, fill: '#fde047',
    shadow: { offsetX: 0, offsetY: 6, blur: 16, color: '#00000040' },
    padX: 18, fontSize: 38, minFontSize: 22, weight: 800, letterSpacing: 1, color: '#111827',
  },
}

/** Font faces the card uses, as Inter file names under packages/core/fonts/. */
export const cardFontFiles = [
  { weight: 700, file: 'Inter_700Bold.ttf' },
  { weight: 800, file: 'Inter_800ExtraBold.ttf' },
]

const moneyFormats = new Map()

/** The row's texts and colours as the card shows them (en-US, the template's source locale). */
export function cardContent(row) {
  const brand = /^#[0-9a-fA-F]{6}$/.test(row.brandColor ?? '') ? row.brandColor.toLowerCase() : card.defaultBrand
  const currency = row.currency || card.defaultCurrency
  let format = moneyFormats.get(currency)
  if (!format) {
    format = new Intl.NumberFormat('en-US', { style: 'currency', currency })
    moneyFormats.set(currency, format)
  }
  return {
    title: row.title,
    price: format.format(Number(row.price)),
    badge: row.badge ? row.badge.toUpperCase() : undefined,
    brand,
    imagePath: row.imagePath,
  }
}
