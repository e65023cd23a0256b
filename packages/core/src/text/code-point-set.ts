/**
 * A set of Unicode code points held as sorted, non-overlapping ranges: what a font file
 * covers (read from its `cmap`), or what a font subset holds (its CSS `unicode-range`).
 */
export class CodePointSet {
  private constructor(private readonly starts: Uint32Array, private readonly ends: Uint32Array) {}

  /** From inclusive `[start, end]` pairs in any order; overlapping pairs merge. */
  static fromRanges(ranges: ReadonlyArray<readonly [number, number]>): CodePointSet {
    const sorted = [...ranges].sort((a, b) => a[0] - b[0])
    const starts: number[] = []
    const ends: number[] = []
    for (const [s, e] of sorted) {
      const last = ends.length - 1
      if (last >= 0 && s <= ends[last]! + 1) ends[last] = Math.max(ends[last]!, e)
      else {
        starts.push(s)
        ends.push(e)
      }
    }
    return new CodePointSet(Uint32Array.from(starts), Uint32Array.from(ends))
  }

  /** From a CSS `unicode-range` value, e.g. `U+0600-06FF,U+200C-200E,U+25CC`. */
  static fromUnicodeRange(value: string): CodePointSet {
    const ranges: Array<[number, number]> = []
    for (const part of value.split(',')) {
      const m = /^\s*U\+([0-9a-f?]+)(?:-([0-9a-f]+))?\s*$/i.exec(part)
      if (!m) continue
      if (m[1]!.includes('?')) ranges.push([parseInt(m[1]!.replace(/\?/g, '0'), 16), parseInt(m[1]!.replace(/\?/g, 'f'), 16)])
      else ranges.push([parseInt(m[1]!, 16), parseInt(m[2] ?? m[1]!, 16)])
    }
    return CodePointSet.fromRanges(ranges)
  }

  has(codePoint: number): boolean {
    let lo = 0
    let hi = this.starts.length - 1
    while (lo <= hi) {
      const mid = (lo + hi) >> 1
      if (codePoint < this.starts[mid]!) hi = mid - 1
      else if (codePoint > this.ends[mid]!) lo = mid + 1
      else return true
    }
    return false
  }

  /** True when every code point of `text` is in the set. */
  hasAll(text: string): boolean {
    for (const ch of text) if (!this.has(ch.codePointAt(0)!)) return false
    return true
  }
}

/**
 * The code points a TrueType/OpenType file maps to glyphs, from its `cmap` table (formats 4
 * and 12). Undefined for other data (WOFF, WOFF2, collections), whose tables are compressed.
 */
export function readCmapCoverage(bytes: Uint8Array): CodePointSet | undefined {
  if (bytes.length < 12) return undefined
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const tag = view.getUint32(0)
  if (tag !== 0x00010000 && tag !== 0x4f54544f && tag !== 0x74727565) return undefined
  let cmap = -1
  for (let i = 0; i < view.getUint16(4); i++) {
    const rec = 12 + i * 16
    if (rec + 16 > bytes.length) return undefined
    if (view.getUint32(rec) === 0x636d6170) cmap = view.getUint32(rec + 8)
  }
  if (cmap < 0 || cmap + 4 > bytes.length) return undefined
  // Prefer a full-repertoire (format 12) Unicode subtable, then a BMP (format 4) one.
  let best = -1
  let bestFormat = 0
  for (let i = 0; i < view.getUint16(cmap + 2); i++) {
    const rec = cmap + 4 + i * 8
    if (rec + 8 > bytes.length) break
    const platform = view.getUint16(rec)
    const encoding = view.getUint16(rec + 2)
    const offset = cmap + view.getUint32(rec + 4)
    if (offset + 2 > bytes.length) continue
    const unicode = platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10))
    const format = view.getUint16(offset)
    if (unicode && (format === 12 || (format === 4 && bestFormat !== 12))) {
      best = offset
      bestFormat = format
    }
  }
  if (best < 0) return undefined
  const ranges: Array<[number, number]> = []
  try {
    if (bestFormat === 12) {
      const groups = view.getUint32(best + 12)
      for (let g = 0; g < groups; g++) {
        const at = best + 16 + g * 12
        ranges.push([view.getUint32(at), view.getUint32(at + 4)])
      }
    } else {
      const segments = view.getUint16(best + 6) / 2
      const endsAt = best + 14
      const startsAt = endsAt + segments * 2 + 2
      const deltasAt = startsAt + segments * 2
      const rangeOffsetsAt = deltasAt + segments * 2
      for (let s = 0; s < segments; s++) {
        const end = view.getUint16(endsAt + s * 2)
        const start = view.getUint16(startsAt + s * 2)
        if (start === 0xffff) continue
        const delta = view.getUint16(deltasAt + s * 2)
        const rangeOffset = view.getUint16(rangeOffsetsAt + s * 2)
        if (rangeOffset === 0) {
          // Every code point maps to (c + delta) mod 65536; glyph 0 is .notdef.
          let runStart = -1
          for (let c = start; c <= end + 1; c++) {
            const mapped = c <= end && ((c + delta) & 0xffff) !== 0
            if (mapped && runStart < 0) runStart = c
            if (!mapped && runStart >= 0) {
              ranges.push([runStart, c - 1])
              runStart = -1
            }
          }
        } else {
          for (let c = start; c <= end; c++) {
            const at = rangeOffsetsAt + s * 2 + rangeOffset + (c - start) * 2
            if (at + 2 <= bytes.length && view.getUint16(at) !== 0) ranges.push([c, c])
          }
        }
      }
    }
  } catch {
    return undefined
  }
  return CodePointSet.fromRanges(ranges)
}
