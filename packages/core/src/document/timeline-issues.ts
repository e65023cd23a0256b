import type { VitrineIssue } from '../errors/vitrine-error.js'
import { DEFAULT_EFFECT_SECONDS } from '../timeline/preset-effect.js'
import { sceneWindows, timelineDuration } from '../timeline/scene-windows.js'
import type { Keyframes } from './animation.js'
import type { Layer } from './layer.js'
import type { Template } from './template.js'

const EPSILON = 1e-9
const s = (seconds: number) => `${Number(seconds.toFixed(4))} s`

/**
 * Checks the times of a template's timeline and animations against each other: scenes that
 * name top-level layers, transitions shorter than their scenes, keyframes and effects inside
 * their layer's life, animations only where there is a timeline. Schema checks come first.
 */
export function timelineIssues(template: Template): VitrineIssue[] {
  const issues: VitrineIssue[] = []
  const issue = (path: string, problem: string, expected: string, found: string) => issues.push({ path, message: `${path}: ${problem}`, expected, found })
  const timeline = template.timeline

  if (!timeline) {
    const walk = (layers: Layer[], path: string) =>
      layers.forEach((layer, i) => {
        const at = `${path}/${i}`
        if (layer.animation) issue(`${at}/animation`, 'an animation needs a timeline; add "timeline": {"duration": <seconds>} to the template', 'a template with a timeline', 'no timeline')
        if (layer.type === 'group') walk(layer.children, `${at}/children`)
      })
    walk(template.layers, '/layers')
    return issues
  }

  if (timeline.duration === undefined && !timeline.scenes) {
    issue('/timeline/duration', 'missing; expected a number of seconds above 0 (or scenes, whose total is the duration)', 'a number of seconds above 0', 'nothing')
    return issues
  }
  const duration = timelineDuration(timeline)
  const windows = sceneWindows(timeline)
  const topIds = new Map(template.layers.map((l, i) => [l.id, i]))
  const used = new Map<string, number>()
  for (const [k, scene] of (timeline.scenes ?? []).entries()) {
    const at = `/timeline/scenes/${k}`
    if (!topIds.has(scene.layer)) {
      issue(`${at}/layer`, `no top-level layer has the id "${scene.layer}"`, `one of ${[...topIds.keys()].join(', ') || '(no layers)'}`, JSON.stringify(scene.layer))
    } else if (used.has(scene.layer)) {
      issue(`${at}/layer`, `the layer "${scene.layer}" already plays as scene ${used.get(scene.layer)}; a layer can be one scene only`, 'a layer no other scene uses', JSON.stringify(scene.layer))
    } else used.set(scene.layer, k)
    const transition = windows[k]!.transition
    if (transition) {
      const previous = timeline.scenes![k - 1]!
      const limit = Math.min(previous.duration, scene.duration)
      if (transition.duration > limit + EPSILON) {
        issue(`${at}/transition/duration`, `a ${s(transition.duration)} transition is longer than the scenes it joins`, `at most ${s(limit)}`, s(transition.duration))
      }
    }
    if (timeline.duration !== undefined && windows[k]!.end > timeline.duration + EPSILON) {
      issue(`${at}/duration`, `this scene ends at ${s(windows[k]!.end)}, after the end of the timeline`, `scenes that end by ${s(timeline.duration)} (the timeline's duration)`, s(scene.duration))
    }
  }
  if (timeline.poster !== undefined && timeline.poster >= duration) {
    issue('/timeline/poster', 'the poster frame is outside the video', `a time below ${s(duration)}`, s(timeline.poster))
  }
  const trim = timeline.audio?.trim
  if (trim?.end !== undefined && trim.end <= (trim.start ?? 0)) {
    issue('/timeline/audio/trim/end', 'the trim ends before it starts', `a time after ${s(trim.start ?? 0)}`, s(trim.end))
  }

  const sceneOf = new Map(windows.map((w) => [w.layer, w]))
  const walk = (layers: Layer[], path: string, window: { start: number; end: number }, top: boolean) =>
    layers.forEach((layer, i) => {
      const at = `${path}/${i}`
      const scene = top ? sceneOf.get(layer.id) : undefined
      let own = scene ? { start: scene.start, end: scene.end } : window
      const a = layer.animation
      if (a) {
        const parentLife = own.end - own.start
        const start = a.start ?? 0
        if (start >= parentLife - EPSILON) {
          issue(`${at}/animation/start`, `the layer would start after its ${scene ? 'scene' : 'parent'} ends`, `a time below ${s(parentLife)}`, s(start))
        }
        if (a.end !== undefined && a.end <= start) issue(`${at}/animation/end`, 'the layer would end before it starts', `a time after ${s(start)}`, s(a.end))
        own = { start: own.start + start, end: Math.min(own.end, a.end === undefined ? Infinity : own.start + a.end) }
        const life = Math.max(0, own.end - own.start)
        for (const phase of ['enter', 'exit'] as const) {
          const effect = a[phase]
          if (!effect) continue
          const length = (effect.duration ?? DEFAULT_EFFECT_SECONDS) + (phase === 'enter' ? (effect.delay ?? 0) : 0)
          if (length > life + EPSILON) {
            issue(`${at}/animation/${phase}/duration`, `the ${phase === 'enter' ? 'entrance' : 'exit'} lasts longer than the layer is shown (${s(life)})`, `at most ${s(life)}${phase === 'enter' && effect.delay ? ' with its delay' : ''}`, s(length))
          }
        }
        for (const [property, track] of Object.entries(a.keyframes ?? {}) as [keyof Keyframes, { time: number }[]][]) {
          track.forEach((frame, f) => {
            const where = `${at}/animation/keyframes/${property}/${f}/time`
            if (frame.time > life + EPSILON) {
              issue(where, `this keyframe is outside the duration: the layer shows for ${s(life)} (from ${s(own.start)} to ${s(own.end)} of a ${s(duration)} timeline)`, `a time from 0 to ${s(life)}`, s(frame.time))
            } else if (f > 0 && frame.time <= track[f - 1]!.time) {
              issue(where, 'keyframes must be in time order', `a time after ${s(track[f - 1]!.time)}`, s(frame.time))
            }
          })
        }
        if (a.kenBurns && layer.type !== 'image') issue(`${at}/animation/kenBurns`, 'Ken Burns moves a picture inside its box', 'an image layer', `a ${layer.type} layer`)
        if (a.text && layer.type !== 'text') issue(`${at}/animation/text`, 'a text animation needs text', 'a text layer', `a ${layer.type} layer`)
      }
      if (layer.type === 'group') walk(layer.children, `${at}/children`, own, false)
    })
  walk(template.layers, '/layers', { start: 0, end: duration }, true)
  return issues
}
