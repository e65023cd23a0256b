import { VitrineError } from '../../errors/vitrine-error.js'
import type { ModelHost } from '../../ai/load-model-bytes.js'

/**
 * Gets model files with `fetch` (relative URLs resolve against `baseUrl`, default the page) and
 * hashes them with WebCrypto. Reports bytes as they stream in.
 *
 * @example
 * ```ts
 * const host = browserModelHost('/models/')
 * ```
 */
export function browserModelHost(baseUrl: string = location.href): ModelHost {
  return {
    async fetchModelFile(url, onBytes) {
      const href = new URL(url, new URL(baseUrl, location.href)).href
      const response = await fetch(href)
      if (!response.ok) throw new VitrineError('ai/model-load-failed', `Could not fetch model file ${href}: HTTP ${response.status}`)
      if (!response.body) return new Uint8Array(await response.arrayBuffer())
      const length = Number(response.headers.get('content-length') ?? 0)
      const reader = response.body.getReader()
      const chunks: Uint8Array[] = []
      let received = 0
      for (;;) {
        const { done, value } = await reader.read()
        if (done) break
        chunks.push(value)
        received += value.length
        onBytes?.(received)
      }
      const out = new Uint8Array(length === received ? length : received)
      let offset = 0
      for (const chunk of chunks) {
        out.set(chunk, offset)
        offset += chunk.length
      }
      return out
    },
    async sha256(bytes) {
      const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>)
      return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('')
    },
  }
}
