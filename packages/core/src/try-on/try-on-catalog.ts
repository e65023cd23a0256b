import { VitrineError, describeValue, toPointer, type VitrineIssue } from '../errors/vitrine-error.js'
import { isTryOnAnchor, tryOnAnchors, type TryOnAnchor } from './face-anchors.js'

/** What a product is worn as: decides nothing but the defaults and the label. */
export type TryOnKind = 'glasses' | 'hat' | 'earrings'

/** How a product's model sits on the face (canonical face space, centimetres, degrees). */
export interface TryOnFit {
  /** The face point the model's origin goes to; several for pairs (earrings). */
  anchor: TryOnAnchor | TryOnAnchor[]
  /** Centimetres from the anchor: x to the wearer's left (outwards for pairs), y up, z out of the face. */
  offset?: [number, number, number]
  /** Degrees about x, y, z. */
  rotation?: [number, number, number]
  /** Uniform scale of the model (its units are centimetres). */
  scale?: number
}

/** One product that can be tried on. */
export interface TryOnProduct {
  sku: string
  name?: string
  kind: TryOnKind
  /** URL of a glTF 2.0 model (`.gltf` or `.glb`), relative to the catalogue. */
  model: string
  fit: TryOnFit
}

/** The catalogue `<vitrine-try-on>` reads: SKU → model and fit. */
export interface TryOnCatalog {
  version: 1
  products: TryOnProduct[]
}

const kinds: TryOnKind[] = ['glasses', 'hat', 'earrings']

/**
 * Validates a try-on catalogue (an object, or JSON text). Every problem is listed, each with its
 * JSON pointer; the error's code is `try-on/catalog-invalid`.
 *
 * @example
 * ```ts
 * const catalog = parseTryOnCatalog(await (await fetch('/try-on/catalog.json')).text())
 * const product = findTryOnProduct(catalog, 'VT-GLASSES-01')
 * ```
 */
export function parseTryOnCatalog(input: unknown): TryOnCatalog {
  let value = input
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input)
    } catch (error) {
      throw new VitrineError('try-on/catalog-invalid', `The try-on catalogue is not valid JSON: ${(error as Error).message}`, { path: '', cause: error })
    }
  }
  const issues: VitrineIssue[] = []
  const issue = (path: (string | number)[], expected: string, found: unknown) =>
    issues.push({ path: toPointer(path), message: `expected ${expected}, found ${describeValue(found)}`, expected, found: describeValue(found) })
  const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)
  const vec3 = (v: unknown) => Array.isArray(v) && v.length === 3 && v.every((n) => typeof n === 'number' && Number.isFinite(n))

  if (!isObject(value)) {
    issue([], 'an object with "version" and "products"', value)
  } else {
    if (value.version !== 1) issue(['version'], '1', value.version)
    if (!Array.isArray(value.products)) issue(['products'], 'an array of products', value.products)
    else {
      const seen = new Set<string>()
      value.products.forEach((product: unknown, i: number) => {
        const at = ['products', i]
        if (!isObject(product)) return issue(at, 'an object', product)
        if (typeof product.sku !== 'string' || product.sku.trim() === '') issue([...at, 'sku'], 'a non-empty string', product.sku)
        else if (seen.has(product.sku)) issue([...at, 'sku'], 'a SKU not used by another product', product.sku)
        else seen.add(product.sku)
        if (product.name !== undefined && typeof product.name !== 'string') issue([...at, 'name'], 'a string', product.name)
        if (!kinds.includes(product.kind as TryOnKind)) issue([...at, 'kind'], `one of ${kinds.join(', ')}`, product.kind)
        if (typeof product.model !== 'string' || product.model === '') issue([...at, 'model'], 'the URL of a glTF model', product.model)
        const fit = product.fit
        if (!isObject(fit)) return issue([...at, 'fit'], 'an object with "anchor"', fit)
        const anchorOk = Array.isArray(fit.anchor) ? fit.anchor.length > 0 && fit.anchor.every(isTryOnAnchor) : isTryOnAnchor(fit.anchor)
        if (!anchorOk) issue([...at, 'fit', 'anchor'], `an anchor (${tryOnAnchors.join(', ')}) or a list of them`, fit.anchor)
        if (fit.offset !== undefined && !vec3(fit.offset)) issue([...at, 'fit', 'offset'], '[x, y, z] in centimetres', fit.offset)
        if (fit.rotation !== undefined && !vec3(fit.rotation)) issue([...at, 'fit', 'rotation'], '[x, y, z] in degrees', fit.rotation)
        if (fit.scale !== undefined && !(typeof fit.scale === 'number' && fit.scale > 0 && Number.isFinite(fit.scale))) issue([...at, 'fit', 'scale'], 'a number above 0', fit.scale)
      })
    }
  }
  if (issues.length > 0) {
    const first = issues[0]!
    const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : ''
    throw new VitrineError('try-on/catalog-invalid', `Invalid try-on catalogue at ${first.path || '/'}: ${first.message}${more}`, { issues })
  }
  return value as TryOnCatalog
}

/** The product with this SKU; a VitrineError `try-on/unknown-sku` names the SKUs there are. */
export function findTryOnProduct(catalog: TryOnCatalog, sku: string): TryOnProduct {
  const product = catalog.products.find((p) => p.sku === sku)
  if (!product) {
    const known = catalog.products.map((p) => p.sku)
    throw new VitrineError('try-on/unknown-sku', `No product with SKU ${JSON.stringify(sku)} in the try-on catalogue; it has ${known.length ? known.join(', ') : 'no products'}`, {
      path: '/products',
      issues: [{ path: '/products', message: 'SKU not found', expected: `one of ${known.join(', ')}`, found: JSON.stringify(sku) }],
    })
  }
  return product
}
