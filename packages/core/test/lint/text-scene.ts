import type { Scene, SceneText } from '../../src/scene/scene.js'

/** A text layer for lint tests: lines stacked from `y`, each `width` wide. */
export function textNode(id: string, text: string, options: { fontSize?: number; y?: number; x?: number; color?: string; weight?: number } = {}): SceneText {
  const fontSize = options.fontSize ?? 40
  const x = options.x ?? 100
  const y = options.y ?? 700
  const lines = text.split('\n')
  return {
    id,
    type: 'text',
    x,
    y,
    width: 880,
    height: lines.length * fontSize * 1.2,
    opacity: 1,
    rotation: 0,
    font: `${options.weight ?? 400} ${fontSize}px "Inter"`,
    fontSize,
    color: options.color ?? '#111111',
    letterSpacing: 0,
    direction: 'ltr',
    lines: lines.map((line, i) => ({ text: line, x, baseline: Math.round(y + fontSize * (i + 1)), width: Math.min(880, line.length * fontSize * 0.5) })),
  }
}

/** A Scene of text layers only, stacked down the middle of a square. */
export function textScene(texts: Array<string | { text: string; fontSize?: number }>, size = { width: 1080, height: 1080 }): Scene {
  let y = 300
  const nodes = texts.map((t, i) => {
    const entry = typeof t === 'string' ? { text: t } : t
    const node = textNode(`text-${i}`, entry.text, { fontSize: entry.fontSize, y })
    y += node.height + 20
    return node
  })
  return { sceneVersion: 1, width: size.width, height: size.height, format: `${size.width}x${size.height}`, locale: 'en-US', direction: 'ltr', background: { type: 'color', color: '#ffffff' }, nodes, fonts: [], images: {}, text: [] }
}
