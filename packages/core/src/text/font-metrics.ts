/** Vertical metrics of a face, as fractions of the font size. */
export interface FontMetrics {
  ascent: number
  descent: number
}

/**
 * Reads ascent and descent from a TrueType/OpenType file's `head` and `hhea` tables, so that
 * baselines are placed from the font file itself and are the same in every environment.
 * Returns undefined for WOFF/WOFF2 (compressed tables) and unreadable data.
 */
export function readFontMetrics(bytes: Uint8Array): FontMetrics | undefined {
  if (bytes.length < 12) return undefined
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const tag = view.getUint32(0)
  // 0x00010000 TrueType, 'OTTO' CFF, 'true' old Apple TrueType.
  if (tag !== 0x00010000 && tag !== 0x4f54544f && tag !== 0x74727565) return undefined
  const numTables = view.getUint16(4)
  let head = -1
  let hhea = -1
  for (let i = 0; i < numTables; i++) {
    const rec = 12 + i * 16
    if (rec + 16 > bytes.length) return undefined
    const name = String.fromCharCode(bytes[rec]!, bytes[rec + 1]!, bytes[rec + 2]!, bytes[rec + 3]!)
    const offset = view.getUint32(rec + 8)
    if (name === 'head') head = offset
    if (name === 'hhea') hhea = offset
  }
  if (head < 0 || hhea < 0 || head + 20 > bytes.length || hhea + 8 > bytes.length) return undefined
  const unitsPerEm = view.getUint16(head + 18)
  if (!unitsPerEm) return undefined
  const ascender = view.getInt16(hhea + 4)
  const descender = view.getInt16(hhea + 6)
  return { ascent: ascender / unitsPerEm, descent: -descender / unitsPerEm }
}
