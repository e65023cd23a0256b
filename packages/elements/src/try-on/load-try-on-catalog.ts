import { VitrineError, parseTryOnCatalog, type TryOnCatalog } from '@vitrine/core'

/** A catalogue and the URL its relative model URLs resolve against. */
export interface LoadedTryOnCatalog {
  catalog: TryOnCatalog
  base: string
}

/**
 * The catalogue from a URL (fetched), JSON text or an object. VitrineError
 * `try-on/catalog-invalid` when it cannot be fetched or is not a valid catalogue.
 */
export async function loadTryOnCatalog(input: string | object, pageUrl: string): Promise<LoadedTryOnCatalog> {
  if (typeof input !== 'string' || input.trimStart().startsWith('{')) return { catalog: parseTryOnCatalog(input), base: pageUrl }
  const url = new URL(input, pageUrl).href
  let response: Response
  try {
    response = await fetch(url)
  } catch (error) {
    throw new VitrineError('try-on/catalog-invalid', `The try-on catalogue ${url} could not be fetched: ${(error as Error).message}`, { cause: error })
  }
  if (!response.ok) throw new VitrineError('try-on/catalog-invalid', `The try-on catalogue ${url} answered ${response.status}`)
  return { catalog: parseTryOnCatalog(await response.text()), base: url }
}
