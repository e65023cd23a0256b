import { crc32 } from 'node:zlib'

/** The picture formats Vitrine decodes. */
export type PictureKind = 'PNG' | 'JPEG' | 'GIF' | 'WebP'

/** The picture format named by the first bytes, or undefined. */
export function pictureKind(bytes: Uint8Array): PictureKind | undefined {
  const b = (i: number) => bytes[i] ?? -1
  if (b(0) === 0x89 && b(1) === 0x50 && b(2) === 0x4e && b(3) === 0x47) return 'PNG'
  if (b(0) === 0xff && b(1) === 0xd8 && b(2) === 0xff) return 'JPEG'
  if (b(0) === 0x47 && b(1) === 0x49 && b(2) === 0x46 && b(3) === 0x38) return 'GIF'
  if (b(0) === 0x52 && b(1) === 0x49 && b(2) === 0x46 && b(3) === 0x46 && b(8) === 0x57 && b(9) === 0x45 && b(10) === 0x42 && b(11) === 0x50) return 'WebP'
  return undefined
}

/**
 * Says how a picture file is cut short or damaged, or returns undefined when its structure is
 * whole. Skia (like browsers) draws a truncated file without complaint, grey where the data
 * stops; a batch should rather fail that row than publish half a product photo.
 *
 * Checks: PNG chunks with their CRCs up to IEND; JPEG ends with an EOI marker; WebP holds the
 * whole RIFF size it declares; GIF ends with its trailer. All in one pass, without decoding.
 */
export function findPictureDamage(bytes: Uint8Array, kind: PictureKind): string | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  switch (kind) {
    case 'PNG': {
      let at = 8
      while (at + 12 <= bytes.length) {
        const length = view.getUint32(at)
        const type = String.fromCharCode(bytes[at + 4]!, bytes[at + 5]!, bytes[at + 6]!, bytes[at + 7]!)
        const end = at + 12 + length
        if (end > bytes.length) return `it is cut short inside its ${type} chunk at byte ${at} (${bytes.length} bytes)`
        if (crc32(bytes.subarray(at + 4, at + 8 + length)) !== view.getUint32(at + 8 + length)) return `its ${type} chunk at byte ${at} fails its checksum`
        if (type === 'IEND') return undefined
        at = end
      }
      return `it is cut short: no IEND chunk after ${bytes.length} bytes`
    }
    case 'JPEG': {
      // EOI (FF D9) ends the data; some writers append a few bytes after it.
      for (let i = bytes.length - 2; i >= Math.max(2, bytes.length - 1024); i--) if (bytes[i] === 0xff && bytes[i + 1] === 0xd9) return undefined
      return `it is cut short: no end-of-image marker after ${bytes.length} bytes`
    }
    case 'WebP': {
      const declared = bytes.length >= 8 ? view.getUint32(4, true) + 8 : Infinity
      return declared > bytes.length ? `it is cut short: ${bytes.length} of its ${declared} bytes are there` : undefined
    }
    case 'GIF': {
      for (let i = bytes.length - 1; i >= Math.max(6, bytes.length - 16); i--) if (bytes[i] === 0x3b) return undefined
      return `it is cut short: no trailer after ${bytes.length} bytes`
    }
  }
}
