// Browser tests: every `packages/*/test-browser/**/*.test.ts`, in headless Chromium.
// TypeScript is stripped by esbuild; workspace packages resolve to their sources, so tests run
// without a build. `pnpm exec web-test-runner` exits non-zero when a test fails.
import { execFileSync } from 'node:child_process'
import { Readable } from 'node:stream'
import { fileURLToPath } from 'node:url'
import { playwrightLauncher } from '@web/test-runner-playwright'
import { esbuildPlugin } from '@web/dev-server-esbuild'
// Lets browser tests write files (the try-on tests write missing screenshot references).
import { filePlugin } from '@web/test-runner-commands/plugins'
import { chromiumLaunchOptions } from './scripts/chromium.mjs'

// The browser tests load the built-in fonts from packages/core/fonts/, which core's build
// fills; do it here too (it copies only what is missing) so the tests run without a build.
const repoRoot = fileURLToPath(new URL('.', import.meta.url))
execFileSync(process.execPath, [fileURLToPath(new URL('packages/core/scripts/copy-fonts.mjs', import.meta.url))], { stdio: 'inherit' })
// The try-on tests load the FaceLandmarker bundle, which is built, not committed (it is rebuilt only when missing or stale).
execFileSync(process.execPath, [fileURLToPath(new URL('scripts/build-face-landmarker.mjs', import.meta.url))], { stdio: 'inherit' })

/** Workspace package entry points → their TypeScript sources, as paths on the dev server. */
const workspaceSources = {
  '@vitrine/core': '/packages/core/src/index.ts',
  '@vitrine/core/browser': '/packages/core/src/browser/index.ts',
  '@vitrine/elements': '/packages/elements/src/index.ts',
}

/** @type {import('@web/dev-server-core').Plugin} */
const workspaceSourcesPlugin = {
  name: 'vitrine-workspace-sources',
  resolveImport({ source }) {
    return workspaceSources[source]
  },
}

const TEST_ROUTE = '/__vitrine-test__/'
const clampInt = (value, fallback, max) => Math.min(max, Math.max(0, Number.parseInt(value ?? '', 10) || fallback))

/**
 * Routes that misbehave on purpose, for fetch limits:
 * - `slow?delay=MS`: answers after MS milliseconds (headers and all);
 * - `stall?bytes=N&delay=MS`: sends N bytes at once, the rest of the body MS later;
 * - `bytes?size=N[&length=0]`: N bytes, with a Content-Length header unless `length=0` (then streamed in chunks);
 * - `status?code=N`: an empty answer with that status.
 * Every route ends by itself within 30 s so the server never hangs on shutdown.
 *
 * @type {import('koa').Middleware}
 */
async function testRoutes(ctx, next) {
  if (!ctx.path.startsWith(TEST_ROUTE)) return next()
  const route = ctx.path.slice(TEST_ROUTE.length)
  const q = ctx.query
  ctx.set('Cache-Control', 'no-store')
  if (route === 'slow') {
    await new Promise((resolve) => setTimeout(resolve, clampInt(q.delay, 1000, 30_000)))
    ctx.type = 'application/octet-stream'
    ctx.body = Buffer.alloc(16)
    return
  }
  if (route === 'stall') {
    const first = clampInt(q.bytes, 1024, 1 << 20)
    const delay = clampInt(q.delay, 1000, 30_000)
    ctx.type = 'application/octet-stream'
    ctx.body = Readable.from(
      (async function* () {
        yield Buffer.alloc(first)
        await new Promise((resolve) => setTimeout(resolve, delay))
        yield Buffer.alloc(first)
      })(),
    )
    return
  }
  if (route === 'bytes') {
    const size = clampInt(q.size, 1024, 64 << 20)
    ctx.type = 'application/octet-stream'
    if (q.length === '0') {
      const chunk = 64 * 1024
      ctx.body = Readable.from(
        (function* () {
          for (let sent = 0; sent < size; sent += chunk) yield Buffer.alloc(Math.min(chunk, size - sent), 7)
        })(),
      )
    } else {
      ctx.body = Buffer.alloc(size, 7)
    }
    return
  }
  if (route === 'status') {
    ctx.status = clampInt(q.code, 404, 599)
    ctx.body = ''
    return
  }
  return next()
}

export default {
  rootDir: repoRoot,
  files: ['packages/*/test-browser/**/*.test.ts'],
  nodeResolve: true,
  // Two cores, shared: one page at a time keeps timings and font loading predictable.
  concurrency: 1,
  concurrentBrowsers: 1,
  browserStartTimeout: 60_000,
  testsStartTimeout: 60_000,
  testsFinishTimeout: 120_000,
  testFramework: { config: { timeout: 20_000 } },
  middleware: [testRoutes],
  plugins: [workspaceSourcesPlugin, esbuildPlugin({ ts: true, target: 'es2022' }), filePlugin()],
  browsers: [
    playwrightLauncher({
      product: 'chromium',
      launchOptions: { ...chromiumLaunchOptions(['--headless=new']), headless: true },
    }),
  ],
}
