/**
 * The URL of the folder that holds Vitrine's built-in font files (`@vitrine/core/fonts/`),
 * ending in `/`, for the `builtInBaseUrl` of a `FontLibrary`. Found next to this module, so it
 * works wherever `@vitrine/core` is served from; bundlers that move files elsewhere should copy
 * `@vitrine/core/fonts/` and pass their own URL instead.
 *
 * @example
 * ```ts
 * const fonts = new FontLibrary(new BrowserPlatform(), { builtInBaseUrl: builtInFontBaseUrl() })
 * ```
 */
export function builtInFontBaseUrl(): string {
  return fontBaseUrlFor(import.meta.url)
}

/**
 * The fonts folder for a module URL of `@vitrine/core/browser`: the bundle `dist/browser.js`
 * sits one folder below the package root, this source file (which dev servers and the test
 * runner serve as is) two.
 */
export function fontBaseUrlFor(moduleUrl: string): string {
  const here = new URL(moduleUrl)
  const fromSource = /\/src\/browser\/[^/]+$/.test(here.pathname)
  return new URL(fromSource ? '../../fonts/' : '../fonts/', here).href
}
