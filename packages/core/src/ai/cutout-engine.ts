import { VitrineError } from '../errors/vitrine-error.js'
import type { DecodedImage } from '../platform/platform.js'
import type { InferenceRuntime, InferenceSession } from './inference-runtime.js'
import { loadModelBytes, type ModelCache, type ModelHost, type ModelLoadProgress } from './load-model-bytes.js'
import { applyMask, blurPixels, refineMask, resizeMask, trimToAlpha, type MatteOptions, type Mask, type RgbaPixels } from './mask.js'
import { MaskCache, type MaskSource } from './mask-cache.js'
import type { ModelRegistry } from './model-registry.js'
import type { ModelSpec } from './model-spec.js'
import { saliencyMask, salientInputTensor } from './salient-object.js'

/** What to cut out: `product` (the salient object), `person`, or `auto` (the salient object). */
export type CutoutSubject = 'auto' | 'product' | 'person'

/** Reads and makes pixels on one platform (Node: @napi-rs/canvas; browser: OffscreenCanvas). */
export interface PixelAccess {
  /** The picture scaled (stretched) to width×height, as RGBA. */
  readPixels(image: DecodedImage, width: number, height: number): Promise<RgbaPixels>
  /** A drawable picture from RGBA pixels. */
  createImage(pixels: RgbaPixels): Promise<DecodedImage>
}

/**
 * A person segmenter that is not an ONNX salient-object model (e.g. MediaPipe's selfie model in
 * browsers). Its masks are cached like the others, under its `id`.
 */
export interface PersonSegmenter {
  /** Names the model in cache keys, e.g. `mediapipe-selfie-general`. */
  readonly id: string
  /** The person mask for pixels (any size up to 512 px a side; the mask has the same size). */
  segment(pixels: RgbaPixels): Promise<Mask>
  close?(): Promise<void>
}

/** Options for {@link CutoutEngine}. */
export interface CutoutEngineOptions {
  runtime: InferenceRuntime
  models: ModelRegistry
  host: ModelHost
  pixels: PixelAccess
  modelCache?: ModelCache
  masks?: MaskCache
  /** Model ids per subject; default the first registered model for the task (`person` falls back to the salient-object model). */
  modelIds?: { product?: string; person?: string }
  /** Used for `person` cut-outs when given, before any registered person model. */
  personSegmenter?: PersonSegmenter
  /** Time limit per inference, default 60 s. */
  timeoutMs?: number
  /** Cut-outs are composed at most this many pixels on the long side (default 2048). */
  maxSide?: number
  onProgress?: (progress: ModelLoadProgress) => void
  /** A clock for the reported timings (e.g. the platform's `now`); default none (timings are 0). */
  now?: () => number
}

/** A mask and where it came from. */
export interface SegmentResult {
  mask: Mask
  source: MaskSource
  modelId: string
  /** Milliseconds, reading pixels and hashing included. */
  ms: number
}

/** A cut-out (or other derived picture) registered under its own asset key. */
export interface DerivedImage {
  key: string
  image: DecodedImage
}

/**
 * Product cut-out and person segmentation over an {@link InferenceRuntime}: loads each model once
 * (hash-checked, cached), runs it on a picture, keeps masks by content hash in a
 * {@link MaskCache}, and composes cut-outs (edge refinement, alpha) and blurred backdrops with the
 * same arithmetic in every environment.
 *
 * @example
 * ```ts
 * const engine = new CutoutEngine({ runtime, models, host, pixels })
 * const { mask } = await engine.segment(image, 'product')
 * const { image: cut } = await engine.cutout(image, 'photo.jpg', { subject: 'product', matte: { feather: 2 } })
 * ```
 */
export class CutoutEngine {
  readonly masks: MaskCache
  private readonly sessions = new Map<string, Promise<InferenceSession>>()
  private readonly byAsset = new Map<string, string>()
  private readonly derived = new Map<string, Promise<DecodedImage>>()

  constructor(private readonly options: CutoutEngineOptions) {
    this.masks = options.masks ?? new MaskCache()
  }

  /** The runtime models run on; its `report` says which backend was chosen and why. */
  get runtime(): InferenceRuntime {
    return this.options.runtime
  }

  /** The model used for a subject; `ai/unknown-model` when none is registered. */
  modelFor(subject: CutoutSubject): ModelSpec {
    const { models, modelIds } = this.options
    if (subject === 'person') {
      if (modelIds?.person) return models.get(modelIds.person)
      const person = models.forTask('person')
      if (person) return person
    }
    if (modelIds?.product) return models.get(modelIds.product)
    const product = models.forTask('salient-object')
    if (!product) throw new VitrineError('ai/unknown-model', `No ${subject === 'person' ? 'person or ' : ''}salient-object model is registered: register one (docs/ai.md)`)
    return product
  }

  /** Loads a model's session once (bytes fetched or read from the cache, then hash-checked). */
  session(spec: ModelSpec): Promise<InferenceSession> {
    let pending = this.sessions.get(spec.id)
    if (!pending) {
      pending = (async () => {
        const { bytes } = await loadModelBytes(spec, { host: this.options.host, cache: this.options.modelCache, onProgress: this.options.onProgress })
        const session = await this.options.runtime.createSession(bytes, { modelId: spec.id })
        checkInputSize(spec, session)
        return session
      })()
      this.sessions.set(spec.id, pending)
      pending.catch(() => this.sessions.delete(spec.id))
    }
    return pending
  }

  /**
   * The subject's mask for a picture, at the model's resolution. With `assetKey`, a repeat in the
   * same process skips reading and hashing the pixels.
   */
  async segment(image: DecodedImage, subject: CutoutSubject, assetKey?: string): Promise<SegmentResult> {
    const t0 = this.now()
    const person = subject === 'person' ? this.options.personSegmenter : undefined
    if (person) {
      const s = Math.min(1, 512 / Math.max(image.width, image.height))
      const pixels = await this.options.pixels.readPixels(image, Math.max(1, Math.round(image.width * s)), Math.max(1, Math.round(image.height * s)))
      const key = `${person.id}:${await this.options.host.sha256(toBytes(pixels.data))}`
      const { mask, source } = await this.masks.getOrCompute(key, () => person.segment(pixels))
      return { mask, source, modelId: person.id, ms: this.now() - t0 }
    }
    const spec = this.modelFor(subject)
    const remembered = assetKey === undefined ? undefined : this.byAsset.get(`${spec.id}\u0000${assetKey}`)
    if (remembered) {
      const mask = this.masks.peek(remembered)
      if (mask) {
        const hit = await this.masks.getOrCompute(remembered, () => Promise.resolve(mask))
        return { mask: hit.mask, source: 'memory', modelId: spec.id, ms: this.now() - t0 }
      }
    }
    const pixels = await this.options.pixels.readPixels(image, spec.input.width, spec.input.height)
    const key = `${spec.id}:${spec.sha256.slice(0, 12)}:${await this.options.host.sha256(toBytes(pixels.data))}`
    if (assetKey !== undefined) {
      // Bounded like the masks themselves: the shortcut only helps while the mask is in memory.
      if (this.byAsset.size >= 4096) this.byAsset.clear()
      this.byAsset.set(`${spec.id}\u0000${assetKey}`, key)
    }
    const { mask, source } = await this.masks.getOrCompute(key, () => this.infer(spec, pixels))
    return { mask, source, modelId: spec.id, ms: this.now() - t0 }
  }

  /** Runs a model on pixels already at its input size. */
  async infer(spec: ModelSpec, pixels: RgbaPixels): Promise<Mask> {
    const session = await this.session(spec)
    const inputName = spec.input.name ?? session.inputs[0]?.name ?? 'input'
    const outputName = spec.output.name ?? session.outputs[0]?.name ?? 'output'
    const feeds = { [inputName]: salientInputTensor(pixels, spec.input) }
    const out = await session.run(feeds, { outputs: [outputName], timeoutMs: this.options.timeoutMs ?? 60_000 })
    const tensor = out[outputName]
    if (!tensor) throw new VitrineError('ai/inference-failed', `Model "${spec.id}" returned no output "${outputName}"`)
    return saliencyMask(tensor, spec.output)
  }

  /**
   * The picture with its background removed: the refined mask in its alpha channel, at the
   * picture's scale (at most `maxSide` on the long side), trimmed to the subject with a 1 %
   * margin unless `trim` is false. Composed once per asset and settings.
   */
  async cutout(image: DecodedImage, assetKey: string, request: { subject: CutoutSubject; matte?: MatteOptions; trim?: boolean }): Promise<DerivedImage> {
    const modelId = request.subject === 'person' && this.options.personSegmenter ? this.options.personSegmenter.id : this.modelFor(request.subject).id
    const matte = request.matte ?? {}
    const key = `${assetKey}#cutout=${modelId};t=${matte.threshold ?? ''};f=${matte.feather ?? 0}${request.trim === false ? ';full' : ''}`
    return { key, image: await this.memo(key, async () => {
      const { mask } = await this.segment(image, request.subject, assetKey)
      const [w, h] = this.fit(image)
      const pixels = await this.options.pixels.readPixels(image, w, h)
      const refined = refineMask(resizeMask(mask, w, h), { threshold: matte.threshold, feather: matte.feather === undefined ? undefined : matte.feather * (w / image.width) })
      const cut = applyMask(pixels, refined)
      return this.options.pixels.createImage(request.trim === false ? cut : trimToAlpha(cut, Math.round(Math.max(w, h) * 0.01)))
    }) }
  }

  /** The picture blurred by `radius` pixels (of the picture), for a "blurred original" backdrop. */
  async blurred(image: DecodedImage, assetKey: string, radius: number): Promise<DerivedImage> {
    const key = `${assetKey}#blur=${radius}`
    return { key, image: await this.memo(key, async () => {
      // Blur a small copy: cheap, and scaling it up adds to the softness.
      const side = 256
      const s = Math.min(1, side / Math.max(image.width, image.height))
      const w = Math.max(1, Math.round(image.width * s))
      const h = Math.max(1, Math.round(image.height * s))
      const pixels = await this.options.pixels.readPixels(image, w, h)
      return this.options.pixels.createImage(blurPixels(pixels, Math.max(1, Math.round((radius * s) / 2))))
    }) }
  }

  /** Releases every loaded session. */
  async dispose(): Promise<void> {
    const sessions = [...this.sessions.values()]
    this.sessions.clear()
    for (const pending of sessions) await pending.then((s) => s.release()).catch(() => undefined)
  }

  private now(): number {
    return this.options.now?.() ?? 0
  }

  private fit(image: DecodedImage): [number, number] {
    const max = this.options.maxSide ?? 2048
    const s = Math.min(1, max / Math.max(image.width, image.height))
    return [Math.max(1, Math.round(image.width * s)), Math.max(1, Math.round(image.height * s))]
  }

  private memo(key: string, make: () => Promise<DecodedImage>): Promise<DecodedImage> {
    let pending = this.derived.get(key)
    if (!pending) {
      pending = make()
      this.derived.set(key, pending)
      pending.catch(() => this.derived.delete(key))
      while (this.derived.size > 32) this.derived.delete(this.derived.keys().next().value as string)
    }
    return pending
  }
}

function checkInputSize(spec: ModelSpec, session: InferenceSession): void {
  const name = spec.input.name ?? session.inputs[0]?.name
  const info = session.inputs.find((i) => i.name === name)
  if (!info) throw new VitrineError('ai/invalid-model', `Model "${spec.id}" has no input "${name}"; its inputs are ${session.inputs.map((i) => i.name).join(', ')}`, { path: '/input/name' })
  const dims = info.dims
  if (!dims || dims.length !== 4) return
  const [, c, h, w] = dims
  const fixed = (d: unknown, want: number) => typeof d !== 'number' || d < 0 || d === want
  if (!fixed(c, 3) || !fixed(h, spec.input.height) || !fixed(w, spec.input.width)) {
    const found = `1x${c}x${h}x${w}`
    throw new VitrineError('ai/unsupported-input', `Model "${spec.id}" takes ${found}, but its description says 1x3x${spec.input.height}x${spec.input.width}`, {
      path: '/input',
      issues: [{ path: '/input', message: 'input size differs from the model', expected: found, found: `1x3x${spec.input.height}x${spec.input.width}` }],
    })
  }
}

function toBytes(data: Uint8Array | Uint8ClampedArray): Uint8Array {
  return data instanceof Uint8Array ? data : new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
}

