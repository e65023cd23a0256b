import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { VitrineError, parseModelSpec, type ModelSpec } from '@vitrine/core'

/**
 * Reads a model description (`*.model.json`, a {@link ModelSpec} as JSON) and resolves its file
 * URLs against the manifest's folder, so a manifest can sit beside its weights.
 *
 * @example
 * ```ts
 * const spec = await loadModelManifest('models/isnet-general-use.model.json')
 * ```
 */
export async function loadModelManifest(file: string): Promise<ModelSpec> {
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    throw new VitrineError('ai/invalid-model', `Cannot read the model description ${file}: ${code === 'ENOENT' ? 'no such file' : (error as Error).message}`, { cause: error })
  }
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (error) {
    throw new VitrineError('ai/invalid-model', `The model description ${file} is not valid JSON: ${(error as Error).message}`, { cause: error })
  }
  const spec = parseModelSpec(json)
  const base = pathToFileURL(resolve(file)).href
  return { ...spec, files: spec.files.map((f) => ({ ...f, url: new URL(f.url, base).href })) }
}
