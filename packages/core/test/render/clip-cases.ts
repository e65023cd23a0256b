// Shared by the Node test (tests/pipeline/content-bounds.test.ts) and the Chromium one
// (packages/core/test-browser/content-bounds.test.ts): renderFrame draws only the visible part
// of a cut-out picture and of its shadow, and must give the very pixels of drawing all of it.
import type { Platform, Surface } from '../../src/platform/platform.js'
import { measureContentBounds, type PixelRect } from '../../src/platform/content-bounds.js'
import { renderFrame, type ImageLookup } from '../../src/render/render-frame.js'
import type { Scene, SceneImage, SceneShadow } from '../../src/scene/scene.js'

export const PICTURE = { width: 300, height: 200 }
/** Where the test picture's pixels with any alpha are. */
export const PICTURE_CONTENT: PixelRect = { x: 40, y: 30, width: 220, height: 140 }

/**
 * A cut-out: transparent, with an opaque ellipse and a soft gradient, and one pixel of alpha
 * 1/255 on each edge of its content box (the faintest pixel a clip could wrongly cut off).
 */
export function makeCutout(platform: Platform): Surface {
  const surface = platform.createSurface(PICTURE.width, PICTURE.height)
  const ctx = surface.context
  const g = ctx.createLinearGradient(60, 0, 240, 0)
  g.addColorStop(0, '#e11d48')
  g.addColorStop(1, '#2563eb80')
  ctx.fillStyle = g
  ctx.beginPath()
  ctx.moveTo(150, 45)
  ctx.arcTo(235, 45, 235, 100, 55)
  ctx.arcTo(235, 155, 150, 155, 55)
  ctx.arcTo(65, 155, 65, 100, 55)
  ctx.arcTo(65, 45, 150, 45, 55)
  ctx.fill()
  // Alpha 1/255: stored as 1 in both engines (the test checks the measured bounds).
  ctx.fillStyle = 'rgba(0, 0, 0, 0.003)'
  const { x, y, width, height } = PICTURE_CONTENT
  for (const [px, py] of [
    [x, 101],
    [x + width - 1, 77],
    [150, y],
    [121, y + height - 1],
  ] as const) {
    ctx.fillRect(px, py, 1, 1)
  }
  return surface
}

/** The test picture's bounds, measured the way AssetStore measures a picture. */
export function measurePicture(platform: Platform, picture: Surface): PixelRect {
  return measureContentBounds(picture.canvas, PICTURE.width, PICTURE.height, (w, h, o) => platform.createSurface(w, h, o))
}

export interface ClipCase {
  name: string
  scene: Scene
  /** True when part of the picture's crop is transparent, so a clip should be used. */
  clipped: boolean
}

const SIZE = { width: 900, height: 640 }
const soft: SceneShadow = { color: '#00000066', blur: 48, offsetX: 0, offsetY: 28 }
const sharp: SceneShadow = { color: '#1e293bcc', blur: 6, offsetX: 5, offsetY: -7 }

/** A picture node drawing the whole of a PICTURE-sized picture `src` at `dest`. */
export function pictureNode(src: string, dest: SceneImage['dest'], more: Partial<SceneImage> = {}): SceneImage {
  return {
    type: 'image',
    id: src,
    src,
    x: dest.x,
    y: dest.y,
    width: dest.width,
    height: dest.height,
    opacity: 1,
    rotation: 0,
    crop: { x: 0, y: 0, ...PICTURE },
    dest,
    radii: [0, 0, 0, 0],
    ...more,
  }
}

/** A still Scene of the given size over a light background, drawing `nodes` from the named pictures. */
export function testScene(size: { width: number; height: number }, nodes: SceneImage[], images: Scene['images']): Scene {
  return {
    sceneVersion: 1,
    ...size,
    format: `${size.width}x${size.height}`,
    locale: 'en-US',
    direction: 'ltr',
    background: { type: 'color', color: '#f1f5f9' },
    nodes,
    fonts: [],
    images,
    text: [],
  }
}

const scene = (node: SceneImage): Scene => testScene(SIZE, [node], { cutout: PICTURE })
const image = (dest: SceneImage['dest'], more: Partial<SceneImage> = {}) => pictureNode('cutout', dest, more)

/** Scales from 1/20 to 3, at fractional places, with and without shadows, crops, corners and turns. */
export function clipCases(): ClipCase[] {
  const cases: ClipCase[] = []
  const widths = [15, 37.3, 150.5, 299, 300, 451.7, 900]
  for (const width of widths) {
    const height = (width * PICTURE.height) / PICTURE.width
    const dest = { x: (SIZE.width - width) / 2 + 0.37, y: (SIZE.height - height) / 2 - 0.61, width, height }
    for (const [label, shadow] of [
      ['no shadow', undefined],
      ['soft shadow', soft],
      ['sharp shadow', sharp],
    ] as const) {
      cases.push({ name: `${width} px wide, ${label}`, scene: scene(image(dest, shadow ? { shadow } : {})), clipped: true })
    }
  }
  const dest = { x: 210.25, y: 140.5, width: 450, height: 300 }
  cases.push(
    { name: 'rounded corners and a shadow', scene: scene(image(dest, { radii: [40, 40, 40, 40], shadow: sharp })), clipped: true },
    { name: 'rounded corners and a soft shadow', scene: scene(image(dest, { radii: [24, 0, 24, 0], shadow: soft })), clipped: true },
    { name: 'turned by 12 degrees (drawn whole)', scene: scene(image(dest, { rotation: 12, shadow: soft })), clipped: false },
    { name: 'half transparent', scene: scene(image(dest, { opacity: 0.55, shadow: soft })), clipped: true },
    {
      name: 'cropped into the content (cover)',
      scene: scene(image({ x: 100, y: 100, width: 500, height: 500 }, { crop: { x: 80, y: 0, width: 200, height: 200 }, shadow: soft })),
      clipped: true,
    },
    {
      name: 'cropped inside the content (nothing to leave out)',
      scene: scene(image({ x: 100, y: 100, width: 500, height: 400 }, { crop: { x: 60, y: 50, width: 180, height: 120 }, shadow: sharp })),
      clipped: false,
    },
    {
      name: 'cropped to a transparent corner (nothing drawn)',
      scene: scene(image({ x: 100, y: 100, width: 300, height: 300 }, { crop: { x: 0, y: 0, width: 30, height: 25 }, shadow: soft, stroke: { color: '#0f172a', width: 3 } })),
      clipped: false,
    },
  )
  return cases
}

export interface DrawnBothWays {
  /** With the picture's content bounds known: parts left out. */
  clipped: ArrayLike<number>
  /** Without them: everything drawn. */
  whole: ArrayLike<number>
  /** The scene without its picture: the background alone. */
  bare: ArrayLike<number>
  /** The rectangle clips the first drawing used, in device pixels. */
  clips: Array<[number, number, number, number]>
}

const isIdentity = (m: DOMMatrix2DInit) => m.a === 1 && m.b === 0 && m.c === 0 && m.d === 1 && m.e === 0 && m.f === 0

/** Draws a case on fresh surfaces with and without the picture's content bounds, and without the picture. */
export function drawBothWays(platform: Platform, picture: Surface, bounds: PixelRect, scene: Scene): DrawnBothWays {
  const decoded = { source: picture.canvas }
  const clips: DrawnBothWays['clips'] = []
  let lastRect: [number, number, number, number] | undefined
  const draw = (scene: Scene, withBounds: boolean) => {
    const surface = platform.createSurface(scene.width, scene.height)
    const lookup: ImageLookup = {
      get: (key) => (key === 'cutout' ? decoded : undefined),
      createSurface: (w, h, o) => platform.createSurface(w, h, o),
      ...(withBounds ? { contentBounds: (key: string) => (key === 'cutout' ? bounds : undefined) } : {}),
    }
    const real = surface.context
    const recording = new Proxy(real, {
      get(target, prop) {
        const member = (target as unknown as Record<PropertyKey, unknown>)[prop]
        if (typeof member !== 'function') return member
        return (...args: unknown[]) => {
          // A rectangle clip is the one renderFrame adds (rounded corners clip to arcs).
          if (prop === 'rect') lastRect = args as [number, number, number, number]
          else if (prop === 'beginPath' || prop === 'moveTo' || prop === 'arcTo' || prop === 'lineTo') lastRect = undefined
          else if (prop === 'clip' && lastRect && withBounds) clips.push(lastRect)
          // A kept soft shadow or picture is copied at whole pixels, with no transform: where it
          // lands is all it draws, like a clip.
          else if (prop === 'drawImage' && withBounds && args.length === 9 && args[0] !== picture.canvas && isIdentity(target.getTransform())) {
            clips.push(args.slice(5) as [number, number, number, number])
          }
          return (member as (...a: unknown[]) => unknown).apply(target, args)
        }
      },
      set(target, prop, value) {
        ;(target as unknown as Record<PropertyKey, unknown>)[prop] = value
        return true
      },
    })
    renderFrame(scene, 0, { ...surface, context: recording }, lookup)
    return real.getImageData(0, 0, scene.width, scene.height).data
  }
  return { clipped: draw(scene, true), whole: draw(scene, false), bare: draw({ ...scene, nodes: [] }, false), clips }
}

/**
 * Checks one case: where the whole drawing changed any pixel of the background, a clip of the
 * clipped drawing let it through (so no clip cut anything off), and the two drawings differ by
 * at most two levels: Skia resamples a picture whose destination a clip cuts through its own
 * path, which may round a sample the other way, and with its content bounds known a still
 * picture is resampled into a kept surface (8-bit, premultiplied) and blended from there, which
 * rounds once more. Returns what is wrong, or undefined.
 */
export function checkCase(c: ClipCase, drawn: DrawnBothWays): string | undefined {
  const { clipped, whole, bare, clips } = drawn
  const width = c.scene.width
  let footprint = 0
  for (let i = 0; i < whole.length; i += 4) {
    let changed = false
    let level = 0
    for (let j = 0; j < 4; j++) {
      if (whole[i + j] !== bare[i + j]) changed = true
      level = Math.max(level, Math.abs(clipped[i + j]! - whole[i + j]!))
    }
    const x = (i >> 2) % width
    const y = Math.floor((i >> 2) / width)
    if (level > 2) return `${c.name}: pixel (${x}, ${y}) differs by ${level} levels`
    if (!changed) continue
    footprint++
    if (clips.length > 0 && !clips.some(([cx, cy, cw, ch]) => x >= cx && x < cx + cw && y >= cy && y < cy + ch)) {
      return `${c.name}: pixel (${x}, ${y}) is drawn but outside every clip (${JSON.stringify(clips)})`
    }
  }
  if (c.clipped && clips.length === 0) return `${c.name}: expected the drawing to be clipped to the picture's content`
  if (!c.clipped && clips.length > 0) return `${c.name}: expected no clip, found ${JSON.stringify(clips)}`
  if (footprint === 0 && c.clipped) return `${c.name}: nothing was drawn`
  return undefined
}
