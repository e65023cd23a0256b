import type { Animation, CropInset } from '../document/animation.js'
import type { Layer } from '../document/layer.js'
import type { Length } from '../document/primitives.js'
import type { Template } from '../document/template.js'
import { DEFAULT_FPS } from '../document/timeline.js'
import { resolveLength, type LengthContext } from '../layout/resolve-length.js'
import type { SceneEffect, SceneInset, SceneKeyframe, SceneTimeline, SceneTracks, SceneAnimation } from '../scene/scene-animation.js'
import type { SceneNode } from '../scene/scene.js'
import { frameCount } from './frame-time.js'
import { DEFAULT_EFFECT_SECONDS, presetEffect, transitionEffects } from './preset-effect.js'
import { sceneWindows, timelineDuration } from './scene-windows.js'

/** What {@link resolveTimeline} needs besides the template. */
export interface TimelineContext {
  /** Design pixels → output pixels. */
  unit: number
  /** The output size. */
  width: number
  height: number
  /** Resolves (and checks against the asset policy) the audio file's URL. */
  resolveUrl(src: string, path: string): string
}

/** Seconds text units take, and between their starts, when a text animation gives none. */
export const DEFAULT_TEXT_UNIT_SECONDS = 0.4
export const DEFAULT_TEXT_STAGGER_SECONDS = 0.08

const inset = (c: CropInset): SceneInset => ({ top: c.top ?? 0, right: c.right ?? 0, bottom: c.bottom ?? 0, left: c.left ?? 0 })

function tracksOf(animation: Animation, start: number, lctx: LengthContext): SceneTracks | undefined {
  const k = animation.keyframes
  if (!k) return undefined
  const tracks: SceneTracks = {}
  const at = <T, U>(list: { time: number; value: T; easing?: SceneKeyframe<U>['easing'] }[], map: (v: T) => U): SceneKeyframe<U>[] =>
    list.map((f) => ({ time: start + f.time, value: map(f.value), easing: f.easing ?? 'ease-in-out' }))
  if (k.x) tracks.x = at(k.x, (v) => resolveLength(v, 'x', lctx))
  if (k.y) tracks.y = at(k.y, (v) => resolveLength(v, 'y', lctx))
  if (k.scale) tracks.scale = at(k.scale, (v) => v)
  if (k.rotation) tracks.rotation = at(k.rotation, (v) => v)
  if (k.opacity) tracks.opacity = at(k.opacity, (v) => v)
  if (k.crop) tracks.crop = at(k.crop, inset)
  return tracks
}

/**
 * The time-dependent part of a layer's node: its window, entrance and exit, keyframes, Ken
 * Burns and text animation, in absolute seconds and output pixels.
 */
function nodeAnimation(layer: Layer, node: SceneNode, window: { start: number; end: number }, lctx: LengthContext, short: number): SceneAnimation {
  const a = layer.animation ?? {}
  const start = window.start + (a.start ?? 0)
  const end = Math.min(window.end, a.end === undefined ? Infinity : window.start + a.end)
  const distance = (d: Length | undefined, fallback: number) => (d === undefined ? fallback : resolveLength(d, 'min', lctx))
  const effects: SceneEffect[] = []
  if (a.enter) {
    const duration = a.enter.duration ?? DEFAULT_EFFECT_SECONDS
    effects.push(presetEffect(a.enter.preset, 'in', { start: start + (a.enter.delay ?? 0), duration, easing: a.enter.easing }, distance(a.enter.distance, 0.08 * short)))
  }
  if (a.exit) {
    const duration = a.exit.duration ?? DEFAULT_EFFECT_SECONDS
    effects.push(presetEffect(a.exit.preset, 'out', { start: end - duration, duration, easing: a.exit.easing }, distance(a.exit.distance, 0.08 * short)))
  }
  const animation: SceneAnimation = { start, end, effects }
  const tracks = tracksOf(a, start, lctx)
  if (tracks) animation.tracks = tracks
  if (a.kenBurns && node.type === 'image') {
    const focus = layer.type === 'image' ? { x: layer.focalPoint?.x ?? 0.5, y: layer.focalPoint?.y ?? 0.5 } : { x: 0.5, y: 0.5 }
    const from = a.kenBurns.from ?? focus
    const [scaleFrom, scaleTo] = a.kenBurns.scale ?? [1, 1.15]
    animation.kenBurns = { start, end, scaleFrom, scaleTo, from, to: a.kenBurns.to ?? from, easing: a.kenBurns.easing ?? 'linear' }
  }
  if (a.text && node.type === 'text') {
    const t = a.text
    const { phase: _phase, start: _start, ...effect } = presetEffect(
      t.preset,
      'in',
      { start: 0, duration: t.duration ?? DEFAULT_TEXT_UNIT_SECONDS, easing: t.easing },
      distance(t.distance, 0.6 * node.fontSize),
    )
    animation.text = { by: t.by, start: start + (t.delay ?? 0), stagger: t.stagger ?? DEFAULT_TEXT_STAGGER_SECONDS, effect }
  }
  return animation
}

/**
 * Puts a template's timeline into a Scene: the `animation` of every node that changes over
 * time (scenes, transitions, entrances, exits, keyframes) and the Scene's `timeline`.
 * Returns undefined for a still template. `nodes` are the resolved top-level nodes, by layer id.
 */
export function resolveTimeline(template: Template, nodes: SceneNode[], ctx: TimelineContext): SceneTimeline | undefined {
  const timeline = template.timeline
  if (!timeline) return undefined
  const duration = timelineDuration(timeline)
  const fps = timeline.fps ?? DEFAULT_FPS
  const short = Math.min(ctx.width, ctx.height)
  const windows = sceneWindows(timeline)
  const sceneOf = new Map(windows.map((w) => [w.layer, w]))
  const transitions = new Map<string, SceneEffect[]>()
  windows.forEach((w, i) => {
    if (!w.transition) return
    const { incoming, outgoing } = transitionEffects(w.transition.type, { start: w.start, duration: w.transition.duration, easing: w.transition.easing }, ctx)
    if (incoming) transitions.set(w.layer, [...(transitions.get(w.layer) ?? []), incoming])
    const previous = windows[i - 1]
    if (outgoing && previous) transitions.set(previous.layer, [...(transitions.get(previous.layer) ?? []), outgoing])
  })

  const visit = (layers: Layer[], sceneNodes: SceneNode[], window: { start: number; end: number }, frame: { width: number; height: number }, top: boolean) => {
    const byId = new Map(sceneNodes.map((n) => [n.id, n]))
    for (const layer of layers) {
      const node = byId.get(layer.id)
      if (!node) continue
      const scene = top ? sceneOf.get(layer.id) : undefined
      const own = scene ? { start: scene.start, end: scene.end } : window
      const lctx: LengthContext = { unit: ctx.unit, frameWidth: frame.width, frameHeight: frame.height }
      let childWindow = own
      if (layer.animation || scene) {
        const animation = nodeAnimation(layer, node, own, lctx, short)
        animation.effects.unshift(...(transitions.get(layer.id) ?? []))
        node.animation = animation
        childWindow = { start: animation.start, end: animation.end }
      }
      // A clip plays from its layer's start.
      if (node.type === 'video') node.clip.start = childWindow.start
      if (layer.type === 'group' && node.type === 'group') visit(layer.children, node.children, childWindow, node, false)
    }
  }
  visit(template.layers, nodes, { start: 0, end: duration }, ctx, true)

  const result: SceneTimeline = { duration, fps, frames: frameCount(duration, fps), poster: timeline.poster ?? 0 }
  const audio = timeline.audio
  if (audio) {
    result.audio = {
      src: ctx.resolveUrl(audio.src, '/timeline/audio/src'),
      volume: audio.volume ?? 1,
      fadeIn: audio.fadeIn ?? 0,
      fadeOut: audio.fadeOut ?? 0,
      trimStart: audio.trim?.start ?? 0,
      loop: audio.loop ?? false,
    }
    if (audio.trim?.end !== undefined) result.audio.trimEnd = audio.trim.end
  }
  return result
}
