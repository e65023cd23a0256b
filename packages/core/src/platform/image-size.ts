/** A picture's format and pixel size, read from its header. */
export interface ImageSize {
  type: 'png' | 'jpeg' | 'webp' | 'gif'
  width: number
  height: number
}

/** File types recognised by their first bytes: the four Vitrine decodes, and common ones it refuses. */
export type SniffedFileType = ImageSize['type'] | 'bmp' | 'tiff' | 'avif' | 'heic' | 'ico' | 'svg' | 'pdf' | 'html'

/**
 * Reads the format and size of a PNG, JPEG, WebP or GIF from its header, without decoding it,
 * so that a huge picture can be refused before it takes memory. Returns undefined for other
 * formats and for headers that are truncated or damaged.
 *
 * @example
 * ```ts
 * const size = readImageSize(bytes)
 * if (size && size.width * size.height > 50e6) throw new Error('too large')
 * ```
 */
export function readImageSize(bytes: Uint8Array): ImageSize | undefined {
  switch (sniffFileType(bytes)) {
    case 'png':
      return pngSize(bytes)
    case 'gif':
      return bytes.length < 10 ? undefined : valid('gif', u16le(bytes, 6), u16le(bytes, 8))
    case 'webp':
      return webpSize(bytes)
    case 'jpeg':
      return jpegSize(bytes)
    default:
      return undefined
  }
}

/** Names the kind of file from its signature, or undefined when it is not one Vitrine knows. */
export function sniffFileType(bytes: Uint8Array): SniffedFileType | undefined {
  const ascii = (start: number, text: string) => [...text].every((c, i) => bytes[start + i] === c.charCodeAt(0))
  if (bytes.length >= 8 && ascii(0, '\x89PNG\r\n\x1a\n')) return 'png'
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg'
  if (bytes.length >= 6 && (ascii(0, 'GIF87a') || ascii(0, 'GIF89a'))) return 'gif'
  if (bytes.length >= 12 && ascii(0, 'RIFF') && ascii(8, 'WEBP')) return 'webp'
  if (bytes.length >= 2 && ascii(0, 'BM')) return 'bmp'
  if (bytes.length >= 4 && (ascii(0, 'II*\0') || ascii(0, 'MM\0*'))) return 'tiff'
  if (bytes.length >= 12 && ascii(4, 'ftyp')) {
    if (ascii(8, 'avif') || ascii(8, 'avis')) return 'avif'
    if (ascii(8, 'heic') || ascii(8, 'heix') || ascii(8, 'mif1') || ascii(8, 'msf1')) return 'heic'
  }
  if (bytes.length >= 4 && bytes[0] === 0 && bytes[1] === 0 && bytes[2] === 1 && bytes[3] === 0) return 'ico'
  if (bytes.length >= 4 && ascii(0, '%PDF')) return 'pdf'
  const head = new TextDecoder().decode(bytes.subarray(0, 512)).replace(/^\uFEFF/, '').trimStart().toLowerCase()
  if (head.startsWith('<svg') || (head.startsWith('<?xml') && head.includes('<svg'))) return 'svg'
  if (head.startsWith('<!doctype html') || head.startsWith('<html')) return 'html'
  return undefined
}

function valid(type: ImageSize['type'], width: number, height: number): ImageSize | undefined {
  return width > 0 && height > 0 ? { type, width, height } : undefined
}

function pngSize(bytes: Uint8Array): ImageSize | undefined {
  // The first chunk must be IHDR: 4-byte length, type, then width and height.
  if (bytes.length < 24 || String.fromCharCode(...bytes.subarray(12, 16)) !== 'IHDR') return undefined
  return valid('png', u32be(bytes, 16), u32be(bytes, 20))
}

function webpSize(bytes: Uint8Array): ImageSize | undefined {
  if (bytes.length < 16) return undefined
  const chunk = String.fromCharCode(...bytes.subarray(12, 16))
  if (chunk === 'VP8 ') {
    // Lossy: a 3-byte frame tag, the start code 9d 01 2a, then 14-bit width and height.
    if (bytes.length < 30 || bytes[23] !== 0x9d || bytes[24] !== 0x01 || bytes[25] !== 0x2a) return undefined
    return valid('webp', u16le(bytes, 26) & 0x3fff, u16le(bytes, 28) & 0x3fff)
  }
  if (chunk === 'VP8L') {
    // Lossless: signature 0x2f, then 14 bits of width - 1 and 14 bits of height - 1.
    if (bytes.length < 25 || bytes[20] !== 0x2f) return undefined
    const b1 = bytes[21] as number
    const b2 = bytes[22] as number
    const b3 = bytes[23] as number
    const b4 = bytes[24] as number
    return valid('webp', 1 + (b1 | ((b2 & 0x3f) << 8)), 1 + ((b2 >> 6) | (b3 << 2) | ((b4 & 0x0f) << 10)))
  }
  if (chunk === 'VP8X') {
    // Extended: flags (4 bytes), then 24-bit canvas width - 1 and height - 1.
    if (bytes.length < 30) return undefined
    return valid('webp', 1 + u24le(bytes, 24), 1 + u24le(bytes, 27))
  }
  return undefined
}

function jpegSize(bytes: Uint8Array): ImageSize | undefined {
  let i = 2
  while (i + 1 < bytes.length) {
    if (bytes[i] !== 0xff) return undefined
    // Any number of 0xff fill bytes may precede a marker.
    while (bytes[i] === 0xff && i + 1 < bytes.length) i++
    const marker = bytes[i] as number
    i++
    // Markers without a length: TEM, RST0-7, SOI.
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd8)) continue
    // End of image, or start of scan before any frame header: no size to be found.
    if (marker === 0xd9 || marker === 0xda) return undefined
    if (i + 2 > bytes.length) return undefined
    const length = u16be(bytes, i)
    if (length < 2) return undefined
    const isFrame = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc
    if (isFrame) {
      if (i + 7 > bytes.length) return undefined
      return valid('jpeg', u16be(bytes, i + 5), u16be(bytes, i + 3))
    }
    i += length
  }
  return undefined
}

const u16le = (b: Uint8Array, i: number) => (b[i] as number) | ((b[i + 1] as number) << 8)
const u16be = (b: Uint8Array, i: number) => ((b[i] as number) << 8) | (b[i + 1] as number)
const u24le = (b: Uint8Array, i: number) => (b[i] as number) | ((b[i + 1] as number) << 8) | ((b[i + 2] as number) << 16)
const u32be = (b: Uint8Array, i: number) => (((b[i] as number) << 24) >>> 0) + (((b[i + 1] as number) << 16) | ((b[i + 2] as number) << 8) | (b[i + 3] as number))
