/** The number of frames of a video of `duration` seconds at `fps` (at least one). */
export function frameCount(duration: number, fps: number): number {
  return Math.max(1, Math.round(duration * fps))
}

/**
 * The time of frame `index`, in seconds: frames sample the timeline at their start, so frame
 * N of a 30 fps video is `renderFrame(scene, N / 30)`.
 */
export function frameTime(index: number, fps: number): number {
  return index / fps
}
