import { AssetStore, BrowserPlatform, FontLibrary, builtInFontBaseUrl, type AssetPolicy, type Platform } from '@vitrine/core/browser'

/** What a preview draws with. Every preview on a page shares one set unless given its own. */
export interface PreviewResources {
  platform: Platform
  fonts: FontLibrary
  /** The asset store for pictures whose relative URLs resolve against `baseUrl`. */
  assetsFor(baseUrl: string): AssetStore
}

let shared: PreviewResources | undefined

/**
 * The page-wide platform, font library and asset stores (one per base URL), made on first
 * use: fonts register once per page and a picture used by many previews decodes once.
 */
export function sharedPreviewResources(): PreviewResources {
  if (shared) return shared
  const platform = new BrowserPlatform()
  const fonts = new FontLibrary(platform, { builtInBaseUrl: builtInFontBaseUrl() })
  const stores = new Map<string, AssetStore>()
  shared = {
    platform,
    fonts,
    assetsFor(baseUrl) {
      let store = stores.get(baseUrl)
      if (!store) {
        const policy: AssetPolicy = { baseUrl }
        store = new AssetStore(platform, policy)
        stores.set(baseUrl, store)
      }
      return store
    },
  }
  return shared
}

/** The folder URL (ending in `/`) that relative asset URLs of a template at `url` resolve against. */
export function folderOf(url: string): string {
  return new URL('./', url).href
}
