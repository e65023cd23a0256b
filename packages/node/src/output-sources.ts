import { statSync } from 'node:fs'
import { relative, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Scene, SceneNode } from '@vitrine/core'
import type { FileStamp } from './fetch-bytes.js'

/** A local file an output was made from (a picture, a video clip, an audio track), as it was when read. */
export interface OutputSource {
  /** Relative to the batch's output folder, with `/` separators. */
  file: string
  bytes: number
  /** Modification time, in milliseconds since 1970 (as `stat` gives it). */
  modifiedMs: number
}

/**
 * The local files a scene draws or plays: its pictures (a cut-out or blurred picture counts as
 * the file it was made from), video clips and audio track, as `file:` URLs, in first-use order.
 * Remote and inline (`data:`) sources are left out.
 */
export function sceneFileUrls(scene: Scene): string[] {
  const urls = new Set<string>()
  const add = (key: string | undefined) => {
    if (key === undefined || !key.startsWith('file:')) return
    // Derived pictures are keyed `<url>#cutout=…` or `<url>#blur=…`; a literal # in a path is %23.
    const hash = key.indexOf('#')
    urls.add(hash === -1 ? key : key.slice(0, hash))
  }
  const visit = (node: SceneNode) => {
    if (node.type === 'image' || node.type === 'video') add(node.src)
    else if (node.type === 'group') node.children.forEach(visit)
  }
  scene.nodes.forEach(visit)
  for (const key of Object.keys(scene.images)) add(key)
  add(scene.timeline?.audio?.src)
  return [...urls]
}

/**
 * The files an output was made from, each with the size and time it had when `stampOf` says it
 * was read (else as it is now: a file read outside the platform, such as an audio track ffmpeg
 * opens itself). A file gone since is left out; its output was made anyway from what was read.
 */
export function outputSources(scene: Scene, outDir: string, stampOf: (url: string) => FileStamp | undefined): OutputSource[] {
  const sources: OutputSource[] = []
  for (const url of sceneFileUrls(scene)) {
    const path = fileURLToPath(url)
    let stamp = stampOf(url)
    if (!stamp) {
      const now = statSync(path, { throwIfNoEntry: false })
      if (!now) continue
      stamp = { bytes: now.size, modifiedMs: now.mtimeMs }
    }
    sources.push({ file: relative(outDir, path).split(sep).join('/'), ...stamp })
  }
  return sources
}
