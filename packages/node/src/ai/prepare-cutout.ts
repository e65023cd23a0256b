import { availableParallelism } from 'node:os'
import { VitrineError, loadModelBytes, type Layer, type Template } from '@vitrine/core'
import type { RowCutoutSetup } from './create-node-cutout-engine.js'
import { loadModelManifest } from './load-model-manifest.js'
import { nodeModelHost } from './node-model-host.js'

/** The JSON pointer of the first image layer with `cutout`, or undefined. */
export function firstCutoutLayer(layers: readonly Layer[], path = '/layers'): string | undefined {
  for (const [i, layer] of layers.entries()) {
    if (layer.type === 'image' && layer.cutout !== undefined) return `${path}/${i}/cutout`
    if (layer.type === 'group') {
      const inner = firstCutoutLayer(layer.children, `${path}/${i}/children`)
      if (inner) return inner
    }
  }
  return undefined
}

/**
 * Checks, before any row renders, that a template with cut-outs has a usable model: the
 * description is read and the files verified once here, so a bad model stops the batch with one
 * clear error instead of failing every row. Returns the workers' cut-out setup (none when the
 * template cuts nothing out, whatever `model` says).
 */
export async function prepareCutout(template: Template, model: string | undefined, concurrency: number): Promise<RowCutoutSetup | undefined> {
  const needs = firstCutoutLayer(template.layers)
  if (!needs) return undefined
  if (!model) {
    throw new VitrineError('ai/unavailable', `${needs}: the template cuts out pictures, so it needs a model: --model <file.model.json> (see docs/ai.md)`, { path: needs })
  }
  const spec = await loadModelManifest(model)
  await loadModelBytes(spec, { host: nodeModelHost() })
  return { models: [spec], threads: Math.max(1, Math.floor(availableParallelism() / concurrency)) }
}
