import { VitrineError, meanLuminance, type FaceLandmark } from '@vitrine/core'

/** Photos larger than this (long side, pixels) are scaled down before tracking and drawing. */
export const MAX_PICTURE_SIDE = 1280

/** A still picture ready to track and draw: a canvas at its working size. */
export interface Photo {
  canvas: HTMLCanvasElement
  width: number
  height: number
}

/**
 * Decodes a photo (a URL, or a File/Blob the shopper chose) into a canvas of at most
 * {@link MAX_PICTURE_SIDE} pixels on its long side. A VitrineError `try-on/photo-unreadable`
 * says when it is not a picture the browser can read.
 */
export async function loadPhoto(input: string | Blob): Promise<Photo> {
  const url = typeof input === 'string' ? input : URL.createObjectURL(input)
  const label = typeof input === 'string' ? input : input instanceof File ? input.name : 'the chosen file'
  try {
    const img = new Image()
    img.decoding = 'async'
    img.src = url
    try {
      await img.decode()
    } catch (error) {
      throw new VitrineError('try-on/photo-unreadable', `The photo ${label} could not be read: it is missing, or not a picture this browser can decode (JPEG, PNG, WebP)`, { cause: error })
    }
    const ratio = Math.min(1, MAX_PICTURE_SIDE / Math.max(img.naturalWidth, img.naturalHeight))
    const width = Math.max(1, Math.round(img.naturalWidth * ratio))
    const height = Math.max(1, Math.round(img.naturalHeight * ratio))
    const canvas = document.createElement('canvas')
    canvas.width = width
    canvas.height = height
    canvas.getContext('2d')!.drawImage(img, 0, 0, width, height)
    return { canvas, width, height }
  } finally {
    if (typeof input !== 'string') URL.revokeObjectURL(url)
  }
}

/**
 * Opens the camera. VitrineErrors: `try-on/camera-denied` when the shopper (or the page's
 * permissions policy) said no, `try-on/camera-unavailable` when there is no camera to use.
 */
export async function openCamera(facing: 'user' | 'environment'): Promise<MediaStream> {
  if (!navigator.mediaDevices?.getUserMedia) {
    throw new VitrineError('try-on/camera-unavailable', 'This browser gives no camera to this page (it needs a secure https page and camera support). Use a photo instead.')
  }
  try {
    return await navigator.mediaDevices.getUserMedia({ audio: false, video: { facingMode: facing, width: { ideal: 640 }, height: { ideal: 480 } } })
  } catch (error) {
    const name = (error as DOMException)?.name
    if (name === 'NotAllowedError' || name === 'SecurityError') {
      throw new VitrineError('try-on/camera-denied', 'The camera was not allowed. Allow it in the browser\'s site settings, or use a photo instead.', { cause: error })
    }
    throw new VitrineError('try-on/camera-unavailable', `No camera could be started (${name ?? 'unknown error'}: ${(error as Error)?.message ?? ''}). Use a photo instead.`, { cause: error })
  }
}

/** Stops every track of a camera stream. */
export function stopStream(stream: MediaStream | undefined): void {
  for (const track of stream?.getTracks() ?? []) track.stop()
}

let probe: CanvasRenderingContext2D | undefined

/** Mean luminance (0..1) of the face's box in `picture`, from its landmarks. */
export function faceLuminance(picture: CanvasImageSource, width: number, height: number, landmarks: ReadonlyArray<FaceLandmark>): number {
  let x0 = 1, y0 = 1, x1 = 0, y1 = 0
  for (const p of landmarks) {
    x0 = Math.min(x0, p.x)
    y0 = Math.min(y0, p.y)
    x1 = Math.max(x1, p.x)
    y1 = Math.max(y1, p.y)
  }
  const sx = Math.max(0, x0 * width), sy = Math.max(0, y0 * height)
  const sw = Math.max(1, Math.min(width, x1 * width) - sx), sh = Math.max(1, Math.min(height, y1 * height) - sy)
  if (!probe) {
    const canvas = document.createElement('canvas')
    canvas.width = canvas.height = 16
    probe = canvas.getContext('2d', { willReadFrequently: true })!
  }
  probe.drawImage(picture, sx, sy, sw, sh, 0, 0, 16, 16)
  return meanLuminance(probe.getImageData(0, 0, 16, 16).data)
}
