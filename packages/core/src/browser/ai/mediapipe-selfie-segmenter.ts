import { VitrineError } from '../../errors/vitrine-error.js'
import type { PersonSegmenter } from '../../ai/cutout-engine.js'
import type { Mask, RgbaPixels } from '../../ai/mask.js'

/** Options for {@link createSelfieSegmenter}. */
export interface SelfieSegmenterOptions {
  /** Folder URL where the host serves `@mediapipe/selfie_segmentation`'s files unchanged (ends with `/`). */
  baseUrl: string
  /** `general` (256×256, default) or `landscape` (144×256, faster). */
  model?: 'general' | 'landscape'
}

interface LegacyResults {
  segmentationMask: CanvasImageSource
}
interface LegacySolution {
  setOptions(options: { modelSelection: number; selfieMode: boolean }): void
  onResults(listener: (results: LegacyResults) => void): void
  initialize(): Promise<void>
  send(input: { image: HTMLCanvasElement }): Promise<void>
  close(): Promise<void>
}
type LegacyConstructor = new (config: { locateFile: (file: string) => string }) => LegacySolution

let scriptLoad: Promise<LegacyConstructor> | undefined

function loadScript(baseUrl: string): Promise<LegacyConstructor> {
  scriptLoad ??= new Promise<LegacyConstructor>((resolve, reject) => {
    const existing = (window as unknown as { SelfieSegmentation?: LegacyConstructor }).SelfieSegmentation
    if (existing) return resolve(existing)
    const script = document.createElement('script')
    script.src = baseUrl + 'selfie_segmentation.js'
    script.crossOrigin = 'anonymous'
    script.onload = () => {
      const loaded = (window as unknown as { SelfieSegmentation?: LegacyConstructor }).SelfieSegmentation
      if (loaded) resolve(loaded)
      else reject(new VitrineError('ai/model-load-failed', `${script.src} did not define SelfieSegmentation`))
    }
    script.onerror = () => reject(new VitrineError('ai/model-load-failed', `Could not load ${script.src}: serve @mediapipe/selfie_segmentation's files there`))
    document.head.append(script)
  })
  scriptLoad.catch(() => (scriptLoad = undefined))
  return scriptLoad
}

/**
 * Person segmentation in the browser with MediaPipe's selfie segmentation model (Apache-2.0),
 * run by the legacy `@mediapipe/selfie_segmentation` solution, as the package ships it, offline,
 * from the host's own files: no build step. Runs on the page's thread (its WebGL), 100 to 350 ms
 * a picture. `createTasksVisionPersonSegmenter` runs the same model ten times faster once
 * `scripts/build-selfie-segmenter.mjs` has given it the TFLite metadata tasks-vision needs.
 *
 * @example
 * ```ts
 * const person = await createSelfieSegmenter({ baseUrl: '/vendor/selfie_segmentation/' })
 * const engine = await createBrowserCutoutEngine({ ..., personSegmenter: person })
 * ```
 */
export async function createSelfieSegmenter(options: SelfieSegmenterOptions): Promise<PersonSegmenter> {
  const baseUrl = options.baseUrl.endsWith('/') ? options.baseUrl : options.baseUrl + '/'
  const Solution = await loadScript(baseUrl)
  const solution = new Solution({ locateFile: (file) => baseUrl + file })
  solution.setOptions({ modelSelection: options.model === 'landscape' ? 1 : 0, selfieMode: false })
  let pending: ((results: LegacyResults) => void) | undefined
  solution.onResults((results) => pending?.(results))
  try {
    await solution.initialize()
  } catch (error) {
    throw new VitrineError('ai/model-load-failed', `MediaPipe selfie segmentation did not start: ${(error as Error).message}`, { cause: error })
  }
  const input = document.createElement('canvas')
  const output = document.createElement('canvas')
  let queue = Promise.resolve()
  return {
    id: `mediapipe-selfie-${options.model ?? 'general'}`,
    segment(pixels: RgbaPixels): Promise<Mask> {
      const job = queue.then(async () => {
        input.width = output.width = pixels.width
        input.height = output.height = pixels.height
        const data = new Uint8ClampedArray(pixels.data.length)
        data.set(pixels.data)
        ;(input.getContext('2d') as CanvasRenderingContext2D).putImageData(new ImageData(data, pixels.width, pixels.height), 0, 0)
        const results = await new Promise<LegacyResults>((resolve, reject) => {
          pending = resolve
          solution.send({ image: input }).catch(reject)
        })
        const ctx = output.getContext('2d', { willReadFrequently: true }) as CanvasRenderingContext2D
        ctx.clearRect(0, 0, output.width, output.height)
        ctx.drawImage(results.segmentationMask, 0, 0, output.width, output.height)
        const rgba = ctx.getImageData(0, 0, output.width, output.height).data
        // The person's confidence, 0..255, is in the mask's red channel.
        const mask = new Uint8Array(pixels.width * pixels.height)
        for (let i = 0; i < mask.length; i++) mask[i] = rgba[i * 4] as number
        return { width: pixels.width, height: pixels.height, data: mask }
      })
      queue = job.then(
        () => undefined,
        () => undefined,
      )
      return job
    },
    close: () => solution.close(),
  }
}
