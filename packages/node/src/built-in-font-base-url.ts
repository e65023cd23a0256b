import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { pathToFileURL } from 'node:url'

/**
 * The `file:` URL of the folder that holds Vitrine's built-in font files (`@vitrine/core`'s
 * `fonts/`), ending in `/`, for {@link FontLibrary}'s `builtInBaseUrl`.
 *
 * @example
 * ```ts
 * const fonts = new FontLibrary(new NodePlatform(), { builtInBaseUrl: builtInFontBaseUrl() })
 * ```
 */
export function builtInFontBaseUrl(): string {
  const corePackage = createRequire(import.meta.url).resolve('@vitrine/core/package.json')
  return pathToFileURL(join(dirname(corePackage), 'fonts') + '/').href
}
