import { EXTENDED_PICTOGRAPHIC_RANGES as RANGES } from './extended-pictographic-ranges.js'

/** Whether a code point is Extended_Pictographic by the Unicode emoji data (not the runtime's ICU). */
export function isExtendedPictographic(codePoint: number): boolean {
  if (!(codePoint >= 0xa9)) return false
  let lo = 0
  let hi = RANGES.length / 2 - 1
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1
    if (codePoint < RANGES[mid * 2]!) hi = mid - 1
    else if (codePoint > RANGES[mid * 2 + 1]!) lo = mid + 1
    else return true
  }
  return false
}
