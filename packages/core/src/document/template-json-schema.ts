import { Type } from '@sinclair/typebox'
import { ImageLayerSchema } from './layer-image.js'
import { RectLayerSchema } from './layer-rect.js'
import { TextLayerSchema } from './layer-text.js'
import { groupLayerSchema } from './layer-group.js'
import { VideoLayerSchema } from './layer-video.js'
import { CURRENT_SCHEMA_VERSION, templateSchemaWith } from './template.js'

/** The published schema's `$id`. */
export const TEMPLATE_SCHEMA_ID = `https://vitrine.dev/schema/template-v${CURRENT_SCHEMA_VERSION}.json`

/**
 * The JSON Schema (draft 2020-12) of the current template version, generated from the same
 * definitions that validate templates at run time. Written to `schema/template.schema.json`.
 */
export function templateJsonSchema(): Record<string, unknown> {
  const layerRef = Type.Unsafe({ $ref: '#/$defs/Layer' })
  const layer = {
    oneOf: [
      { $ref: '#/$defs/RectLayer' },
      { $ref: '#/$defs/ImageLayer' },
      { $ref: '#/$defs/TextLayer' },
      { $ref: '#/$defs/GroupLayer' },
      { $ref: '#/$defs/VideoLayer' },
    ],
  }
  const shared: Record<string, unknown> = {}
  // Titled building blocks (Length, Color, Box, ...) go to $defs once and are referenced.
  const hoist = (node: unknown, isRoot = false): unknown => {
    if (Array.isArray(node)) return node.map((n) => hoist(n))
    if (typeof node !== 'object' || node === null) return node
    const out: Record<string, unknown> = {}
    for (const [k, v] of Object.entries(node)) out[k] = hoist(v)
    const title = out.title
    if (!isRoot && typeof title === 'string' && !layerTitles.has(title)) {
      shared[title] = out
      return { $ref: `#/$defs/${title}` }
    }
    return out
  }
  const plain = (schema: unknown) => hoist(JSON.parse(JSON.stringify(schema)), true) as Record<string, unknown>
  const root = plain(templateSchemaWith(layerRef))
  const defs = {
    Layer: layer,
    RectLayer: plain(RectLayerSchema),
    ImageLayer: plain(ImageLayerSchema),
    TextLayer: plain(TextLayerSchema),
    GroupLayer: plain(groupLayerSchema(layerRef)),
    VideoLayer: plain(VideoLayerSchema),
  }
  const sorted = Object.fromEntries(Object.entries(shared).sort(([a], [b]) => a.localeCompare(b)))
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: TEMPLATE_SCHEMA_ID,
    ...root,
    $defs: { ...defs, ...sorted },
  }
}

const layerTitles = new Set(['VitrineTemplate', 'RectLayer', 'ImageLayer', 'TextLayer', 'GroupLayer', 'VideoLayer'])
