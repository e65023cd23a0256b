import { VitrineError } from '../errors/vitrine-error.js'
import type { FetchOptions } from './platform.js'

/** The parts of a WHATWG `Response` this module reads (browsers' and Node's `fetch` both fit). */
export interface FetchResponseLike {
  readonly ok: boolean
  readonly status: number
  readonly statusText: string
  readonly headers: { get(name: string): string | null }
  readonly body: { getReader(): { read(): Promise<{ done: boolean; value?: Uint8Array }>; cancel(): Promise<void> } } | null
  arrayBuffer(): Promise<ArrayBuffer>
}

/** A `fetch` function, given the abort signal to honour. */
export type FetchLike = (url: string, signal: AbortSignal) => Promise<FetchResponseLike>

/** `asset/too-large` for a URL or path. */
export function tooLargeError(url: string, maxBytes: number, found: string): VitrineError {
  return new VitrineError('asset/too-large', `${url} is too large: expected at most ${maxBytes} bytes, found ${found}`)
}

/** `asset/timeout` for a URL or path. */
export function timeoutError(url: string, timeoutMs: number, cause?: unknown): VitrineError {
  return new VitrineError('asset/timeout', `${url} timed out: expected a complete answer within ${timeoutMs} ms`, { cause })
}

/**
 * Fetches a URL within a time limit (headers and body) and a byte limit (a declared
 * Content-Length over it is refused at once; a body is cut off as soon as it passes it, so an
 * oversized or endless answer never sits in memory whole). Both platforms use it with their own
 * `fetch`. Rejects with VitrineErrors `asset/not-found`, `asset/timeout`, `asset/too-large`.
 *
 * @param describeFailure turns a network failure into words (Node's undici hides the reason in `cause`)
 */
export async function fetchWithLimits(
  fetchImpl: FetchLike,
  url: string,
  { timeoutMs, maxBytes }: FetchOptions,
  describeFailure: (error: unknown) => string = (error) => (error as Error).message,
): Promise<Uint8Array> {
  const controller = new AbortController()
  let expired = false
  const timer = setTimeout(() => {
    expired = true
    controller.abort()
  }, timeoutMs)
  try {
    let response: FetchResponseLike
    try {
      response = await fetchImpl(url, controller.signal)
    } catch (error) {
      if (expired) throw timeoutError(url, timeoutMs, error)
      throw new VitrineError('asset/not-found', `Could not fetch ${url}: the request failed (${describeFailure(error)})`, { cause: error })
    }
    if (!response.ok) {
      controller.abort()
      throw new VitrineError('asset/not-found', `Could not fetch ${url}: the server answered ${response.status}${response.statusText ? ' ' + response.statusText : ''}`)
    }
    const declared = Number(response.headers.get('content-length') ?? NaN)
    if (Number.isFinite(declared) && declared > maxBytes) {
      controller.abort()
      throw tooLargeError(url, maxBytes, `Content-Length ${declared}`)
    }
    if (!response.body) return new Uint8Array(await response.arrayBuffer())
    const reader = response.body.getReader()
    const chunks: Uint8Array[] = []
    let total = 0
    for (;;) {
      const { done, value } = await reader.read()
      if (done || !value) break
      total += value.byteLength
      if (total > maxBytes) {
        controller.abort()
        void reader.cancel().catch(() => {})
        throw tooLargeError(url, maxBytes, `more than ${maxBytes} bytes`)
      }
      chunks.push(value)
    }
    return concatBytes(chunks, total)
  } catch (error) {
    if (error instanceof VitrineError) throw error
    if (expired) throw timeoutError(url, timeoutMs, error)
    throw new VitrineError('asset/not-found', `Could not read ${url}: ${(error as Error).message}`, { cause: error })
  } finally {
    clearTimeout(timer)
  }
}

function concatBytes(chunks: Uint8Array[], total: number): Uint8Array {
  if (chunks.length === 1) return chunks[0]!
  const out = new Uint8Array(total)
  let offset = 0
  for (const chunk of chunks) {
    out.set(chunk, offset)
    offset += chunk.byteLength
  }
  return out
}
