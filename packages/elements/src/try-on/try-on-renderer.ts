import { VitrineError, photoLighting, productPlacements, type CanonicalFace, type TryOnProduct } from '@vitrine/core'
import type * as Three from 'three'
import type { GLTF } from 'three/addons/loaders/GLTFLoader.js'

/** MediaPipe's face geometry pipeline projects with this vertical field of view (degrees). */
const FACE_CAMERA_FOV = 63
/** Back of the head behind the canonical face (cm): hides temples and the far side of a brim. */
const HEAD = { center: [0, 1.2, -4.6] as const, radii: [7.5, 11.5, 9.0] as const }

type ThreeModule = typeof Three

/** Milliseconds of the last `render()`. */
export interface RenderTimings {
  renderMs: number
}

/**
 * Draws the product on the face: three.js (imported on first use) on a transparent WebGL2 canvas
 * laid over the picture (the browser composites the two, so camera frames are never uploaded to
 * WebGL). The face group takes the facial transformation matrix; an invisible head (the canonical
 * face plus the back of the head) writes depth only, so what is behind the head is hidden.
 */
export class TryOnRenderer {
  readonly canvas: HTMLCanvasElement
  lastRenderMs = 0
  private readonly three: ThreeModule
  private readonly renderer: Three.WebGLRenderer
  private readonly scene: Three.Scene
  private readonly camera: Three.PerspectiveCamera
  private readonly face: Three.Group
  private readonly product: Three.Group
  private readonly ambient: Three.HemisphereLight
  private readonly key: Three.DirectionalLight
  private models = new Map<string, Promise<GLTF>>()

  private constructor(three: ThreeModule, canvas: HTMLCanvasElement, context: WebGL2RenderingContext, canonicalFace: CanonicalFace) {
    this.three = three
    this.canvas = canvas
    this.renderer = new three.WebGLRenderer({ canvas, context, alpha: true, antialias: true })
    this.renderer.outputColorSpace = three.SRGBColorSpace
    this.renderer.setClearColor(0x000000, 0)
    this.scene = new three.Scene()
    this.camera = new three.PerspectiveCamera(FACE_CAMERA_FOV, 1, 1, 10_000)
    this.face = new three.Group()
    this.face.matrixAutoUpdate = false
    this.face.visible = false
    this.product = new three.Group()
    this.face.add(this.occluder(canonicalFace), this.product)
    this.ambient = new three.HemisphereLight(0xffffff, 0x444444, 1)
    this.key = new three.DirectionalLight(0xffffff, 1.5)
    this.key.position.set(0.3, 0.6, 1)
    this.scene.add(this.face, this.ambient, this.key)
  }

  /**
   * A renderer on `canvas`. Throws a VitrineError `try-on/webgl-unavailable` when the browser
   * gives no WebGL2 context.
   */
  static async create(canvas: HTMLCanvasElement, canonicalFace: CanonicalFace): Promise<TryOnRenderer> {
    const context = canvas.getContext('webgl2', { alpha: true, antialias: true, premultipliedAlpha: true })
    if (!context) {
      throw new VitrineError('try-on/webgl-unavailable', 'This browser cannot show 3D (WebGL2 is unavailable or turned off), so products cannot be tried on here.')
    }
    const three = await import('three')
    return new TryOnRenderer(three, canvas, context, canonicalFace)
  }

  /** Sizes the canvas to the picture's pixels (the camera's projection follows its aspect). */
  setSize(width: number, height: number): void {
    if (this.canvas.width !== width || this.canvas.height !== height) {
      this.renderer.setSize(width, height, false)
      this.camera.aspect = width / height
      this.camera.updateProjectionMatrix()
    }
  }

  /** Puts the product on a face (its transformation matrix), or hides it (undefined). */
  setFace(matrix: ArrayLike<number> | undefined): void {
    this.face.visible = matrix !== undefined
    if (matrix) this.face.matrix.fromArray(Array.from(matrix))
    this.face.matrixWorldNeedsUpdate = true
  }

  /** Light the product like the photo: `luminance` 0..1 of the face region. */
  setLuminance(luminance: number): void {
    const light = photoLighting(luminance)
    this.ambient.intensity = light.ambient
    this.key.intensity = light.key
  }

  /**
   * Wears `product` (its model loaded from `url`), replacing the one worn. Rejects with a
   * VitrineError `try-on/product-failed` when the model cannot be loaded.
   */
  async setProduct(product: TryOnProduct | undefined, url: string | undefined, canonicalFace: CanonicalFace): Promise<void> {
    const gltf = product && url ? await this.loadModel(product, url) : undefined
    this.product.clear()
    if (!product || !gltf) return
    for (const placement of productPlacements(product.fit, canonicalFace)) {
      const holder = new this.three.Group()
      holder.matrixAutoUpdate = false
      holder.matrix.fromArray(placement)
      holder.add(gltf.scene.clone(true))
      this.product.add(holder)
    }
  }

  render(): void {
    const t0 = performance.now()
    this.renderer.render(this.scene, this.camera)
    this.lastRenderMs = performance.now() - t0
  }

  dispose(): void {
    this.renderer.dispose()
  }

  private async loadModel(product: TryOnProduct, url: string): Promise<GLTF> {
    let model = this.models.get(url)
    if (!model) {
      model = (async () => {
        const { GLTFLoader } = await import('three/addons/loaders/GLTFLoader.js')
        try {
          return await new GLTFLoader().loadAsync(url)
        } catch (error) {
          const reason = (error as Error)?.message ?? String(error)
          throw new VitrineError('try-on/product-failed', `The 3D model of ${product.name ?? product.sku} could not be loaded from ${url}: ${reason}`, { cause: error })
        }
      })()
      model.catch(() => this.models.delete(url))
      this.models.set(url, model)
    }
    return model
  }

  private occluder(face: CanonicalFace): Three.Object3D {
    const three = this.three
    const material = new three.MeshBasicMaterial({ colorWrite: false, side: three.DoubleSide })
    const geometry = new three.BufferGeometry()
    geometry.setAttribute('position', new three.BufferAttribute(face.positions, 3))
    geometry.setIndex(new three.BufferAttribute(face.indices, 1))
    const mask = new three.Group()
    mask.name = 'head-occluder'
    const faceMesh = new three.Mesh(geometry, material)
    const head = new three.Mesh(new three.SphereGeometry(1, 32, 24), material)
    head.position.set(...HEAD.center)
    head.scale.set(...HEAD.radii)
    for (const mesh of [faceMesh, head]) {
      mesh.renderOrder = -1
      mask.add(mesh)
    }
    return mask
  }
}
