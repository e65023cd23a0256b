#!/usr/bin/env node
// Builds the MediaPipe FaceLandmarker model bundle (`face_landmarker.task`) that <vitrine-try-on>
// loads, from the Apache-2.0 face models inside the npm package @mediapipe/face_mesh
// (release 0.4.1633559619, pinned: later releases crash on the first frame). No `.task` file ships
// in npm, and nothing may be downloaded at build time, so the bundle is made here:
//
//   1. slice the face detector, the 468-point landmark model and the face geometry metadata out
//      of `face_mesh_solution_packed_assets.data` (offsets from its loader script);
//   2. give both TFLite models the metadata that tasks-vision requires (RGB input, normalisation:
//      detector mean/std 127.5, landmarks 0/255);
//   3. make the landmark model output 478 x 3 values (tasks-vision assumes the 10 iris points):
//      a SLICE + CONCATENATION appended to the graph pad the 1,404 values with copies of the first
//      30 (the iris points are filler; zeros make video mode lose the face every other frame);
//   4. store the three files in a zip, which is what a `.task` bundle is.
//
// The output is ignored by git (packages/elements/assets/try-on/.gitignore). It is rebuilt only
// when missing or made from other inputs, so running this at every build and test is cheap.
//
//   node scripts/build-face-landmarker.mjs [--out FILE] [--force]
//   node scripts/build-face-landmarker.mjs --describe FILE.task ENTRY   (a model in a bundle, as JSON)
//   node scripts/build-face-landmarker.mjs --describe face_mesh NAME    (a model in @mediapipe/face_mesh)
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, relative, resolve } from 'node:path'
import { Builder } from 'flatbuffers'

const root = resolve(import.meta.dirname, '..')
const require = createRequire(import.meta.url)

/** Version of this recipe: bump it when the bundle's content changes for the same inputs. */
const RECIPE = 1
const FACE_MESH_VERSION = '0.4.1633559619'
export const DEFAULT_OUT = join(root, 'packages/elements/assets/try-on/face_landmarker.task')

const NUM_LANDMARKS_IN = 468
const NUM_LANDMARKS_OUT = 478

// --- reading FlatBuffers (TFLite is one) -------------------------------------------------------

class Table {
  /** @param {DataView} view @param {number} pos absolute position of the table */
  constructor(view, pos) {
    this.view = view
    this.pos = pos
    this.vtable = pos - view.getInt32(pos, true)
    this.vtableLength = view.getUint16(this.vtable, true)
  }
  /** Absolute position of field `id`, or 0 when absent. */
  field(id) {
    const o = 4 + 2 * id
    if (o >= this.vtableLength) return 0
    const off = this.view.getUint16(this.vtable + o, true)
    return off ? this.pos + off : 0
  }
  uint32(id, fallback = 0) {
    const p = this.field(id)
    return p ? this.view.getUint32(p, true) : fallback
  }
  int32(id, fallback = 0) {
    const p = this.field(id)
    return p ? this.view.getInt32(p, true) : fallback
  }
  int8(id, fallback = 0) {
    const p = this.field(id)
    return p ? this.view.getInt8(p) : fallback
  }
  /** Absolute position of the object field `id` points at, or 0. */
  ref(id) {
    const p = this.field(id)
    return p ? p + this.view.getUint32(p, true) : 0
  }
  /** Absolute positions of the tables in vector field `id`. */
  tableRefs(id) {
    const r = this.ref(id)
    if (!r) return []
    const n = this.view.getUint32(r, true)
    return Array.from({ length: n }, (_, i) => {
      const p = r + 4 + 4 * i
      return p + this.view.getUint32(p, true)
    })
  }
  tables(id) {
    return this.tableRefs(id).map((p) => new Table(this.view, p))
  }
  ints(id) {
    const r = this.ref(id)
    if (!r) return []
    const n = this.view.getUint32(r, true)
    return Array.from({ length: n }, (_, i) => this.view.getInt32(r + 4 + 4 * i, true))
  }
  string(id) {
    const r = this.ref(id)
    if (!r) return undefined
    const n = this.view.getUint32(r, true)
    return new TextDecoder().decode(new Uint8Array(this.view.buffer, this.view.byteOffset + r + 4, n))
  }
}

function rootTable(bytes) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  return new Table(view, view.getUint32(0, true))
}

// TFLite schema field ids (tensorflow/lite/schema/schema.fbs).
const MODEL = { version: 0, operatorCodes: 1, subgraphs: 2, description: 3, buffers: 4, metadataBuffer: 5, metadata: 6, signatureDefs: 7 }
const SUBGRAPH = { tensors: 0, inputs: 1, outputs: 2, operators: 3, name: 4 }
const TENSOR = { shape: 0, type: 1, buffer: 2, name: 3 }
const OPCODE = { deprecatedBuiltinCode: 0, customCode: 1, version: 2, builtinCode: 3 }
const OPERATOR = { opcodeIndex: 0, inputs: 1, outputs: 2, optionsType: 3, options: 4 }
const BUILTIN = { CONCATENATION: 2, SLICE: 65 }
const OPTIONS = { ConcatenationOptions: 10, SliceOptions: 48 }
const TYPE = { FLOAT32: 0, INT32: 2 }

/** A readable summary of a TFLite model, for checks and for people. */
export function describeModel(bytes) {
  const model = rootTable(bytes)
  const [subgraph] = model.tables(MODEL.subgraphs)
  const tensors = subgraph.tables(SUBGRAPH.tensors)
  const tensor = (i) => ({ index: i, name: tensors[i].string(TENSOR.name), shape: tensors[i].ints(TENSOR.shape) })
  return {
    inputs: subgraph.ints(SUBGRAPH.inputs).map(tensor),
    outputs: subgraph.ints(SUBGRAPH.outputs).map(tensor),
    operators: subgraph.tableRefs(SUBGRAPH.operators).length,
    metadata: model.tables(MODEL.metadata).map((m) => m.string(0)),
  }
}

// --- writing: a new root in front of the old bytes ---------------------------------------------
//
// FlatBuffer offsets point forward, and a Builder writes back to front. So the old model is
// copied into the builder first (it ends up at the end of the file, 16-byte aligned as before),
// and the new tables written after it can point at every old table, string and buffer unchanged.

function builderOver(bytes) {
  const padded = new Uint8Array(Math.ceil(bytes.length / 16) * 16)
  padded.set(bytes)
  const b = new Builder(padded.length + 64 * 1024)
  b.prep(16, padded.length)
  b.space -= padded.length
  b.bb.bytes().set(padded, b.space)
  const base = b.offset()
  /** Builder offset of the object at absolute position `pos` of the old bytes. */
  const old = (pos) => base - pos
  return { b, old }
}

const offsetVector = (b, offsets) => {
  b.startVector(4, offsets.length, 4)
  for (let i = offsets.length - 1; i >= 0; i--) b.addOffset(offsets[i])
  return b.endVector()
}
const intVector = (b, values) => {
  b.startVector(4, values.length, 4)
  for (let i = values.length - 1; i >= 0; i--) b.addInt32(values[i])
  return b.endVector()
}
const floatVector = (b, values) => {
  b.startVector(4, values.length, 4)
  for (let i = values.length - 1; i >= 0; i--) b.addFloat32(values[i])
  return b.endVector()
}

/**
 * TFLite metadata (tensorflow/lite/.../metadata_schema.fbs, file identifier "M001") for an
 * image model: RGB input normalised as (x - mean) / std, and the output names.
 */
function modelMetadata({ name, mean, std, width, height, outputs }) {
  const b = new Builder(1024)
  const str = (s) => b.createString(s)
  // NormalizationOptions { mean:[float]; std:[float] }
  const meanV = floatVector(b, [mean])
  const stdV = floatVector(b, [std])
  b.startObject(2)
  b.addFieldOffset(0, meanV, 0)
  b.addFieldOffset(1, stdV, 0)
  const normalization = b.endObject()
  // ProcessUnit { options_type; options } — NormalizationOptions is member 1 of the union.
  b.startObject(2)
  b.addFieldInt8(0, 1, 0)
  b.addFieldOffset(1, normalization, 0)
  const processUnit = b.endObject()
  const processUnits = offsetVector(b, [processUnit])
  // ImageSize { width; height }
  b.startObject(2)
  b.addFieldInt32(0, width, 0)
  b.addFieldInt32(1, height, 0)
  const size = b.endObject()
  // ImageProperties { color_space: RGB (1); default_size }
  b.startObject(2)
  b.addFieldInt8(0, 1, 0)
  b.addFieldOffset(1, size, 0)
  const imageProperties = b.endObject()
  // Content { content_properties_type: ImageProperties (2); content_properties; range }
  b.startObject(3)
  b.addFieldInt8(0, 2, 0)
  b.addFieldOffset(1, imageProperties, 0)
  const content = b.endObject()
  const inputName = str('image')
  // TensorMetadata { name; description; dimension_names; content; process_units; ... }
  b.startObject(5)
  b.addFieldOffset(0, inputName, 0)
  b.addFieldOffset(3, content, 0)
  b.addFieldOffset(4, processUnits, 0)
  const input = b.endObject()
  const outputTables = outputs.map((n) => {
    const s = str(n)
    b.startObject(1)
    b.addFieldOffset(0, s, 0)
    return b.endObject()
  })
  const inputs = offsetVector(b, [input])
  const outputsV = offsetVector(b, outputTables)
  // SubGraphMetadata { name; description; input_tensor_metadata; output_tensor_metadata }
  b.startObject(4)
  b.addFieldOffset(2, inputs, 0)
  b.addFieldOffset(3, outputsV, 0)
  const subgraph = b.endObject()
  const subgraphs = offsetVector(b, [subgraph])
  const modelName = str(name)
  const license = str('Apache License, Version 2.0')
  const author = str('MediaPipe authors; bundled by Vitrine')
  const version = str('1.0.0')
  // ModelMetadata { name; description; version; subgraph_metadata; author; license; associated_files; min_parser_version }
  b.startObject(8)
  b.addFieldOffset(0, modelName, 0)
  b.addFieldOffset(3, subgraphs, 0)
  b.addFieldOffset(4, author, 0)
  b.addFieldOffset(5, license, 0)
  b.addFieldOffset(7, version, 0)
  b.finish(b.endObject(), 'M001')
  return b.asUint8Array()
}

/**
 * Rewrites a TFLite model: adds TFLite metadata and, when `padLandmarks` is set, makes the
 * landmark output (tensor `outputs[0]`, 1,404 values) 1,434 values long with a SLICE of its first
 * values and a CONCATENATION, keeping exactly two outputs: landmarks, then the face score.
 */
export function rewriteModel(bytes, { metadata, padLandmarks = false }) {
  const model = rootTable(bytes)
  const { b, old } = builderOver(bytes)
  const [subgraph] = model.tables(MODEL.subgraphs)
  const oldTensors = subgraph.tableRefs(SUBGRAPH.tensors)
  const oldOperators = subgraph.tableRefs(SUBGRAPH.operators)
  const oldCodes = model.tables(MODEL.operatorCodes)
  const oldBuffers = model.tableRefs(MODEL.buffers)
  const outputs = subgraph.ints(SUBGRAPH.outputs)

  const newBuffers = []
  const newTensors = []
  const newOperators = []
  const newCodes = []
  let newOutputs = outputs

  /** A Buffer table, with optional data. Returns its index in the model's buffer list. */
  const addBuffer = (data) => {
    let dataV = 0
    if (data) {
      b.startVector(1, data.length, 16)
      for (let i = data.length - 1; i >= 0; i--) b.addInt8(data[i])
      dataV = b.endVector()
    }
    b.startObject(1)
    if (dataV) b.addFieldOffset(0, dataV, 0)
    newBuffers.push(b.endObject())
    return oldBuffers.length + newBuffers.length - 1
  }
  const addTensor = (name, shape, type, buffer) => {
    const nameS = b.createString(name)
    const shapeV = intVector(b, shape)
    b.startObject(4)
    b.addFieldOffset(TENSOR.shape, shapeV, 0)
    b.addFieldInt8(TENSOR.type, type, -1)
    b.addFieldInt32(TENSOR.buffer, buffer, -1)
    b.addFieldOffset(TENSOR.name, nameS, 0)
    newTensors.push(b.endObject())
    return oldTensors.length + newTensors.length - 1
  }
  const opcodeIndex = (builtin) => {
    const found = oldCodes.findIndex((c) => Math.max(c.int8(OPCODE.deprecatedBuiltinCode), c.int32(OPCODE.builtinCode)) === builtin && !c.field(OPCODE.customCode))
    if (found >= 0) return found
    b.startObject(4)
    b.addFieldInt8(OPCODE.deprecatedBuiltinCode, builtin, -1)
    b.addFieldInt32(OPCODE.version, 1, 0)
    b.addFieldInt32(OPCODE.builtinCode, builtin, -1)
    newCodes.push(b.endObject())
    return oldCodes.length + newCodes.length - 1
  }
  const addOperator = (opcode, inputs, outs, optionsType, options) => {
    const inV = intVector(b, inputs)
    const outV = intVector(b, outs)
    b.startObject(5)
    b.addFieldInt32(OPERATOR.opcodeIndex, opcode, -1)
    b.addFieldOffset(OPERATOR.inputs, inV, 0)
    b.addFieldOffset(OPERATOR.outputs, outV, 0)
    b.addFieldInt8(OPERATOR.optionsType, optionsType, -1)
    b.addFieldOffset(OPERATOR.options, options, 0)
    newOperators.push(b.endObject())
  }

  if (padLandmarks) {
    if (outputs.length !== 2) throw new Error(`landmark model: expected 2 outputs (landmarks, face flag), found ${outputs.length}`)
    const landmarks = new Table(model.view, oldTensors[outputs[0]])
    const shape = landmarks.ints(TENSOR.shape)
    const count = shape.reduce((a, c) => a * c, 1)
    if (count !== NUM_LANDMARKS_IN * 3 || shape.at(-1) !== count) {
      throw new Error(`landmark model: expected an output of ${NUM_LANDMARKS_IN * 3} values in its last axis, found shape [${shape}]`)
    }
    const extra = (NUM_LANDMARKS_OUT - NUM_LANDMARKS_IN) * 3
    const int32Bytes = (values) => new Uint8Array(Int32Array.from(values).buffer)
    const begin = addTensor('vitrine/pad_begin', [shape.length], TYPE.INT32, addBuffer(int32Bytes(shape.map(() => 0))))
    const size = addTensor('vitrine/pad_size', [shape.length], TYPE.INT32, addBuffer(int32Bytes([...shape.slice(0, -1), extra])))
    const tail = addTensor('vitrine/landmarks_tail', [...shape.slice(0, -1), extra], TYPE.FLOAT32, addBuffer())
    const padded = addTensor('vitrine/landmarks_478', [...shape.slice(0, -1), NUM_LANDMARKS_OUT * 3], TYPE.FLOAT32, addBuffer())
    b.startObject(0)
    const sliceOptions = b.endObject()
    addOperator(opcodeIndex(BUILTIN.SLICE), [outputs[0], begin, size], [tail], OPTIONS.SliceOptions, sliceOptions)
    b.startObject(2)
    b.addFieldInt32(0, shape.length - 1, 0)
    const concatOptions = b.endObject()
    addOperator(opcodeIndex(BUILTIN.CONCATENATION), [outputs[0], tail], [padded], OPTIONS.ConcatenationOptions, concatOptions)
    newOutputs = [padded, outputs[1]]
  }

  // The metadata buffer and its entry in Model.metadata.
  const metadataBuffer = addBuffer(modelMetadata(metadata))
  const metadataName = b.createString('TFLITE_METADATA')
  b.startObject(2)
  b.addFieldOffset(0, metadataName, 0)
  b.addFieldInt32(1, metadataBuffer, -1)
  const metadataEntry = b.endObject()
  const keptMetadata = model.tables(MODEL.metadata).filter((m) => m.string(0) !== 'TFLITE_METADATA').map((m) => old(m.pos))

  // The subgraph, with the old tables by reference.
  const tensorsV = offsetVector(b, [...oldTensors.map(old), ...newTensors])
  const inputsV = old(subgraph.ref(SUBGRAPH.inputs))
  const outputsV = intVector(b, newOutputs)
  const operatorsV = offsetVector(b, [...oldOperators.map(old), ...newOperators])
  const subgraphName = subgraph.ref(SUBGRAPH.name)
  b.startObject(5)
  b.addFieldOffset(SUBGRAPH.tensors, tensorsV, 0)
  b.addFieldOffset(SUBGRAPH.inputs, inputsV, 0)
  b.addFieldOffset(SUBGRAPH.outputs, outputsV, 0)
  b.addFieldOffset(SUBGRAPH.operators, operatorsV, 0)
  if (subgraphName) b.addFieldOffset(SUBGRAPH.name, old(subgraphName), 0)
  const newSubgraph = b.endObject()

  const codesV = offsetVector(b, [...oldCodes.map((c) => old(c.pos)), ...newCodes])
  const subgraphsV = offsetVector(b, [newSubgraph, ...model.tableRefs(MODEL.subgraphs).slice(1).map(old)])
  const buffersV = offsetVector(b, [...oldBuffers.map(old), ...newBuffers])
  const metadataV = offsetVector(b, [...keptMetadata, metadataEntry])
  const description = model.ref(MODEL.description)
  const signatureDefs = model.ref(MODEL.signatureDefs)
  b.startObject(8)
  b.addFieldInt32(MODEL.version, model.uint32(MODEL.version), -1)
  b.addFieldOffset(MODEL.operatorCodes, codesV, 0)
  b.addFieldOffset(MODEL.subgraphs, subgraphsV, 0)
  if (description) b.addFieldOffset(MODEL.description, old(description), 0)
  b.addFieldOffset(MODEL.buffers, buffersV, 0)
  b.addFieldOffset(MODEL.metadata, metadataV, 0)
  if (signatureDefs) b.addFieldOffset(MODEL.signatureDefs, old(signatureDefs), 0)
  b.finish(b.endObject(), 'TFL3')
  return b.asUint8Array()
}

// --- zip (stored, each file's data 64-byte aligned) --------------------------------------------

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})
const crc32 = (bytes) => {
  let c = 0xffffffff
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}

/** A zip archive of `files` (name → bytes), uncompressed, with a fixed date (reproducible). */
export function storedZip(files) {
  const parts = []
  const central = []
  let offset = 0
  const DOS_DATE = ((2020 - 1980) << 9) | (1 << 5) | 1
  for (const [name, data] of Object.entries(files)) {
    const nameBytes = new TextEncoder().encode(name)
    const crc = crc32(data)
    // Pad the extra field so the data starts on a 64-byte boundary (models are used in place).
    const pad = (64 - ((offset + 30 + nameBytes.length) % 64)) % 64
    const extraLength = pad === 0 ? 0 : pad < 4 ? pad + 64 : pad
    const header = Buffer.alloc(30 + nameBytes.length + extraLength)
    header.writeUInt32LE(0x04034b50, 0)
    header.writeUInt16LE(10, 4) // version needed
    header.writeUInt16LE(0, 6) // flags
    header.writeUInt16LE(0, 8) // stored
    header.writeUInt16LE(0, 10) // time
    header.writeUInt16LE(DOS_DATE, 12)
    header.writeUInt32LE(crc, 14)
    header.writeUInt32LE(data.length, 18)
    header.writeUInt32LE(data.length, 22)
    header.writeUInt16LE(nameBytes.length, 26)
    header.writeUInt16LE(extraLength, 28)
    header.set(nameBytes, 30)
    if (extraLength) {
      header.writeUInt16LE(0xcafe, 30 + nameBytes.length) // private padding record
      header.writeUInt16LE(extraLength - 4, 32 + nameBytes.length)
    }
    const entry = Buffer.alloc(46 + nameBytes.length)
    entry.writeUInt32LE(0x02014b50, 0)
    entry.writeUInt16LE(20, 4)
    entry.writeUInt16LE(10, 6)
    entry.writeUInt16LE(0, 8)
    entry.writeUInt16LE(0, 10)
    entry.writeUInt16LE(0, 12)
    entry.writeUInt16LE(DOS_DATE, 14)
    entry.writeUInt32LE(crc, 16)
    entry.writeUInt32LE(data.length, 20)
    entry.writeUInt32LE(data.length, 24)
    entry.writeUInt16LE(nameBytes.length, 28)
    entry.writeUInt32LE(offset, 42)
    entry.set(nameBytes, 46)
    parts.push(header, data)
    central.push(entry)
    offset += header.length + data.length
  }
  const centralBytes = Buffer.concat(central)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(central.length, 8)
  end.writeUInt16LE(central.length, 10)
  end.writeUInt32LE(centralBytes.length, 12)
  end.writeUInt32LE(offset, 16)
  return Buffer.concat([...parts, centralBytes, end])
}

/** A stored file of a zip made by {@link storedZip} (for --describe). */
function zipEntry(zip, name) {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]))
  let p = zip.readUInt32LE(end + 16)
  for (let i = 0; i < zip.readUInt16LE(end + 10); i++) {
    const nameLength = zip.readUInt16LE(p + 28)
    const local = zip.readUInt32LE(p + 42)
    if (zip.toString('utf8', p + 46, p + 46 + nameLength) === name) {
      const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28)
      return zip.subarray(start, start + zip.readUInt32LE(p + 20))
    }
    p += 46 + nameLength + zip.readUInt16LE(p + 30) + zip.readUInt16LE(p + 32)
  }
  return undefined
}

// --- the bundle --------------------------------------------------------------------------------

/** The face models inside @mediapipe/face_mesh's packed assets, by file name. */
export function readFaceMeshAssets() {
  const dir = dirname(require.resolve('@mediapipe/face_mesh/package.json'))
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'))
  if (pkg.version !== FACE_MESH_VERSION) {
    throw new Error(`@mediapipe/face_mesh ${FACE_MESH_VERSION} is needed (later releases crash on the first frame); found ${pkg.version}`)
  }
  const loader = readFileSync(join(dir, 'face_mesh_solution_packed_assets_loader.js'), 'utf8')
  const data = readFileSync(join(dir, 'face_mesh_solution_packed_assets.data'))
  const files = {}
  for (const m of loader.matchAll(/"filename":\s*"([^"]+)",\s*"start":\s*(\d+),\s*"end":\s*(\d+)/g)) {
    files[m[1].split('/').pop()] = data.subarray(Number(m[2]), Number(m[3]))
  }
  for (const name of ['face_detection_short_range.tflite', 'face_landmark.tflite', 'geometry_pipeline_metadata_landmarks.binarypb']) {
    if (!files[name]) throw new Error(`@mediapipe/face_mesh: ${name} not found in its packed assets`)
  }
  return { files, version: pkg.version }
}

/** The `.task` bundle's bytes. */
export function buildFaceLandmarkerTask() {
  const { files } = readFaceMeshAssets()
  const detector = rewriteModel(files['face_detection_short_range.tflite'], {
    metadata: { name: 'face_detector', mean: 127.5, std: 127.5, width: 128, height: 128, outputs: ['regressors', 'classificators'] },
  })
  const landmarks = rewriteModel(files['face_landmark.tflite'], {
    metadata: { name: 'face_landmarks_detector', mean: 0, std: 255, width: 192, height: 192, outputs: ['landmarks', 'face_flag'] },
    padLandmarks: true,
  })
  return storedZip({
    'face_detector.tflite': detector,
    'face_landmarks_detector.tflite': landmarks,
    'geometry_pipeline_metadata_landmarks.binarypb': files['geometry_pipeline_metadata_landmarks.binarypb'],
  })
}

function inputsHash() {
  const { files, version } = readFaceMeshAssets()
  const h = createHash('sha256').update(`recipe ${RECIPE} face_mesh ${version}\n`)
  h.update(readFileSync(import.meta.filename))
  for (const name of Object.keys(files).sort()) h.update(name).update(files[name])
  return h.digest('hex')
}

async function main(args) {
  if (args[0] === '--describe') {
    const [, from, entry] = args
    const bytes = from === 'face_mesh' ? readFaceMeshAssets().files[entry] : zipEntry(readFileSync(from), entry)
    if (!bytes) throw new Error(`${entry} not found in ${from}`)
    console.log(JSON.stringify(describeModel(bytes)))
    return
  }
  const out = resolve(args.includes('--out') ? args[args.indexOf('--out') + 1] : DEFAULT_OUT)
  const stamp = `${out}.inputs`
  const hash = inputsHash()
  if (!args.includes('--force') && existsSync(out) && existsSync(stamp) && readFileSync(stamp, 'utf8') === hash) {
    return
  }
  const started = Date.now()
  const bytes = buildFaceLandmarkerTask()
  mkdirSync(dirname(out), { recursive: true })
  // Several test runners may build at once: write aside, then rename (atomic).
  const temp = `${out}.${process.pid}.tmp`
  writeFileSync(temp, bytes)
  renameSync(temp, out)
  writeFileSync(stamp, hash)
  console.log(`[build-face-landmarker] wrote ${relative(process.cwd(), out)} (${(bytes.length / 1e6).toFixed(2)} MB) in ${Date.now() - started} ms`)
}

if (process.argv[1] && resolve(process.argv[1]) === import.meta.filename) {
  await main(process.argv.slice(2))
}
