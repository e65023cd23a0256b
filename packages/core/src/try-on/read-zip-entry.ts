/**
 * One stored (uncompressed) file of a zip archive, e.g. the face geometry inside a MediaPipe
 * `.task` bundle. Returns `undefined` when the archive has no such file; throws a RangeError when
 * the bytes are not a zip or the file is compressed.
 */
export function readStoredZipEntry(zip: Uint8Array, name: string): Uint8Array | undefined {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength)
  // End of central directory: the last 22 bytes, or earlier when there is a comment.
  let end = -1
  for (let p = zip.length - 22; p >= Math.max(0, zip.length - 22 - 0xffff); p--) {
    if (view.getUint32(p, true) === 0x06054b50) {
      end = p
      break
    }
  }
  if (end < 0) throw new RangeError('readStoredZipEntry: not a zip archive (no end of central directory)')
  const count = view.getUint16(end + 10, true)
  let p = view.getUint32(end + 16, true)
  const decoder = new TextDecoder()
  for (let i = 0; i < count; i++) {
    if (view.getUint32(p, true) !== 0x02014b50) throw new RangeError('readStoredZipEntry: broken central directory')
    const method = view.getUint16(p + 10, true)
    const size = view.getUint32(p + 20, true)
    const nameLength = view.getUint16(p + 28, true)
    const extraLength = view.getUint16(p + 30, true)
    const commentLength = view.getUint16(p + 32, true)
    const local = view.getUint32(p + 42, true)
    const entryName = decoder.decode(zip.subarray(p + 46, p + 46 + nameLength))
    if (entryName === name) {
      if (method !== 0) throw new RangeError(`readStoredZipEntry: ${name} is compressed (method ${method}); only stored files are read`)
      const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true)
      return zip.subarray(start, start + size)
    }
    p += 46 + nameLength + extraLength + commentLength
  }
  return undefined
}
