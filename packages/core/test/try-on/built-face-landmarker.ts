// Runs the FaceLandmarker bundle build (scripts/build-face-landmarker.mjs) the way CI and
// builds do, into a temporary folder, and reads what it made.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const script = fileURLToPath(new URL('../../../../scripts/build-face-landmarker.mjs', import.meta.url))

/** Builds a fresh bundle and returns its bytes. */
export function buildTask(): Uint8Array {
  const dir = mkdtempSync(join(tmpdir(), 'vitrine-task-'))
  try {
    execFileSync(process.execPath, [script, '--out', join(dir, 'face_landmarker.task'), '--force'], { stdio: 'pipe' })
    return new Uint8Array(readFileSync(join(dir, 'face_landmarker.task')))
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** Inputs, outputs, operator count and metadata of a model: in a bundle file, or in @mediapipe/face_mesh. */
export interface ModelSummary {
  inputs: { name: string; shape: number[] }[]
  outputs: { name: string; shape: number[] }[]
  operators: number
  metadata: string[]
}

export function describeModel(from: string, entry: string): ModelSummary {
  return JSON.parse(execFileSync(process.execPath, [script, '--describe', from, entry], { encoding: 'utf8' })) as ModelSummary
}
