/**
 * How Vitrine's tests and benchmarks start Chromium through playwright-core: one place for the
 * binary and the flags every launch needs, so that no launch forgets one.
 *
 * - The binary is Debian's (`/usr/bin/chromium`), or `CHROMIUM_PATH`; Playwright's own
 *   browser downloads are never used.
 * - `--no-sandbox`: CI runs as root, where Chromium's sandbox refuses to start.
 * - `--disable-quic`, `--no-first-run`, `--disable-background-networking`,
 *   `--disable-component-update`, `--disable-sync`: no connection leaves the machine. A closed
 *   network refuses Chromium's background requests, many at a time, which slows every start.
 *
 * @example
 * ```js
 * import { chromiumLaunchOptions } from '../scripts/chromium.mjs'
 * const browser = await chromium.launch(chromiumLaunchOptions(['--disable-gpu']))
 * ```
 */

/** The Chromium binary: `CHROMIUM_PATH`, else Debian's. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

/** The flags every launch takes (see above). */
export const chromiumArgs = Object.freeze(['--no-sandbox', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'])

/**
 * Playwright launch options: the binary, {@link chromiumArgs} and then `extraArgs` (a test's
 * own flags, such as `--disable-gpu` or a fake camera).
 *
 * @param {readonly string[]} [extraArgs]
 * @returns {{ executablePath: string, args: string[] }}
 */
export function chromiumLaunchOptions(extraArgs = []) {
  return { executablePath: chromiumPath, args: [...chromiumArgs, ...extraArgs] }
}
