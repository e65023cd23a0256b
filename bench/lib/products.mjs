import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'

/**
 * Parses CSV text (RFC 4180: quoted fields, doubled quotes, quoted newlines, CRLF, a BOM).
 * The benchmark's own small reader, so every contender gets the same rows.
 */
export function parseCsv(text) {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1)
  const records = []
  let record = []
  let field = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"'
          i++
        } else quoted = false
      } else field += ch
    } else if (ch === '"') quoted = true
    else if (ch === ',') {
      record.push(field)
      field = ''
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++
      record.push(field)
      records.push(record)
      record = []
      field = ''
    } else field += ch
  }
  if (field !== '' || record.length > 0) {
    record.push(field)
    records.push(record)
  }
  const [header, ...body] = records.filter((r) => !(r.length === 1 && r[0] === ''))
  return body.map((r) => Object.fromEntries(header.map((name, i) => [name.trim(), r[i] ?? ''])))
}

/**
 * Reads the product feed and repeats its rows until there are `count` of them.
 * Each row keeps its CSV strings and gains `imagePath`, the image file as an absolute path.
 */
export function loadProducts(csvPath, count) {
  const rows = parseCsv(readFileSync(csvPath, 'utf8'))
  if (rows.length === 0) throw new Error(`${csvPath} has no data rows`)
  const folder = dirname(csvPath)
  const withPaths = rows.map((row) => ({ ...row, imagePath: resolve(folder, row.image) }))
  return Array.from({ length: count }, (_, i) => withPaths[i % withPaths.length])
}

const csvCell = (value) => (/[",\n\r]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value)

/**
 * Writes a feed of `count` rows (the example feed repeated, each copy with its own id, since a
 * batch refuses duplicate ids) into `folder`, with image paths relative to it.
 */
export function writeRepeatedFeed(dataPath, count, folder) {
  const rows = loadProducts(dataPath, count)
  const columns = Object.keys(rows[0]).filter((c) => c !== 'imagePath')
  const lines = [columns.join(',')]
  rows.forEach((row, i) => {
    const copy = { ...row, sku: `${row.sku}-r${i}`, image: relative(folder, row.imagePath).split('\\').join('/') }
    lines.push(columns.map((c) => csvCell(String(copy[c] ?? ''))).join(','))
  })
  mkdirSync(folder, { recursive: true })
  const file = join(folder, `products-${count}.csv`)
  writeFileSync(file, lines.join('\n') + '\n')
  return file
}
