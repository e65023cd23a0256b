// Reads advance widths straight from a TTF file (cmap format 4 + hmtx), independently of Skia,
// so tests can prove which font file drew a string.

export interface FontFileMetrics {
  unitsPerEm: number
  /** Advance width of a BMP character, in font units. */
  advance(char: string): number
}

export function readFontFileMetrics(bytes: Uint8Array): FontFileMetrics {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const tables = new Map<string, number>()
  for (let i = 0; i < view.getUint16(4); i++) {
    const r = 12 + 16 * i
    tables.set(String.fromCharCode(bytes[r]!, bytes[r + 1]!, bytes[r + 2]!, bytes[r + 3]!), view.getUint32(r + 8))
  }
  const table = (name: string) => {
    const offset = tables.get(name)
    if (offset === undefined) throw new Error(`no ${name} table`)
    return offset
  }
  const unitsPerEm = view.getUint16(table('head') + 18)
  const numberOfHMetrics = view.getUint16(table('hhea') + 34)
  const hmtx = table('hmtx')
  const cmap = table('cmap')
  let format4 = -1
  for (let i = 0; i < view.getUint16(cmap + 2); i++) {
    const record = cmap + 4 + 8 * i
    const sub = cmap + view.getUint32(record + 4)
    if (view.getUint16(sub) === 4) format4 = sub
  }
  if (format4 < 0) throw new Error('no cmap format 4')
  const segCountX2 = view.getUint16(format4 + 6)
  const ends = format4 + 14
  const starts = ends + segCountX2 + 2
  const deltas = starts + segCountX2
  const rangeOffsets = deltas + segCountX2
  const glyphOf = (code: number) => {
    for (let s = 0; s < segCountX2; s += 2) {
      if (view.getUint16(ends + s) < code) continue
      const start = view.getUint16(starts + s)
      if (start > code) return 0
      const delta = view.getUint16(deltas + s)
      const rangeOffset = view.getUint16(rangeOffsets + s)
      if (rangeOffset === 0) return (code + delta) & 0xffff
      const glyph = view.getUint16(rangeOffsets + s + rangeOffset + 2 * (code - start))
      return glyph === 0 ? 0 : (glyph + delta) & 0xffff
    }
    return 0
  }
  return {
    unitsPerEm,
    advance(char: string) {
      const glyph = glyphOf(char.codePointAt(0)!)
      return view.getUint16(hmtx + 4 * Math.min(glyph, numberOfHMetrics - 1))
    },
  }
}
