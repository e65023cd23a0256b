/** An RGBA colour with channels 0..255 and alpha 0..1. */
export interface Rgba {
  r: number
  g: number
  b: number
  a: number
}

/** Parses `#rgb`, `#rgba`, `#rrggbb`, `#rrggbbaa`, `rgb()` and `rgba()`; undefined otherwise. */
export function parseColor(color: string): Rgba | undefined {
  const c = color.trim().toLowerCase()
  let m = /^#([0-9a-f]{3,8})$/.exec(c)
  if (m) {
    let hex = m[1]!
    if (hex.length === 3 || hex.length === 4) hex = [...hex].map((x) => x + x).join('')
    if (hex.length !== 6 && hex.length !== 8) return undefined
    const n = (i: number) => parseInt(hex.slice(i, i + 2), 16)
    return { r: n(0), g: n(2), b: n(4), a: hex.length === 8 ? n(6) / 255 : 1 }
  }
  m = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)(?:[\s,/]+([\d.]+%?))?\s*\)$/.exec(c)
  if (m) {
    const alpha = m[4] === undefined ? 1 : m[4].endsWith('%') ? Number(m[4].slice(0, -1)) / 100 : Number(m[4])
    return { r: Number(m[1]), g: Number(m[2]), b: Number(m[3]), a: alpha }
  }
  if (c === 'white') return { r: 255, g: 255, b: 255, a: 1 }
  if (c === 'black') return { r: 0, g: 0, b: 0, a: 1 }
  return undefined
}

const LINEAR = Array.from({ length: 256 }, (_, v) => {
  const s = v / 255
  return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4
})

/** WCAG 2.2 relative luminance of an sRGB colour (channels 0..255, rounded). */
export function relativeLuminance(r: number, g: number, b: number): number {
  const lin = (v: number) => LINEAR[Math.max(0, Math.min(255, Math.round(v)))]!
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b)
}

/** WCAG 2.2 contrast ratio of two luminances, 1..21. */
export function contrastRatio(l1: number, l2: number): number {
  const [hi, lo] = l1 > l2 ? [l1, l2] : [l2, l1]
  return (hi + 0.05) / (lo + 0.05)
}
