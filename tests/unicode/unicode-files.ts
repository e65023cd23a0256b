// Reads the Unicode conformance files from Debian's `unicode-data` package
// (scripts/install-system-deps.sh installs it): /usr/share/unicode and its auxiliary/ folder.
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

const roots = [process.env.UNICODE_DATA_DIR, '/usr/share/unicode'].filter((d): d is string => !!d)

/** The text of a UCD file, e.g. `auxiliary/LineBreakTest.txt`; fails with how to get it. */
export function readUnicodeFile(name: string): string {
  for (const root of roots) {
    const file = join(root, name)
    if (existsSync(file)) return readFileSync(file, 'utf8')
  }
  throw new Error(`${name} not found under ${roots.join(' or ')}: install Debian's unicode-data (scripts/install-system-deps.sh) or set UNICODE_DATA_DIR`)
}

/** The Unicode version a UCD file says it is from (its first line, e.g. `# LineBreakTest-15.0.0.txt`). */
export function unicodeVersionOf(text: string): string {
  return /-(\d+\.\d+\.\d+)\.txt/.exec(text.slice(0, 200))?.[1] ?? 'unknown'
}

/** One case of a break test file (`÷ 0061 × 0308 ÷`): its text and where breaks are (UTF-16 offsets, 0 and the end included). */
export interface BreakCase {
  line: number
  source: string
  text: string
  breaks: number[]
}

export function parseBreakTest(text: string): BreakCase[] {
  const cases: BreakCase[] = []
  text.split('\n').forEach((raw, i) => {
    const data = raw.split('#')[0]!.trim()
    if (!data) return
    let s = ''
    const breaks: number[] = []
    for (const token of data.split(/\s+/)) {
      if (token === '÷') breaks.push(s.length)
      else if (token !== '×') s += String.fromCodePoint(parseInt(token, 16))
    }
    cases.push({ line: i + 1, source: raw, text: s, breaks })
  })
  return cases
}

/** Offsets where `flags[i]` is set, for comparing with a case's breaks. */
export function offsets(flags: ArrayLike<number>, from = 0): number[] {
  const out: number[] = []
  for (let i = from; i < flags.length; i++) if (flags[i]) out.push(i)
  return out
}

/** A pass rate as `n/total (p %)`. */
export function rate(pass: number, total: number): string {
  return `${pass.toLocaleString('en-US')}/${total.toLocaleString('en-US')} (${((pass / total) * 100).toFixed(3)} %)`
}
