// @vitrine/node — public API. Named exports only: this list is the API.

export { NodePlatform } from './node-platform.js'
export type { NodePlatformOptions } from './node-platform.js'
export type { EncoderSettings } from './encode-canvas.js'
export { builtInFontBaseUrl } from './built-in-font-base-url.js'
export { renderBatch } from './render-batch.js'
export type { RenderBatchOptions, BatchProgress, BatchResult } from './render-batch.js'
export type { BatchManifest } from './write-manifest.js'
export type { WrittenOutput, FailedOutput } from './row-renderer.js'
