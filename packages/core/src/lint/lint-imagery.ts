import type { Layer } from '../document/layer.js'
import type { Template } from '../document/template.js'
import type { CompiledMatcher, TextMatch } from './compile-matcher.js'
import { inPicture, lintMessages } from './lint-messages.js'
import type { LintContext } from './lint.js'
import { normalizeText, type NormalizedText } from './normalize-text.js'
import type { CompiledRule } from './rule-set.js'
import type { ImageryOptions } from './rule-pack.js'

/** One declared description of the ad's pictures, as lint reads it. */
export interface PictureDescription {
  /** `alt` (an image layer's), `file` (a picture's file name) or `field` (a feed column). */
  kind: 'alt' | 'file' | 'field'
  /** The description as text (a file name with its separators turned into spaces). */
  text: string
  normalized: NormalizedText
  /** JSON pointer of what it was read from in the template (`/layers/1/alt`, `/layers/1/src`), `''` for a feed column. */
  path: string
  /** JSON pointer of the feed column, for `field` descriptions and bound `alt` or `src`. */
  data?: string
  /** The feed column, for `field` descriptions. */
  column?: string
  layer?: string
}

/**
 * The words of a picture's file name or URL: `…/p/UAE-Flag_doormat%2001.jpg?v=2` → `UAE Flag
 * doormat 01`. `data:` and `blob:` URLs have none.
 */
export function fileNameWords(src: string): string {
  if (/^(data|blob):/i.test(src)) return ''
  let name = src.split(/[?#]/)[0]!.split(/[\\/]/).pop() ?? ''
  try {
    name = decodeURIComponent(name)
  } catch {
    // A stray % stays as it is.
  }
  return name
    .replace(/\.[a-z0-9]{2,5}$/i, '')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/[-_+.,()[\]\s]+/g, ' ')
    .trim()
}

function imageLayersById(template: Template): Map<string, Extract<Layer, { type: 'image' }>> {
  const map = new Map<string, Extract<Layer, { type: 'image' }>>()
  const walk = (layers: Layer[]) => {
    for (const layer of layers) {
      if (layer.type === 'image' && !map.has(layer.id)) map.set(layer.id, layer)
      if (layer.type === 'group') walk(layer.children)
    }
  }
  walk(template.layers)
  return map
}

const layerCache = new WeakMap<Template, ReturnType<typeof imageLayersById>>()

function describe(kind: PictureDescription['kind'], text: string, path: string, extra: { data?: string; column?: string; layer?: string } = {}): PictureDescription | undefined {
  if (text.trim() === '') return undefined
  return { kind, text, normalized: normalizeText(text), path, ...extra }
}

/** The declared descriptions of the ad's pictures that a rule's `imagery` options ask for. */
export function pictureDescriptions(ctx: LintContext, options: ImageryOptions): PictureDescription[] {
  const out: PictureDescription[] = []
  const template = ctx.options.template
  let layers: ReturnType<typeof imageLayersById> | undefined
  if (template) {
    layers = layerCache.get(template)
    if (!layers) layerCache.set(template, (layers = imageLayersById(template)))
  }
  const data = ctx.options.data ?? {}
  const variable = (name: string) => {
    const v = data[name] ?? (template?.variables?.[name] as { default?: unknown } | undefined)?.default
    return typeof v === 'string' ? v : undefined
  }
  for (const image of ctx.ad.images) {
    const layer = layers?.get(image.node.id)
    const src = layer && typeof layer.src === 'object' ? { data: ctx.fields.pointer(layer.src.var) } : {}
    if (options.alt !== false && layer?.alt !== undefined) {
      const bound = typeof layer.alt === 'object'
      const text = bound ? variable((layer.alt as { var: string }).var) : (layer.alt as string)
      const d = text && describe('alt', text, `${image.layerPath}/alt`, { layer: image.node.id, ...(bound ? { data: ctx.fields.pointer((layer.alt as { var: string }).var) } : {}) })
      if (d) out.push(d)
    }
    if (options.fileNames !== false && image.node.type === 'image') {
      const d = describe('file', fileNameWords(image.node.src), `${image.layerPath}/src`, { layer: image.node.id, ...src })
      if (d) out.push(d)
    }
  }
  for (const field of options.fields ?? []) {
    // A column an `alt` is bound to is read once, as the alt.
    if (out.some((d) => d.data === ctx.fields.pointer(field))) continue
    const text = ctx.fields.text(field)
    const d = text && describe('field', text, '', { data: ctx.fields.pointer(field), column: ctx.fields.column(field) })
    if (d) out.push(d)
  }
  return out
}

/**
 * Matches a `terms` rule's words in the declared descriptions of the ad's pictures, and reports an
 * ad whose pictures are not described at all when the rule asks for it (`imagery.missing`).
 */
export function checkImagery(ctx: LintContext, cr: CompiledRule, options: ImageryOptions, category: string | undefined): void {
  const compiled = cr.imagery
  if (!compiled) return
  const descriptions = pictureDescriptions(ctx, options)
  const firstImagePath = ctx.ad.images[0]?.layerPath ?? ''
  const seen = new Set<string>()
  const report = (d: PictureDescription, match: TextMatch) => {
    const key = `${d.path}|${d.data ?? ''}|${match.start}|${match.end}`
    if (seen.has(key)) return
    seen.add(key)
    const picture = d.kind === 'file' ? `"${d.text}"` : d.kind === 'alt' ? `alt "${d.text}"` : `${d.column} "${d.text}"`
    ctx.report(
      cr,
      { described: { path: d.path || firstImagePath, text: d.text, normalized: d.normalized, layer: d.layer }, match, ...(d.data ? { data: d.data } : {}) },
      { picture },
      { message: inPicture(cr.rule.message), fix: cr.rule.fix },
    )
  }
  const find = (matcher: CompiledMatcher, d: PictureDescription) => matcher.find(d.normalized)
  for (const d of descriptions) for (const match of find(compiled.matcher, d)) report(d, match)
  if (compiled.onProducts.length > 0 && descriptions.length > 0) {
    const productTexts: NormalizedText[] = [...descriptions.map((d) => d.normalized), ...ctx.ad.texts.map((t) => t.normalized)]
    if (category) productTexts.push(normalizeText(category))
    for (const rule of compiled.onProducts) {
      if (!productTexts.some((t) => rule.products.test(t))) continue
      for (const d of descriptions) for (const match of find(rule.matcher, d)) report(d, match)
    }
  }
  const missing = options.missing
  if (!missing || ctx.ad.images.length === 0) return
  if (seen.size > 0 || descriptions.some((d) => d.kind !== 'file')) return
  if (compiled.missingCategories && !(category && compiled.missingCategories.test(normalizeText(category)))) return
  const field = options.fields?.[0] ?? 'imageAlt'
  ctx.report(
    cr,
    { path: firstImagePath, severity: missing.severity, data: ctx.fields.pointer(field) },
    { field: ctx.fields.column(field), category: category ?? '' },
    { message: lintMessages.missingPictureDescription, fix: lintMessages.missingPictureDescriptionFix },
  )
}
