import type { SceneAnimation, SceneTimeline } from './scene-animation.js'
import type { SceneVideo } from './scene-video.js'

/**
 * The Scene: a template bound to one row, for one format and locale, fully resolved into
 * absolute pixels. Plain data, serialisable with JSON; `renderFrame` draws it.
 */

export interface SceneColorPaint {
  type: 'color'
  color: string
}
export interface SceneGradientStop {
  offset: number
  color: string
}
export interface SceneLinearPaint {
  type: 'linear'
  x0: number
  y0: number
  x1: number
  y1: number
  stops: SceneGradientStop[]
}
export interface SceneRadialPaint {
  type: 'radial'
  cx: number
  cy: number
  r: number
  stops: SceneGradientStop[]
}
export type ScenePaint = SceneColorPaint | SceneLinearPaint | SceneRadialPaint

export interface SceneShadow {
  color: string
  blur: number
  offsetX: number
  offsetY: number
}
export interface SceneStroke {
  color: string
  width: number
}

/** Corner radii in pixels: top-left, top-right, bottom-right, bottom-left. */
export type SceneRadii = [number, number, number, number]

interface SceneNodeBase {
  /** The layer id it came from. */
  id: string
  /** Box in canvas pixels (before rotation). */
  x: number
  y: number
  width: number
  height: number
  opacity: number
  /** Degrees clockwise about the box centre. */
  rotation: number
  /** How the node changes over time (videos only); absent for nodes that never change. */
  animation?: SceneAnimation
}

export interface SceneRect extends SceneNodeBase {
  type: 'rect'
  fill?: ScenePaint
  radii: SceneRadii
  stroke?: SceneStroke
  shadow?: SceneShadow
}

export interface SceneImage extends SceneNodeBase {
  type: 'image'
  /** The asset key (a resolved URL); the renderer looks the decoded picture up by it. */
  src: string
  /** Part of the source picture to draw, in its pixels. */
  crop: { x: number; y: number; width: number; height: number }
  /** Where it goes, in canvas pixels. */
  dest: { x: number; y: number; width: number; height: number }
  radii: SceneRadii
  background?: ScenePaint
  stroke?: SceneStroke
  shadow?: SceneShadow
  /** What replaces a cut-out's background, over the whole box (see SceneBackdrop). */
  backdrop?: SceneBackdrop
}

/** A cut-out's replacement background: a paint, or part of a picture (`crop`, by asset key) stretched over the node's box. */
export type SceneBackdrop = { type: 'paint'; paint: ScenePaint } | { type: 'image'; src: string; crop: { x: number; y: number; width: number; height: number } }

/**
 * A piece of a line set in one font and one direction, drawn with its left edge at `x` (canvas
 * pixels) on the line's baseline. `text` is in logical order; the canvas shapes it.
 */
export interface SceneTextRun {
  text: string
  x: number
  width: number
  /** CSS font shorthand, e.g. `700 48px "Vitrine Fallback noto-sans-arabic arabic"`. */
  font: string
  direction: 'ltr' | 'rtl'
  letterSpacing: number
}

/** One laid-out line: its runs, in visual order, drawn on `baseline`. */
export interface SceneTextLine {
  /** The line's characters in logical order (without directional controls). */
  text: string
  /** Left edge of the line. */
  x: number
  baseline: number
  width: number
  runs: SceneTextRun[]
}

export interface SceneText extends SceneNodeBase {
  type: 'text'
  /** CSS font shorthand used for every line, e.g. `italic 700 48px "Inter"`. */
  font: string
  fontSize: number
  color: string
  letterSpacing: number
  direction: 'ltr' | 'rtl'
  lines: SceneTextLine[]
  background?: ScenePaint
  shadow?: SceneShadow
}

export interface SceneGroup extends SceneNodeBase {
  type: 'group'
  clip: boolean
  children: SceneNode[]
}

export type SceneNode = SceneRect | SceneImage | SceneText | SceneGroup | SceneVideo

/** What happened to a text layer while fitting it. */
export interface TextFitReport {
  layer: string
  /** `fit` fits as designed; `shrunk` fits at a smaller size; `truncated` lost lines to maxLines or the box; `overflow` does not fit at the minimum size. */
  status: 'fit' | 'shrunk' | 'truncated' | 'overflow'
  fontSize: number
  requestedFontSize: number
  /** Characters that no font of the stack could draw (they show as boxes). */
  missingGlyphs?: string[]
}

/**
 * Where a text layer's message came from, for the translation report: `translated` from a
 * catalogue along the locale fallback chain, `missing` (no translation: the source text was
 * shown), `pseudo` (a pseudo-locale transformed the source text).
 */
export interface MessageReport {
  /** The message id: the text layer's id (`title`, or `title@landscape` for an override's text). */
  message: string
  /** JSON pointer of the message used: the catalogue entry, or the layer's source text. */
  path: string
  /** The locale asked for. */
  locale: string
  status: 'translated' | 'missing' | 'pseudo'
  /** The locale of the text shown: the catalogue's, or the template's source locale. */
  from: string
  /** The catalogue file the translation came from, when it is not the template. */
  file?: string
}

export interface SceneFontRef {
  family: string
  weight: number
  style: 'normal' | 'italic'
}

export interface Scene {
  /** Scene format version, bumped when its shape changes. */
  sceneVersion: 1
  width: number
  height: number
  format: string
  locale: string
  direction: 'ltr' | 'rtl'
  background?: ScenePaint
  nodes: SceneNode[]
  /** Font faces the scene draws with; they must be registered before rendering. */
  fonts: SceneFontRef[]
  /** Image assets the scene draws, by key, with their pixel sizes. */
  images: Record<string, { width: number; height: number }>
  /** Text fitting results, for the layout report. */
  text: TextFitReport[]
  /** The market profile applied (numbering system, calendar), when there is one. */
  market?: string
  /** Where each translated, missing or pseudo-localised message came from. Absent when every text is the source text. */
  messages?: MessageReport[]
  /** Present when the scene is a video: its duration, frame rate and audio. */
  timeline?: SceneTimeline
}
