import { VitrineError } from '../errors/vitrine-error.js'
import type { Mask, RgbaPixels } from './mask.js'
import type { ModelInput, ModelOutput } from './model-spec.js'
import type { FloatTensor, Tensor } from './tensor.js'

/**
 * Pre-processing for the salient-object family (U²-Net, IS-Net, BiRefNet-style models): RGBA
 * pixels already scaled to the model's input size → a 1×3×H×W float tensor,
 * `(pixel - mean) / std` per channel.
 */
export function salientInputTensor(pixels: RgbaPixels, input: ModelInput): FloatTensor {
  if (pixels.width !== input.width || pixels.height !== input.height) {
    throw new VitrineError('ai/unsupported-input', `The model takes ${input.width}x${input.height} pixels, found ${pixels.width}x${pixels.height}`, {
      issues: [{ path: '', message: 'unsupported input size', expected: `${input.width}x${input.height}`, found: `${pixels.width}x${pixels.height}` }],
    })
  }
  const plane = input.width * input.height
  const data = new Float32Array(plane * 3)
  const [mr, mg, mb] = input.mean
  const [sr, sg, sb] = input.std
  const src = pixels.data
  for (let i = 0; i < plane; i++) {
    data[i] = ((src[i * 4] as number) - mr) / sr
    data[plane + i] = ((src[i * 4 + 1] as number) - mg) / sg
    data[2 * plane + i] = ((src[i * 4 + 2] as number) - mb) / sb
  }
  return { type: 'float32', data, dims: [1, 3, input.height, input.width] }
}

/**
 * Post-processing: a 1×1×H×W (or 1×H×W, H×W) saliency map → a mask, after the model's
 * activation and normalisation.
 */
export function saliencyMask(output: Tensor, spec: ModelOutput): Mask {
  const dims = output.dims
  const height = dims[dims.length - 2] as number
  const width = dims[dims.length - 1] as number
  if (output.type !== 'float32' || !width || !height || output.data.length !== width * height) {
    throw new VitrineError('ai/inference-failed', `Expected a 1x1xHxW float saliency map, found ${output.type} [${dims.join('x')}]`)
  }
  const src = output.data as Float32Array
  const values = new Float32Array(src.length)
  let min = Infinity
  let max = -Infinity
  for (let i = 0; i < src.length; i++) {
    let v = src[i] as number
    if (spec.activation === 'sigmoid') v = 1 / (1 + Math.exp(-v))
    values[i] = v
    if (v < min) min = v
    if (v > max) max = v
  }
  const data = new Uint8Array(src.length)
  const range = max - min
  for (let i = 0; i < values.length; i++) {
    const v = spec.normalize === 'min-max' ? (range > 1e-6 ? ((values[i] as number) - min) / range : 0) : (values[i] as number)
    data[i] = Math.round(Math.min(Math.max(v, 0), 1) * 255)
  }
  return { width, height, data }
}
