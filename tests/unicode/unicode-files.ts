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

/** A pass rate as `n/total (p %)`. */
export function rate(pass: number, total: number): string {
  return `${pass.toLocaleString('en-US')}/${total.toLocaleString('en-US')} (${((pass / total) * 100).toFixed(3)} %)`
}
