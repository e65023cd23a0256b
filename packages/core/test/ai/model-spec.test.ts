import { test } from 'node:test'
import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import { VitrineError } from '../../src/errors/vitrine-error.js'
import { loadModelBytes, type ModelHost } from '../../src/ai/load-model-bytes.js'
import { ModelRegistry } from '../../src/ai/model-registry.js'
import { parseModelSpec, type ModelSpec } from '../../src/ai/model-spec.js'

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex')
const partA = Uint8Array.from([1, 2, 3, 4])
const partB = Uint8Array.from([5, 6])
const whole = Uint8Array.from([1, 2, 3, 4, 5, 6])

function spec(overrides: Partial<ModelSpec> = {}): ModelSpec {
  return {
    id: 'test-model',
    name: 'Test',
    task: 'salient-object',
    format: 'onnx',
    files: [
      { url: 'a.bin', sha256: sha(partA), bytes: 4 },
      { url: 'b.bin', sha256: sha(partB), bytes: 2 },
    ],
    sha256: sha(whole),
    bytes: 6,
    licence: { spdx: 'Apache-2.0' },
    input: { width: 64, height: 64, layout: 'nchw', mean: [0, 0, 0], std: [255, 255, 255] },
    output: { activation: 'none', normalize: 'min-max' },
    ...overrides,
  }
}

/** Files served from memory: the host interface over a plain map (what fetch or fs would return). */
function memoryHost(files: Record<string, Uint8Array>): ModelHost & { fetched: string[] } {
  const fetched: string[] = []
  return {
    fetched,
    async fetchModelFile(url, onBytes) {
      fetched.push(url)
      const bytes = files[url]
      if (!bytes) throw new Error(`no such file ${url}`)
      onBytes?.(bytes.length)
      return bytes
    },
    async sha256(bytes) {
      return sha(bytes)
    },
  }
}

test('parseModelSpec names each bad field by its JSON pointer', () => {
  assert.doesNotThrow(() => parseModelSpec(spec()))
  const bad = { ...spec(), sha256: 'xyz', input: { ...spec().input, width: 2 }, extra: 1 }
  const error = (() => {
    try {
      parseModelSpec(bad)
    } catch (e) {
      return e as VitrineError
    }
  })()
  assert.ok(error instanceof VitrineError)
  assert.equal(error.code, 'ai/invalid-model')
  const paths = error.issues.map((i) => i.path).sort()
  assert.deepEqual(paths, ['/extra', '/input/width', '/sha256'])
  assert.throws(() => parseModelSpec(spec({ bytes: 7 })), (e: VitrineError) => e.code === 'ai/invalid-model' && e.path === '/bytes')
})

test('the registry finds models by id and task, and lists the known ids when one is missing', () => {
  const models = new ModelRegistry([spec()])
  assert.equal(models.forTask('salient-object')?.id, 'test-model')
  assert.equal(models.forTask('person'), undefined)
  assert.throws(() => models.get('u2net'), (e: VitrineError) => e.code === 'ai/unknown-model' && /known: test-model/.test(e.message))
})

test('loadModelBytes joins the parts, checks every hash, reports progress and caches', async () => {
  const host = memoryHost({ 'a.bin': partA, 'b.bin': partB })
  const cached = new Map<string, Uint8Array>()
  const cache = { get: async (k: string) => cached.get(k), set: async (k: string, b: Uint8Array) => void cached.set(k, b) }
  const phases: string[] = []
  const first = await loadModelBytes(spec(), { host, cache, onProgress: (p) => phases.push(`${p.phase}:${p.loaded}/${p.total}`) })
  assert.deepEqual([...first.bytes], [...whole])
  assert.equal(first.fromCache, false)
  assert.deepEqual(phases, ['download:4/6', 'verify:4/6', 'download:6/6', 'verify:6/6', 'done:6/6'])
  const second = await loadModelBytes(spec(), { host, cache })
  assert.equal(second.fromCache, true)
  assert.deepEqual(host.fetched, ['a.bin', 'b.bin'], 'the second load reads the cache only')
  // A damaged cache entry is not trusted: the files are fetched again.
  cached.set(spec().sha256, Uint8Array.from([9, 9, 9, 9, 9, 9]))
  assert.equal((await loadModelBytes(spec(), { host, cache })).fromCache, false)
})

test('a file with the wrong hash or size is refused, naming the file', async () => {
  const tampered = memoryHost({ 'a.bin': Uint8Array.from([1, 2, 3, 5]), 'b.bin': partB })
  await assert.rejects(loadModelBytes(spec(), { host: tampered }), (e: VitrineError) => e.code === 'ai/hash-mismatch' && e.path === '/files/0/sha256' && e.message.includes('a.bin'))
  const short = memoryHost({ 'a.bin': partA, 'b.bin': Uint8Array.from([5]) })
  await assert.rejects(loadModelBytes(spec(), { host: short }), (e: VitrineError) => e.code === 'ai/hash-mismatch' && e.path === '/files/1/bytes')
  const wrongWhole = spec({ sha256: sha(Uint8Array.from([0])) })
  await assert.rejects(loadModelBytes(wrongWhole, { host: memoryHost({ 'a.bin': partA, 'b.bin': partB }) }), (e: VitrineError) => e.code === 'ai/hash-mismatch' && e.path === '/sha256')
  await assert.rejects(loadModelBytes(spec(), { host: memoryHost({}) }), (e: VitrineError) => e.code === 'ai/model-load-failed' && e.path === '/files/0/url')
})
