import type { BoundValues } from '../data/bind-row.js'
import type { ImageLayer } from '../document/layer-image.js'
import { VitrineError } from '../errors/vitrine-error.js'
import type { Rect } from '../formats/format-catalog.js'
import type { AssetStore } from '../platform/asset-store.js'
import type { DecodedImage } from '../platform/platform.js'
import { resolvePaint } from '../resolve/resolve-paint.js'
import { boundSource } from '../resolve/bound-source.js'
import type { SceneBackdrop } from '../scene/scene.js'
import type { CutoutEngine } from './cutout-engine.js'

/** What {@link resolveCutout} needs from resolve's context. */
export interface CutoutContext {
  box: Rect
  /** JSON pointer of the layer, for errors. */
  path: string
  values: BoundValues
  assets: AssetStore
  cutout?: CutoutEngine
  rowPointer?: string
  /** The scene's image table, which gets the derived pictures' sizes. */
  images: Record<string, { width: number; height: number }>
}

/**
 * The picture an image layer draws once its cut-out is applied, and its backdrop: the cut-out
 * (the picture with its background made transparent) and a blurred original are registered in
 * the AssetStore under their own keys, so `renderFrame` draws them like any picture. Without
 * `cutout` or `backdrop`, the picture is returned as loaded.
 */
export async function resolveCutout(
  layer: ImageLayer,
  loaded: { key: string; image: DecodedImage },
  c: CutoutContext,
): Promise<{ key: string; image: DecodedImage; backdrop?: SceneBackdrop }> {
  let { key, image } = loaded
  if (layer.cutout !== undefined) {
    if (!c.cutout) {
      throw new VitrineError('ai/unavailable', `${c.path}/cutout: the template asks for a cut-out, but no cut-out model was given to the renderer (vitrine render --model, or the cutout option)`, {
        path: `${c.path}/cutout`,
        issues: [{ path: `${c.path}/cutout`, message: 'no cut-out engine', expected: 'a cut-out engine with a registered model', found: 'none' }],
      })
    }
    const derived = await c.cutout.cutout(loaded.image, loaded.key, { subject: layer.cutout, matte: layer.matte })
    if (!c.assets.has(derived.key)) c.assets.adopt(derived.key, derived.image)
    key = derived.key
    image = derived.image
    c.images[key] = { width: image.width, height: image.height }
  }
  const spec = layer.backdrop
  if (spec === undefined) return { key, image }
  if (typeof spec === 'string' || 'var' in spec || spec.type === 'linear-gradient' || spec.type === 'radial-gradient') {
    const paint = resolvePaint(spec, c.box, c.values)
    return paint ? { key, image, backdrop: { type: 'paint', paint } } : { key, image }
  }
  let backdrop: { key: string; image: DecodedImage }
  if (spec.type === 'image') {
    const { src, pointer } = boundSource(spec.src, c.values, c.rowPointer, `${c.path}/backdrop/src`)
    if (src === undefined) return { key, image }
    backdrop = await c.assets.loadImage(src, pointer)
  } else {
    if (!c.cutout) throw new VitrineError('ai/unavailable', `${c.path}/backdrop: a blurred backdrop needs the cut-out engine`, { path: `${c.path}/backdrop` })
    backdrop = await c.cutout.blurred(loaded.image, loaded.key, spec.radius)
    if (!c.assets.has(backdrop.key)) c.assets.adopt(backdrop.key, backdrop.image)
  }
  c.images[backdrop.key] = { width: backdrop.image.width, height: backdrop.image.height }
  return { key, image, backdrop: { type: 'image', src: backdrop.key, crop: coverCrop(backdrop.image, c.box) } }
}

/** The part of a picture that covers a box, centred. */
function coverCrop(image: { width: number; height: number }, box: Rect): { x: number; y: number; width: number; height: number } {
  const scale = Math.max(box.width / image.width, box.height / image.height)
  const width = box.width / scale
  const height = box.height / scale
  return { x: (image.width - width) / 2, y: (image.height - height) / 2, width, height }
}
