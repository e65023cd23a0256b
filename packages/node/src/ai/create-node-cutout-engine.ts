import { CutoutEngine, MaskCache, ModelRegistry, type CutoutEngineOptions, type ModelSpec } from '@vitrine/core'
import { createNodeInferenceRuntime, type NodeInferenceRuntimeOptions } from './node-inference-runtime.js'
import { defaultCacheDir, folderMaskStore, folderModelCache, nodeModelHost } from './node-model-host.js'
import { nodePixelAccess } from './node-pixel-access.js'

/** Options for {@link createNodeCutoutEngine}. */
export interface NodeCutoutEngineOptions extends NodeInferenceRuntimeOptions {
  /** The models to use (e.g. from {@link loadModelManifest}), or a registry. */
  models: readonly ModelSpec[] | ModelRegistry
  /** Cache folder for verified models and masks (default {@link defaultCacheDir}); `false` for none. */
  cacheDir?: string | false
  /** Masks kept in memory, default 64. */
  maxMasks?: number
  modelIds?: CutoutEngineOptions['modelIds']
  timeoutMs?: number
  onProgress?: CutoutEngineOptions['onProgress']
}

/**
 * A {@link CutoutEngine} for Node: onnxruntime-node (CUDA, else CPU), model files from disk or
 * http(s), verified models and masks cached in a folder.
 *
 * @example
 * ```ts
 * const engine = await createNodeCutoutEngine({ models: [await loadModelManifest('isnet.model.json')] })
 * const { mask } = await engine.segment(image, 'product')
 * ```
 */
export async function createNodeCutoutEngine(options: NodeCutoutEngineOptions): Promise<CutoutEngine> {
  const runtime = await createNodeInferenceRuntime(options)
  const models = options.models instanceof ModelRegistry ? options.models : new ModelRegistry(options.models)
  const dir = options.cacheDir === false ? undefined : (options.cacheDir ?? defaultCacheDir())
  return new CutoutEngine({
    runtime,
    models,
    host: nodeModelHost(),
    pixels: nodePixelAccess,
    // Local files are read in place; only downloaded models are worth a copy in the cache.
    modelCache: dir !== undefined && models.list().some((m) => m.files.some((f) => /^https?:/.test(f.url))) ? folderModelCache(dir) : undefined,
    masks: new MaskCache({ maxEntries: options.maxMasks ?? 64, store: dir === undefined ? undefined : folderMaskStore(dir) }),
    modelIds: options.modelIds,
    timeoutMs: options.timeoutMs,
    onProgress: options.onProgress,
    now: () => performance.now(),
  })
}

/** What a render worker needs to make its own cut-out engine: plain data, sent once per worker. */
export interface RowCutoutSetup {
  models: ModelSpec[]
  /** onnxruntime threads per worker (the cores shared between the workers). */
  threads?: number
  cacheDir?: string | false
}
