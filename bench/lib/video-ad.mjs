/** The benchmark's ad: examples/product-video.json stretched to a given length, with its first product. */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { bindRow, parseCsv, parseTemplate } from '@vitrine/core'

export const root = join(import.meta.dirname, '..', '..')
export const examples = join(root, 'examples')

/** The template as JSON, its two scenes stretched so the video lasts `seconds`. */
export function adTemplateJson(seconds) {
  const doc = JSON.parse(readFileSync(join(examples, 'product-video.json'), 'utf8'))
  const [intro, offer] = doc.timeline.scenes
  const overlap = offer.transition?.duration ?? 0
  intro.duration = Math.round(seconds * 0.45 * 100) / 100
  offer.duration = Math.round((seconds - intro.duration + overlap) * 100) / 100
  // The glow's slow zoom spans the whole video; the call to action pulses where its scene allows.
  doc.layers.find((l) => l.id === 'glow').animation.keyframes.scale[1].time = seconds
  const cta = doc.layers.find((l) => l.id === 'offer').children.find((l) => l.id === 'offer-cta')
  cta.animation.keyframes.scale = cta.animation.keyframes.scale.filter((k) => k.time <= offer.duration)
  if (cta.animation.keyframes.scale.length === 0) delete cta.animation.keyframes
  doc.timeline.audio.src = pathToFileURL(join(examples, 'audio', 'music-bed.m4a')).href
  doc.timeline.audio.loop = true
  return doc
}

/** The parsed template and the first product's bound values. */
export function adTemplate(seconds) {
  const template = parseTemplate(adTemplateJson(seconds))
  const feed = parseCsv(readFileSync(join(examples, 'products.csv'), 'utf8'))
  const row = feed.rows[0]
  const { values } = bindRow(template, row, { rowPointer: row.pointer })
  return { template, values, row: row.values }
}
