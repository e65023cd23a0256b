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
export function timeoutError(url: string, timeoutMs: number, cause?: unknown, detail = ''): VitrineError {
  return new VitrineError('asset/timeout', `${url} timed out: expected a complete answer within ${timeoutMs} ms${detail}`, { cause })
}

/**
 * HTTP answers that say "not now" rather than "no": asked again, as curl's `--retry` does. A
 * CDN that rate-limits a batch's thousands of requests answers 429 or 503 for a moment.
 */
const RETRY_STATUSES = new Set([408, 429, 500, 502, 503, 504])
/** Asked again at most this many times. */
export const FETCH_RETRIES = 2
/** The longest wait a `Retry-After` header may ask for, in seconds; a longer one is cut to it. */
const MAX_RETRY_AFTER_S = 5

/**
 * Fetches a URL within a time limit (headers and body, retries included) and a byte limit (a
 * declared Content-Length over it is refused at once; a body is cut off as soon as it passes
 * it, so an oversized or endless answer never sits in memory whole). An answer of 408, 429,
 * 500, 502, 503 or 504 is asked again, at most {@link FETCH_RETRIES} times, after the wait its
 * `Retry-After` gives in seconds (at most 5 s), else after 0.25 s, then 1 s; all within the one
 * time limit. Both platforms use it with their own `fetch`. Rejects with VitrineErrors
 * `asset/not-found`, `asset/timeout`, `asset/too-large`.
 *
 * @param describeFailure turns a network failure into words (Node's undici hides the reason in `cause`)
 */
export async function fetchWithLimits(
  fetchImpl: FetchLike,
  url: string,
  { timeoutMs, maxBytes }: FetchOptions,
  describeFailure: (error: unknown) => string = (error) => (error as Error).message,
): Promise<Uint8Array> {
  let controller = new AbortController()
  let expired = false
  // Wakes a wait between tries when the time is up.
  let wake: (() => void) | undefined
  const timer = setTimeout(() => {
    expired = true
    controller.abort()
    wake?.()
  }, timeoutMs)
  // What the server answered before, for a timeout that comes while asking again.
  let answered = ''
  try {
    for (let attempt = 0; ; attempt++) {
      let response: FetchResponseLike
      try {
        response = await fetchImpl(url, controller.signal)
      } catch (error) {
        if (expired) throw timeoutError(url, timeoutMs, error, answered)
        throw new VitrineError('asset/not-found', `Could not fetch ${url}: the request failed (${describeFailure(error)})`, { cause: error })
      }
      if (!response.ok) {
        controller.abort()
        const status = `${response.status}${response.statusText ? ' ' + response.statusText : ''}`
        const tries = attempt === 0 ? '' : ` (asked ${attempt + 1} times)`
        if (!RETRY_STATUSES.has(response.status) || attempt >= FETCH_RETRIES) throw new VitrineError('asset/not-found', `Could not fetch ${url}: the server answered ${status}${tries}`)
        answered = ` (the server answered ${status}, and was asked again)`
        await new Promise<void>((resolve) => {
          const waiting = setTimeout(resolve, retryDelayMs(response.headers.get('retry-after'), attempt))
          wake = () => {
            clearTimeout(waiting)
            resolve()
          }
        })
        wake = undefined
        if (expired) throw timeoutError(url, timeoutMs, undefined, answered)
        controller = new AbortController()
        continue
      }
      return await readBody(response, controller, url, maxBytes)
    }
  } catch (error) {
    if (error instanceof VitrineError) throw error
    if (expired) throw timeoutError(url, timeoutMs, error, answered)
    throw new VitrineError('asset/not-found', `Could not read ${url}: ${(error as Error).message}`, { cause: error })
  } finally {
    clearTimeout(timer)
  }
}

/**
 * Reads an answer's body within the byte limit: a declared Content-Length over it is refused at
 * once, and a body is cut off (the request aborted) as soon as it passes it.
 */
async function readBody(response: FetchResponseLike, controller: AbortController, url: string, maxBytes: number): Promise<Uint8Array> {
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
}

/** The wait before asking again: `Retry-After` in seconds (at most 5), else 0.25 s, then 1 s. */
function retryDelayMs(retryAfter: string | null, attempt: number): number {
  const seconds = retryAfter === null || retryAfter.trim() === '' ? NaN : Number(retryAfter)
  if (Number.isFinite(seconds) && seconds >= 0) return Math.min(seconds, MAX_RETRY_AFTER_S) * 1000
  return 250 * 4 ** attempt
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
