// The few web-standard globals that exist in every environment Vitrine runs in (browsers,
// workers, Node 20+). Core may use these and nothing else of the host: DOM and Node APIs go
// through the Platform adapter. ESLint enforces the same list.
declare class URL {
  constructor(url: string, base?: string | URL)
  href: string
  protocol: string
  hostname: string
  origin: string
  pathname: string
  search: string
  toString(): string
}
declare class TextEncoder {
  encode(input?: string): Uint8Array
}
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean })
  decode(input?: ArrayBufferView | ArrayBuffer): string
}
declare const console: {
  log(...args: unknown[]): void
  warn(...args: unknown[]): void
  error(...args: unknown[]): void
}
declare function setTimeout(callback: () => void, ms?: number): unknown
declare function clearTimeout(handle: unknown): void
interface AbortSignal {
  readonly aborted: boolean
}
declare class AbortController {
  readonly signal: AbortSignal
  abort(reason?: unknown): void
}
