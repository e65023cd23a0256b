import type { ReactiveController, ReactiveControllerHost } from 'lit'
import { prepareFrame, renderFrame, type AssetStore, type Scene, type Surface } from '@vitrine/core/browser'

/** `detail` of `<vitrine-preview>`'s `timeupdate`, `play`, `pause` and `ended` events. */
export interface VitrineTimeEventDetail {
  /** Seconds: the time of the frame on the canvas. */
  currentTime: number
  /** Seconds; 0 for a still. */
  duration: number
}

/**
 * Plays a video Scene on a preview's canvas: the frame at the current time (snapped to the
 * timeline's frame rate, so it is exactly the frame the encoders write), advanced by
 * `requestAnimationFrame` while playing. Stills have no duration and never play.
 */
export class PreviewPlayback implements ReactiveController {
  /** Start again at the end (default) or stop there. */
  loop = true
  private time = 0
  private running = false
  private raf: number | undefined
  private origin = 0
  private target: { scene: Scene; surface: Surface; assets: AssetStore } | undefined
  private seeked = false

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this)
  }

  hostDisconnected(): void {
    this.stop()
  }

  /** Seconds of the scene's timeline; 0 for a still. */
  get duration(): number {
    return this.target?.scene.timeline?.duration ?? 0
  }

  get currentTime(): number {
    return this.time
  }

  get playing(): boolean {
    return this.running
  }

  /**
   * Takes a newly resolved Scene and draws its frame at the current time. A video shows its
   * poster frame until it is played or sought; a still shows time 0.
   */
  attach(scene: Scene, surface: Surface, assets: AssetStore): Promise<void> {
    this.target = { scene, surface, assets }
    const timeline = scene.timeline
    if (!timeline) {
      this.stop()
      this.time = 0
    } else if (!this.seeked && !this.running) {
      this.time = timeline.poster
    } else {
      this.time = Math.min(this.time, this.lastFrameTime())
    }
    return this.draw()
  }

  /** Plays from the current time (from the start when at the end). */
  play(): void {
    const timeline = this.target?.scene.timeline
    if (!timeline || this.running) return
    if (this.time >= this.lastFrameTime()) this.time = 0
    this.running = true
    this.seeked = true
    this.origin = performance.now() - this.time * 1000
    this.emit('play')
    this.raf = requestAnimationFrame(this.tick)
  }

  pause(): void {
    if (!this.running) return
    this.stop()
    this.emit('pause')
  }

  /** Shows the frame at `seconds` (clamped to the timeline); resolves once it is drawn. */
  seek(seconds: number): Promise<void> {
    if (!Number.isFinite(seconds)) return Promise.resolve()
    this.seeked = true
    this.time = Math.max(0, Math.min(seconds, this.lastFrameTime()))
    this.origin = performance.now() - this.time * 1000
    this.emit('timeupdate')
    return this.draw()
  }

  private lastFrameTime(): number {
    const timeline = this.target?.scene.timeline
    return timeline ? (timeline.frames - 1) / timeline.fps : 0
  }

  private stop(): void {
    this.running = false
    if (this.raf !== undefined) cancelAnimationFrame(this.raf)
    this.raf = undefined
  }

  private readonly tick = (now: number): void => {
    if (!this.running || !this.target?.scene.timeline) return
    const duration = this.duration
    let time = (now - this.origin) / 1000
    if (time >= duration) {
      if (!this.loop) {
        this.time = this.lastFrameTime()
        void this.draw()
        this.stop()
        this.emit('timeupdate')
        this.emit('ended')
        return
      }
      time %= duration
      this.origin = now - time * 1000
    }
    this.time = time
    void this.draw()
    this.emit('timeupdate')
    this.raf = requestAnimationFrame(this.tick)
  }

  private drawing: Promise<void> | undefined
  private redraw = false

  /**
   * Draws the frame for the current time. Video layers need their clip's frame decoded first
   * (asynchronous); while one draw waits, later calls are folded into one more draw.
   */
  private draw(): Promise<void> {
    if (this.drawing) {
      this.redraw = true
      return this.drawing
    }
    this.drawing = (async () => {
      do {
        this.redraw = false
        const target = this.target
        if (!target) break
        const fps = target.scene.timeline?.fps
        // The frame the encoders would write for this time: frame N shows N / fps.
        const t = fps ? Math.floor(this.time * fps + 1e-6) / fps : 0
        await prepareFrame(target.scene, t, target.assets)
        if (target === this.target) renderFrame(target.scene, t, target.surface, target.assets)
      } while (this.redraw)
    })().finally(() => {
      this.drawing = undefined
    })
    return this.drawing
  }

  private emit(type: 'play' | 'pause' | 'timeupdate' | 'ended'): void {
    const detail: VitrineTimeEventDetail = { currentTime: this.time, duration: this.duration }
    this.host.dispatchEvent(new CustomEvent<VitrineTimeEventDetail>(type, { detail }))
  }
}
