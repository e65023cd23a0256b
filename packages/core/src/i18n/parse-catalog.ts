import { parseCatalogJson } from './catalog-json.js'
import { parseXliff } from './catalog-xliff.js'
import type { MessageCatalog } from './message-catalog.js'

/**
 * Reads a message catalogue in either form: XLIFF 2.0 (a `.xlf`/`.xliff` file, or text that
 * starts with `<`) or Vitrine's JSON.
 *
 * @example
 * ```ts
 * const catalog = parseCatalog(await readFile(path, 'utf8'), path)
 * ```
 */
export function parseCatalog(text: string, file?: string): MessageCatalog {
  const body = text.replace(/^\ufeff/, '').trimStart()
  return /\.xliff?$/i.test(file ?? '') || body.startsWith('<') ? parseXliff(body, file) : parseCatalogJson(body, file)
}
