import { LitElement, html, nothing, type PropertyValues } from 'lit'
import {
  VitrineError,
  bindRow,
  getFormat,
  parseCatalog,
  parseTemplate,
  resolve,
  type AssetStore,
  type FontLibrary,
  type ImageType,
  type MarketProfile,
  type MessageCatalog,
  type Scene,
  type Surface,
  type Template,
} from '@vitrine/core/browser'
import { folderOf, sharedPreviewResources } from './preview-resources.js'
import { vitrinePreviewStyles } from './vitrine-preview-styles.js'
import { PreviewPlayback } from './preview-playback.js'

/** `detail` of the `render` event: the Scene that was drawn and how long each step took. */
export interface VitrineRenderEventDetail {
  scene: Scene
  /** Milliseconds: fetching and parsing the template, binding and resolving, drawing. */
  timings: { loadMs: number; resolveMs: number; drawMs: number }
}

/** `detail` of the `error` event: the VitrineError as JSON (code, message, JSON pointer, issues). */
export type VitrineErrorEventDetail = ReturnType<VitrineError['toJSON']>

/** Where `<vitrine-preview>` is: nothing to show, working, showing a picture, showing an error. */
export type VitrinePreviewStatus = 'empty' | 'loading' | 'ready' | 'error'

/** Template files fetched by `src` must arrive within this time and size. */
const TEMPLATE_FETCH = { timeoutMs: 15_000, maxBytes: 5 * 1024 * 1024 }
/** How many of an error's issues are listed inside the element. */
const SHOWN_ISSUES = 8

const asVitrineError = (error: unknown): VitrineError =>
  error instanceof VitrineError ? error : new VitrineError('render/failed', `Preview failed: ${(error as Error)?.message ?? String(error)}`, { cause: error })

/**
 * Shows a template bound to one data row, in one format and locale, drawn with the same
 * pipeline as every other Vitrine output. The canvas holds the format's full resolution
 * (e.g. 1080x1080) and is scaled by CSS to fit the element.
 *
 * Properties: `template` (object or JSON text; or the `src` attribute, a URL to fetch),
 * `data` (the row: variable name → value; the `data` attribute takes JSON), `format`
 * (default `instagram-square`), `locale`, `market` (a built-in market id such as `ar-SA`, or
 * a profile: the digits and calendar of prices and dates, the direction, and the locale when
 * `locale` is not set), `catalogs` (message catalogues that translate the template: objects, or
 * the `catalogs` attribute with one catalogue file's text, JSON or XLIFF 2.0), `baseUrl` (what
 * relative picture and font URLs resolve against: the template's folder for `src`, else the page).
 *
 * Events (neither bubbles): `render` with {@link VitrineRenderEventDetail}; `error` with
 * {@link VitrineErrorEventDetail}. The error is also shown inside the element.
 *
 * Videos: a template with a `timeline` shows its poster frame; `play()`, `pause()` and
 * `seek(seconds)` play it on the canvas from the same Scene (each frame is the one the encoders
 * write for that time). `currentTime`, `duration` and `playing` say where it is; the `autoplay`
 * attribute starts it when it is ready, `loop` (default true) starts it again at the end.
 * Events: `play`, `pause`, `timeupdate`, `ended`, with {@link VitrineTimeEventDetail}.
 *
 * Styling: parts `frame`, `canvas`, `error`, `error-code`, `error-message`, `error-path`,
 * `error-issues`; the `status` attribute (`empty`, `loading`, `ready`, `error`); custom
 * properties `--vitrine-preview-background`, `--vitrine-preview-radius`,
 * `--vitrine-preview-loading-opacity`, `--vitrine-preview-transition`,
 * `--vitrine-preview-error-color`, `--vitrine-preview-error-background`,
 * `--vitrine-preview-error-border`, `--vitrine-preview-error-padding`,
 * `--vitrine-preview-error-font`.
 *
 * @example
 * ```html
 * <vitrine-preview src="/templates/product-card.json" format="instagram-story" locale="de-DE"
 *   data='{"sku":"A1","title":"Sneaker","price":"89.90","currency":"EUR","image":"a1.jpg"}'>
 * </vitrine-preview>
 * ```
 */
export class VitrinePreview extends LitElement {
  static override styles = vitrinePreviewStyles

  static override properties = {
    template: { attribute: false },
    src: { type: String, reflect: true },
    // JSON text from the attribute is parsed when rendering, so bad JSON shows as an error.
    data: { attribute: 'data' },
    format: { type: String, reflect: true },
    locale: { type: String, reflect: true },
    market: { attribute: 'market' },
    // Catalogue text from the attribute is parsed when rendering, so a bad catalogue shows as an error.
    catalogs: { attribute: 'catalogs' },
    baseUrl: { type: String, attribute: 'base-url' },
    fonts: { attribute: false },
    assets: { attribute: false },
    status: { type: String, reflect: true },
    error: { attribute: false },
    autoplay: { type: Boolean, reflect: true },
    loop: { type: Boolean },
  }

  /** The template: an object or JSON text. Takes precedence over `src`. */
  declare template: Template | object | string | undefined
  /** URL of a template JSON file, used when `template` is not set. */
  declare src: string | undefined
  /** The data row: variable name → value, as in a CSV row or JSON feed item; or that as JSON text. */
  declare data: Record<string, unknown> | string | undefined
  /** A format id from the catalogue or `WIDTHxHEIGHT`. Default `instagram-square`. */
  declare format: string
  /** BCP 47 locale; default the market's locale, else the template's source locale. */
  declare locale: string | undefined
  /** The market: a built-in id (`ar-SA`) or a {@link MarketProfile}; default the market of `locale`, if any. */
  declare market: string | MarketProfile | undefined
  /** Message catalogues (they take precedence over the template's `translations`), or one catalogue file's text (JSON or XLIFF 2.0). */
  declare catalogs: readonly MessageCatalog[] | string | undefined
  /** What relative picture and font URLs resolve against. */
  declare baseUrl: string | undefined
  /** A font library of the host's (e.g. with brand fonts added); default the page-wide one. */
  declare fonts: FontLibrary | undefined
  /** An asset store of the host's; default a page-wide one per base URL. */
  declare assets: AssetStore | undefined
  /** Read-only: where the preview is. Reflected as the `status` attribute for styling. */
  declare status: VitrinePreviewStatus
  /** Read-only: the last error shown, or undefined. */
  declare error: VitrineError | undefined
  /** Play a video template as soon as it is drawn. */
  declare autoplay: boolean
  /** Start a video again at its end; default true. */
  declare loop: boolean

  private canvas: HTMLCanvasElement | undefined
  private scene: Scene | undefined
  private generation = 0
  private running: Promise<void> | undefined
  private dirty = false
  private parsed: { input: unknown; template: Template } | undefined
  private fetched = new Map<string, Promise<Template>>()
  private readonly playback = new PreviewPlayback(this)

  constructor() {
    super()
    this.format = 'instagram-square'
    this.status = 'empty'
    this.autoplay = false
    this.loop = true
  }

  /** The Scene on the canvas now, if any. */
  get currentScene(): Scene | undefined {
    return this.scene
  }

  /** Seconds: the time of the frame on the canvas (0 for a still). */
  get currentTime(): number {
    return this.playback.currentTime
  }

  /** Seconds of the template's timeline; 0 for a still. */
  get duration(): number {
    return this.playback.duration
  }

  /** True while a video plays. */
  get playing(): boolean {
    return this.playback.playing
  }

  /** Plays a video template from the current time; does nothing for a still. */
  play(): void {
    this.playback.play()
  }

  /** Stops playing, keeping the current frame. */
  pause(): void {
    this.playback.pause()
  }

  /** Shows the frame at `seconds` (clamped to the timeline); resolves once it is drawn. */
  seek(seconds: number): Promise<void> {
    return this.playback.seek(seconds)
  }

  /**
   * Resolves when the preview has caught up with its properties: with the Scene drawn, or
   * undefined when there is nothing to draw or an error is shown.
   */
  get renderComplete(): Promise<Scene | undefined> {
    return this.updateComplete.then(async () => {
      while (this.running) await this.running
      return this.status === 'ready' ? this.scene : undefined
    })
  }

  /**
   * Encodes the picture on the canvas, at the format's full resolution.
   *
   * @param type `png` (default), `jpeg` or `webp`.
   * @param quality 1..100 for JPEG and WebP; default 90.
   */
  async toBlob(type: ImageType = 'png', quality?: number): Promise<Blob> {
    const scene = await this.renderComplete
    const canvas = this.canvas
    if (!scene || !canvas) throw this.error ?? new VitrineError('usage', 'Nothing to encode yet: the preview has no template')
    const { platform } = sharedPreviewResources()
    const surface = this.surfaceOf(canvas)
    const bytes = await platform.encode(surface, { type, quality })
    return new Blob([bytes as Uint8Array<ArrayBuffer>], { type: `image/${type}` })
  }

  protected override render() {
    this.canvas ??= document.createElement('canvas')
    this.canvas.setAttribute('part', 'canvas')
    this.canvas.setAttribute('role', 'img')
    const error = this.status === 'error' ? this.error : undefined
    return html`<div part="frame">${this.canvas}</div>
      ${error ? this.renderError(error) : nothing}`
  }

  private renderError(error: VitrineError) {
    const issues = error.issues.length > 1 ? error.issues : []
    return html`<div part="error" role="alert">
      <div><span part="error-code">${error.code}</span>${error.path ? html` at <code part="error-path">${error.path}</code>` : nothing}</div>
      <p part="error-message">${error.message}</p>
      ${issues.length
        ? html`<ul part="error-issues">
            ${issues.slice(0, SHOWN_ISSUES).map((issue) => html`<li><code>${issue.path || '/'}</code> ${issue.message}</li>`)}
            ${issues.length > SHOWN_ISSUES ? html`<li>and ${issues.length - SHOWN_ISSUES} more</li>` : nothing}
          </ul>`
        : nothing}
    </div>`
  }

  // Starting here rather than in updated() lets the `loading` status land in this same update.
  protected override willUpdate(changed: PropertyValues<this>): void {
    const inputs = ['template', 'src', 'data', 'format', 'locale', 'market', 'catalogs', 'baseUrl', 'fonts', 'assets'] as const
    if (inputs.some((name) => changed.has(name))) this.schedule()
    if (changed.has('loop')) this.playback.loop = this.loop !== false
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback()
    // A preview taken out of the page stops caring about work in flight.
    this.generation++
  }

  override connectedCallback(): void {
    super.connectedCallback()
    if (this.hasUpdated) this.schedule()
  }

  /** Runs the pipeline once for all changes made so far; changes during a run queue one more. */
  private schedule(): void {
    this.generation++
    if (this.running) {
      this.dirty = true
      return
    }
    this.running = (async () => {
      do {
        this.dirty = false
        await this.run(this.generation)
      } while (this.dirty)
      this.running = undefined
    })()
  }

  private async run(generation: number): Promise<void> {
    const stale = () => generation !== this.generation || !this.isConnected
    if (this.template === undefined && !this.src) {
      this.canvas?.getContext('2d')?.clearRect(0, 0, this.canvas.width, this.canvas.height)
      this.scene = undefined
      this.status = 'empty'
      this.error = undefined
      return
    }
    this.status = 'loading'
    const resources = sharedPreviewResources()
    const { platform } = resources
    try {
      const t0 = platform.now()
      const format = getFormat(this.format || 'instagram-square')
      const canvas = this.sizeCanvas(format.width, format.height)
      canvas.setAttribute('aria-label', `Preview, ${format.label ?? format.id}, ${format.width}x${format.height}`)
      const template = await this.loadTemplate()
      if (stale()) return
      const t1 = platform.now()
      // The row is the `data` property itself, so JSON pointers in errors are relative to it.
      const { values } = bindRow(template, { index: 1, line: 1, pointer: '', values: this.row() })
      const assets = this.assets ?? resources.assetsFor(this.assetBaseUrl())
      const fonts = this.fonts ?? resources.fonts
      const scene = await resolve(template, values, { format, locale: this.locale || undefined, market: this.market || undefined, catalogs: this.catalogList(), platform, assets, fonts })
      if (stale()) return
      const t2 = platform.now()
      this.playback.loop = this.loop !== false
      await this.playback.attach(scene, this.surfaceOf(this.sizeCanvas(scene.width, scene.height)), assets)
      const t3 = platform.now()
      this.scene = scene
      this.error = undefined
      this.status = 'ready'
      const detail: VitrineRenderEventDetail = { scene, timings: { loadMs: t1 - t0, resolveMs: t2 - t1, drawMs: t3 - t2 } }
      this.dispatchEvent(new CustomEvent<VitrineRenderEventDetail>('render', { detail }))
      if (this.autoplay && scene.timeline) this.playback.play()
    } catch (caught) {
      if (stale()) return
      const error = asVitrineError(caught)
      this.scene = undefined
      this.error = error
      this.status = 'error'
      this.dispatchEvent(new CustomEvent<VitrineErrorEventDetail>('error', { detail: error.toJSON() }))
    }
  }

  private async loadTemplate(): Promise<Template> {
    const input = this.template
    if (input !== undefined) {
      if (this.parsed?.input !== input) this.parsed = { input, template: parseTemplate(input) }
      return this.parsed.template
    }
    const url = this.templateUrl()!
    let loading = this.fetched.get(url)
    if (!loading) {
      loading = sharedPreviewResources()
        .platform.fetchBytes(url, TEMPLATE_FETCH)
        .then((bytes) => parseTemplate(new TextDecoder().decode(bytes)))
      loading.catch(() => this.fetched.delete(url))
      this.fetched.set(url, loading)
    }
    return loading
  }

  private catalogList(): readonly MessageCatalog[] | undefined {
    const catalogs = this.catalogs
    if (catalogs === undefined || catalogs === null || catalogs === '') return undefined
    return typeof catalogs === 'string' ? [parseCatalog(catalogs, 'catalogs attribute')] : catalogs
  }

  private row(): Record<string, unknown> {
    const data = this.data
    if (data === undefined || data === null) return {}
    if (typeof data !== 'string') return data
    let row: unknown
    try {
      row = JSON.parse(data)
    } catch (error) {
      throw new VitrineError('data/invalid', `The data attribute is not valid JSON: ${(error as Error).message}`, { path: '' })
    }
    if (typeof row !== 'object' || row === null || Array.isArray(row)) {
      throw new VitrineError('data/invalid', `The data must be one row, a JSON object of variable name to value; found ${Array.isArray(row) ? 'an array' : JSON.stringify(row)}`, { path: '' })
    }
    return row as Record<string, unknown>
  }

  private templateUrl(): string | undefined {
    return this.src ? new URL(this.src, document.baseURI).href : undefined
  }

  private assetBaseUrl(): string {
    if (this.baseUrl) return folderOf(new URL(this.baseUrl.endsWith('/') ? this.baseUrl : this.baseUrl + '/', document.baseURI).href)
    const templateUrl = this.template === undefined ? this.templateUrl() : undefined
    return folderOf(templateUrl ?? document.baseURI)
  }

  private sizeCanvas(width: number, height: number): HTMLCanvasElement {
    const canvas = this.canvas ?? (this.canvas = document.createElement('canvas'))
    // Setting a size clears the canvas: only do it when it changes.
    if (canvas.width !== width) canvas.width = width
    if (canvas.height !== height) canvas.height = height
    return canvas
  }

  private surfaceOf(canvas: HTMLCanvasElement): Surface {
    const context = canvas.getContext('2d')
    if (!context) throw new VitrineError('render/failed', `Could not get a 2D context for the ${canvas.width}x${canvas.height} preview canvas`)
    return { width: canvas.width, height: canvas.height, canvas, context }
  }
}

if (!customElements.get('vitrine-preview')) customElements.define('vitrine-preview', VitrinePreview)

declare global {
  interface HTMLElementTagNameMap {
    'vitrine-preview': VitrinePreview
  }
}
