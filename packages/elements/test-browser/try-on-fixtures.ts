// Shared by the try-on browser tests: where the real model, engine, products and photo are
// served (the test server's root is the repository), and a pixel comparison for screenshots.
import { writeFile } from '@web/test-runner-commands'
import type { VitrineTryOn } from '../src/index.js'

export const ASSETS = '/packages/elements/assets/try-on'
export const MODEL_URL = `${ASSETS}/face_landmarker.task`
export const WASM_URL = '/packages/elements/node_modules/@mediapipe/tasks-vision/wasm'
export const CATALOG_URL = `${ASSETS}/catalog.json`
/** astronaut.png from scikit-image's data (Debian python3-skimage): NASA photo of Eileen Collins, public domain. */
export const PHOTO_URL = `${ASSETS}/astronaut.jpg`

/** A `<vitrine-try-on>` on the photo, in the page, with the repository's assets. */
export function makeTryOn(attributes: Record<string, string> = {}): VitrineTryOn {
  const el = document.createElement('vitrine-try-on')
  el.setAttribute('model-url', MODEL_URL)
  el.setAttribute('wasm-url', WASM_URL)
  el.setAttribute('catalog', CATALOG_URL)
  el.setAttribute('sample', PHOTO_URL)
  el.setAttribute('reduced-motion', '')
  for (const [k, v] of Object.entries(attributes)) el.setAttribute(k, v)
  el.style.width = '512px'
  document.body.append(el)
  return el
}

/** The next `type` event of `target`. */
export function nextEvent<T = unknown>(target: EventTarget, type: string): Promise<CustomEvent<T>> {
  return new Promise((resolve) => target.addEventListener(type, (e) => resolve(e as CustomEvent<T>), { once: true }))
}

/** A region of a picture, in pixels. */
export interface Region {
  x: number
  y: number
  width: number
  height: number
}

export async function pixelsOf(blob: Blob, region?: Region): Promise<ImageData> {
  const bitmap = await createImageBitmap(blob)
  const r = region ?? { x: 0, y: 0, width: bitmap.width, height: bitmap.height }
  const canvas = new OffscreenCanvas(r.width, r.height)
  const ctx = canvas.getContext('2d')!
  ctx.drawImage(bitmap, -r.x, -r.y)
  return ctx.getImageData(0, 0, r.width, r.height)
}

async function pngOf(pixels: ImageData): Promise<Blob> {
  const canvas = new OffscreenCanvas(pixels.width, pixels.height)
  canvas.getContext('2d')!.putImageData(pixels, 0, 0)
  return canvas.convertToBlob({ type: 'image/png' })
}

const toBase64 = async (blob: Blob) => {
  const bytes = new Uint8Array(await blob.arrayBuffer())
  let s = ''
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return btoa(s)
}

/** Share of pixels whose largest channel difference is over `threshold` (0..255). */
export function differingShare(a: ImageData, b: ImageData, threshold: number): number {
  if (a.width !== b.width || a.height !== b.height) return 1
  let differing = 0
  for (let i = 0; i < a.data.length; i += 4) {
    const d = Math.max(Math.abs(a.data[i]! - b.data[i]!), Math.abs(a.data[i + 1]! - b.data[i + 1]!), Math.abs(a.data[i + 2]! - b.data[i + 2]!))
    if (d > threshold) differing++
  }
  return differing / (a.width * a.height)
}

/**
 * Compares `region` of a PNG with the committed reference `try-on-refs/<name>.png`. A missing
 * reference is written (look at it, then commit it) and the check fails; a mismatch writes
 * `try-on-refs/<name>.actual.png` (ignored by git) next to it to look at.
 */
export async function compareWithReference(name: string, blob: Blob, region: Region, { threshold = 40 } = {}): Promise<{ share: number; written?: string }> {
  const refPath = `try-on-refs/${name}.png`
  const actual = await pixelsOf(blob, region)
  const response = await fetch(new URL(refPath, import.meta.url), { cache: 'no-store' })
  if (!response.ok) {
    await writeFile({ path: refPath, content: await toBase64(await pngOf(actual)), encoding: 'base64' })
    return { share: 1, written: refPath }
  }
  const share = differingShare(actual, await pixelsOf(await response.blob()), threshold)
  if (share > 0) await writeFile({ path: `try-on-refs/${name}.actual.png`, content: await toBase64(await pngOf(actual)), encoding: 'base64' })
  return { share }
}
