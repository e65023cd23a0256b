// The demo is the embedded default: plain pages that use Vitrine the way a host app would.
// Two things make it work from a fresh clone without a library build first:
//  - @vitrine/* resolve to their TypeScript sources (Vite compiles them on the fly), as in the
//    browser tests;
//  - the repository's examples/ folder and the built-in fonts are served at /examples/ and
//    /fonts/, and copied next to the pages by `vite build`.
import { execFileSync } from 'node:child_process'
import { cpSync, createReadStream, existsSync, realpathSync, statSync } from 'node:fs'
import { extname, join, resolve, sep } from 'node:path'
import { defineConfig, type Plugin } from 'vite'

const repo = resolve(import.meta.dirname, '..')

// The try-on page needs the FaceLandmarker bundle, which is built, not committed (cheap when up to date).
execFileSync(process.execPath, [join(repo, 'scripts/build-face-landmarker.mjs')], { stdio: 'inherit' })

/** Workspace packages → their sources. */
const sources: Record<string, string> = {
  '@vitrine/core/browser': 'packages/core/src/browser/index.ts',
  '@vitrine/core': 'packages/core/src/index.ts',
  '@vitrine/elements': 'packages/elements/src/index.ts',
}

/** URL prefix → folder. `/fonts/` is where a bundled @vitrine/core/browser looks for Inter. */
const folders: Record<string, string> = {
  '/examples/': join(repo, 'examples'),
  // Try-on: the face tracking engine's wasm, then the model, products, catalogue and sample photo.
  '/try-on/wasm/': realpathSync(join(repo, 'packages/elements/node_modules/@mediapipe/tasks-vision/wasm')),
  '/try-on/': join(repo, 'packages/elements/assets/try-on'),
  '/fonts/': join(repo, 'packages/core/fonts'),
  // Video export in the browser: ffmpeg.wasm (the fallback, and AAC audio), served by the app.
  '/ffmpeg/core/': realpathSync(join(repo, 'packages/core/node_modules/@ffmpeg/core/dist/esm')),
  '/ffmpeg/worker/': realpathSync(join(repo, 'packages/core/node_modules/@ffmpeg/ffmpeg/dist/esm')),
}

const contentTypes: Record<string, string> = {
  '.json': 'application/json',
  '.csv': 'text/csv; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.gif': 'image/gif',
  '.svg': 'image/svg+xml',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.js': 'text/javascript',
  '.wasm': 'application/wasm',
  '.m4a': 'audio/mp4',
  '.gltf': 'model/gltf+json',
}

/** Serves `folders` in dev and copies them into the build output. */
function repoFolders(): Plugin {
  let outDir = ''
  return {
    name: 'vitrine-demo-folders',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir)
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const path = decodeURIComponent((req.url ?? '').split('?')[0] ?? '')
        const prefix = Object.keys(folders).find((p) => path.startsWith(p))
        if (!prefix) return next()
        const base = folders[prefix]!
        const file = resolve(base, '.' + path.slice(prefix.length - 1))
        // Never serve anything outside the folder, whatever the URL says.
        if (!file.startsWith(base + sep) || !existsSync(file) || !statSync(file).isFile()) return next()
        res.setHeader('Content-Type', contentTypes[extname(file).toLowerCase()] ?? 'application/octet-stream')
        res.setHeader('Cache-Control', 'no-cache')
        createReadStream(file).pipe(res)
      })
    },
    closeBundle() {
      for (const [prefix, folder] of Object.entries(folders)) {
        if (existsSync(folder)) cpSync(folder, join(outDir, prefix), { recursive: true })
      }
    },
  }
}

export default defineConfig({
  resolve: {
    alias: Object.entries(sources).map(([name, file]) => ({
      find: new RegExp(`^${name.replace(/[/]/g, '\\/')}$`),
      replacement: join(repo, file),
    })),
  },
  plugins: [repoFolders()],
  build: {
    target: 'es2022',
    rolldownOptions: {
      input: {
        index: resolve(import.meta.dirname, 'index.html'),
        admin: resolve(import.meta.dirname, 'admin.html'),
        product: resolve(import.meta.dirname, 'product.html'),
        video: resolve(import.meta.dirname, 'video.html'),
      },
    },
  },
})
