import { CutoutEngine, type CutoutEngineOptions } from '../../ai/cutout-engine.js'
import { MaskCache } from '../../ai/mask-cache.js'
import { ModelRegistry } from '../../ai/model-registry.js'
import type { ModelSpec } from '../../ai/model-spec.js'
import { browserModelHost } from './browser-model-host.js'
import { browserPixelAccess } from './browser-pixel-access.js'
import { createBrowserInferenceRuntime, type BrowserInferenceRuntimeOptions } from './create-browser-inference-runtime.js'
import { indexedDbAiCache } from './indexed-db-cache.js'

/** Options for {@link createBrowserCutoutEngine}. */
export interface BrowserCutoutEngineOptions extends BrowserInferenceRuntimeOptions {
  /** The models the host serves (file URLs relative to `modelBaseUrl`). */
  models: readonly ModelSpec[] | ModelRegistry
  /** Folder URL the models' file URLs resolve against; default the page. */
  modelBaseUrl?: string
  /** IndexedDB database for models and masks; `false` for none. Default `vitrine-ai`. */
  cacheName?: string | false
  modelIds?: CutoutEngineOptions['modelIds']
  /** For `person` cut-outs, e.g. {@link createSelfieSegmenter}; default the registered models. */
  personSegmenter?: CutoutEngineOptions['personSegmenter']
  timeoutMs?: number
  onProgress?: CutoutEngineOptions['onProgress']
}

/**
 * A {@link CutoutEngine} for browsers: onnxruntime-web in a worker (WebGPU, else wasm), model
 * files fetched from the host's own origin and hash-checked, models and masks kept in IndexedDB.
 *
 * @example
 * ```ts
 * const engine = await createBrowserCutoutEngine({ ortBaseUrl: '/vendor/ort/', models: [isnet], modelBaseUrl: '/models/' })
 * const { image } = await engine.cutout(decoded, 'shoe.jpg', { subject: 'product' })
 * ```
 */
export async function createBrowserCutoutEngine(options: BrowserCutoutEngineOptions): Promise<CutoutEngine> {
  const runtime = await createBrowserInferenceRuntime(options)
  const models = options.models instanceof ModelRegistry ? options.models : new ModelRegistry(options.models)
  const cache = options.cacheName === false ? undefined : indexedDbAiCache(options.cacheName)
  return new CutoutEngine({
    runtime,
    models,
    host: browserModelHost(options.modelBaseUrl),
    pixels: browserPixelAccess,
    modelCache: cache?.models,
    masks: new MaskCache({ store: cache?.masks }),
    modelIds: options.modelIds,
    personSegmenter: options.personSegmenter,
    timeoutMs: options.timeoutMs,
    onProgress: options.onProgress,
    now: () => performance.now(),
  })
}
