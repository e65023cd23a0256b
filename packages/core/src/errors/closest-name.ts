/** Edit distance (insertions, deletions and substitutions) between two strings. */
function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i)
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0]!
    row[0] = i
    for (let j = 1; j <= b.length; j++) {
      const current = row[j]!
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1))
      previous = current
    }
  }
  return row[b.length]!
}

/**
 * The candidate nearest to a mistyped name, for "did you mean" hints, or undefined when none is
 * near enough: at most 2 edits away, or a third of the name's length for longer names. Case is
 * ignored.
 *
 * @example
 * ```ts
 * closestName('instagram-sqare', ['instagram-square', 'tiktok']) // 'instagram-square'
 * closestName('banner', ['instagram-square', 'tiktok'])          // undefined
 * ```
 */
export function closestName(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined
  let bestDistance = Infinity
  const lower = word.toLowerCase()
  for (const candidate of candidates) {
    const d = editDistance(lower, candidate.toLowerCase())
    if (d < bestDistance) {
      best = candidate
      bestDistance = d
    }
  }
  return bestDistance <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined
}
