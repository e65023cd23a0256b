import { LitElement, html, nothing, type PropertyValues } from 'lit'
import { VitrineError, findTryOnProduct, smoothFaceMatrix, type Mat4, type TryOnCatalog, type TryOnProduct } from '@vitrine/core'
import { composeSnapshot } from './compose-snapshot.js'
import { sharedFaceTracker, type FaceTracker, type TrackedFace } from './face-tracker.js'
import { loadTryOnCatalog, type LoadedTryOnCatalog } from './load-try-on-catalog.js'
import type { TryOnRenderer } from './try-on-renderer.js'
import { CameraFeed } from './camera-feed.js'
import { tryOnControls } from './try-on-controls.js'
import { faceLuminance, loadPhoto, type Photo } from './try-on-sources.js'
import { vitrineTryOnStyles } from './vitrine-try-on-styles.js'
import type { TryOnErrorEventDetail, TryOnReadyEventDetail, TryOnSnapshotEventDetail, TryOnSource, TryOnStatus, TryOnTimings, TryOnTrackingEventDetail } from './try-on-events.js'

const asVitrineError = (error: unknown): VitrineError =>
  error instanceof VitrineError ? error : new VitrineError('try-on/model-failed', `Try-on failed: ${(error as Error)?.message ?? String(error)}`, { cause: error })

const reducedMotionQuery = typeof matchMedia === 'function' ? matchMedia('(prefers-reduced-motion: reduce)') : undefined

/**
 * Virtual try-on for a product page: glasses, a hat or earrings on the shopper's face, from the
 * camera or a photo, on the device. Nothing leaves the page: the only requests are for the
 * model, the tracking engine, the catalogue, the product models and photos — the host's URLs.
 *
 * Attributes/properties: `sku`; `catalog` (URL of the catalogue JSON, or the object);
 * `source` (`photo`, the default, or `camera`); `mirror` (show and snapshot mirror-wise, as a
 * selfie); `photo` (URL of the photo to use; default `sample`); `sample` (URL of the sample
 * photo); `facing` (`user` or `environment` camera); `model-url` (the FaceLandmarker `.task`,
 * default `try-on/face_landmarker.task`); `wasm-url` (tasks-vision's `wasm/` folder, default
 * `try-on/wasm`); `delegate` (`CPU` or `GPU`); `reduced-motion` (also on when the system asks).
 *
 * Methods: `snapshot()`, `setProduct(sku)`, `usePhoto(fileOrUrl)`, `useCamera()`, `stop()`.
 *
 * Events (none bubble): `ready`, `tracking-found`, `tracking-lost`, `snapshot` (cancelable),
 * `error`, `product-change`.
 *
 * Parts: `stage`, `view` (the picture and the product layer), `picture` (the photo or camera
 * video), `canvas` (the product layer, transparent, over the picture), `message`, `message-code`, `status-text`, `controls`, `products`,
 * `product` (and `product-selected`), `button`, `camera-button`, `flip-button`, `upload-button`,
 * `sample-button`, `snapshot-button`. Custom properties: `--vitrine-try-on-background`,
 * `--vitrine-try-on-radius`, `--vitrine-try-on-accent`, `--vitrine-try-on-accent-text`,
 * `--vitrine-try-on-button-background`, `--vitrine-try-on-button-text`,
 * `--vitrine-try-on-button-radius`, `--vitrine-try-on-font`, `--vitrine-try-on-error-color`,
 * `--vitrine-try-on-error-background`, `--vitrine-try-on-flash`.
 *
 * @example
 * ```html
 * <vitrine-try-on catalog="/try-on/catalog.json" sku="VT-GLASSES-01" sample="/try-on/astronaut.jpg"
 *   model-url="/try-on/face_landmarker.task" wasm-url="/try-on/wasm"></vitrine-try-on>
 * ```
 */
export class VitrineTryOn extends LitElement {
  static override styles = vitrineTryOnStyles

  static override properties = {
    sku: { type: String, reflect: true },
    catalog: {},
    source: { type: String, reflect: true },
    mirror: { type: Boolean, reflect: true },
    photo: { type: String },
    sample: { type: String },
    facing: { type: String, reflect: true },
    modelUrl: { type: String, attribute: 'model-url' },
    wasmUrl: { type: String, attribute: 'wasm-url' },
    delegate: { type: String },
    reducedMotion: { type: Boolean, attribute: 'reduced-motion', reflect: true },
    status: { type: String, reflect: true },
    tracking: { type: Boolean, reflect: true },
    error: { attribute: false },
    products: { state: true },
    flashing: { state: true },
  }

  /** SKU of the product worn. */
  declare sku: string | undefined
  /** The catalogue: a URL (product model URLs are relative to it) or the object itself. */
  declare catalog: string | TryOnCatalog | undefined
  declare source: TryOnSource
  declare mirror: boolean
  declare photo: string | undefined
  declare sample: string | undefined
  declare facing: 'user' | 'environment'
  declare modelUrl: string
  declare wasmUrl: string
  declare delegate: 'CPU' | 'GPU'
  declare reducedMotion: boolean
  /** Read-only: where the element is. */
  declare status: TryOnStatus
  /** Read-only: whether a face is found in the current picture. */
  declare tracking: boolean
  /** Read-only: the error shown, if any. */
  declare error: VitrineError | undefined
  declare private products: TryOnProduct[]
  declare private flashing: boolean

  /** Read-only: how long things took (for benchmarks and diagnostics). */
  readonly timings: TryOnTimings = {}

  private readonly canvas = document.createElement('canvas')
  private tracker: FaceTracker | undefined
  private renderer: TryOnRenderer | undefined
  private parsedCatalog: (LoadedTryOnCatalog & { input: unknown }) | undefined
  private worn: TryOnProduct | undefined
  private uploaded: Blob | undefined
  private picture: Photo | undefined
  /** The camera: on while `camera.live`; its video stays as the picture after it is turned off. */
  private camera: CameraFeed | undefined
  private generation = 0
  private queue: Promise<void> = Promise.resolve()
  private readySent = false
  private visible = true
  private readonly intersection = typeof IntersectionObserver === 'function' ? new IntersectionObserver((entries) => this.onVisibility(entries.at(-1)?.isIntersecting ?? true)) : undefined
  private readonly onPageVisibility = () => this.onVisibility(this.visible)

  constructor() {
    super()
    this.source = 'photo'
    this.mirror = false
    this.facing = 'user'
    this.modelUrl = 'try-on/face_landmarker.task'
    this.wasmUrl = 'try-on/wasm'
    this.delegate = 'CPU'
    this.reducedMotion = false
    this.status = 'idle'
    this.tracking = false
    this.products = []
    this.flashing = false
    this.canvas.setAttribute('part', 'canvas')
    this.canvas.setAttribute('role', 'img')
    this.canvas.setAttribute('aria-label', 'Try-on picture')
  }

  /** Resolves when everything asked so far (source, product) has been shown. */
  get settled(): Promise<void> {
    return this.updateComplete.then(async () => {
      let last: Promise<void> | undefined
      while (last !== this.queue) {
        last = this.queue
        await last
      }
    })
  }

  /** Whether the camera is on now (it goes off when the element is hidden, scrolled away or removed). */
  get cameraOn(): boolean {
    return this.camera?.live ?? false
  }

  /** Wears the product with this SKU (from the catalogue). Resolves when it is shown. */
  async setProduct(sku: string): Promise<void> {
    this.sku = sku
    await this.settled
  }

  /** Switches to a photo: a File or Blob the shopper chose, or a URL. Resolves when it is shown. */
  async usePhoto(photo: Blob | string): Promise<void> {
    // A new `photo` URL is picked up by willUpdate; anything else needs showing here.
    const reshow = this.source === 'photo' && (typeof photo !== 'string' || photo === this.photo)
    if (typeof photo === 'string') this.photo = photo
    this.uploaded = typeof photo === 'string' ? undefined : photo
    if (reshow) this.enqueue(() => this.showSource())
    this.source = 'photo'
    await this.settled
  }

  /** Switches to the camera (asks permission the first time). */
  async useCamera(facing: 'user' | 'environment' = this.facing): Promise<void> {
    this.facing = facing
    this.source = 'camera'
    await this.settled
  }

  /** Stops the camera, if on. The element shows its last frame. */
  stop(): void {
    this.generation++
    this.stopCamera()
  }

  /**
   * The picture with the product on, as a PNG (mirror-wise when `mirror` is set). Also sent as the
   * `snapshot` event.
   */
  async snapshot(): Promise<Blob> {
    await this.settled
    const renderer = this.renderer
    const picture = this.currentPicture()
    if (!renderer || !picture) throw this.error ?? new VitrineError('usage', 'Nothing to snapshot yet: no picture is shown')
    const { width, height } = this.canvas
    // Drawn again in this task: the product layer's pixels are read before the page composites.
    renderer.render()
    const blob = await composeSnapshot(picture, this.canvas, width, height, this.mirror)
    this.emit<TryOnSnapshotEventDetail>('snapshot', { blob, width, height, sku: this.sku }, true)
    if (!this.reducedMotion && !reducedMotionQuery?.matches) {
      this.flashing = true
      setTimeout(() => (this.flashing = false), 180)
    }
    return blob
  }

  override connectedCallback(): void {
    super.connectedCallback()
    this.intersection?.observe(this)
    document.addEventListener('visibilitychange', this.onPageVisibility)
    if (this.hasUpdated) this.enqueue(() => this.showSource())
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback()
    this.intersection?.disconnect()
    document.removeEventListener('visibilitychange', this.onPageVisibility)
    // Taken out of the page: the camera goes off at once.
    this.stop()
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // A photo URL set by the host replaces an uploaded one.
    if (changed.has('photo')) this.uploaded = undefined
    if (changed.has('catalog') || changed.has('sku')) this.enqueue(() => this.showProduct())
    const sourceInputs = ['source', 'photo', 'sample', 'facing', 'modelUrl', 'wasmUrl', 'delegate'] as const
    if (sourceInputs.some((name) => changed.has(name))) this.enqueue(() => this.showSource())
  }

  protected override render() {
    const error = this.status === 'error' ? this.error : undefined
    const statusText = this.statusText()
    const camera = this.source === 'camera'
    return html`<div part="stage" class=${this.flashing ? 'flash' : ''} tabindex="0"
        aria-label="Try-on view. Left and right arrow keys change the product." @keydown=${this.onStageKey}>
        <div part="view" style=${this.viewStyle()}>${this.currentPicture() ?? nothing}${this.canvas}</div>
        ${statusText ? html`<div part="status-text" aria-live="polite">${statusText}</div>` : nothing}
        ${error
          ? html`<div part="message" role="alert"><span part="message-code">${error.code}</span> ${error.message}</div>`
          : nothing}
      </div>
      ${tryOnControls({
        products: this.products,
        sku: this.sku,
        camera,
        sample: Boolean(this.sample),
        canSnapshot: this.status === 'ready',
        onProduct: (sku) => (this.sku = sku),
        onCamera: () => void this.useCamera(),
        onFlip: () => void this.useCamera(this.facing === 'user' ? 'environment' : 'user'),
        onUpload: this.pickPhoto,
        onSample: this.useSample,
        onSnapshot: this.downloadSnapshot,
        onFileChosen: this.onFileChosen,
      })}`
  }

  private currentPicture(): HTMLVideoElement | HTMLCanvasElement | undefined {
    return this.picture?.canvas ?? this.camera?.video
  }

  private viewStyle(): string {
    const { width, height } = this.canvas
    const hasPicture = this.currentPicture() !== undefined
    return `aspect-ratio: ${hasPicture ? `${width} / ${height}` : 'auto'};${this.mirror ? ' transform: scaleX(-1);' : ''}`
  }

  private statusText(): string {
    if (this.status === 'loading') return 'Loading the try-on…'
    if (this.status === 'ready' && !this.tracking && this.source === 'camera') return 'Looking for a face…'
    if (this.status === 'idle' && this.source === 'photo' && !this.photo && !this.sample && !this.uploaded) return 'Choose a photo or the camera.'
    return ''
  }

  private onStageKey = (event: KeyboardEvent) => {
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return
    if (this.products.length < 2) return
    event.preventDefault()
    const i = this.products.findIndex((p) => p.sku === this.sku)
    const step = event.key === 'ArrowRight' ? 1 : -1
    this.sku = this.products[(i + step + this.products.length) % this.products.length]!.sku
  }

  private pickPhoto = () => {
    this.renderRoot.querySelector<HTMLInputElement>('input[type=file]')?.click()
  }

  private onFileChosen = (event: Event) => {
    const input = event.target as HTMLInputElement
    const file = input.files?.[0]
    input.value = ''
    if (file) void this.usePhoto(file)
  }

  private useSample = () => {
    this.uploaded = undefined
    this.photo = undefined
    void this.usePhoto(this.sample ?? '')
  }

  private downloadSnapshot = async () => {
    try {
      const blob = await this.snapshot()
      // The `snapshot` event went out first; a host that cancels it handles the picture itself.
      if (this.lastSnapshotCancelled) return
      const url = URL.createObjectURL(blob)
      const a = document.createElement('a')
      a.href = url
      a.download = `try-on-${this.sku ?? 'snapshot'}.png`
      a.click()
      setTimeout(() => URL.revokeObjectURL(url), 10_000)
    } catch (error) {
      this.showError(asVitrineError(error))
    }
  }

  private lastSnapshotCancelled = false

  private emit<T>(type: string, detail: T, cancelable = false): boolean {
    const event = new CustomEvent<T>(type, { detail, cancelable })
    const kept = this.dispatchEvent(event)
    if (type === 'snapshot') this.lastSnapshotCancelled = !kept
    return kept
  }

  private enqueue(step: () => Promise<void>): void {
    this.queue = this.queue.then(step).catch((error) => this.showError(asVitrineError(error)))
  }

  private showError(error: VitrineError): void {
    this.error = error
    this.status = 'error'
    this.emit<TryOnErrorEventDetail>('error', error.toJSON())
  }

  private clearError(): void {
    if (this.status === 'error') this.status = this.currentPicture() ? 'ready' : 'idle'
    this.error = undefined
  }

  /** The tracker and renderer, loaded once. */
  private async engines(): Promise<{ tracker: FaceTracker; renderer: TryOnRenderer }> {
    if (!this.tracker) {
      const t0 = performance.now()
      const base = document.baseURI
      this.tracker = await sharedFaceTracker({ modelUrl: new URL(this.modelUrl, base).href, wasmUrl: new URL(this.wasmUrl, base).href, delegate: this.delegate })
      this.timings.modelLoadMs = performance.now() - t0
    }
    if (!this.renderer) {
      const { TryOnRenderer } = await import('./try-on-renderer.js')
      this.renderer = await TryOnRenderer.create(this.canvas, this.tracker.canonicalFace)
      if (this.worn) await this.showProduct()
    }
    return { tracker: this.tracker, renderer: this.renderer }
  }

  private async loadCatalog(): Promise<LoadedTryOnCatalog | undefined> {
    const input = this.catalog
    if (input === undefined || input === '') return undefined
    if (this.parsedCatalog?.input === input) return this.parsedCatalog
    const parsed = await loadTryOnCatalog(input, document.baseURI)
    this.parsedCatalog = { input, ...parsed }
    this.products = parsed.catalog.products
    return parsed
  }

  private async showProduct(): Promise<void> {
    const loaded = await this.loadCatalog()
    const product = loaded && this.sku ? findTryOnProduct(loaded.catalog, this.sku) : undefined
    const changed = product !== this.worn
    this.worn = product
    this.canvas.setAttribute('aria-label', product ? `${product.name ?? product.sku}, tried on` : 'Try-on picture')
    if (this.renderer && this.tracker) {
      await this.renderer.setProduct(product, product && loaded ? new URL(product.model, loaded.base).href : undefined, this.tracker.canonicalFace)
      this.renderer.render()
    }
    if (changed) this.emit('product-change', { sku: product?.sku, product })
    if (this.error?.code === 'try-on/product-failed' || this.error?.code === 'try-on/unknown-sku' || this.error?.code === 'try-on/catalog-invalid') this.clearError()
  }

  private async showSource(): Promise<void> {
    const generation = ++this.generation
    this.stopCamera()
    if (!this.isConnected) return
    const photo = this.uploaded ?? this.photo ?? this.sample
    if (this.source === 'photo' && !photo) {
      this.status = 'idle'
      return
    }
    this.status = 'loading'
    this.error = undefined
    // Camera frames have not been looked at yet (no event: the first frame's says).
    if (this.source === 'camera') this.tracking = false
    const started = performance.now()
    const { tracker, renderer } = await this.engines()
    if (generation !== this.generation) return
    if (this.source === 'camera') return this.startCamera(generation, started)

    const picture = await loadPhoto(photo!)
    if (generation !== this.generation) return
    picture.canvas.setAttribute('part', 'picture')
    this.picture = picture
    this.camera = undefined
    renderer.setSize(picture.width, picture.height)
    this.requestUpdate()
    const t0 = performance.now()
    const face = await tracker.detect(picture.canvas)
    this.timings.landmarkMs = performance.now() - t0
    this.showFace(face, picture.canvas, picture.width, picture.height)
    renderer.render()
    this.timings.renderMs = renderer.lastRenderMs
    this.status = 'ready'
    this.frameShown(started)
    if (!face) {
      this.showError(new VitrineError('try-on/no-face', 'No face found in this photo. Try a photo that shows one face from the front, well lit.'))
    }
  }

  private showFace(face: TrackedFace | undefined, picture: CanvasImageSource, width: number, height: number, measureLight = true, matrix: ArrayLike<number> | undefined = face?.matrix): void {
    this.renderer?.setFace(matrix)
    if (face && measureLight) this.renderer?.setLuminance(faceLuminance(picture, width, height, face.landmarks))
    const found = face !== undefined
    if (found !== this.tracking) {
      this.tracking = found
      this.emit<TryOnTrackingEventDetail>(found ? 'tracking-found' : 'tracking-lost', { source: this.source })
    }
  }

  private frameShown(started: number): void {
    if (this.readySent) return
    this.readySent = true
    this.timings.firstFrameMs = performance.now() - started
    this.emit<TryOnReadyEventDetail>('ready', { source: this.source, sku: this.sku, timings: { ...this.timings } })
  }

  private async startCamera(generation: number, started: number): Promise<void> {
    if (!this.visible || document.hidden) {
      this.status = this.picture ? 'ready' : 'idle'
      return
    }
    const feed = await CameraFeed.open(this.facing)
    if (generation !== this.generation || !this.isConnected) return feed.stop()
    feed.video.setAttribute('part', 'picture')
    this.camera = feed
    this.picture = undefined
    this.requestUpdate()
    let frames = 0
    let steady: Mat4 | undefined
    feed.run(
      async (video) => {
        const { tracker, renderer } = this
        if (!tracker || !renderer || generation !== this.generation) return
        const t0 = performance.now()
        const face = await tracker.detectVideo(video)
        this.timings.landmarkMs = performance.now() - t0
        if (generation !== this.generation) return
        renderer.setSize(video.videoWidth, video.videoHeight)
        // Landmark jitter is smoothed away; real motion is followed at once.
        steady = face ? smoothFaceMatrix(steady, face.matrix) : undefined
        // Light follows the picture, measured a few times a second.
        this.showFace(face, video, video.videoWidth, video.videoHeight, frames++ % 15 === 0, steady)
        renderer.render()
        this.timings.renderMs = renderer.lastRenderMs
        if (this.status !== 'ready') this.status = 'ready'
        this.frameShown(started)
      },
      (error) => this.showError(asVitrineError(error)),
    )
  }

  private stopCamera(): void {
    this.camera?.stop()
  }

  private onVisibility(visible: boolean): void {
    const was = this.visible && !document.hidden
    this.visible = visible
    const now = visible && !document.hidden
    if (this.source !== 'camera' || was === now) return
    // Hidden: the camera goes off; shown again: it comes back.
    if (!now) this.stop()
    else this.enqueue(() => this.showSource())
  }
}

if (!customElements.get('vitrine-try-on')) customElements.define('vitrine-try-on', VitrineTryOn)

declare global {
  interface HTMLElementTagNameMap {
    'vitrine-try-on': VitrineTryOn
  }
}
