import { test } from 'node:test'
import assert from 'node:assert/strict'
import { alphaMask, applyMask, boundaryF, maskIoU, refineMask, resizeMask, type Mask } from '../../src/ai/mask.js'
import { MaskCache, decodeMask, encodeMask } from '../../src/ai/mask-cache.js'
import { saliencyMask, salientInputTensor } from '../../src/ai/salient-object.js'

/** A width×height mask with a filled rectangle. */
function rectMask(width: number, height: number, x0: number, y0: number, x1: number, y1: number): Mask {
  const data = new Uint8Array(width * height)
  for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) data[y * width + x] = 255
  return { width, height, data }
}

test('IoU and boundary F: 1 for the same mask, lower for a shifted one, 0 for disjoint ones', () => {
  const a = rectMask(100, 100, 20, 20, 60, 60)
  assert.equal(maskIoU(a, a), 1)
  assert.equal(boundaryF(a, a), 1)
  const shifted = rectMask(100, 100, 30, 20, 70, 60)
  assert.equal(maskIoU(shifted, a).toFixed(3), (1200 / 2000).toFixed(3))
  assert.ok(boundaryF(shifted, a) < 0.7)
  assert.equal(maskIoU(rectMask(100, 100, 0, 0, 10, 10), rectMask(100, 100, 50, 50, 60, 60)), 0)
  // Within the boundary tolerance (0.8 % of the diagonal = 1 px), a 1 px shift still matches.
  assert.equal(boundaryF(rectMask(100, 100, 21, 20, 61, 60), a), 1)
})

test('resizeMask keeps a shape where it was, at any size', () => {
  const a = rectMask(64, 64, 16, 16, 48, 48)
  const big = resizeMask(a, 256, 128)
  assert.equal(big.width, 256)
  assert.equal(big.height, 128)
  assert.ok(maskIoU(big, rectMask(256, 128, 64, 32, 192, 96)) > 0.97)
})

test('refineMask: threshold makes the matte hard, feather softens its edge', () => {
  const soft = { width: 4, height: 1, data: Uint8Array.from([10, 100, 140, 250]) }
  assert.deepEqual([...refineMask(soft, { threshold: 0.5 }).data], [0, 0, 255, 255])
  const hard = rectMask(40, 40, 10, 10, 30, 30)
  const feathered = refineMask(hard, { feather: 6 })
  const edge = feathered.data[20 * 40 + 10] as number
  assert.ok(edge > 60 && edge < 200, `edge pixel ${edge} should be partly transparent`)
  assert.equal(feathered.data[20 * 40 + 20], 255)
  assert.equal(feathered.data[0], 0)
})

test('applyMask puts the mask into the alpha channel and leaves RGB alone', () => {
  const pixels = { width: 2, height: 1, data: Uint8ClampedArray.from([10, 20, 30, 255, 40, 50, 60, 255]) }
  const out = applyMask(pixels, { width: 2, height: 1, data: Uint8Array.from([0, 255]) })
  assert.deepEqual([...out.data], [10, 20, 30, 0, 40, 50, 60, 255])
  assert.deepEqual([...alphaMask(out).data], [0, 255])
})

test('salient-object pre- and post-processing: NCHW with mean/std, min-max normalised map', () => {
  const pixels = { width: 2, height: 1, data: Uint8Array.from([128, 0, 255, 255, 0, 128, 128, 255]) }
  const input = salientInputTensor(pixels, { width: 2, height: 1, layout: 'nchw', mean: [128, 128, 128], std: [256, 256, 256] })
  assert.deepEqual(input.dims, [1, 3, 1, 2])
  assert.deepEqual([...input.data], [0, -0.5, -0.5, 0, 127 / 256, 0])
  assert.throws(() => salientInputTensor(pixels, { width: 4, height: 4, layout: 'nchw', mean: [0, 0, 0], std: [1, 1, 1] }), { code: 'ai/unsupported-input' })
  const mask = saliencyMask({ type: 'float32', data: Float32Array.from([0.2, 0.6, 0.4, 1.0]), dims: [1, 1, 2, 2] }, { activation: 'none', normalize: 'min-max' })
  assert.deepEqual([...mask.data], [0, 128, 64, 255])
  const logits = saliencyMask({ type: 'float32', data: Float32Array.from([-20, 0, 20]), dims: [1, 3] }, { activation: 'sigmoid', normalize: 'none' })
  assert.deepEqual([...logits.data], [0, 128, 255])
})

test('MaskCache: one computation per key, then memory hits, and the store serves a new cache', async () => {
  const stored = new Map<string, Uint8Array>()
  const store = {
    get: async (key: string) => (stored.has(key) ? decodeMask(stored.get(key) as Uint8Array) : undefined),
    set: async (key: string, mask: Mask) => void stored.set(key, encodeMask(mask)),
  }
  let runs = 0
  const compute = async () => {
    runs++
    return rectMask(8, 8, 2, 2, 6, 6)
  }
  const cache = new MaskCache({ store })
  const [a, b] = await Promise.all([cache.getOrCompute('k', compute), cache.getOrCompute('k', compute)])
  assert.equal(runs, 1, 'two concurrent requests share one run')
  assert.equal(a.source, 'computed')
  assert.equal(b.source, 'memory')
  assert.equal((await cache.getOrCompute('k', compute)).source, 'memory')
  const fresh = new MaskCache({ store })
  const again = await fresh.getOrCompute('k', compute)
  assert.equal(again.source, 'store')
  assert.equal(runs, 1)
  assert.deepEqual(again.mask, a.mask)
  assert.deepEqual(cache.stats, { memoryHits: 2, storeHits: 0, computed: 1, entries: 1 })
  assert.equal(decodeMask(Uint8Array.from([1, 2, 3])), undefined)
})
