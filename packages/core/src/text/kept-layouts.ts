import type { TextLayoutResult } from './layout-text.js'

/**
 * Text layouts kept per font library, by everything the layout depends on: the same text in
 * the same fonts, box and settings lays out the same, so the measuring, line breaking and
 * shrink-to-fit search run once. A badge or a price comes back on many rows of a catalogue, a
 * title in each format of one size and in every preview of a row (an editor lays the whole
 * template out again on every change), a layer's text in every frame of a video.
 *
 * The font library is part of the key because a face, once loaded in it, keeps its files: the
 * same family, weight and style measure the same for as long as the library lives, unless new
 * bytes are registered for the face (FontLibrary.addBytes), which forgets the library's layouts.
 */

// Layouts kept per font library, the least recently used going first.
const MAX_LAYOUTS = 512

const caches = new WeakMap<object, Map<string, TextLayoutResult>>()

/**
 * The layout kept for `key` in `fonts`'s layouts, or `layout()`'s, then kept. The result is
 * shared: read it, never change it.
 */
export function keptLayout(fonts: object, key: string, layout: () => TextLayoutResult): TextLayoutResult {
  let kept = caches.get(fonts)
  if (!kept) caches.set(fonts, (kept = new Map()))
  const hit = kept.get(key)
  if (hit) {
    // Most recently used last.
    kept.delete(key)
    kept.set(key, hit)
    return hit
  }
  const result = layout()
  kept.set(key, result)
  if (kept.size > MAX_LAYOUTS) kept.delete(kept.keys().next().value!)
  return result
}

/** Forgets the layouts kept for a font library. */
export function forgetLayouts(fonts: object): void {
  caches.delete(fonts)
}
