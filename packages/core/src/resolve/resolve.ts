import type { Template } from '../document/template.js'
import type { Layer } from '../document/layer.js'
import type { TextLayer } from '../document/layer-text.js'
import type { ImageLayer } from '../document/layer-image.js'
import { VitrineError } from '../errors/vitrine-error.js'
import { aspectClassOf, getFormat, safeRect, type Format, type Rect } from '../formats/format-catalog.js'
import { resolveBox } from '../layout/resolve-box.js'
import { resolveLength, type LengthContext } from '../layout/resolve-length.js'
import type { AssetStore } from '../platform/asset-store.js'
import type { Platform, Surface } from '../platform/platform.js'
import type { Scene, SceneFontRef, SceneImage, SceneNode, SceneText, TextFitReport } from '../scene/scene.js'
import { DEFAULT_FONT_FAMILY } from '../text/default-fonts.js'
import type { FontLibrary } from '../text/font-library.js'
import { keptLayout } from '../text/kept-layouts.js'
import { layoutText } from '../text/layout-text.js'
import { assignFonts } from '../text/font-runs.js'
import { cssFontAt } from '../text/css-font.js'
import { directionOf } from '../text/direction-of.js'
import { isMirrored, mirrorBox, mirrorLayer, mirrorPaint } from '../layout/mirror-layer.js'
import { boundSource } from './bound-source.js'
import { resolveTimeline } from '../timeline/resolve-timeline.js'
import { resolveVideo } from './resolve-video.js'
import type { BoundValues } from '../data/bind-row.js'
import type { CutoutEngine } from '../ai/cutout-engine.js'
import { resolveCutout } from '../ai/resolve-cutout.js'
import { evaluateCondition } from './evaluate-condition.js'
import { messageValues } from './message-values.js'
import { createMessageResolver, type MessageResolver } from '../i18n/message-resolver.js'
import type { MessageCatalog } from '../i18n/message-catalog.js'
import { canonicalLocale } from '../i18n/locale-tag.js'
import { formattingLocale, getMarket, marketForLocale } from '../markets/get-market.js'
import type { MarketProfile } from '../markets/market-profile.js'
import { resolveColor, resolvePaint, resolveRadii, resolveShadow, resolveStroke } from './resolve-paint.js'

/** Options for {@link resolve}. */
export interface ResolveOptions {
  /** A format id from the catalogue, `WIDTHxHEIGHT`, or a Format. */
  format: string | Format
  /** BCP 47 tag; default the template's `sourceLocale`, else `en-US`. */
  locale?: string
  platform: Platform
  assets: AssetStore
  fonts: FontLibrary
  /** JSON pointer of the data row, for errors about bound values (e.g. `/rows/4`). */
  rowPointer?: string
  /** Removes backgrounds for image layers with `cutout` (a CutoutEngine with a registered model). */
  cutout?: CutoutEngine
  /**
   * The market: a built-in id (`ar-SA`) or a profile. It sets the numbering system and calendar
   * numbers, prices and dates are formatted with. Default: the built-in market whose id is the
   * locale, if any. Without `locale`, the market's locale is used.
   */
  market?: string | MarketProfile
  /** Message catalogues (e.g. read from files); they take precedence over the template's `translations`. */
  catalogs?: readonly MessageCatalog[]
}

interface Context {
  template: Template
  values: BoundValues
  args: Record<string, string | number>
  messages: MessageResolver
  format: Format
  locale: string
  unit: number
  canvas: Rect
  safe: Rect
  options: ResolveOptions
  measure: Surface
  fonts: SceneFontRef[]
  images: Scene['images']
  text: TextFitReport[]
  /** Writing direction of the market: right-to-left mirrors the layout. */
  direction: 'ltr' | 'rtl'
}

const measureSurfaces = new WeakMap<Platform, Surface>()

/** The layer as it applies to this format: aspect-class overrides, then format-id overrides. */
function effectiveLayer<L extends Layer>(layer: L, format: Format): L {
  const overrides = layer.overrides as Record<string, Partial<L>> | undefined
  if (!overrides) return layer
  const byAspect = overrides[aspectClassOf(format.width, format.height)]
  const byId = overrides[format.id]
  if (!byAspect && !byId) return layer
  return { ...layer, ...byAspect, ...byId }
}

function pickFace(ctx: Context, font: TextLayer['font']): SceneFontRef {
  const family = font?.family ?? DEFAULT_FONT_FAMILY
  const weight = font?.weight ?? 400
  const style = font?.style ?? 'normal'
  const wanted = { family, weight, style } as SceneFontRef
  const fonts = ctx.options.fonts
  if (family === DEFAULT_FONT_FAMILY || fonts.facesOf(family).some((f) => f.weight === weight && f.style === style)) return wanted
  const faces = fonts.facesOf(family)
  if (faces.length === 0) {
    throw new VitrineError('font/load-failed', `Font family "${family}" is not declared in the template's "fonts" and is not built in (${DEFAULT_FONT_FAMILY})`)
  }
  // Nearest weight, same style preferred (a simplified CSS font matching).
  const score = (f: SceneFontRef) => Math.abs(f.weight - weight) + (f.style === style ? 0 : 1000)
  return faces.reduce((a, b) => (score(b) < score(a) ? b : a))
}

async function resolveText(layer: TextLayer, box: Rect, base: Omit<SceneText, 'type' | 'font' | 'fontSize' | 'color' | 'letterSpacing' | 'direction' | 'lines'>, ctx: Context, path: string, lctx: LengthContext): Promise<SceneText> {
  let text = ctx.messages.format(layer.id, layer.text, path)
  if (layer.transform === 'uppercase') text = text.toLocaleUpperCase(ctx.locale)
  else if (layer.transform === 'lowercase') text = text.toLocaleLowerCase(ctx.locale)
  const face = pickFace(ctx, layer.font)
  const fontAt = (size: number) => `${face.style === 'italic' ? 'italic ' : ''}${face.weight} ${size}px "${face.family}"`
  const assigned = await assignFonts(text, { primary: face, fonts: ctx.options.fonts, locale: ctx.locale, pointer: `${path}/text` })
  for (const f of assigned.faces) if (!ctx.fonts.some((g) => g.family === f.family && g.weight === f.weight && g.style === f.style)) ctx.fonts.push(f)
  const fontSize = resolveLength(layer.fontSize, 'min', lctx)
  const minFontSize = layer.minFontSize === undefined ? fontSize * 0.5 : Math.min(fontSize, resolveLength(layer.minFontSize, 'min', lctx))
  const c = ctx.measure.context
  const metrics = ctx.options.fonts.metricsOf(face) ?? (() => {
    c.font = fontAt(100)
    const m = c.measureText('Hg')
    return { ascent: m.fontBoundingBoxAscent / 100, descent: m.fontBoundingBoxDescent / 100 }
  })()
  const direction = ctx.direction
  const letterSpacing = layer.letterSpacing === undefined ? 0 : resolveLength(layer.letterSpacing, 'min', lctx)
  const settings = {
    fontSize,
    minFontSize,
    shrink: layer.fit === 'shrink',
    lineHeight: layer.lineHeight ?? 1.2,
    letterSpacing,
    maxLines: layer.maxLines,
    width: box.width,
    height: box.height,
    align: layer.align ?? 'start',
    direction,
    verticalAlign: layer.verticalAlign ?? 'top',
    metrics,
    locale: ctx.locale,
  }
  // Everything the layout depends on, the fonts by face (see keptLayout).
  const faceKey = (f: SceneFontRef) => [f.family, f.weight, f.style]
  const key = JSON.stringify([text, faceKey(face), assigned.runs.map((r) => [r.start, r.end, ...faceKey(r.face)]), faceKey(assigned.ellipsisFace), settings])
  const result = keptLayout(ctx.options.fonts, key, () =>
    layoutText(c, {
      text,
      fontAt,
      runs: assigned.runs.map((r) => ({ start: r.start, end: r.end, fontAt: cssFontAt(r.face) })),
      ellipsisFontAt: cssFontAt(assigned.ellipsisFace),
      ...settings,
    }),
  )
  ctx.text.push({ layer: layer.id, status: result.status, fontSize: result.fontSize, requestedFontSize: fontSize, missingGlyphs: assigned.missing.length > 0 ? assigned.missing : undefined })
  return {
    ...base,
    type: 'text',
    font: fontAt(result.fontSize),
    fontSize: result.fontSize,
    color: resolveColor(layer.color, ctx.values) ?? '#000000',
    letterSpacing,
    direction,
    // Whole-pixel origins: Chromium and Skia position glyphs at fractional offsets differently.
    lines: result.lines.map((l) => ({
      text: l.text,
      x: Math.round(box.x + l.x),
      baseline: Math.round(box.y + l.baseline),
      width: l.width,
      runs: l.runs.map((r) => ({ ...r, x: Math.round(box.x + l.x + r.x) })),
    })),
    background: resolvePaint(layer.background, box, ctx.values),
    shadow: resolveShadow(layer.shadow, ctx.values, lctx),
  }
}

async function resolveImage(layer: ImageLayer, box: Rect, base: Omit<SceneImage, 'type' | 'src' | 'crop' | 'dest' | 'radii'>, ctx: Context, path: string, lctx: LengthContext): Promise<SceneImage | undefined> {
  const { src, pointer } = boundSource(layer.src, ctx.values, ctx.options.rowPointer, `${path}/src`)
  if (src === undefined) return undefined
  const cutout = await resolveCutout(layer, await ctx.options.assets.loadImage(src, pointer), { box, path, values: ctx.values, assets: ctx.options.assets, cutout: ctx.options.cutout, rowPointer: ctx.options.rowPointer, images: ctx.images })
  const { key, image } = cutout
  ctx.images[key] = { width: image.width, height: image.height }
  const fit = layer.fit ?? 'cover'
  const fx = layer.focalPoint?.x ?? 0.5
  const fy = layer.focalPoint?.y ?? 0.5
  let crop = { x: 0, y: 0, width: image.width, height: image.height }
  let dest = { ...box }
  if (fit === 'cover') {
    const scale = Math.max(box.width / image.width, box.height / image.height)
    const cw = box.width / scale
    const ch = box.height / scale
    const cx = Math.min(Math.max(fx * image.width - cw / 2, 0), image.width - cw)
    const cy = Math.min(Math.max(fy * image.height - ch / 2, 0), image.height - ch)
    crop = { x: cx, y: cy, width: cw, height: ch }
  } else if (fit === 'contain') {
    const scale = Math.min(box.width / image.width, box.height / image.height)
    const dw = image.width * scale
    const dh = image.height * scale
    dest = { x: box.x + (box.width - dw) * fx, y: box.y + (box.height - dh) * fy, width: dw, height: dh }
  }
  return {
    ...base,
    type: 'image',
    src: key,
    crop,
    dest,
    radii: resolveRadii(layer.cornerRadius, box, lctx),
    background: resolvePaint(layer.background, box, ctx.values),
    stroke: resolveStroke(layer.stroke, ctx.values, lctx),
    shadow: resolveShadow(layer.shadow, ctx.values, lctx),
    backdrop: cutout.backdrop,
  }
}

async function resolveLayers(layers: Layer[], frame: Rect, ctx: Context, path: string, parentMirrored = true): Promise<SceneNode[]> {
  // One layer after another, so that the Scene (fonts, reports) comes out in a stable order.
  const nodes: Array<SceneNode | undefined> = []
  for (const [index, original] of layers.entries()) {
    nodes.push(await resolveLayer(original, index))
  }
  return nodes.filter((n): n is SceneNode => n !== undefined)

  async function resolveLayer(original: Layer, index: number): Promise<SceneNode | undefined> {
      const at = `${path}/${index}`
      const effective = effectiveLayer(original, ctx.format)
      if (!evaluateCondition(effective.visible, ctx.values)) return undefined
      const mirrored = isMirrored(effective, ctx.direction, parentMirrored)
      const layer = mirrored ? mirrorLayer(effective) : effective
      const designed = resolveBox(layer.box, layer.box.frame === 'safe' ? ctx.safe : frame, ctx.unit)
      const box = mirrored ? mirrorBox(designed, layer.box.frame === 'safe' ? ctx.safe : frame) : designed
      const lctx: LengthContext = { unit: ctx.unit, frameWidth: frame.width, frameHeight: frame.height }
      const base = { id: layer.id, ...box, opacity: layer.opacity ?? 1, rotation: layer.rotation ?? 0 }
      switch (layer.type) {
        case 'rect':
          return {
            ...base,
            type: 'rect',
            fill: resolvePaint(layer.fill, box, ctx.values),
            radii: resolveRadii(layer.cornerRadius, box, lctx),
            stroke: resolveStroke(layer.stroke, ctx.values, lctx),
            shadow: resolveShadow(layer.shadow, ctx.values, lctx),
          }
        case 'image':
          return resolveImage(layer, box, base, ctx, at, lctx)
        case 'text':
          return resolveText(layer, box, base, ctx, at, lctx)
        case 'video':
          return resolveVideo(layer, box, base, { values: ctx.values, platform: ctx.options.platform, assets: ctx.options.assets, rowPointer: ctx.options.rowPointer }, at, lctx)
        case 'group':
          return { ...base, type: 'group', clip: layer.clip ?? false, children: await resolveLayers(layer.children, box, ctx, `${at}/children`, mirrored) }
      }
  }
}

/**
 * Resolves a template bound to one row's values into a Scene for one format and locale:
 * overrides, conditions, constraint layout, messages, text fitting, assets. The Scene is plain
 * data; `renderFrame` draws it.
 *
 * @example
 * ```ts
 * const { values } = bindRow(template, row, { rowPointer: '/rows/0' })
 * const scene = await resolve(template, values, { format: 'instagram-story', locale: 'de-DE', platform, assets, fonts })
 * ```
 */
export async function resolve(template: Template, values: BoundValues, options: ResolveOptions): Promise<Scene> {
  const format = typeof options.format === 'string' ? getFormat(options.format) : options.format
  const market = typeof options.market === 'string' ? getMarket(options.market, 'market') : options.market
  const locale = canonicalLocale(options.locale ?? market?.locale ?? template.sourceLocale ?? 'en-US', options.locale !== undefined ? 'locale' : '')
  const profile = market ?? marketForLocale(locale)
  const formatLocale = formattingLocale(locale, profile)
  const args = messageValues(template, values, formatLocale)
  const canvas = { x: 0, y: 0, width: format.width, height: format.height }
  let measure = measureSurfaces.get(options.platform)
  if (!measure) {
    measure = options.platform.createSurface(1, 1)
    measureSurfaces.set(options.platform, measure)
  }
  for (const face of template.fonts ?? []) {
    const ref: SceneFontRef = { family: face.family, weight: face.weight ?? 400, style: face.style ?? 'normal' }
    if (!options.fonts.facesOf(face.family).some((f) => f.weight === ref.weight && f.style === ref.style)) {
      options.fonts.add(ref, options.assets.resolveUrl(face.src, '/fonts'))
    }
  }
  const ctx: Context = {
    template,
    values,
    args,
    messages: createMessageResolver({ template, locale, formatLocale, args, catalogs: options.catalogs }),
    format,
    locale,
    unit: Math.min(format.width, format.height) / Math.min(template.size.width, template.size.height),
    canvas,
    safe: safeRect(format),
    options,
    measure,
    fonts: [],
    images: {},
    text: [],
    direction: profile?.direction ?? directionOf(locale),
  }
  const nodes = await resolveLayers(template.layers, canvas, ctx, '/layers')
  const timeline = resolveTimeline(template, nodes, { unit: ctx.unit, width: format.width, height: format.height, resolveUrl: (src, path) => options.assets.resolveUrl(src, path) })
  return withoutUndefined({
    sceneVersion: 1,
    width: format.width,
    height: format.height,
    format: format.id,
    locale,
    direction: ctx.direction,
    background: resolvePaint(ctx.direction === 'rtl' ? mirrorPaint(template.background) : template.background, canvas, values),
    nodes,
    fonts: ctx.fonts,
    images: ctx.images,
    text: ctx.text,
    timeline,
    market: profile?.id,
    messages: ctx.messages.reports.length > 0 ? ctx.messages.reports : undefined,
  })
}

/** Drops `undefined` properties so that a Scene equals its own JSON round trip. */
function withoutUndefined<T>(value: T): T {
  if (Array.isArray(value)) {
    for (const item of value) withoutUndefined(item)
  } else if (typeof value === 'object' && value !== null) {
    const record = value as Record<string, unknown>
    for (const key of Object.keys(record)) {
      if (record[key] === undefined) delete record[key]
      else withoutUndefined(record[key])
    }
  }
  return value
}
