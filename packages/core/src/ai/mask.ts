/** A single-channel mask: one byte per pixel, 0 = background, 255 = subject. */
export interface Mask {
  width: number
  height: number
  data: Uint8Array
}

/** RGBA pixels, 4 bytes per pixel, rows top to bottom. */
export interface RgbaPixels {
  width: number
  height: number
  data: Uint8Array | Uint8ClampedArray
}

/**
 * Resamples a mask bilinearly (the same arithmetic in every environment, so browser and Node
 * cut-outs match).
 */
export function resizeMask(mask: Mask, width: number, height: number): Mask {
  if (mask.width === width && mask.height === height) return mask
  const out = new Uint8Array(width * height)
  const sx = mask.width / width
  const sy = mask.height / height
  const src = mask.data
  const mw = mask.width
  for (let y = 0; y < height; y++) {
    const fy = Math.min(Math.max((y + 0.5) * sy - 0.5, 0), mask.height - 1)
    const y0 = Math.floor(fy)
    const y1 = Math.min(y0 + 1, mask.height - 1)
    const wy = fy - y0
    for (let x = 0; x < width; x++) {
      const fx = Math.min(Math.max((x + 0.5) * sx - 0.5, 0), mw - 1)
      const x0 = Math.floor(fx)
      const x1 = Math.min(x0 + 1, mw - 1)
      const wx = fx - x0
      const top = (src[y0 * mw + x0] as number) * (1 - wx) + (src[y0 * mw + x1] as number) * wx
      const bottom = (src[y1 * mw + x0] as number) * (1 - wx) + (src[y1 * mw + x1] as number) * wx
      out[y * width + x] = Math.round(top * (1 - wy) + bottom * wy)
    }
  }
  return { width, height, data: out }
}

/** Edge refinement: `threshold` (0..1) makes the matte hard at that level, `feather` (pixels) then softens its edge. */
export interface MatteOptions {
  threshold?: number
  feather?: number
}

/**
 * Refines a mask's edge: binarises it at `threshold` when given, then blurs it by `feather`
 * pixels (three box blurs, close to a Gaussian).
 */
export function refineMask(mask: Mask, options: MatteOptions): Mask {
  let data = mask.data
  if (options.threshold !== undefined) {
    const level = Math.round(options.threshold * 255)
    const hard = new Uint8Array(data.length)
    for (let i = 0; i < data.length; i++) hard[i] = (data[i] as number) >= level ? 255 : 0
    data = hard
  }
  const radius = Math.round(options.feather ?? 0)
  if (radius > 0) data = boxBlur(data, mask.width, mask.height, Math.max(1, Math.round(radius / 2)), 3)
  return { width: mask.width, height: mask.height, data }
}

/** Blurs one channel with `passes` box blurs of `radius` (separable, edge pixels repeated). */
export function boxBlur(data: Uint8Array, width: number, height: number, radius: number, passes = 3): Uint8Array {
  const a = Float32Array.from(data)
  const b = new Float32Array(a.length)
  const size = radius * 2 + 1
  for (let pass = 0; pass < passes; pass++) {
    for (let y = 0; y < height; y++) {
      const row = y * width
      let sum = 0
      for (let k = -radius; k <= radius; k++) sum += a[row + Math.min(Math.max(k, 0), width - 1)] as number
      for (let x = 0; x < width; x++) {
        b[row + x] = sum / size
        sum += (a[row + Math.min(x + radius + 1, width - 1)] as number) - (a[row + Math.max(x - radius, 0)] as number)
      }
    }
    for (let x = 0; x < width; x++) {
      let sum = 0
      for (let k = -radius; k <= radius; k++) sum += b[Math.min(Math.max(k, 0), height - 1) * width + x] as number
      for (let y = 0; y < height; y++) {
        a[y * width + x] = sum / size
        sum += (b[Math.min(y + radius + 1, height - 1) * width + x] as number) - (b[Math.max(y - radius, 0) * width + x] as number)
      }
    }
  }
  const out = new Uint8Array(a.length)
  for (let i = 0; i < a.length; i++) out[i] = Math.round(a[i] as number)
  return out
}

/** Blurs RGBA pixels (each channel, alpha included) by box blurs of `radius`. */
export function blurPixels(pixels: RgbaPixels, radius: number): RgbaPixels {
  const { width, height } = pixels
  const n = width * height
  const out = new Uint8ClampedArray(n * 4)
  const channel = new Uint8Array(n)
  for (let c = 0; c < 4; c++) {
    for (let i = 0; i < n; i++) channel[i] = pixels.data[i * 4 + c] as number
    const blurred = boxBlur(channel, width, height, radius, 3)
    for (let i = 0; i < n; i++) out[i * 4 + c] = blurred[i] as number
  }
  return { width, height, data: out }
}

/** Puts a mask into the alpha channel of pixels of the same size (a new array; RGB unchanged). */
export function applyMask(pixels: RgbaPixels, mask: Mask): RgbaPixels {
  const m = resizeMask(mask, pixels.width, pixels.height)
  const out = new Uint8ClampedArray(pixels.data)
  for (let i = 0; i < m.data.length; i++) out[i * 4 + 3] = Math.round(((out[i * 4 + 3] as number) * (m.data[i] as number)) / 255)
  return { width: pixels.width, height: pixels.height, data: out }
}

/** Reads the alpha channel of pixels as a mask. */
export function alphaMask(pixels: RgbaPixels): Mask {
  const data = new Uint8Array(pixels.width * pixels.height)
  for (let i = 0; i < data.length; i++) data[i] = pixels.data[i * 4 + 3] as number
  return { width: pixels.width, height: pixels.height, data }
}

/** Intersection over union of two masks binarised at 50 %, resized to `truth`'s size. 1 when both are empty. */
export function maskIoU(predicted: Mask, truth: Mask): number {
  const p = resizeMask(predicted, truth.width, truth.height).data
  let inter = 0
  let union = 0
  for (let i = 0; i < p.length; i++) {
    const a = (p[i] as number) >= 128
    const b = (truth.data[i] as number) >= 128
    if (a && b) inter++
    if (a || b) union++
  }
  return union === 0 ? 1 : inter / union
}

/**
 * Boundary F-measure (as in the DAVIS benchmark): the harmonic mean of boundary precision and
 * recall, where a boundary pixel counts as matched when the other mask has a boundary pixel within
 * `tolerance` pixels (default 0.8 % of the diagonal).
 */
export function boundaryF(predicted: Mask, truth: Mask, tolerance?: number): number {
  const { width, height } = truth
  const p = boundaryOf(resizeMask(predicted, width, height))
  const t = boundaryOf(truth)
  const r = tolerance ?? Math.max(1, Math.round(0.008 * Math.hypot(width, height)))
  const pd = dilate(p, width, height, r)
  const td = dilate(t, width, height, r)
  let pCount = 0
  let pHit = 0
  let tCount = 0
  let tHit = 0
  for (let i = 0; i < p.length; i++) {
    if (p[i]) {
      pCount++
      if (td[i]) pHit++
    }
    if (t[i]) {
      tCount++
      if (pd[i]) tHit++
    }
  }
  if (pCount === 0 && tCount === 0) return 1
  if (pCount === 0 || tCount === 0) return 0
  const precision = pHit / pCount
  const recall = tHit / tCount
  return precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall)
}

function boundaryOf(mask: Mask): Uint8Array {
  const { width, height, data } = mask
  const out = new Uint8Array(width * height)
  const on = (x: number, y: number) => x >= 0 && y >= 0 && x < width && y < height && (data[y * width + x] as number) >= 128
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (!on(x, y)) continue
      if (!on(x - 1, y) || !on(x + 1, y) || !on(x, y - 1) || !on(x, y + 1)) out[y * width + x] = 1
    }
  }
  return out
}

function dilate(data: Uint8Array, width: number, height: number, r: number): Uint8Array {
  const h = new Uint8Array(data.length)
  for (let y = 0; y < height; y++) {
    let prev = -Infinity
    for (let x = 0; x < width; x++) {
      if (data[y * width + x]) prev = x
      if (x - prev <= r) h[y * width + x] = 1
    }
    let next = Infinity
    for (let x = width - 1; x >= 0; x--) {
      if (data[y * width + x]) next = x
      if (next - x <= r) h[y * width + x] = 1
    }
  }
  const out = new Uint8Array(data.length)
  for (let x = 0; x < width; x++) {
    let prev = -Infinity
    for (let y = 0; y < height; y++) {
      if (h[y * width + x]) prev = y
      if (y - prev <= r) out[y * width + x] = 1
    }
    let next = Infinity
    for (let y = height - 1; y >= 0; y--) {
      if (h[y * width + x]) next = y
      if (next - y <= r) out[y * width + x] = 1
    }
  }
  return out
}

/**
 * Crops pixels to the box around their visible alpha (above `level`), with `pad` pixels of
 * margin: a cut-out then fits its layer by the subject, not by the photo it came from. Pixels
 * with nothing visible are returned as they are.
 */
export function trimToAlpha(pixels: RgbaPixels, pad = 0, level = 8): RgbaPixels {
  const { width, height, data } = pixels
  let x0 = width
  let y0 = height
  let x1 = -1
  let y1 = -1
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if ((data[(y * width + x) * 4 + 3] as number) > level) {
        if (x < x0) x0 = x
        if (x > x1) x1 = x
        if (y < y0) y0 = y
        if (y > y1) y1 = y
      }
    }
  }
  if (x1 < 0) return pixels
  x0 = Math.max(0, x0 - pad)
  y0 = Math.max(0, y0 - pad)
  x1 = Math.min(width - 1, x1 + pad)
  y1 = Math.min(height - 1, y1 + pad)
  const w = x1 - x0 + 1
  const h = y1 - y0 + 1
  if (w === width && h === height) return pixels
  const out = new Uint8ClampedArray(w * h * 4)
  for (let y = 0; y < h; y++) out.set(data.subarray(((y0 + y) * width + x0) * 4, ((y0 + y) * width + x0 + w) * 4), y * w * 4)
  return { width: w, height: h, data: out }
}
