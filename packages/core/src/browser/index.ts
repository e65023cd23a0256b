// @vitrine/core/browser: the browser Platform, plus what a page needs from core, in one import.
export { BrowserPlatform, type BrowserPlatformOptions } from './browser-platform.js'
export { builtInFontBaseUrl } from './built-in-font-base-url.js'

export {
  VitrineError,
  parseTemplate,
  formatCatalog,
  getFormat,
  resolve,
  renderFrame,
  renderImage,
  FontLibrary,
  DEFAULT_FONT_FAMILY,
  CURRENT_SCHEMA_VERSION,
} from '../index.js'
export type {
  VitrineErrorCode,
  VitrineIssue,
  Template,
  Format,
  SafeZone,
  Scene,
  SceneNode,
  SceneFontRef,
  Platform,
  Surface,
  DecodedImage,
  ImageType,
  EncodeOptions,
  FetchOptions,
  ResolveOptions,
  RenderImageOptions,
  RenderImageResult,
  FontLibraryOptions,
} from '../index.js'

export { bindRow, parseFeed, parseCsv, AssetStore } from '../index.js'
export type { BindRowOptions, BoundRow, BoundValues, BoundValue, Money, RawRow, RowError, ParsedFeed, ParseFeedOptions, AssetPolicy } from '../index.js'
