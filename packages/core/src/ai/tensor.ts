/** The element types Vitrine's adapters feed and read. */
export type TensorType = 'float32' | 'uint8' | 'int32' | 'int64'

/** A dense tensor as plain data: what crosses the runtime boundary (and a worker's postMessage). */
export interface Tensor {
  type: TensorType
  data: Float32Array | Uint8Array | Int32Array | BigInt64Array
  dims: number[]
}

/** A float32 tensor. */
export interface FloatTensor extends Tensor {
  type: 'float32'
  data: Float32Array
}
