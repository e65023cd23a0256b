// @vitrine/core/browser: the browser Platform, plus what a page needs from core in one import.
export { BrowserPlatform, describeBytes, type BrowserPlatformOptions } from './browser-platform.js'
export { builtInFontBaseUrl } from './built-in-font-base-url.js'
