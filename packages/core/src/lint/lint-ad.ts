import type { Template } from '../document/template.js'
import type { Layer } from '../document/layer.js'
import type { Scene, SceneNode, SceneText } from '../scene/scene.js'
import { normalizeText, sourceSpan, type NormalizedText } from './normalize-text.js'
import type { TextMatch } from './compile-matcher.js'

/** A rectangle in output pixels. */
export interface LintRect {
  x: number
  y: number
  width: number
  height: number
}

/** A text layer as lint reads it. */
export interface AdText {
  node: SceneText
  /** JSON pointer of the layer's text. */
  path: string
  /** JSON pointer of the layer. */
  layerPath: string
  /** The resolved text: the lines joined with `\n`. */
  text: string
  normalized: NormalizedText
  fontSize: number
  weight: number
  /** Opacity with every group's. */
  opacity: number
  /** The box the glyphs cover (lines from ascent to descent). */
  ink: LintRect
}

/** A picture or shape layer, for the visual rules. */
export interface AdBox {
  node: SceneNode
  layerPath: string
  rect: LintRect
  opacity: number
}

/** The Scene read once for every rule: its texts and boxes, with pointers. */
export interface LintAd {
  scene: Scene
  texts: AdText[]
  images: AdBox[]
  boxes: AdBox[]
}

/** JSON pointers of a template's layers by id. */
export function layerPointers(template: Template): Map<string, string> {
  const map = new Map<string, string>()
  const walk = (layers: Layer[], path: string) =>
    layers.forEach((layer, i) => {
      const at = `${path}/${i}`
      if (!map.has(layer.id)) map.set(layer.id, at)
      if (layer.type === 'group') walk(layer.children, `${at}/children`)
    })
  walk(template.layers, '/layers')
  return map
}

const pointerCache = new WeakMap<Template, Map<string, string>>()

function lineText(line: SceneText['lines'][number]): string {
  const l = line as { text?: string; runs?: Array<{ text: string }> }
  return typeof l.text === 'string' ? l.text : (l.runs ?? []).map((r) => r.text).join('')
}

/** The resolved text of a text node, as lint spans count it: its lines joined with `\n`. */
export function resolvedText(node: SceneText): string {
  return node.lines.map(lineText).join('\n')
}

const normalizedCache = new Map<string, NormalizedText>()
function normalizedOf(text: string): NormalizedText {
  let n = normalizedCache.get(text)
  if (!n) {
    if (normalizedCache.size > 2000) normalizedCache.clear()
    n = normalizeText(text)
    normalizedCache.set(text, n)
  }
  return n
}

function weightOf(font: string): number {
  const m = /(?:^|\s)([1-9]00)(?:\s|$)/.exec(font)
  if (m) return Number(m[1])
  return /\bbold\b/.test(font) ? 700 : 400
}

/** Reads a Scene into the texts and boxes the rules look at. */
export function readAd(scene: Scene, template?: Template): LintAd {
  let pointers: Map<string, string> | undefined
  if (template) {
    pointers = pointerCache.get(template)
    if (!pointers) pointerCache.set(template, (pointers = layerPointers(template)))
  }
  const ad: LintAd = { scene, texts: [], images: [], boxes: [] }
  const walk = (nodes: SceneNode[], path: string, opacity: number) =>
    nodes.forEach((node, i) => {
      const at = pointers?.get(node.id) ?? `${path}/${i}`
      const alpha = opacity * node.opacity
      const rect = { x: node.x, y: node.y, width: node.width, height: node.height }
      if (node.type === 'text') {
        const text = resolvedText(node)
        const lines = node.lines
        const ascent = node.fontSize * 0.8
        const descent = node.fontSize * 0.22
        const ink =
          lines.length === 0
            ? rect
            : {
                x: Math.min(...lines.map((l) => l.x)),
                y: Math.min(...lines.map((l) => l.baseline)) - ascent,
                width: Math.max(...lines.map((l) => l.x + l.width)) - Math.min(...lines.map((l) => l.x)),
                height: Math.max(...lines.map((l) => l.baseline)) - Math.min(...lines.map((l) => l.baseline)) + ascent + descent,
              }
        ad.texts.push({ node, path: `${at}/text`, layerPath: at, text, normalized: normalizedOf(text), fontSize: node.fontSize, weight: weightOf(node.font), opacity: alpha, ink })
      } else if (node.type === 'image') {
        ad.images.push({ node, layerPath: at, rect: node.dest, opacity: alpha })
      } else if (node.type === 'group') {
        ad.boxes.push({ node, layerPath: at, rect, opacity: alpha })
        walk(node.children, `${at}/children`, alpha)
      } else {
        ad.boxes.push({ node, layerPath: at, rect, opacity: alpha })
      }
    })
  walk(scene.nodes, template ? '/layers' : '/nodes', 1)
  return ad
}

/** The source span and excerpt of a normalised match. */
export function spanOf(text: Pick<AdText, 'text' | 'normalized'>, match: TextMatch): { span: { start: number; end: number }; excerpt: string } {
  const span = sourceSpan(text.normalized, match.start, match.end)
  return { span, excerpt: text.text.slice(span.start, span.end) }
}
