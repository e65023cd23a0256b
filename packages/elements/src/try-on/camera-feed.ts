import { openCamera, stopStream } from './try-on-sources.js'

/**
 * The camera as a playing `<video>`, and a loop that hands each new frame to a callback, one at a
 * time (a slow frame is never queued behind; the next camera frame is taken instead).
 */
export class CameraFeed {
  readonly video: HTMLVideoElement
  readonly stream: MediaStream
  private frameRequest = 0
  private running = false

  private constructor(stream: MediaStream, video: HTMLVideoElement) {
    this.stream = stream
    this.video = video
  }

  /** Opens the camera facing `facing` (VitrineErrors as {@link openCamera}) and starts its video. */
  static async open(facing: 'user' | 'environment'): Promise<CameraFeed> {
    const stream = await openCamera(facing)
    const video = document.createElement('video')
    video.muted = true
    video.playsInline = true
    video.srcObject = stream
    try {
      await video.play()
    } catch (error) {
      stopStream(stream)
      throw error
    }
    return new CameraFeed(stream, video)
  }

  /** Whether the camera is still delivering frames. */
  get live(): boolean {
    return this.stream.getVideoTracks().some((t) => t.readyState === 'live')
  }

  /** Calls `onFrame` for every new frame until {@link stop}; a rejection goes to `onError` and ends the loop. */
  run(onFrame: (video: HTMLVideoElement) => Promise<void>, onError: (error: unknown) => void): void {
    this.running = true
    const step = async () => {
      if (!this.running) return
      try {
        if (this.video.videoWidth > 0) await onFrame(this.video)
      } catch (error) {
        this.running = false
        onError(error)
        return
      }
      if (this.running) this.frameRequest = this.video.requestVideoFrameCallback(() => void step())
    }
    void step()
  }

  /** Ends the loop and turns the camera off. */
  stop(): void {
    this.running = false
    this.video.cancelVideoFrameCallback(this.frameRequest)
    stopStream(this.stream)
  }
}
