import type { RgbaPixels } from '../ai/mask.js'
import { aspectClassOf } from '../formats/format-catalog.js'
import { contrastRatio, parseColor, relativeLuminance } from './contrast.js'
import type { AdBox, AdText, LintRect } from './lint-ad.js'
import type { LintContext } from './lint.js'
import { fillMessage, inLanguage } from './lint-messages.js'
import type { CompiledRule } from './rule-set.js'
import type { ContrastDetector, LocalizedText, MainImageDetector, SafeZoneDetector } from './rule-pack.js'

/** Runs a visual rule: boxes from the Scene, and pixels when the lint options carry them. */
export function visualDiagnostics(ctx: LintContext, cr: CompiledRule): void {
  const d = cr.rule.detector
  if (d.kind === 'contrast') checkContrast(ctx, cr, d)
  else if (d.kind === 'safe-zone') checkSafeZone(ctx, cr, d)
  else if (d.kind === 'main-image') checkMainImage(ctx, cr, d)
}

/** The colour of a pixel, composited over white when it is not opaque. */
function pixelAt(p: RgbaPixels, x: number, y: number): [number, number, number] {
  const xi = Math.max(0, Math.min(p.width - 1, Math.floor(x)))
  const yi = Math.max(0, Math.min(p.height - 1, Math.floor(y)))
  const i = (yi * p.width + xi) * 4
  const a = p.data[i + 3]! / 255
  const over = (c: number) => c * a + 255 * (1 - a)
  return [over(p.data[i]!), over(p.data[i + 1]!), over(p.data[i + 2]!)]
}

/**
 * The contrast a text reaches against what is behind it: each line's glyph band is sampled in
 * the backdrop (the render without text), the text colour is blended over each sample with its
 * opacity, and the ratio reached by all but `percentile` % of the samples is returned.
 */
export function textContrast(text: AdText, backdrop: RgbaPixels, scale: { x: number; y: number }, percentile: number): number | undefined {
  const color = parseColor(text.node.color)
  if (!color) return undefined
  const alpha = color.a * text.opacity
  const ratios: number[] = []
  for (const line of text.node.lines) {
    if (line.width <= 0) continue
    const top = line.baseline - text.fontSize * 0.7
    const height = text.fontSize * 0.7
    const stepX = Math.max(1, line.width / 48)
    const stepY = Math.max(1, height / 8)
    for (let y = top + stepY / 2; y < line.baseline; y += stepY) {
      for (let x = line.x + stepX / 2; x < line.x + line.width; x += stepX) {
        const [r, g, b] = pixelAt(backdrop, x * scale.x, y * scale.y)
        const fr = color.r * alpha + r * (1 - alpha)
        const fg = color.g * alpha + g * (1 - alpha)
        const fb = color.b * alpha + b * (1 - alpha)
        ratios.push(contrastRatio(relativeLuminance(fr, fg, fb), relativeLuminance(r, g, b)))
      }
    }
  }
  if (ratios.length === 0) return undefined
  ratios.sort((a, b) => a - b)
  return ratios[Math.min(ratios.length - 1, Math.floor((ratios.length * percentile) / 100))]!
}

function checkContrast(ctx: LintContext, cr: CompiledRule, d: ContrastDetector): void {
  const pixels = ctx.options.pixels
  if (!pixels) return
  const scene = ctx.ad.scene
  const scale = { x: pixels.backdrop.width / scene.width, y: pixels.backdrop.height / scene.height }
  for (const text of ctx.ad.texts) {
    if (ctx.rules.roles.logo.test(text.node.id) || text.opacity <= 0 || text.text.trim() === '') continue
    const ratio = textContrast(text, pixels.backdrop, scale, d.percentile)
    if (ratio === undefined) continue
    const css = (text.fontSize * d.viewWidth) / scene.width
    const large = css >= d.largePx || (text.weight >= 700 && css >= d.largeBoldPx)
    const required = large ? d.minLarge : d.min
    if (ratio >= required) continue
    const important = (cr.errorLayers?.test(text.node.id) ?? false) || (cr.errorPatterns?.some((re) => re.test(text.normalized.text)) ?? false)
    ctx.report(cr, { text, path: text.layerPath, severity: important ? 'error' : undefined }, { ratio: ratio.toFixed(2), required, size: large ? 'large' : 'normal' })
  }
}

const intersects = (a: LintRect, b: LintRect) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height

/** The UI bands of a safe-zone profile at an output size, in pixels. */
export function safeZoneBands(profile: SafeZoneDetector['profiles']['standard'], width: number, height: number): Record<'top' | 'right' | 'bottom' | 'left', LintRect> {
  const sx = profile.unit === 'percent' ? width / 100 : width / (profile.reference?.width ?? width)
  const sy = profile.unit === 'percent' ? height / 100 : height / (profile.reference?.height ?? height)
  const top = profile.top * sy
  const bottom = profile.bottom * sy
  const left = profile.left * sx
  const right = profile.right * sx
  return {
    top: { x: 0, y: 0, width, height: top },
    bottom: { x: 0, y: height - bottom, width, height: bottom },
    left: { x: 0, y: 0, width: left, height },
    right: { x: width - right, y: 0, width: right, height },
  }
}

function checkSafeZone(ctx: LintContext, cr: CompiledRule, d: SafeZoneDetector): void {
  const scene = ctx.ad.scene
  if (d.aspects && !d.aspects.includes(aspectClassOf(scene.width, scene.height))) return
  const name = ctx.options.safeZone ?? 'standard'
  const profile = (d.profiles as Record<string, SafeZoneDetector['profiles']['standard']>)[name] ?? d.profiles.standard
  const bands = safeZoneBands(profile, scene.width, scene.height)
  const { logo, cta } = ctx.rules.roles
  const elements: Array<{ rect: LintRect; path: string; text?: AdText; kind: string }> = []
  if (d.elements.includes('text')) for (const t of ctx.ad.texts) if (t.text.trim() !== '' && t.opacity > 0) elements.push({ rect: t.ink, path: t.layerPath, text: t, kind: 'text' })
  const boxes: AdBox[] = [...ctx.ad.images, ...ctx.ad.boxes]
  if (d.elements.includes('logo')) for (const b of boxes) if (logo.test(b.node.id) && b.opacity > 0) elements.push({ rect: b.rect, path: b.layerPath, kind: 'logo' })
  if (d.elements.includes('cta')) for (const b of boxes) if (cta.test(b.node.id) && b.opacity > 0) elements.push({ rect: b.rect, path: b.layerPath, kind: 'cta' })
  for (const e of elements) {
    const hit = (Object.keys(bands) as Array<keyof typeof bands>).filter((k) => bands[k].width > 0 && bands[k].height > 0 && intersects(e.rect, bands[k]))
    if (hit.length === 0) continue
    ctx.report(cr, { text: e.text, path: e.path }, { profile: name, version: profile.version, bands: hit.join(', '), element: e.kind })
  }
}

/** Why a main image fails, in every UI language. `{problem}` in the rule's message takes one. */
const problems = {
  text: { en: 'it has a text layer', de: 'es hat eine Textebene', fr: 'elle contient un calque de texte', zh: '含有文字图层', ar: 'تحتوي على طبقة نص' },
  logo: { en: 'it has a logo, badge or button', de: 'es hat ein Logo, Badge oder einen Button', fr: 'elle contient un logo, un badge ou un bouton', zh: '含有标志、徽章或按钮', ar: 'تحتوي على شعار أو شارة أو زر' },
  small: { en: 'it is {value} px, smaller than {required} px', de: 'es ist {value} px groß, kleiner als {required} px', fr: 'elle mesure {value} px, moins que {required} px', zh: '尺寸为 {value} 像素，小于 {required} 像素', ar: 'مقاسها {value} بكسل، أصغر من {required} بكسل' },
  large: { en: 'it has {value} pixels, more than {required}', de: 'es hat {value} Pixel, mehr als {required}', fr: 'elle a {value} pixels, plus que {required}', zh: '像素数为 {value}，超过 {required}', ar: 'عدد بكسلاتها {value}، أكثر من {required}' },
  background: { en: 'the background is not white (found {value})', de: 'der Hintergrund ist nicht weiß ({value})', fr: 'le fond n’est pas blanc ({value})', zh: '背景不是白色（检测到 {value}）', ar: 'الخلفية ليست بيضاء (وُجد {value})' },
  offWhite: { en: 'the background is off-white (a channel at {value}, pure white is 255)', de: 'der Hintergrund ist nicht rein weiß (ein Kanal bei {value}, reines Weiß ist 255)', fr: 'le fond n’est pas blanc pur (un canal à {value}, le blanc pur est 255)', zh: '背景不是纯白（某通道为 {value}，纯白为 255）', ar: 'الخلفية ليست بيضاء نقية (قناة عند {value}، الأبيض النقي 255)' },
  fill: { en: 'the product spans {value} of the frame, less than {required}', de: 'das Produkt füllt {value} des Bildes, weniger als {required}', fr: 'le produit occupe {value} de l’image, moins que {required}', zh: '商品只占画面的 {value}，低于 {required}', ar: 'المنتج يشغل {value} من الإطار، أقل من {required}' },
  border: { en: 'it has a border', de: 'es hat einen Rahmen', fr: 'elle a une bordure', zh: '带有边框', ar: 'تحتوي على إطار' },
} satisfies Record<string, LocalizedText>

function checkMainImage(ctx: LintContext, cr: CompiledRule, d: MainImageDetector): void {
  const scene = ctx.ad.scene
  const { width, height } = scene
  const problem = (key: keyof typeof problems, at: { path?: string; text?: AdText; severity?: 'warn' | 'error' }, values: Record<string, string | number> = {}) =>
    ctx.report(cr, { path: '', ...at }, { ...values, problem: fillMessage(inLanguage(problems[key], ctx.language), values) })
  if (d.minLongestSide !== undefined && Math.max(width, height) < d.minLongestSide) problem('small', {}, { value: `${width}x${height}`, required: d.minLongestSide })
  if (d.minSide !== undefined && Math.min(width, height) < d.minSide) problem('small', {}, { value: `${width}x${height}`, required: `${d.minSide}x${d.minSide}` })
  if (d.maxPixels !== undefined && width * height > d.maxPixels) problem('large', {}, { value: width * height, required: d.maxPixels })
  if (d.noText) for (const t of ctx.ad.texts) if (/[\p{L}\p{N}]/u.test(t.text) && t.opacity > 0) problem('text', { text: t, path: t.layerPath })
  if (d.noLogos) {
    const { logo, cta } = ctx.rules.roles
    for (const b of [...ctx.ad.images, ...ctx.ad.boxes]) if ((logo.test(b.node.id) || cta.test(b.node.id)) && b.opacity > 0) problem('logo', { path: b.layerPath })
  }
  const frame = ctx.options.pixels?.frame
  if (!frame) return
  const grid = sampleGrid(frame, 320)
  if (d.white) {
    const analysis = whiteBackground(grid)
    if (analysis.edgeShare < 0.5) problem('background', {}, { value: analysis.edgeColor })
    else if (analysis.belowError > 0.005) problem('offWhite', {}, { value: analysis.minValue })
    else if (analysis.belowWarn > 0.005) problem('offWhite', { severity: 'warn' }, { value: analysis.minValue })
    if (d.minFill !== undefined) {
      const fill = productFill(ctx, grid, analysis.background)
      if (fill !== undefined && fill < d.minFill) problem('fill', {}, { value: `${Math.round(fill * 100)} %`, required: `${Math.round(d.minFill * 100)} %` })
    }
  }
  if (d.noBorder && hasBorder(grid)) problem('border', {})
}

interface Grid {
  w: number
  h: number
  /** Sampled RGB, 3 bytes a cell. */
  rgb: Uint8Array
  /** Output pixels per cell. */
  step: number
}

function sampleGrid(p: RgbaPixels, cells: number): Grid {
  const step = Math.max(1, Math.ceil(Math.max(p.width, p.height) / cells))
  const w = Math.ceil(p.width / step)
  const h = Math.ceil(p.height / step)
  const rgb = new Uint8Array(w * h * 3)
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const [r, g, b] = pixelAt(p, x * step + step / 2, y * step + step / 2)
      const i = (y * w + x) * 3
      rgb[i] = r
      rgb[i + 1] = g
      rgb[i + 2] = b
    }
  }
  return { w, h, rgb, step }
}

const minChannel = (g: Grid, i: number) => Math.min(g.rgb[i * 3]!, g.rgb[i * 3 + 1]!, g.rgb[i * 3 + 2]!)

/** The near-white region joined to the edges (flood fill), and how white it really is. */
function whiteBackground(g: Grid): { background: Uint8Array; edgeShare: number; edgeColor: string; belowError: number; belowWarn: number; minValue: number } {
  const n = g.w * g.h
  const background = new Uint8Array(n)
  const queue: number[] = []
  const light = (i: number) => minChannel(g, i) >= 235
  let edges = 0
  let lightEdges = 0
  const edgeSum = [0, 0, 0]
  for (let x = 0; x < g.w; x++)
    for (const y of [0, g.h - 1]) {
      const i = y * g.w + x
      edges++
      for (let c = 0; c < 3; c++) edgeSum[c]! += g.rgb[i * 3 + c]!
      if (light(i) && !background[i]) {
        background[i] = 1
        queue.push(i)
        lightEdges++
      }
    }
  for (let y = 1; y < g.h - 1; y++)
    for (const x of [0, g.w - 1]) {
      const i = y * g.w + x
      edges++
      for (let c = 0; c < 3; c++) edgeSum[c]! += g.rgb[i * 3 + c]!
      if (light(i) && !background[i]) {
        background[i] = 1
        queue.push(i)
        lightEdges++
      }
    }
  while (queue.length > 0) {
    const i = queue.pop()!
    const x = i % g.w
    const y = (i - x) / g.w
    for (const j of [x > 0 ? i - 1 : -1, x < g.w - 1 ? i + 1 : -1, y > 0 ? i - g.w : -1, y < g.h - 1 ? i + g.w : -1]) {
      if (j >= 0 && !background[j] && light(j)) {
        background[j] = 1
        queue.push(j)
      }
    }
  }
  let count = 0
  let belowError = 0
  let belowWarn = 0
  let minValue = 255
  for (let i = 0; i < n; i++) {
    if (!background[i]) continue
    count++
    const m = minChannel(g, i)
    if (m < 250) belowError++
    else if (m < 255) belowWarn++
    if (m < minValue) minValue = m
  }
  const hex = (v: number) => Math.round(v / edges).toString(16).padStart(2, '0')
  return {
    background,
    edgeShare: edges > 0 ? lightEdges / edges : 0,
    edgeColor: `#${hex(edgeSum[0]!)}${hex(edgeSum[1]!)}${hex(edgeSum[2]!)}`,
    belowError: count > 0 ? belowError / count : 0,
    belowWarn: count > 0 ? belowWarn / count : 0,
    minValue,
  }
}

/** Share of the frame's longer side the product spans: from a cut-out mask when given, else from the non-background pixels. */
function productFill(ctx: LintContext, g: Grid, background: Uint8Array): number | undefined {
  const { width, height } = ctx.ad.scene
  for (const image of ctx.ad.images) {
    const mask = ctx.options.masks?.[image.node.id]
    if (!mask) continue
    let x0 = Infinity
    let y0 = Infinity
    let x1 = -Infinity
    let y1 = -Infinity
    for (let y = 0; y < mask.height; y++)
      for (let x = 0; x < mask.width; x++)
        if (mask.data[y * mask.width + x]! > 127) {
          x0 = Math.min(x0, x)
          x1 = Math.max(x1, x + 1)
          y0 = Math.min(y0, y)
          y1 = Math.max(y1, y + 1)
        }
    if (x1 < 0) return 0
    const r = image.rect
    const w = ((x1 - x0) / mask.width) * r.width
    const h = ((y1 - y0) / mask.height) * r.height
    return Math.max(w / width, h / height)
  }
  let x0 = Infinity
  let y0 = Infinity
  let x1 = -Infinity
  let y1 = -Infinity
  for (let y = 0; y < g.h; y++)
    for (let x = 0; x < g.w; x++)
      if (!background[y * g.w + x]) {
        x0 = Math.min(x0, x)
        x1 = Math.max(x1, x + 1)
        y0 = Math.min(y0, y)
        y1 = Math.max(y1, y + 1)
      }
  if (x1 < 0) return 0
  return Math.max((x1 - x0) / g.w, (y1 - y0) / g.h)
}

/** A frame of one colour around a different inside. */
function hasBorder(g: Grid): boolean {
  if (g.w < 20 || g.h < 20) return false
  const ring = (inset: number) => {
    const cells: number[] = []
    for (let x = inset; x < g.w - inset; x++) cells.push(inset * g.w + x, (g.h - 1 - inset) * g.w + x)
    for (let y = inset; y < g.h - inset; y++) cells.push(y * g.w + inset, y * g.w + g.w - 1 - inset)
    const mean = [0, 1, 2].map((c) => cells.reduce((s, i) => s + g.rgb[i * 3 + c]!, 0) / cells.length)
    const spread = Math.max(...cells.map((i) => Math.max(...[0, 1, 2].map((c) => Math.abs(g.rgb[i * 3 + c]! - mean[c]!)))))
    return { mean, spread }
  }
  const outer = ring(0)
  const inner = ring(Math.max(2, Math.round(Math.min(g.w, g.h) * 0.04)))
  const distance = Math.max(...[0, 1, 2].map((c) => Math.abs(outer.mean[c]! - inner.mean[c]!)))
  return outer.spread < 24 && distance > 40
}
