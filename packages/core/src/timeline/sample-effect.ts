import type { SceneEffect, SceneInset } from '../scene/scene-animation.js'
import { ease } from './ease.js'

/** What an effect does to a node at one time. */
export interface EffectState {
  opacity: number
  dx: number
  dy: number
  scale: number
  /** The wiped side and how much of it is hidden (0 to 1). */
  wipe?: { side: keyof SceneInset; amount: number }
}

const clamp01 = (v: number) => (v < 0 ? 0 : v > 1 ? 1 : v)

/**
 * The state an effect gives at time `t`: at rest (opacity 1, no offset, scale 1) outside its
 * span on the side where it is done, away on the other side.
 */
export function sampleEffect(effect: Omit<SceneEffect, 'phase'> & { phase: SceneEffect['phase'] }, t: number): EffectState {
  const q = effect.duration > 0 ? (t - effect.start) / effect.duration : t >= effect.start ? 1 : 0
  const eased = ease(effect.easing, q)
  // How much at rest: 1 = as drawn, 0 = away. Back curves overshoot on purpose.
  const rest = effect.phase === 'in' ? eased : 1 - eased
  const away = 1 - rest
  const state: EffectState = {
    opacity: clamp01(effect.opacity + (1 - effect.opacity) * rest),
    dx: effect.dx * away,
    dy: effect.dy * away,
    scale: Math.max(0, effect.scale + (1 - effect.scale) * rest),
  }
  if (effect.wipe) state.wipe = { side: effect.wipe, amount: clamp01(away) }
  return state
}
