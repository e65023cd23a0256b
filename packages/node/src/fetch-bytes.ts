import { open } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { VitrineError, type FetchOptions } from '@vitrine/core'

/**
 * Reads the bytes behind a `file:`, `http:`, `https:` or `data:` URL within a time and size
 * limit. A file is measured before it is read, and a download stops as soon as it passes the
 * limit, so an oversized asset never sits in memory whole.
 *
 * Rejects with VitrineErrors `asset/not-found` (missing file, not a file, unreadable, HTTP error,
 * network failure), `asset/timeout`, `asset/too-large`, or `asset/forbidden` for other schemes.
 *
 * @example
 * ```ts
 * const bytes = await fetchBytes('https://cdn.example/shirt.jpg', { timeoutMs: 10_000, maxBytes: 25e6 })
 * ```
 */
export async function fetchBytes(url: string, options: FetchOptions): Promise<Uint8Array> {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    throw new VitrineError('asset/not-found', `Cannot fetch ${JSON.stringify(url)}: expected an absolute URL`)
  }
  if (parsed.protocol === 'file:') return readFileCapped(parsed, options)
  if (parsed.protocol === 'http:' || parsed.protocol === 'https:' || parsed.protocol === 'data:') return fetchCapped(parsed.href, options)
  throw new VitrineError('asset/forbidden', `Cannot fetch ${url}: expected an http:, https:, file: or data: URL, found the ${parsed.protocol} scheme`)
}

function tooLarge(url: string, maxBytes: number, found: string): VitrineError {
  return new VitrineError('asset/too-large', `${url} is too large: expected at most ${maxBytes} bytes, found ${found}`)
}

function timedOut(url: string, timeoutMs: number, cause?: unknown): VitrineError {
  return new VitrineError('asset/timeout', `${url} timed out: expected a complete answer within ${timeoutMs} ms`, { cause })
}

async function readFileCapped(url: URL, { timeoutMs, maxBytes }: FetchOptions): Promise<Uint8Array> {
  const path = fileURLToPath(url)
  let handle: Awaited<ReturnType<typeof open>>
  try {
    handle = await open(path, 'r')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    const why = code === 'ENOENT' ? 'no such file' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : (error as Error).message
    throw new VitrineError('asset/not-found', `Cannot read ${path}: ${why}`, { cause: error })
  }
  try {
    const stat = await handle.stat()
    if (!stat.isFile()) throw new VitrineError('asset/not-found', `Cannot read ${path}: expected a file, found a ${stat.isDirectory() ? 'folder' : 'special file'}`)
    if (stat.size > maxBytes) throw tooLarge(path, maxBytes, `${stat.size} bytes`)
    const signal = AbortSignal.timeout(timeoutMs)
    let bytes: Buffer
    try {
      bytes = await handle.readFile({ signal })
    } catch (error) {
      if (signal.aborted) throw timedOut(path, timeoutMs, error)
      throw new VitrineError('asset/not-found', `Cannot read ${path}: ${(error as Error).message}`, { cause: error })
    }
    // The file may have grown between stat and read.
    if (bytes.length > maxBytes) throw tooLarge(path, maxBytes, `${bytes.length} bytes`)
    return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  } finally {
    await handle.close()
  }
}

async function fetchCapped(url: string, { timeoutMs, maxBytes }: FetchOptions): Promise<Uint8Array> {
  const controller = new AbortController()
  let expired = false
  const timer = setTimeout(() => {
    expired = true
    controller.abort()
  }, timeoutMs)
  try {
    let response: Response
    try {
      response = await fetch(url, { signal: controller.signal, redirect: 'follow' })
    } catch (error) {
      if (expired) throw timedOut(url, timeoutMs, error)
      const cause = (error as { cause?: { code?: string; message?: string } }).cause
      const detail = cause?.code ?? cause?.message ?? (error as Error).message
      throw new VitrineError('asset/not-found', `Could not fetch ${url}: the request failed (${detail})`, { cause: error })
    }
    if (!response.ok) {
      controller.abort()
      throw new VitrineError('asset/not-found', `Could not fetch ${url}: the server answered ${response.status}${response.statusText ? ' ' + response.statusText : ''}`)
    }
    const declared = Number(response.headers.get('content-length') ?? NaN)
    if (Number.isFinite(declared) && declared > maxBytes) {
      controller.abort()
      throw tooLarge(url, maxBytes, `Content-Length ${declared}`)
    }
    if (!response.body) return new Uint8Array(0)
    const chunks: Uint8Array[] = []
    let total = 0
    try {
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
        total += chunk.byteLength
        if (total > maxBytes) {
          controller.abort()
          throw tooLarge(url, maxBytes, `more than ${maxBytes} bytes`)
        }
        chunks.push(chunk)
      }
    } catch (error) {
      if (error instanceof VitrineError) throw error
      if (expired) throw timedOut(url, timeoutMs, error)
      throw new VitrineError('asset/not-found', `Could not read ${url}: ${(error as Error).message}`, { cause: error })
    }
    return concat(chunks, total)
  } finally {
    clearTimeout(timer)
  }
}

function concat(chunks: Uint8Array[], total: number): Uint8Array {
  if (chunks.length === 1) return chunks[0]!
  const out = new Uint8Array(total)
  let offset = 0
  for (const chunk of chunks) {
    out.set(chunk, offset)
    offset += chunk.byteLength
  }
  return out
}
