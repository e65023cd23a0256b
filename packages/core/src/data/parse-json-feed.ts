import { VitrineError, describeValue } from '../errors/vitrine-error.js'
import { describeRow, type FeedParseResult, type RawRow, type RowError } from './feed-rows.js'

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

/**
 * Reads a JSON feed: an array of row objects, or an object with a `rows` array. Invalid JSON
 * throws a `data/invalid` VitrineError naming the line and column; a row that is not an object
 * becomes a `data/invalid` row error and only that row fails.
 *
 * @example
 * ```ts
 * parseJsonFeed('{"rows":[{"sku":"A-1","price":49.99}]}').rows[0]?.pointer // '/rows/0'
 * ```
 */
export function parseJsonFeed(text: string): FeedParseResult {
  const source = stripBom(text)
  let data: unknown
  try {
    data = JSON.parse(source)
  } catch (error) {
    const where = jsonErrorLocation(source, error)
    const hint = looksLikeNdjson(source) ? '; it looks like one JSON object per line: name the file .ndjson or .jsonl' : ''
    throw new VitrineError('data/invalid', `The JSON feed is not valid JSON at ${where.text}: ${where.reason}${hint}`, { cause: error })
  }
  let items: unknown[]
  let base: string
  if (Array.isArray(data)) {
    items = data
    base = ''
  } else if (isObject(data) && Array.isArray(data.rows)) {
    items = data.rows
    base = '/rows'
  } else {
    const found = isObject(data) ? `an object with keys ${Object.keys(data).slice(0, 8).join(', ') || '(none)'}` : describeValue(data)
    throw new VitrineError('data/invalid', `The JSON feed must be an array of row objects or an object with a "rows" array; found ${found}`, {
      path: isObject(data) ? '/rows' : '',
      issues: [{ path: isObject(data) ? '/rows' : '', message: 'expected an array of row objects', expected: 'an array of row objects', found }],
    })
  }
  const lines = elementLines(source, base === '/rows')
  const columns = new Set<string>()
  const rows: RawRow[] = []
  const errors: RowError[] = []
  items.forEach((item, i) => {
    const index = i + 1
    const line = lines[i] ?? 1
    const pointer = `${base}/${i}`
    if (!isObject(item)) {
      const message = `${describeRow(index, line)}, ${pointer}: expected a row object, found ${describeValue(item)}`
      const issue = { path: pointer, message, expected: 'a row object', found: describeValue(item) }
      errors.push({ index, line, pointer, error: new VitrineError('data/invalid', message, { path: pointer, issues: [issue] }) })
      return
    }
    for (const key of Object.keys(item)) columns.add(key)
    rows.push({ index, line, pointer, values: item })
  })
  return { columns: [...columns], rows, errors }
}

/**
 * Reads an NDJSON (JSON Lines) feed: one row object per non-empty line. A line that is not
 * valid JSON, or not an object, fails alone.
 */
export function parseNdjsonFeed(text: string): FeedParseResult {
  const lines = stripBom(text).split(/\r\n|\r|\n/)
  const columns = new Set<string>()
  const rows: RawRow[] = []
  const errors: RowError[] = []
  let index = 0
  lines.forEach((content, l) => {
    if (content.trim() === '') return
    index++
    const line = l + 1
    const pointer = `/rows/${index - 1}`
    let item: unknown
    try {
      item = JSON.parse(content)
    } catch (error) {
      const where = jsonErrorLocation(content, error)
      const message = `${describeRow(index, line)}: not valid JSON at column ${where.column}: ${where.reason}`
      errors.push({ index, line, pointer, error: new VitrineError('data/invalid', message, { path: pointer, cause: error }) })
      return
    }
    if (!isObject(item)) {
      const message = `${describeRow(index, line)}, ${pointer}: expected a row object, found ${describeValue(item)}`
      const issue = { path: pointer, message, expected: 'a row object', found: describeValue(item) }
      errors.push({ index, line, pointer, error: new VitrineError('data/invalid', message, { path: pointer, issues: [issue] }) })
      return
    }
    for (const key of Object.keys(item)) columns.add(key)
    rows.push({ index, line, pointer, values: item })
  })
  return { columns: [...columns], rows, errors }
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
}

function looksLikeNdjson(text: string): boolean {
  const lines = text.split(/\r\n|\r|\n/).filter((l) => l.trim() !== '')
  if (lines.length < 2) return false
  try {
    return isObject(JSON.parse(lines[0] ?? '')) && isObject(JSON.parse(lines[1] ?? ''))
  } catch {
    return false
  }
}

/**
 * Where JSON.parse stopped, from its message: V8 says `at position N` (newer versions add
 * `(line L column C)`), Firefox says `at line L column C`; the end of input has neither.
 */
function jsonErrorLocation(text: string, error: unknown): { text: string; line: number; column: number; reason: string } {
  const message = error instanceof Error ? error.message : String(error)
  const reason = message
    .replace(/\s*\(line \d+ column \d+\)/, '')
    .replace(/ (in|after) JSON at position \d+/, (_, word: string) => (word === 'after' ? ' after the JSON value' : ''))
    .replace(/^JSON\.parse: /, '')
    .replace(/ at line \d+ column \d+ of the JSON data$/, '')
  let line: number
  let column: number
  const lc = /line (\d+) column (\d+)/.exec(message)
  const pos = /position (\d+)/.exec(message)
  if (lc) {
    line = Number(lc[1])
    column = Number(lc[2])
  } else {
    const offset = pos ? Number(pos[1]) : text.length
    const before = text.slice(0, offset)
    line = before.split('\n').length
    column = offset - before.lastIndexOf('\n')
  }
  return { text: `line ${line}, column ${column}`, line, column, reason }
}

/**
 * The 1-based line where each element of the rows array starts: the top-level array, or the
 * array under the top-level `rows` key. Only called on text that JSON.parse accepted.
 */
function elementLines(text: string, underRowsKey: boolean): number[] {
  const lines: number[] = []
  const stack: string[] = []
  let line = 1
  let targetDepth = -1
  let awaitingElement = false
  let expectKey = false
  let lastKey: string | undefined
  for (let i = 0; i < text.length; i++) {
    const char = text[i] as string
    if (char === '\n') {
      line++
      continue
    }
    if (char === ' ' || char === '\t' || char === '\r') continue
    if (awaitingElement && char !== ']') {
      lines.push(line)
      awaitingElement = false
    }
    if (char === '"') {
      let j = i + 1
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1
      if (expectKey && stack.length === 1) lastKey = JSON.parse(text.slice(i, j + 1)) as string
      i = j
      continue
    }
    if (char === '{' || char === '[') {
      const isTarget =
        char === '[' && targetDepth === -1 && (underRowsKey ? stack.length === 1 && stack[0] === '{' && lastKey === 'rows' : stack.length === 0)
      stack.push(char)
      if (isTarget) {
        // With duplicate "rows" keys JSON.parse keeps the last array, and so do we.
        lines.length = 0
        targetDepth = stack.length
        awaitingElement = true
      }
      expectKey = char === '{'
      continue
    }
    if (char === '}' || char === ']') {
      if (stack.length === targetDepth) {
        targetDepth = -1
        awaitingElement = false
      }
      stack.pop()
      continue
    }
    if (char === ',') {
      if (stack.length === targetDepth && stack[stack.length - 1] === '[') awaitingElement = true
      expectKey = stack[stack.length - 1] === '{'
      continue
    }
    if (char === ':') expectKey = false
  }
  return lines
}
