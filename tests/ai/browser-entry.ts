// What the AI page exposes to the tests: the browser runtime and cut-out engine, from their own
// modules (not the package index, so the page bundles only the AI code).
import { createBrowserInferenceRuntime } from '../../packages/core/src/browser/ai/create-browser-inference-runtime.js'
import { createBrowserCutoutEngine } from '../../packages/core/src/browser/ai/create-browser-cutout-engine.js'
import { indexedDbAiCache } from '../../packages/core/src/browser/ai/indexed-db-cache.js'
import { browserModelHost } from '../../packages/core/src/browser/ai/browser-model-host.js'
import { browserPixelAccess } from '../../packages/core/src/browser/ai/browser-pixel-access.js'
import { CutoutEngine } from '../../packages/core/src/ai/cutout-engine.js'
import { MaskCache } from '../../packages/core/src/ai/mask-cache.js'
import { ModelRegistry } from '../../packages/core/src/ai/model-registry.js'
import { loadModelBytes } from '../../packages/core/src/ai/load-model-bytes.js'
import { maskIoU, alphaMask, boundaryF } from '../../packages/core/src/ai/mask.js'
import { createSelfieSegmenter } from '../../packages/core/src/browser/ai/mediapipe-selfie-segmenter.js'
import { createTasksVisionPersonSegmenter } from '../../packages/core/src/browser/ai/tasks-vision-person-segmenter.js'

import { BrowserPlatform } from '../../packages/core/src/browser/browser-platform.js'
import { AssetStore } from '../../packages/core/src/platform/asset-store.js'
import { FontLibrary } from '../../packages/core/src/text/font-library.js'
import { renderImage } from '../../packages/core/src/render-image.js'
import { parseTemplate } from '../../packages/core/src/document/validate-template.js'
import { parseCsv } from '../../packages/core/src/data/parse-csv.js'
import { bindRow } from '../../packages/core/src/data/bind-row.js'

/** The page's AI API, as `globalThis.vitrineAi`. */
export const vitrineAi = { createBrowserInferenceRuntime, createBrowserCutoutEngine, indexedDbAiCache, browserModelHost, browserPixelAccess, CutoutEngine, MaskCache, ModelRegistry, maskIoU, alphaMask, boundaryF, loadModelBytes, createSelfieSegmenter, createTasksVisionPersonSegmenter, BrowserPlatform, AssetStore, FontLibrary, renderImage, parseTemplate, parseCsv, bindRow }
Object.assign(globalThis, { vitrineAi })
