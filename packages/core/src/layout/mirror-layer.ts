import type { Layer } from '../document/layer.js'
import type { Paint } from '../document/primitives.js'
import type { Rect } from '../formats/format-catalog.js'

/**
 * Whether a layer is mirrored in a right-to-left layout: every layer is, unless it (or a group
 * around it) says `mirror: false` — logos, product photos, anything whose place is part of a
 * brand's design.
 */
export function isMirrored(layer: Layer, direction: 'ltr' | 'rtl', parentMirrored = true): boolean {
  return direction === 'rtl' && parentMirrored && layer.mirror !== false
}

/** A box mirrored across the vertical centre line of its frame. */
export function mirrorBox(box: Rect, frame: Rect): Rect {
  return { ...box, x: frame.x + frame.width - (box.x - frame.x) - box.width }
}

/** A gradient flagged `mirror: true` flipped left to right; anything else unchanged. */
export function mirrorPaint<P extends Paint | undefined>(paint: P): P {
  if (typeof paint !== 'object' || paint === null || !('type' in paint) || paint.mirror !== true) return paint
  if (paint.type === 'linear-gradient') return { ...paint, angle: (360 - paint.angle) % 360 }
  const center = paint.center ?? { x: 0.5, y: 0.5 }
  return { ...paint, center: { x: 1 - center.x, y: center.y } }
}

/**
 * A layer as it is laid out right to left: rotation reversed, physical text alignment
 * (`left`/`right`) and per-corner radii swapped (`start`/`end` follow the direction already),
 * gradients flagged `mirror: true` flipped, and the focal point of a contained picture or clip
 * (which places it in its box) mirrored. Its box is mirrored by {@link mirrorBox} once resolved.
 */
export function mirrorLayer<L extends Layer>(layer: L): L {
  const out: Layer = { ...layer }
  if (out.rotation) out.rotation = -out.rotation
  if (out.type === 'text') {
    if (out.align === 'left') out.align = 'right'
    else if (out.align === 'right') out.align = 'left'
    out.background = mirrorPaint(out.background)
  } else if (out.type === 'rect') {
    out.fill = mirrorPaint(out.fill)
    out.cornerRadius = mirrorCorners(out.cornerRadius)
  } else if (out.type === 'image') {
    out.background = mirrorPaint(out.background)
    out.cornerRadius = mirrorCorners(out.cornerRadius)
  }
  // A contained picture's focal point places it in its box (x 0: at the left edge): mirrored,
  // it sits at the other edge. A covering picture's focal point is the part of the picture to
  // keep in view; pictures are never flipped, so it stays.
  if ((out.type === 'image' || out.type === 'video') && out.fit === 'contain' && out.focalPoint) {
    out.focalPoint = { x: 1 - out.focalPoint.x, y: out.focalPoint.y }
  }
  return out as L
}

/** Per-corner radii `[top-left, top-right, bottom-right, bottom-left]` swapped left for right. */
function mirrorCorners<C>(radius: C): C {
  if (!Array.isArray(radius)) return radius
  const [tl, tr, br, bl] = radius as unknown[]
  return [tr, tl, bl, br] as C
}
