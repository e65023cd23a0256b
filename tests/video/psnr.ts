/** Peak signal-to-noise ratio in dB of two RGBA pictures of the same size, over R, G and B. */
export function psnr(a: Uint8Array, b: Uint8Array): number {
  if (a.length !== b.length) throw new Error(`psnr: sizes differ (${a.length} and ${b.length} bytes)`)
  let sum = 0
  let count = 0
  for (let i = 0; i < a.length; i += 4) {
    for (let c = 0; c < 3; c++) {
      const d = a[i + c]! - b[i + c]!
      sum += d * d
    }
    count += 3
  }
  const mse = sum / count
  return mse === 0 ? Infinity : 10 * Math.log10((255 * 255) / mse)
}
