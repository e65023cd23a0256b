import { VitrineError } from '../../errors/vitrine-error.js'
import type { PersonSegmenter } from '../../ai/cutout-engine.js'
import { resizeMask, type Mask, type RgbaPixels } from '../../ai/mask.js'

/** Options for {@link createTasksVisionPersonSegmenter}. */
export interface TasksVisionPersonSegmenterOptions {
  /** URL of `@mediapipe/tasks-vision`'s `vision_bundle.mjs`, as the host serves it. */
  bundleUrl: string
  /** Folder URL of `@mediapipe/tasks-vision`'s `wasm/` files. */
  wasmBaseUrl: string
  /**
   * A segmentation model that carries TFLite metadata, e.g. `selfie_segmenter.tflite` made by
   * `scripts/build-selfie-segmenter.mjs` (MediaPipe's selfie model with the metadata it lacks).
   */
  modelUrl: string
  /** `CPU` (default) or `GPU` (WebGL). */
  delegate?: 'CPU' | 'GPU'
  /** The confidence mask that is the person (default 0; multi-class models name theirs). */
  personIndex?: number
  /** Names the model in mask cache keys; default `tasks-vision:<model file name>`. */
  id?: string
}

interface VisionModule {
  FilesetResolver: { forVisionTasks(base: string): Promise<unknown> }
  ImageSegmenter: {
    createFromOptions(
      fileset: unknown,
      options: { baseOptions: { modelAssetPath: string; delegate: 'CPU' | 'GPU' }; runningMode: 'IMAGE'; outputConfidenceMasks: boolean; outputCategoryMask: boolean },
    ): Promise<{
      segment(image: ImageData): { confidenceMasks?: Array<{ width: number; height: number; getAsFloat32Array(): Float32Array }>; close(): void }
      close(): void
    }>
  }
}

/**
 * Person segmentation with MediaPipe tasks-vision's `ImageSegmenter`: the path for models that
 * carry TFLite metadata. tasks-vision loads from the host's URLs on first use. About 20 ms per
 * 256×256 picture on CPU.
 *
 * @example
 * ```ts
 * const person = await createTasksVisionPersonSegmenter({
 *   bundleUrl: '/vendor/tasks-vision/vision_bundle.mjs',
 *   wasmBaseUrl: '/vendor/tasks-vision/wasm',
 *   modelUrl: '/models/selfie_segmenter.tflite',
 * })
 * ```
 */
export async function createTasksVisionPersonSegmenter(options: TasksVisionPersonSegmenterOptions): Promise<PersonSegmenter> {
  let segmenter: Awaited<ReturnType<VisionModule['ImageSegmenter']['createFromOptions']>>
  try {
    const vision = (await import(/* @vite-ignore */ options.bundleUrl)) as VisionModule
    const fileset = await vision.FilesetResolver.forVisionTasks(options.wasmBaseUrl)
    segmenter = await vision.ImageSegmenter.createFromOptions(fileset, {
      baseOptions: { modelAssetPath: options.modelUrl, delegate: options.delegate ?? 'CPU' },
      runningMode: 'IMAGE',
      outputConfidenceMasks: true,
      outputCategoryMask: false,
    })
  } catch (error) {
    throw new VitrineError('ai/model-load-failed', `MediaPipe tasks-vision could not load ${options.modelUrl}: ${(error as Error)?.message ?? String(error)}`, { cause: error })
  }
  const index = options.personIndex ?? 0
  return {
    id: options.id ?? `tasks-vision:${options.modelUrl.split('/').pop() ?? 'model'}`,
    async segment(pixels: RgbaPixels): Promise<Mask> {
      const data = new Uint8ClampedArray(pixels.data.length)
      data.set(pixels.data)
      const result = segmenter.segment(new ImageData(data, pixels.width, pixels.height))
      try {
        const confidence = result.confidenceMasks?.[index]
        if (!confidence) throw new VitrineError('ai/inference-failed', `The segmenter returned no confidence mask ${index}`)
        const values = confidence.getAsFloat32Array()
        const mask = new Uint8Array(values.length)
        for (let i = 0; i < values.length; i++) mask[i] = Math.round(Math.min(1, Math.max(0, values[i] as number)) * 255)
        return resizeMask({ width: confidence.width, height: confidence.height, data: mask }, pixels.width, pixels.height)
      } finally {
        result.close()
      }
    },
    async close() {
      segmenter.close()
    },
  }
}
