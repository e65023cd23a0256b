/** Timing helpers: every figure is wall-clock milliseconds from performance.now(). */

/** Percentile of an ascending-sorted list (nearest rank). */
export function percentile(sorted, p) {
  if (sorted.length === 0) return NaN
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  return sorted[i]
}

/** Mean, median, p95 and throughput of a list of per-image durations and the run's total wall time. */
export function summarise(durations, totalMs) {
  const sorted = [...durations].sort((a, b) => a - b)
  const count = durations.length
  return {
    images: count,
    totalMs,
    msPerImage: totalMs / count,
    imagesPerSecond: (count * 1000) / totalMs,
    p50Ms: percentile(sorted, 50),
    p95Ms: percentile(sorted, 95),
  }
}

/**
 * Renders every row once, one after another, timing each (warm up before calling this).
 * Returns the summary and the bytes of the first `keep` images (samples to look at).
 * With `between`, awaits it after every `every` rows, outside the timing: to measure something
 * else in the same minutes of a shared machine (the encoder alone on the bitmap just drawn).
 */
export async function timeRenders(render, rows, { keep = 2, every = 10, between } = {}) {
  const durations = []
  const samples = []
  let bytes = 0
  let aside = 0
  const start = performance.now()
  for (let i = 0; i < rows.length; i++) {
    const t0 = performance.now()
    const out = await render(rows[i])
    durations.push(performance.now() - t0)
    bytes += out.byteLength
    if (i < keep) samples.push(out)
    if (between && i % every === every - 1) {
      const t1 = performance.now()
      await between()
      aside += performance.now() - t1
    }
  }
  const totalMs = performance.now() - start - aside
  return { ...summarise(durations, totalMs), meanBytes: Math.round(bytes / rows.length), samples }
}

/** Least-squares slope of y over x. */
export function slope(xs, ys) {
  const n = xs.length
  const mx = xs.reduce((a, b) => a + b, 0) / n
  const my = ys.reduce((a, b) => a + b, 0) / n
  let num = 0
  let den = 0
  for (let i = 0; i < n; i++) {
    num += (xs[i] - mx) * (ys[i] - my)
    den += (xs[i] - mx) ** 2
  }
  return den === 0 ? 0 : num / den
}
