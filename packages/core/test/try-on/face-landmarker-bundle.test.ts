// The FaceLandmarker bundle is built from @mediapipe/face_mesh's models by
// scripts/build-face-landmarker.mjs; these checks hold the shape tasks-vision needs.
import { after, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { buildTask, describeModel } from './built-face-landmarker.js'
import { FACE_GEOMETRY_FILE, parseCanonicalFace } from '../../src/try-on/canonical-face.js'
import { readStoredZipEntry } from '../../src/try-on/read-zip-entry.js'

const task = buildTask()
const taskFile = join(mkdtempSync(join(tmpdir(), 'vitrine-task-')), 'face_landmarker.task')
writeFileSync(taskFile, task)
after(() => rmSync(dirname(taskFile), { recursive: true, force: true }))

describe('face landmarker bundle', () => {
  it('holds the detector, the landmark model and the face geometry', () => {
    for (const name of ['face_detector.tflite', 'face_landmarks_detector.tflite', FACE_GEOMETRY_FILE]) {
      assert.ok(readStoredZipEntry(task, name)?.length, `${name} in the bundle`)
    }
    assert.equal(readStoredZipEntry(task, 'face_blendshapes.tflite'), undefined)
  })

  it('is the same bytes every time (reproducible)', () => {
    assert.deepEqual(buildTask(), task)
  })

  it('gives the landmark model 478 x 3 outputs then the face score, with metadata', () => {
    const model = describeModel(taskFile, 'face_landmarks_detector.tflite')
    assert.deepEqual(model.outputs.map((o) => o.shape), [[1, 1, 1, 1434], [1, 1, 1, 1]])
    assert.deepEqual(model.metadata, ['TFLITE_METADATA'])
    const original = describeModel('face_mesh', 'face_landmark.tflite')
    assert.deepEqual(original.outputs[0]!.shape, [1, 1, 1, 1404])
    assert.equal(model.operators, original.operators + 2, 'a SLICE and a CONCATENATION are added')
  })

  it('gives the detector metadata and leaves its graph alone', () => {
    const model = describeModel(taskFile, 'face_detector.tflite')
    const original = describeModel('face_mesh', 'face_detection_short_range.tflite')
    assert.deepEqual(model.metadata, ['TFLITE_METADATA'])
    assert.deepEqual(model.outputs, original.outputs)
    assert.equal(model.operators, original.operators)
  })

  it('stores files 64-byte aligned, so models can be used in place', () => {
    for (const name of ['face_detector.tflite', 'face_landmarks_detector.tflite']) {
      assert.equal(readStoredZipEntry(task, name)!.byteOffset % 64, 0, name)
    }
  })

  it('carries the canonical face: 468 vertices, 898 triangles', () => {
    const face = parseCanonicalFace(readStoredZipEntry(task, FACE_GEOMETRY_FILE)!)
    assert.equal(face.positions.length, 468 * 3)
    assert.equal(face.indices.length, 898 * 3)
  })
})
