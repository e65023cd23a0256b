import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { buildTask } from './built-face-landmarker.js'
import { FACE_GEOMETRY_FILE, canonicalPoint, parseCanonicalFace } from '../../src/try-on/canonical-face.js'
import { FACE_ANCHORS } from '../../src/try-on/face-anchors.js'
import { anchorPoints, eyeSpan } from '../../src/try-on/anchor-points.js'
import { headPose } from '../../src/try-on/head-pose.js'
import { composeMat4, transformPoint } from '../../src/try-on/mat4.js'
import { productPlacements } from '../../src/try-on/product-placements.js'
import { meanLuminance, photoLighting } from '../../src/try-on/photo-lighting.js'
import { readStoredZipEntry } from '../../src/try-on/read-zip-entry.js'
import { smoothFaceMatrix } from '../../src/try-on/smooth-face-matrix.js'

const task = buildTask()
const face = parseCanonicalFace(readStoredZipEntry(task, FACE_GEOMETRY_FILE)!)
const close = (a: number, b: number, tolerance: number, what: string) => assert.ok(Math.abs(a - b) <= tolerance, `${what}: ${a} is not within ${tolerance} of ${b}`)

/** The facial transformation matrix FaceLandmarker gives for the astronaut photo (512x512). */
const astronautMatrix = [0.99763, -0.06204, -0.02961, 0, 0.06752, 0.96521, 0.2526, 0, 0.01291, -0.254, 0.96712, 0, -4.99894, 22.5944, -69.71539, 1]

describe('canonical face', () => {
  it('is centimetres with y up and the nose out of the face', () => {
    const nose = canonicalPoint(face, FACE_ANCHORS['nose-tip'])
    const forehead = canonicalPoint(face, FACE_ANCHORS.forehead)
    const chin = canonicalPoint(face, FACE_ANCHORS.chin)
    assert.ok(forehead[1] > nose[1] && nose[1] > chin[1], 'forehead above nose above chin')
    close(forehead[1] - chin[1], 17.7, 0.5, 'forehead to chin, cm')
    // The wearer's right is -x.
    assert.ok(canonicalPoint(face, FACE_ANCHORS['right-ear'])[0] < -7)
    assert.ok(canonicalPoint(face, FACE_ANCHORS['left-ear'])[0] > 7)
    const zs = Array.from({ length: 468 }, (_, i) => face.positions[i * 3 + 2]!)
    close(Math.max(...zs), nose[2], 0.2, 'the nose is the most forward point')
  })
  it('refuses bytes that are not face geometry', () => {
    assert.throws(() => parseCanonicalFace(new Uint8Array([0x08, 0x01])), /no canonical_mesh/)
  })
})

describe('headPose', () => {
  it('reads a nearly frontal, slightly nodding face from the astronaut matrix', () => {
    const pose = headPose(astronautMatrix)
    close(pose.yaw, 0.8, 0.2, 'yaw')
    close(pose.pitch, 14.7, 0.2, 'pitch')
    close(pose.roll, -3.7, 0.2, 'roll')
    close(pose.scale, 1, 0.01, 'scale')
    assert.deepEqual(pose.translation, [-4.99894, 22.5944, -69.71539])
  })
  it('gives back the angles it was made from', () => {
    // composeMat4 turns about x, then y, then z; headPose reads y, x, z: compare with one axis at a time.
    close(headPose(composeMat4([0, 0, -60], [0, 30, 0], [2, 2, 2])).yaw, 30, 1e-9, 'yaw')
    close(headPose(composeMat4([0, 0, -60], [-20, 0, 0], [1, 1, 1])).pitch, -20, 1e-9, 'pitch')
    close(headPose(composeMat4([0, 0, -60], [0, 0, 12], [1, 1, 1])).roll, 12, 1e-9, 'roll')
    close(headPose(composeMat4([0, 0, -60], [0, 0, 12], [1.5, 1.5, 1.5])).scale, 1.5, 1e-9, 'scale')
  })
  it('refuses what is not a 4x4 matrix', () => {
    assert.throws(() => headPose([1, 0, 0]), /16 values/)
  })
})

describe('anchorPoints', () => {
  it('puts each anchor in pixels, from the landmark of its index', () => {
    const landmarks = Array.from({ length: 478 }, (_, i) => ({ x: i / 1000, y: 1 - i / 1000, z: 0 }))
    const points = anchorPoints(landmarks, 640, 480)
    assert.deepEqual(points['nose-bridge'], { x: 0.168 * 640, y: (1 - 0.168) * 480 })
    close(eyeSpan(points), Math.hypot((0.263 - 0.033) * 640, (0.263 - 0.033) * 480), 1e-9, 'eye span')
  })
  it('says which landmark is missing', () => {
    assert.throws(() => anchorPoints([{ x: 0, y: 0, z: 0 }], 10, 10), /landmark 168 \(nose-bridge\) missing/)
  })
})

describe('productPlacements', () => {
  it('puts a model on its anchor, moved by the offset', () => {
    const [m] = productPlacements({ anchor: 'nose-bridge', offset: [0, 1, 2] }, face)
    const bridge = canonicalPoint(face, FACE_ANCHORS['nose-bridge'])
    assert.deepEqual(transformPoint(m!, [0, 0, 0]).map((v) => +v.toFixed(5)), [bridge[0], bridge[1] + 1, bridge[2] + 2].map((v) => +v.toFixed(5)))
  })
  it('mirrors pairs: the offset points outwards on both sides', () => {
    const [right, left] = productPlacements({ anchor: ['right-ear', 'left-ear'], offset: [0.5, -3, 0], scale: 2 }, face)
    const r = transformPoint(right!, [1, 0, 0])
    const l = transformPoint(left!, [1, 0, 0])
    close(r[0], -l[0], 1e-4, 'mirror images')
    const earX = canonicalPoint(face, FACE_ANCHORS['left-ear'])[0]
    close(l[0], earX + 0.5 + 2, 1e-4, 'left: anchor + offset + scaled model x')
    close(r[1], canonicalPoint(face, FACE_ANCHORS['right-ear'])[1] - 3, 1e-4, 'both go down')
  })
})

describe('photoLighting', () => {
  it('lights a bright photo more than a dark one, and survives nonsense', () => {
    const dark = photoLighting(meanLuminance(new Uint8ClampedArray([20, 20, 20, 255, 30, 30, 30, 255])))
    const bright = photoLighting(meanLuminance(new Uint8ClampedArray([230, 230, 230, 255])))
    assert.ok(bright.key > dark.key && bright.ambient > dark.ambient)
    assert.deepEqual(photoLighting(Number.NaN), photoLighting(0.45))
  })
})

describe('readStoredZipEntry', () => {
  it('refuses what is not a zip', () => {
    assert.throws(() => readStoredZipEntry(new Uint8Array(100), 'x'), /not a zip/)
  })
  it('reads the files of a zip, and nothing else', () => {
    const tflite = readStoredZipEntry(task, 'face_detector.tflite')!
    // A TFLite file carries its identifier at byte 4.
    assert.equal(new TextDecoder().decode(tflite.subarray(4, 8)), 'TFL3')
    assert.equal(readStoredZipEntry(task, 'c'), undefined)
  })
})

describe('smoothFaceMatrix', () => {
  const pose = (x: number, yaw: number) => composeMat4([x, 0, -60], [0, yaw, 0], [1, 1, 1])
  it('gives back the matrix it is given first, and a steady one unchanged', () => {
    const m = pose(1, 5)
    smoothFaceMatrix(undefined, m).forEach((v, i) => close(v, m[i]!, 1e-9, `value ${i}`))
    smoothFaceMatrix(m, m).forEach((v, i) => close(v, m[i]!, 1e-9, `value ${i}`))
  })
  it('follows small moves part of the way (jitter), in position and rotation', () => {
    const m = smoothFaceMatrix(pose(0, 0), pose(0.4, 4), { amount: 0.5 })
    const p = headPose(m)
    close(p.translation[0], 0.2, 1e-9, 'x half-way')
    close(p.yaw, 2, 1e-6, 'yaw half-way')
    close(p.scale, 1, 1e-9, 'scale kept')
  })
  it('follows large moves at once (no lag)', () => {
    close(headPose(smoothFaceMatrix(pose(0, 0), pose(3, 0))).translation[0], 3, 1e-9, 'moved 3 cm')
    close(headPose(smoothFaceMatrix(pose(0, 0), pose(0, 20))).yaw, 20, 1e-6, 'turned 20 degrees')
  })
})
