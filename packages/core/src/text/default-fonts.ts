import type { SceneFontRef } from '../scene/scene.js'

/** The family Vitrine draws text in when a layer names none: Inter (SIL OFL 1.1), shipped with @vitrine/core. */
export const DEFAULT_FONT_FAMILY = 'Inter'

const weightNames: Record<number, string> = {
  100: 'Thin',
  200: 'ExtraLight',
  300: 'Light',
  400: 'Regular',
  500: 'Medium',
  600: 'SemiBold',
  700: 'Bold',
  800: 'ExtraBold',
  900: 'Black',
}

/** The file name of a built-in face under `@vitrine/core/fonts/`, or undefined for other families. */
export function builtInFontFile(face: SceneFontRef): string | undefined {
  if (face.family !== DEFAULT_FONT_FAMILY) return undefined
  const name = weightNames[face.weight]
  if (!name) return undefined
  return `Inter_${face.weight}${name}${face.style === 'italic' ? '_Italic' : ''}.ttf`
}
