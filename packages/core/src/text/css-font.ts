import type { SceneFontRef } from '../scene/scene.js'

/**
 * The CSS font shorthand that selects exactly `face` at a size, e.g. `italic 700 48px "Inter"`:
 * what `ctx.font` is set to when measuring and drawing.
 */
export function cssFontAt(face: SceneFontRef): (size: number) => string {
  const prefix = `${face.style === 'italic' ? 'italic ' : ''}${face.weight} `
  const family = ` "${face.family}"`
  return (size) => `${prefix}${size}px${family}`
}
