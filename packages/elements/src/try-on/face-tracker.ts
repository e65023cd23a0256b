import { FACE_GEOMETRY_FILE, VitrineError, parseCanonicalFace, readStoredZipEntry, type CanonicalFace, type FaceLandmark } from '@vitrine/core'
import type { FaceLandmarker } from '@mediapipe/tasks-vision'

/** One tracked face: 478 normalised landmarks and the canonical-face → camera matrix (cm, column-major). */
export interface TrackedFace {
  landmarks: FaceLandmark[]
  matrix: number[]
}

/** Where the face tracker's files are, and how it runs. */
export interface FaceTrackerOptions {
  /** URL of the FaceLandmarker `.task` bundle (scripts/build-face-landmarker.mjs makes it). */
  modelUrl: string
  /** URL of the folder holding @mediapipe/tasks-vision's `wasm/` files. */
  wasmUrl: string
  /** `CPU` (default) or `GPU`; GPU falls back to CPU when it cannot start. */
  delegate?: 'CPU' | 'GPU'
}

/** Milliseconds each step of loading took. */
export interface FaceTrackerTimings {
  fetchModelMs: number
  createMs: number
}

/**
 * MediaPipe's FaceLandmarker, loaded on first use (the tasks-vision engine is imported only
 * then), plus the canonical face read from the same bundle. One tracker serves photos and video.
 */
export class FaceTracker {
  readonly canonicalFace: CanonicalFace
  readonly delegate: 'CPU' | 'GPU'
  readonly timings: FaceTrackerTimings
  private mode: 'IMAGE' | 'VIDEO' = 'IMAGE'
  private lastVideoTime = -1

  private constructor(private readonly landmarker: FaceLandmarker, canonicalFace: CanonicalFace, delegate: 'CPU' | 'GPU', timings: FaceTrackerTimings) {
    this.canonicalFace = canonicalFace
    this.delegate = delegate
    this.timings = timings
  }

  /** Fetches the model and starts the engine. Errors are VitrineErrors `try-on/model-failed`. */
  static async load(options: FaceTrackerOptions): Promise<FaceTracker> {
    const fail = (what: string, cause?: unknown) =>
      new VitrineError('try-on/model-failed', `The face tracking model could not be loaded: ${what}`, { cause })
    const t0 = performance.now()
    let bytes: Uint8Array
    try {
      const response = await fetch(options.modelUrl)
      if (!response.ok) throw fail(`${options.modelUrl} answered ${response.status}`)
      bytes = new Uint8Array(await response.arrayBuffer())
    } catch (error) {
      throw error instanceof VitrineError ? error : fail(`${options.modelUrl}: ${(error as Error).message}`, error)
    }
    let canonicalFace: CanonicalFace
    try {
      const geometry = readStoredZipEntry(bytes, FACE_GEOMETRY_FILE)
      if (!geometry) throw new Error(`no ${FACE_GEOMETRY_FILE} inside`)
      canonicalFace = parseCanonicalFace(geometry)
    } catch (error) {
      throw fail(`${options.modelUrl} is not a FaceLandmarker bundle (${(error as Error).message})`, error)
    }
    const t1 = performance.now()
    try {
      const vision = await import('@mediapipe/tasks-vision')
      const fileset = await vision.FilesetResolver.forVisionTasks(options.wasmUrl.replace(/\/$/, ''))
      const create = (delegate: 'CPU' | 'GPU') =>
        vision.FaceLandmarker.createFromOptions(fileset, {
          baseOptions: { modelAssetBuffer: bytes, delegate },
          runningMode: 'IMAGE',
          numFaces: 1,
          outputFacialTransformationMatrixes: true,
          outputFaceBlendshapes: false,
        })
      let delegate = options.delegate ?? 'CPU'
      let landmarker: FaceLandmarker
      try {
        landmarker = await create(delegate)
      } catch (error) {
        if (delegate === 'CPU') throw error
        delegate = 'CPU'
        landmarker = await create(delegate)
      }
      return new FaceTracker(landmarker, canonicalFace, delegate, { fetchModelMs: t1 - t0, createMs: performance.now() - t1 })
    } catch (error) {
      throw error instanceof VitrineError ? error : fail((error as Error)?.message ?? String(error), error)
    }
  }

  /** The face in a still picture, or undefined when there is none. */
  async detect(image: TexImageSource): Promise<TrackedFace | undefined> {
    await this.use('IMAGE')
    return this.first(this.landmarker.detect(image as HTMLImageElement))
  }

  /** The face in the current frame of a playing video, or undefined. */
  async detectVideo(video: HTMLVideoElement, now = performance.now()): Promise<TrackedFace | undefined> {
    await this.use('VIDEO')
    // MediaPipe wants strictly increasing timestamps.
    const t = Math.max(now, this.lastVideoTime + 1)
    this.lastVideoTime = t
    return this.first(this.landmarker.detectForVideo(video, t))
  }

  close(): void {
    this.landmarker.close()
  }

  private async use(mode: 'IMAGE' | 'VIDEO'): Promise<void> {
    if (this.mode === mode) return
    await this.landmarker.setOptions({ runningMode: mode })
    this.mode = mode
  }

  private first(result: ReturnType<FaceLandmarker['detect']>): TrackedFace | undefined {
    const landmarks = result.faceLandmarks[0]
    const matrix = result.facialTransformationMatrixes?.[0]?.data
    if (!landmarks || landmarks.length === 0 || !matrix) return undefined
    return { landmarks: landmarks.map(({ x, y, z }) => ({ x, y, z })), matrix: Array.from(matrix) }
  }
}

const shared = new Map<string, Promise<FaceTracker>>()

/**
 * One tracker per model, wasm and delegate for the whole page: every `<vitrine-try-on>` shares
 * it, so the model is fetched and compiled once. A failed load is forgotten, so a retry can work.
 */
export function sharedFaceTracker(options: FaceTrackerOptions): Promise<FaceTracker> {
  const key = JSON.stringify([options.modelUrl, options.wasmUrl, options.delegate ?? 'CPU'])
  let tracker = shared.get(key)
  if (!tracker) {
    tracker = FaceTracker.load(options)
    tracker.catch(() => shared.delete(key))
    shared.set(key, tracker)
  }
  return tracker
}
