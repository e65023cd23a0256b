import { VitrineError } from '../errors/vitrine-error.js'
import { CURRENT_SCHEMA_VERSION } from './template.js'

type JsonObject = Record<string, unknown>

/** One step up: takes a document of version `from` and returns version `from + 1`. */
export interface Migration {
  from: number
  description: string
  up(doc: JsonObject): JsonObject
}

const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v)

/**
 * Version 1 placed layers by absolute pixels (`frame: {x, y, width, height}`) on a canvas given
 * as top-level `width`/`height`. Version 2 places them by constraints (`box`) on a reference `size`.
 */
const v1ToV2: Migration = {
  from: 1,
  description: 'absolute frames become constraint boxes; width/height become size',
  up(doc) {
    const { width, height, ...rest } = doc
    const convertLayer = (layer: unknown): unknown => {
      if (!isObject(layer)) return layer
      const { frame, children, ...layerRest } = layer
      const out: JsonObject = { ...layerRest }
      if (isObject(frame)) {
        out.box = { left: frame.x ?? 0, top: frame.y ?? 0, width: frame.width, height: frame.height }
      }
      if (Array.isArray(children)) out.children = children.map(convertLayer)
      return out
    }
    return {
      ...rest,
      schemaVersion: 2,
      size: { width, height },
      layers: Array.isArray(doc.layers) ? doc.layers.map(convertLayer) : doc.layers,
    }
  },
}

/**
 * Version 3 adds time: an optional `timeline` (duration, frame rate, scenes, music) and an
 * optional `animation` on each layer. A version 2 template is a still and stays one.
 */
const v2ToV3: Migration = {
  from: 2,
  description: 'adds the optional timeline and layer animations; stills are unchanged',
  up(doc) {
    return { ...doc, schemaVersion: 3 }
  },
}

/** All migrations in order. Add one per schema bump, with fixtures in `test/fixtures/migrations`. */
export const migrations: readonly Migration[] = [v1ToV2, v2ToV3]

/**
 * Brings a parsed document up to {@link CURRENT_SCHEMA_VERSION}. Refuses documents from a newer
 * version rather than half-reading them.
 */
export function migrateTemplate(doc: unknown): unknown {
  if (!isObject(doc)) return doc
  const version = doc.schemaVersion
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw new VitrineError(
      'template/unknown-version',
      `/schemaVersion: expected an integer from 1 to ${CURRENT_SCHEMA_VERSION}, found ${JSON.stringify(version)}`,
      { path: '/schemaVersion' },
    )
  }
  if (version > CURRENT_SCHEMA_VERSION) {
    throw new VitrineError(
      'template/newer-version',
      `/schemaVersion: this template was written for schema version ${version}, but this version of Vitrine reads up to ${CURRENT_SCHEMA_VERSION}. Update @vitrine packages to open it.`,
      { path: '/schemaVersion' },
    )
  }
  let current: JsonObject = doc
  for (const migration of migrations) {
    if (current.schemaVersion === migration.from) current = migration.up(current)
  }
  return current
}
