import { open } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { VitrineError, fetchWithLimits, timeoutError, tooLargeError, type FetchOptions, type FetchResponseLike } from '@vitrine/core'

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
export async function fetchBytes(url: string, options: FetchOptions, onFile?: FileReadListener): Promise<Uint8Array> {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    throw new VitrineError('asset/not-found', `Cannot fetch ${JSON.stringify(url)}: expected an absolute URL`)
  }
  if (parsed.protocol === 'file:') return readFileCapped(parsed, options, onFile === undefined ? undefined : (stamp) => onFile(url, stamp))
  if (parsed.protocol === 'http:' || parsed.protocol === 'https:' || parsed.protocol === 'data:') return fetchCapped(parsed.href, options)
  throw new VitrineError('asset/forbidden', `Cannot fetch ${url}: expected an http:, https:, file: or data: URL, found the ${parsed.protocol} scheme`)
}

/** A file's size and modification time, as `stat` gave them when it was read. */
export interface FileStamp {
  bytes: number
  modifiedMs: number
}

/** Told of each local file {@link fetchBytes} reads: its URL, and its size and time just before the read. */
export type FileReadListener = (url: string, stamp: FileStamp) => void

async function readFileCapped(url: URL, { timeoutMs, maxBytes }: FetchOptions, onStamp?: (stamp: FileStamp) => void): Promise<Uint8Array> {
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
    if (stat.size > maxBytes) throw tooLargeError(path, maxBytes, `${stat.size} bytes`)
    // Stamped before the read: a change made while reading shows as a newer time later.
    onStamp?.({ bytes: stat.size, modifiedMs: stat.mtimeMs })
    const signal = AbortSignal.timeout(timeoutMs)
    let bytes: Buffer
    try {
      bytes = await handle.readFile({ signal })
    } catch (error) {
      if (signal.aborted) throw timeoutError(path, timeoutMs, error)
      throw new VitrineError('asset/not-found', `Cannot read ${path}: ${(error as Error).message}`, { cause: error })
    }
    // The file may have grown between stat and read.
    if (bytes.length > maxBytes) throw tooLargeError(path, maxBytes, `${bytes.length} bytes`)
    return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  } finally {
    await handle.close()
  }
}

function fetchCapped(url: string, options: FetchOptions): Promise<Uint8Array> {
  return fetchWithLimits(
    (u, signal) => fetch(u, { signal, redirect: 'follow' }) as Promise<FetchResponseLike>,
    url,
    options,
    (error) => {
      // undici says only "fetch failed"; the reason (ECONNREFUSED, ENOTFOUND...) is in `cause`.
      const cause = (error as { cause?: { code?: string; message?: string } }).cause
      return cause?.code ?? cause?.message ?? (error as Error).message
    },
  )
}
