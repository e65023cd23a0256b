import type { Static } from '@sinclair/typebox'
import { ImageLayerSchema, type ImageLayer } from './layer-image.js'
import { RectLayerSchema, type RectLayer } from './layer-rect.js'
import { TextLayerSchema, type TextLayer } from './layer-text.js'
import { GroupLayerShallowSchema } from './layer-group.js'
import { VideoLayerSchema, type VideoLayer } from './layer-video.js'

/** A group of layers, placed and optionally clipped as one. */
export type GroupLayer = Omit<Static<typeof GroupLayerShallowSchema>, 'children'> & { children: Layer[] }

/** Any layer of a template. */
export type Layer = RectLayer | ImageLayer | TextLayer | GroupLayer | VideoLayer
export type LayerType = Layer['type']

/** The schema of each layer type, its children left unchecked (validation walks them). */
export const layerSchemas = {
  rect: RectLayerSchema,
  image: ImageLayerSchema,
  text: TextLayerSchema,
  group: GroupLayerShallowSchema,
  video: VideoLayerSchema,
} as const

export const layerTypes = Object.keys(layerSchemas) as LayerType[]
