/**
 * The subset of the Canvas 2D API that Vitrine draws with. Both the DOM's
 * `CanvasRenderingContext2D`/`OffscreenCanvasRenderingContext2D` and `@napi-rs/canvas`'s
 * context satisfy it, so the renderer is one piece of code for every environment.
 */
export interface CanvasGradientLike {
  addColorStop(offset: number, color: string): void
}

export interface TextMetricsLike {
  readonly width: number
  readonly actualBoundingBoxAscent: number
  readonly actualBoundingBoxDescent: number
  readonly actualBoundingBoxLeft: number
  readonly actualBoundingBoxRight: number
  readonly fontBoundingBoxAscent: number
  readonly fontBoundingBoxDescent: number
}

/** The current transform, as `getTransform()` returns it (a DOMMatrix in browsers). */
export interface TransformLike {
  readonly a: number
  readonly b: number
  readonly c: number
  readonly d: number
  readonly e: number
  readonly f: number
}

export interface Canvas2DContext {
  save(): void
  restore(): void
  translate(x: number, y: number): void
  rotate(angle: number): void
  scale(x: number, y: number): void
  setTransform(a: number, b: number, c: number, d: number, e: number, f: number): void
  getTransform(): TransformLike
  globalAlpha: number
  globalCompositeOperation: string
  fillStyle: string | CanvasGradientLike | object
  strokeStyle: string | CanvasGradientLike | object
  lineWidth: number
  lineJoin: string
  shadowColor: string
  shadowBlur: number
  shadowOffsetX: number
  shadowOffsetY: number
  font: string
  textAlign: string
  textBaseline: string
  direction: string
  letterSpacing: string
  imageSmoothingEnabled: boolean
  imageSmoothingQuality: string
  beginPath(): void
  closePath(): void
  moveTo(x: number, y: number): void
  lineTo(x: number, y: number): void
  arcTo(x1: number, y1: number, x2: number, y2: number, radius: number): void
  rect(x: number, y: number, w: number, h: number): void
  fill(): void
  stroke(): void
  clip(): void
  fillRect(x: number, y: number, w: number, h: number): void
  clearRect(x: number, y: number, w: number, h: number): void
  fillText(text: string, x: number, y: number): void
  measureText(text: string): TextMetricsLike
  createLinearGradient(x0: number, y0: number, x1: number, y1: number): CanvasGradientLike
  createRadialGradient(x0: number, y0: number, r0: number, x1: number, y1: number, r1: number): CanvasGradientLike
  /** RGBA, not premultiplied, row by row. */
  getImageData(sx: number, sy: number, sw: number, sh: number): { readonly data: ArrayLike<number> }
  // Each platform passes its own image type (ImageBitmap, @napi-rs/canvas Image or Canvas).
  drawImage(image: never, sx: number, sy: number, sw: number, sh: number, dx: number, dy: number, dw: number, dh: number): void
}
