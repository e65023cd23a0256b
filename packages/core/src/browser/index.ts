// @vitrine/core/browser: the browser Platform, plus what a page needs from core, in one import.
export { BrowserPlatform, type BrowserPlatformOptions } from './browser-platform.js'
export { builtInFontBaseUrl } from './built-in-font-base-url.js'
export { browserVideoEncoder } from './video/browser-video-encoder.js'
export type { BrowserVideoEncoderOptions } from './video/browser-video-encoder.js'
export { webCodecsEncoder } from './video/webcodecs-encoder.js'
export type { WebCodecsEncoderOptions } from './video/webcodecs-encoder.js'
export { ffmpegWasmEncoder } from './video/ffmpeg-wasm-encoder.js'
export type { FfmpegWasmEncoderOptions } from './video/ffmpeg-wasm-encoder.js'
export { chooseVideoConfig, webCodecsCandidates } from './video/choose-video-config.js'
export { loadFfmpegWasm } from './video/load-ffmpeg-wasm.js'
export type { FfmpegWasmFiles } from './video/load-ffmpeg-wasm.js'
export { mixdownAudio } from './video/mixdown-audio.js'
export { renderVideo, frameCount, frameTime, sampleAnimation, prepareFrame } from '../index.js'
export type { RenderVideoOptions, RenderVideoResult, VideoEncoder, VideoEncoderFactory, VideoEncodeRequest, VideoEncoderInfo, EncodedVideo, VideoContainer, VideoCodec, SceneTimeline } from '../index.js'

export {
  VitrineError,
  parseTemplate,
  parseCatalog,
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
  MarketProfile,
  MessageCatalog,
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

export { createBrowserInferenceRuntime } from './ai/create-browser-inference-runtime.js'
export type { BrowserInferenceRuntime, BrowserInferenceRuntimeOptions } from './ai/create-browser-inference-runtime.js'
export { createBrowserCutoutEngine } from './ai/create-browser-cutout-engine.js'
export type { BrowserCutoutEngineOptions } from './ai/create-browser-cutout-engine.js'
export { browserModelHost } from './ai/browser-model-host.js'
export { browserPixelAccess } from './ai/browser-pixel-access.js'
export { indexedDbAiCache } from './ai/indexed-db-cache.js'
export { CutoutEngine, ModelRegistry, MaskCache, parseModelSpec, maskIoU, boundaryF } from '../index.js'
export type { InferenceRuntime, InferenceSession, BackendReport, ModelSpec, Mask, CutoutSubject } from '../index.js'
export { createSelfieSegmenter } from './ai/mediapipe-selfie-segmenter.js'
export type { SelfieSegmenterOptions } from './ai/mediapipe-selfie-segmenter.js'
export { createTasksVisionPersonSegmenter } from './ai/tasks-vision-person-segmenter.js'
export type { TasksVisionPersonSegmenterOptions } from './ai/tasks-vision-person-segmenter.js'
