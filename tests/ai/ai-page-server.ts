// A small static server for the browser AI tests and benchmarks: the AI sources bundled with
// esbuild (the page and the inference worker), onnxruntime-web's dist/ served unchanged, model
// files, and pictures. With `isolated`, every answer carries COOP/COEP headers, so the page is
// cross-origin isolated (workers and their sub-workers included).
import { createServer, type Server } from 'node:http'
import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { dirname, extname, join, normalize } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'

const root = fileURLToPath(new URL('../../', import.meta.url))
const coreRequire = createRequire(join(root, 'packages/core/package.json'))
// onnxruntime-web's exports map hides package.json; its node entry sits in dist/.
const ortDist = dirname(coreRequire.resolve('onnxruntime-web'))

const types: Record<string, string> = {
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.wasm': 'application/wasm',
  '.html': 'text/html',
  '.json': 'application/json',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
}

/** A running page server: its origin, and `close()`. */
export interface AiPageServer {
  origin: string
  close(): Promise<void>
}

/** Bundles the AI page and worker, and serves them with onnxruntime-web and the repository's files (under /repo/). */
export async function startAiPageServer(options: { isolated?: boolean } = {}): Promise<AiPageServer> {
  const out = await build({
    entryPoints: { page: join(root, 'tests/ai/browser-entry.ts'), worker: join(root, 'packages/core/src/browser/ai/inference-worker.ts') },
    bundle: true,
    format: 'esm',
    target: 'es2022',
    write: false,
    outdir: '/bundle',
    logLevel: 'silent',
  })
  const bundles = new Map(out.outputFiles.map((f) => [f.path.slice('/bundle/'.length), f.text]))
  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x')
    const headers: Record<string, string> = { 'Cache-Control': 'no-store' }
    if (options.isolated) {
      headers['Cross-Origin-Opener-Policy'] = 'same-origin'
      headers['Cross-Origin-Embedder-Policy'] = 'require-corp'
      headers['Cross-Origin-Resource-Policy'] = 'same-origin'
    }
    try {
      let body: string | Buffer
      let type: string
      if (url.pathname === '/' || url.pathname === '/index.html') {
        body = '<!doctype html><meta charset="utf-8"><title>Vitrine AI</title><script type="module" src="/app/page.js"></script>'
        type = types['.html']!
      } else if (url.pathname.startsWith('/app/')) {
        const text = bundles.get(url.pathname.slice(5))
        if (text === undefined) throw Object.assign(new Error('not found'), { code: 'ENOENT' })
        body = text
        type = types['.js']!
      } else if (url.pathname.startsWith('/ort/')) {
        body = await readFile(join(ortDist, normalize(url.pathname.slice(5)).replace(/^(\.\.[/\\])+/, '')))
        type = types[extname(url.pathname)] ?? 'application/octet-stream'
      } else if (url.pathname.startsWith('/repo/')) {
        body = await readFile(join(root, normalize(decodeURIComponent(url.pathname.slice(6))).replace(/^(\.\.[/\\])+/, '')))
        type = types[extname(url.pathname)] ?? 'application/octet-stream'
      } else throw Object.assign(new Error('not found'), { code: 'ENOENT' })
      res.writeHead(200, { ...headers, 'Content-Type': type, 'Content-Length': Buffer.byteLength(body) })
      res.end(body)
    } catch {
      res.writeHead(404, headers)
      res.end()
    }
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}
