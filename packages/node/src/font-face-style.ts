import { inflateSync } from 'node:zlib'

/**
 * Returns a copy of a TTF/OTF (or WOFF 1.0, unpacked to TTF/OTF) whose OS/2 weight class and
 * italic flags say `weight` and `style`, so that Skia matches `ctx.font` against what the face
 * was registered as, the way a browser's `FontFace` descriptors do.
 *
 * Why: @napi-rs/canvas takes a face's weight and style from the file itself. Inter's Thin and
 * ExtraLight files both claim weight 250, so registered under one family they collapse into one
 * face and `100` and `200` draw the same glyphs. Bytes of another kind (collections) come back
 * unchanged and keep the weight and style written in them; WOFF2 is unpacked before this
 * (unpack-woff2.ts).
 */
export function withFaceStyle(bytes: Uint8Array, weight: number, style: 'normal' | 'italic'): Uint8Array {
  const sfnt = isWoff1(bytes) ? unpackWoff1(bytes) : isSfnt(bytes) ? Uint8Array.from(bytes) : undefined
  if (!sfnt) return bytes
  const view = new DataView(sfnt.buffer, sfnt.byteOffset, sfnt.byteLength)
  const os2 = findTable(view, 'OS/2')
  const head = findTable(view, 'head')
  const italic = style === 'italic'
  if (os2 !== undefined && os2 + 64 <= view.byteLength) {
    view.setUint16(os2 + 4, Math.round(weight))
    let fsSelection = view.getUint16(os2 + 62)
    // bit 0 ITALIC, bit 9 OBLIQUE (FreeType reads either as slanted), bit 5 BOLD, bit 6 REGULAR
    fsSelection = italic ? fsSelection | 0x0001 : fsSelection & ~0x0201
    fsSelection = weight >= 700 ? (fsSelection | 0x0020) & ~0x0040 : fsSelection & ~0x0020
    if (!italic && weight < 700) fsSelection |= 0x0040
    view.setUint16(os2 + 62, fsSelection)
  }
  if (head !== undefined && head + 46 <= view.byteLength) {
    let macStyle = view.getUint16(head + 44)
    macStyle = italic ? macStyle | 0x0002 : macStyle & ~0x0002
    macStyle = weight >= 700 ? macStyle | 0x0001 : macStyle & ~0x0001
    view.setUint16(head + 44, macStyle)
  }
  return sfnt
}

const tag = (bytes: Uint8Array, at: number) => String.fromCharCode(bytes[at]!, bytes[at + 1]!, bytes[at + 2]!, bytes[at + 3]!)

function isSfnt(bytes: Uint8Array): boolean {
  if (bytes.length < 12) return false
  const t = tag(bytes, 0)
  return t === '\u0000\u0001\u0000\u0000' || t === 'OTTO' || t === 'true'
}

function isWoff1(bytes: Uint8Array): boolean {
  return bytes.length >= 44 && tag(bytes, 0) === 'wOFF'
}

/** Offset of a table in an sfnt, or undefined. */
function findTable(view: DataView, name: string): number | undefined {
  const count = view.getUint16(4)
  for (let i = 0; i < count; i++) {
    const record = 12 + 16 * i
    if (record + 16 > view.byteLength) return undefined
    const t = String.fromCharCode(view.getUint8(record), view.getUint8(record + 1), view.getUint8(record + 2), view.getUint8(record + 3))
    if (t === name) return view.getUint32(record + 8)
  }
  return undefined
}

/** WOFF 1.0 is an sfnt with zlib-compressed tables; undo that. Returns undefined when malformed. */
function unpackWoff1(bytes: Uint8Array): Uint8Array | undefined {
  try {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    const flavor = view.getUint32(4)
    const numTables = view.getUint16(12)
    const tables: { tag: number; checksum: number; data: Uint8Array }[] = []
    for (let i = 0; i < numTables; i++) {
      const entry = 44 + 20 * i
      const offset = view.getUint32(entry + 4)
      const compLength = view.getUint32(entry + 8)
      const origLength = view.getUint32(entry + 12)
      const stored = bytes.subarray(offset, offset + compLength)
      const data = compLength < origLength ? new Uint8Array(inflateSync(stored)) : stored
      if (data.length !== origLength) return undefined
      tables.push({ tag: view.getUint32(entry), checksum: view.getUint32(entry + 16), data })
    }
    const headerLength = 12 + 16 * numTables
    const total = tables.reduce((sum, t) => sum + ((t.data.length + 3) & ~3), headerLength)
    const out = new Uint8Array(total)
    const w = new DataView(out.buffer)
    let searchRange = 1
    let entrySelector = 0
    while (searchRange * 2 <= numTables) {
      searchRange *= 2
      entrySelector++
    }
    w.setUint32(0, flavor)
    w.setUint16(4, numTables)
    w.setUint16(6, searchRange * 16)
    w.setUint16(8, entrySelector)
    w.setUint16(10, numTables * 16 - searchRange * 16)
    let offset = headerLength
    tables.forEach((t, i) => {
      const record = 12 + 16 * i
      w.setUint32(record, t.tag)
      w.setUint32(record + 4, t.checksum)
      w.setUint32(record + 8, offset)
      w.setUint32(record + 12, t.data.length)
      out.set(t.data, offset)
      offset += (t.data.length + 3) & ~3
    })
    return out
  } catch {
    return undefined
  }
}
