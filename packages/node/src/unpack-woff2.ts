import { VitrineError } from '@vitrine/core'

/** Whether the bytes are a WOFF2 file (signature `wOF2`). */
export function isWoff2(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x77 && bytes[1] === 0x4f && bytes[2] === 0x46 && bytes[3] === 0x32
}

/** The Emscripten module of the decoder (its type is declared in wawoff2.d.ts). */
type Woff2Binding = (typeof import('wawoff2/build/decompress_binding.js'))['default']

let binding: Promise<Woff2Binding> | undefined

function loadBinding(): Promise<Woff2Binding> {
  return (binding ??= import('wawoff2/build/decompress_binding.js').then(
    ({ default: module }) => new Promise<Woff2Binding>((resolve) => (module.calledRun ? resolve(module) : (module.onRuntimeInitialized = () => resolve(module)))),
  ))
}

/**
 * A WOFF2 font unpacked to TTF/OTF with Google's woff2 decoder (compiled to wasm by the npm
 * package wawoff2, loaded on first use).
 *
 * Why: the canvas library's `'system'` text renderer (Fontations, which Vitrine uses on Linux so
 * that text matches Chromium's pixels) draws nothing for one glyph of many WOFF2 files, often
 * the last (measured: 30 of the 134,107 glyphs of Vitrine's fallback fonts, e.g. `！` U+FF01 of
 * Noto Sans SC); the same fonts as TTF draw every glyph. Unpacked, the face also gets the
 * weight and style it is registered with, as TTF, OTF and WOFF faces do.
 */
export async function unpackWoff2(bytes: Uint8Array, describe: string): Promise<Uint8Array> {
  const decoder = await loadBinding()
  let unpacked: Uint8Array | false
  try {
    // The decoder answers with a view of its own memory, which its next call reuses: copy it
    // before anything else runs (fonts of one text load side by side).
    const view = decoder.decompress(bytes)
    unpacked = view && view.slice()
  } catch (error) {
    throw new VitrineError('font/load-failed', `Could not read the font ${describe}: its WOFF2 data is damaged (${(error as Error).message})`, { cause: error })
  }
  if (!unpacked) throw new VitrineError('font/load-failed', `Could not read the font ${describe}: its WOFF2 data is damaged`)
  return unpacked
}
