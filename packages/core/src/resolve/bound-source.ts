import type { BoundValues } from '../data/bind-row.js'

/**
 * The file a picture or clip names through its `src`: the text itself, or the row's value of
 * the variable it binds (none when that value is empty); and the JSON pointer a failure to
 * load it is reported at: the row's cell when the file comes from a row whose pointer is known,
 * else `srcPath`, the `src` in the template.
 *
 * @example
 * ```ts
 * boundSource({ var: 'image' }, { image: 'mug.png' }, '/rows/3', '/layers/1/src')
 * // { src: 'mug.png', pointer: '/rows/3/image' }
 * ```
 */
export function boundSource(src: string | { var: string }, values: BoundValues, rowPointer: string | undefined, srcPath: string): { src?: string; pointer: string } {
  if (typeof src === 'string') return { src, pointer: srcPath }
  const value = values[src.var]
  return {
    ...(typeof value === 'string' && value !== '' ? { src: value } : {}),
    // Variable names are identifiers (the schema's pattern): nothing to escape.
    pointer: rowPointer !== undefined ? `${rowPointer}/${src.var}` : srcPath,
  }
}
