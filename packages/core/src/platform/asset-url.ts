import { VitrineError } from '../errors/vitrine-error.js'

/** Where assets may come from. */
export interface AssetUrlPolicy {
  /** URL that relative sources resolve against. Ends with `/`. */
  baseUrl: string
  /** Relative sources and `file:` URLs must resolve inside one of these folder URLs. Default: the folder of `baseUrl`. */
  allowedRoots?: string[]
  /** Accept `data:image/...` URLs. Default true. */
  allowDataUrls?: boolean
}

const SCHEME = /^([a-zA-Z][a-zA-Z0-9+.-]*):/
const CONTROL = /[\u0000-\u001f\u007f]/

/**
 * Resolves an image or font source against the policy and returns its absolute URL.
 *
 * - `http:` and `https:` URLs are accepted as they are (fetching applies the time and size limits);
 * - relative paths and `file:` URLs must stay inside an allowed root once `..` segments and
 *   percent-encoding are undone (an encoded `/` or `..` inside a segment is refused outright);
 * - `data:image/...` URLs are accepted unless the policy says otherwise;
 * - every other scheme (`javascript:`, `ftp:`, `blob:`, a Windows drive path...) is refused.
 *
 * Throws a VitrineError `asset/forbidden` whose path is `path`.
 *
 * @example
 * ```ts
 * resolveAssetUrl('images/mug.png', { baseUrl: 'file:///data/feed/' }, '/rows/0/image')
 * // 'file:///data/feed/images/mug.png'
 * resolveAssetUrl('../../etc/passwd', { baseUrl: 'file:///data/feed/' }, '/rows/1/image') // throws asset/forbidden
 * ```
 */
export function resolveAssetUrl(src: string, policy: AssetUrlPolicy, path: string): string {
  const shown = showSource(src)
  const refuse = (why: string): never => {
    throw new VitrineError('asset/forbidden', `${path || 'Asset'}: the source ${shown} is not allowed: ${why}`, {
      path,
      issues: [{ path, message: why, expected: 'an http(s) URL, or a path inside the data folder', found: shown }],
    })
  }
  if (typeof src !== 'string' || src.trim() === '') return refuse('it is empty')
  const source = src.trim()
  if (CONTROL.test(source)) return refuse('it contains control characters')

  const scheme = SCHEME.exec(source)?.[1]?.toLowerCase()
  if (scheme !== undefined && scheme.length === 1) {
    return refuse('an absolute Windows path; write a path relative to the data file, or a file: URL')
  }
  if (scheme === 'data') {
    if (policy.allowDataUrls === false) return refuse('data: URLs are turned off by the asset policy')
    if (!/^data:image\/[a-z0-9.+-]+[;,]/i.test(source)) return refuse('only data:image/... URLs are accepted')
    return source
  }
  if (scheme !== undefined && scheme !== 'http' && scheme !== 'https' && scheme !== 'file') {
    return refuse(`the ${scheme}: scheme is not accepted; use http:, https:, file: or a relative path`)
  }

  let url: URL
  try {
    url = scheme === undefined ? new URL(source, policy.baseUrl) : new URL(source)
  } catch {
    return refuse('it is not a valid URL or path')
  }
  if (url.protocol === 'http:' || url.protocol === 'https:') {
    if (url.hostname === '') return refuse('the URL has no host')
    // Absolute remote URLs may point anywhere; relative ones must stay next to the data.
    if (scheme !== undefined) return url.href
  } else if (url.protocol !== 'file:') {
    return refuse(`it resolves to a ${url.protocol} URL; use http:, https:, file: or a relative path`)
  }

  const segments = decodedSegments(url.pathname)
  if (segments === undefined) return refuse('its path has a malformed percent-encoding')
  if (segments.some((s) => s === '.' || s === '..' || s.includes('/') || s.includes('\\') || CONTROL.test(s))) {
    return refuse('its path hides a separator or a dot segment in percent-encoding')
  }
  const roots = allowedRootsOf(policy)
  if (!roots.some((root) => isInside(url, segments, root))) {
    const rootList = roots.map((r) => r.href).join(', ')
    return refuse(`it resolves to ${url.href}, outside the allowed folder${roots.length > 1 ? 's' : ''} ${rootList}`)
  }
  return url.href
}

/** Normalised root folders: absolute URLs ending with `/`. */
function allowedRootsOf(policy: AssetUrlPolicy): URL[] {
  const roots = policy.allowedRoots && policy.allowedRoots.length > 0 ? policy.allowedRoots : [new URL('.', policy.baseUrl).href]
  return roots.map((root) => {
    const url = new URL(root, policy.baseUrl)
    return url.pathname.endsWith('/') ? url : new URL(url.href + '/')
  })
}

function isInside(url: URL, segments: string[], root: URL): boolean {
  if (url.protocol !== root.protocol || authority(url) !== authority(root)) return false
  const rootSegments = decodedSegments(root.pathname)
  if (rootSegments === undefined) return false
  // The root ends with '/', so its last segment is empty: compare the folders before it.
  const folders = rootSegments.slice(0, -1)
  return segments.length > folders.length && folders.every((segment, i) => segments[i] === segment)
}

/** `host:port` as it appears in the canonical href (empty for most file: URLs). */
function authority(url: URL): string {
  const rest = url.href.slice(url.protocol.length)
  if (!rest.startsWith('//')) return ''
  const end = rest.indexOf('/', 2)
  return (end === -1 ? rest.slice(2) : rest.slice(2, end)).toLowerCase()
}

/** Path segments with percent-encoding undone; undefined when an escape is malformed. */
function decodedSegments(pathname: string): string[] | undefined {
  try {
    return pathname.split('/').slice(1).map((segment) => decodeURIComponent(segment))
  } catch {
    return undefined
  }
}

function showSource(src: unknown): string {
  if (typeof src !== 'string') return String(src)
  return JSON.stringify(src.length > 80 ? src.slice(0, 77) + '...' : src)
}
