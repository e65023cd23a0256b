/**
 * MediaPipe's canonical face model: the 468-vertex face mesh in centimetres, in the space the
 * facial transformation matrix maps to the camera (x to the wearer's left, y up, z out of the
 * face). Products are fitted in this space, and the mesh itself is the invisible head occluder.
 */
export interface CanonicalFace {
  /** x, y, z per vertex (468 x 3). */
  positions: Float32Array
  /** u, v per vertex (468 x 2). */
  uvs: Float32Array
  /** Triangle vertex indices. */
  indices: Uint32Array
}

/** Name of the face geometry file inside a FaceLandmarker `.task` bundle. */
export const FACE_GEOMETRY_FILE = 'geometry_pipeline_metadata_landmarks.binarypb'

/**
 * Reads the canonical face from MediaPipe's `geometry_pipeline_metadata_landmarks.binarypb`
 * (a `GeometryPipelineMetadata` protobuf: field 1 `canonical_mesh` holds `vertex_buffer`, 5 floats
 * per vertex — x, y, z, u, v — and `index_buffer`). Packed and unpacked repeated fields are both read.
 */
export function parseCanonicalFace(bytes: Uint8Array): CanonicalFace {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  let mesh: [number, number] | undefined
  forEachField(bytes, 0, bytes.length, (field, wire, start, end) => {
    if (field === 1 && wire === 2) mesh = [start, end]
  })
  if (!mesh) throw new RangeError('parseCanonicalFace: no canonical_mesh (field 1) in the face geometry')
  const vertices: number[] = []
  const indices: number[] = []
  forEachField(bytes, mesh[0], mesh[1], (field, wire, start, end, value) => {
    if (field === 3 && wire === 5) vertices.push(view.getFloat32(start, true))
    else if (field === 3 && wire === 2) for (let p = start; p < end; p += 4) vertices.push(view.getFloat32(p, true))
    else if (field === 4 && wire === 0) indices.push(value)
    else if (field === 4 && wire === 2) {
      for (let p = start; p < end; ) {
        const [v, next] = readVarint(bytes, p)
        indices.push(v)
        p = next
      }
    }
  })
  if (vertices.length === 0 || vertices.length % 5 !== 0) throw new RangeError(`parseCanonicalFace: expected x, y, z, u, v per vertex, found ${vertices.length} floats`)
  const count = vertices.length / 5
  const positions = new Float32Array(count * 3)
  const uvs = new Float32Array(count * 2)
  for (let i = 0; i < count; i++) {
    positions.set(vertices.slice(i * 5, i * 5 + 3), i * 3)
    uvs.set(vertices.slice(i * 5 + 3, i * 5 + 5), i * 2)
  }
  if (indices.some((i) => i >= count)) throw new RangeError('parseCanonicalFace: a triangle index points past the vertices')
  return { positions, uvs, indices: Uint32Array.from(indices) }
}

/** The position of vertex `index` of the canonical face. */
export function canonicalPoint(face: CanonicalFace, index: number): [number, number, number] {
  if (index < 0 || index * 3 + 2 >= face.positions.length) throw new RangeError(`canonicalPoint: no vertex ${index}`)
  return [face.positions[index * 3]!, face.positions[index * 3 + 1]!, face.positions[index * 3 + 2]!]
}

function readVarint(bytes: Uint8Array, p: number): [number, number] {
  let result = 0
  let shift = 0
  let byte: number
  do {
    if (p >= bytes.length) throw new RangeError('parseCanonicalFace: truncated varint')
    byte = bytes[p++]!
    result += (byte & 0x7f) * 2 ** shift
    shift += 7
  } while (byte & 0x80)
  return [result, p]
}

/** Calls `visit` for each field of a protobuf message; `value` is the varint for wire type 0. */
function forEachField(bytes: Uint8Array, from: number, to: number, visit: (field: number, wire: number, start: number, end: number, value: number) => void): void {
  let p = from
  while (p < to) {
    const [key, afterKey] = readVarint(bytes, p)
    const field = Math.floor(key / 8)
    const wire = key & 7
    p = afterKey
    if (wire === 0) {
      const [value, next] = readVarint(bytes, p)
      visit(field, wire, p, next, value)
      p = next
    } else if (wire === 1) {
      visit(field, wire, p, p + 8, 0)
      p += 8
    } else if (wire === 2) {
      const [length, start] = readVarint(bytes, p)
      visit(field, wire, start, start + length, 0)
      p = start + length
    } else if (wire === 5) {
      visit(field, wire, p, p + 4, 0)
      p += 4
    } else {
      throw new RangeError(`parseCanonicalFace: unsupported protobuf wire type ${wire}`)
    }
  }
}
