import type { EffectPreset } from '../document/animation.js'
import type { Easing } from '../document/easing.js'
import type { TransitionType } from '../document/timeline.js'
import type { SceneEffect } from '../scene/scene-animation.js'

/** Seconds an entrance or exit takes when it gives no duration. */
export const DEFAULT_EFFECT_SECONDS = 0.5

/** The default curve of a preset: entrances ease out, exits ease in, `pop` overshoots. */
export function defaultEffectEasing(preset: EffectPreset, phase: SceneEffect['phase']): Easing {
  if (preset === 'pop') return phase === 'in' ? 'ease-out-back' : 'ease-in-back'
  return phase === 'in' ? 'ease-out' : 'ease-in'
}

type Away = Pick<SceneEffect, 'opacity' | 'dx' | 'dy' | 'scale' | 'wipe'>

/**
 * What a preset looks like when fully away, for an entrance (`in`) or an exit (`out`).
 * Directions name the way the layer moves: `slide-up` comes up from below and leaves upwards;
 * `wipe-right` reveals from left to right and hides from left to right.
 */
export function presetAway(preset: EffectPreset, phase: SceneEffect['phase'], distance: number): Away {
  const sign = phase === 'in' ? 1 : -1
  const still: Away = { opacity: 0, dx: 0, dy: 0, scale: 1 }
  switch (preset) {
    case 'fade':
      return still
    case 'slide-up':
      return { ...still, dy: sign * distance }
    case 'slide-down':
      return { ...still, dy: -sign * distance }
    case 'slide-left':
      return { ...still, dx: sign * distance }
    case 'slide-right':
      return { ...still, dx: -sign * distance }
    case 'pop':
      return { ...still, scale: 0.5 }
    case 'zoom-in':
      return { ...still, scale: phase === 'in' ? 0.8 : 1.25 }
    case 'zoom-out':
      return { ...still, scale: phase === 'in' ? 1.25 : 0.8 }
    case 'wipe-right':
      return { ...still, opacity: 1, wipe: phase === 'in' ? 'right' : 'left' }
    case 'wipe-left':
      return { ...still, opacity: 1, wipe: phase === 'in' ? 'left' : 'right' }
    case 'wipe-up':
      return { ...still, opacity: 1, wipe: phase === 'in' ? 'top' : 'bottom' }
    case 'wipe-down':
      return { ...still, opacity: 1, wipe: phase === 'in' ? 'bottom' : 'top' }
  }
}

/** A preset entrance or exit as a Scene effect. */
export function presetEffect(
  preset: EffectPreset,
  phase: SceneEffect['phase'],
  timing: { start: number; duration: number; easing?: Easing },
  distance: number,
): SceneEffect {
  return {
    phase,
    start: timing.start,
    duration: timing.duration,
    easing: timing.easing ?? defaultEffectEasing(preset, phase),
    ...presetAway(preset, phase, distance),
  }
}

/**
 * The effects a transition puts on the incoming scene and on the outgoing one, over the
 * span they overlap. Slides push the old scene out; fades, wipes and zooms play over it.
 */
export function transitionEffects(
  type: TransitionType,
  span: { start: number; duration: number; easing: Easing },
  canvas: { width: number; height: number },
): { incoming?: SceneEffect; outgoing?: SceneEffect } {
  const { width: w, height: h } = canvas
  const effect = (phase: SceneEffect['phase'], away: Partial<Away>): SceneEffect => ({ phase, ...span, opacity: 1, dx: 0, dy: 0, scale: 1, ...away })
  switch (type) {
    case 'cut':
      return {}
    case 'fade':
      return { incoming: effect('in', { opacity: 0 }) }
    case 'zoom':
      return { incoming: effect('in', { opacity: 0, scale: 1.25 }) }
    case 'slide-left':
      return { incoming: effect('in', { dx: w }), outgoing: effect('out', { dx: -w }) }
    case 'slide-right':
      return { incoming: effect('in', { dx: -w }), outgoing: effect('out', { dx: w }) }
    case 'slide-up':
      return { incoming: effect('in', { dy: h }), outgoing: effect('out', { dy: -h }) }
    case 'slide-down':
      return { incoming: effect('in', { dy: -h }), outgoing: effect('out', { dy: h }) }
    case 'wipe-left':
      return { incoming: effect('in', { wipe: 'left' }) }
    case 'wipe-right':
      return { incoming: effect('in', { wipe: 'right' }) }
    case 'wipe-up':
      return { incoming: effect('in', { wipe: 'top' }) }
    case 'wipe-down':
      return { incoming: effect('in', { wipe: 'bottom' }) }
  }
}
