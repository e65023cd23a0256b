// PLACEHOLDER: the data/asset helper implements this file. Contract below.
import type { DecodedImage, Platform } from './platform.js'

/** Limits and locations for loading assets (images, fonts) named by templates and data rows. */
export interface AssetPolicy {
  /** URL that relative sources resolve against (the data file's folder as a `file:` URL in Node, the page in browsers). Ends with `/`. */
  baseUrl: string
  /** `file:` URLs must be inside one of these folder URLs (default: the folder of baseUrl). */
  allowedRoots?: string[]
  /** Per-fetch time limit, default 10 s. */
  timeoutMs?: number
  /** Per-asset byte limit, default 25 MB. */
  maxBytes?: number
  /** Refuse pictures with more pixels than this, default 50 megapixels. */
  maxPixels?: number
}

/** Loads and caches decoded images by resolved URL. */
export declare class AssetStore {
  constructor(platform: Platform, policy: AssetPolicy)
  /** Resolves a source against the policy, or throws VitrineError asset/forbidden. */
  resolveUrl(src: string, path: string): string
  /** Loads (once) and returns the decoded image. `path` is the JSON pointer for errors. */
  loadImage(src: string, path: string): Promise<{ key: string; image: DecodedImage }>
  get(key: string): DecodedImage | undefined
}
