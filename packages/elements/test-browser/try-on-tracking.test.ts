// Face tracking with the real model on the real photo, the element's events, and what the
// shopper sees when something goes wrong. One model load for the whole file.
import { expect } from '@esm-bundle/chai'
import { anchorPoints, headPose } from '@vitrine/core'
import '../src/index.js'
import type { VitrineTryOn } from '../src/index.js'
import { sharedFaceTracker } from '../src/try-on/face-tracker.js'
import { TryOnRenderer } from '../src/try-on/try-on-renderer.js'
import { ASSETS, MODEL_URL, PHOTO_URL, WASM_URL, makeTryOn, nextEvent } from './try-on-fixtures.js'

/**
 * Hand-checked on the 512x512 photo (zoomed 4x, the points drawn over it): outer and inner eye
 * corners, the nose bridge between the eyes, the nose tip, the chin. Tolerance: 4 px.
 */
const HAND_CHECKED = {
  'right-eye-outer': { x: 195, y: 101 },
  'right-eye-inner': { x: 214, y: 103.5 },
  'left-eye-inner': { x: 237, y: 105 },
  'left-eye-outer': { x: 256.5, y: 104 },
  'nose-bridge': { x: 226, y: 101 },
  'nose-tip': { x: 224, y: 131 },
  chin: { x: 221, y: 176 },
} as const
const TOLERANCE_PX = 4

async function photo(url: string): Promise<HTMLImageElement> {
  const img = new Image()
  img.src = url
  await img.decode()
  return img
}

/** A real photo with no face in it: the lower right of the astronaut photo (helmet and suit). */
async function noFacePhoto(): Promise<Blob> {
  const img = await photo(PHOTO_URL)
  const canvas = new OffscreenCanvas(256, 256)
  canvas.getContext('2d')!.drawImage(img, -256, -256)
  return canvas.convertToBlob({ type: 'image/png' })
}

describe('face tracking on the astronaut photo', function () {
  this.timeout(60_000)

  it('finds 478 landmarks with eye corners, nose and chin where they are', async () => {
    const tracker = await sharedFaceTracker({ modelUrl: MODEL_URL, wasmUrl: WASM_URL })
    const face = await tracker.detect(await photo(PHOTO_URL))
    expect(face, 'a face').to.not.equal(undefined)
    expect(face!.landmarks).to.have.length(478)
    const points = anchorPoints(face!.landmarks, 512, 512)
    for (const [name, expected] of Object.entries(HAND_CHECKED)) {
      const p = points[name as keyof typeof HAND_CHECKED]
      expect(Math.hypot(p.x - expected.x, p.y - expected.y), `${name} at ${p.x.toFixed(1)}, ${p.y.toFixed(1)}`).to.be.below(TOLERANCE_PX)
    }
  })

  it('gives a transformation matrix of a frontal face in front of the camera', async () => {
    const tracker = await sharedFaceTracker({ modelUrl: MODEL_URL, wasmUrl: WASM_URL })
    const face = await tracker.detect(await photo(PHOTO_URL))
    const pose = headPose(face!.matrix)
    expect(Math.abs(pose.yaw)).to.be.below(10)
    expect(Math.abs(pose.roll)).to.be.below(10)
    expect(pose.translation[2]).to.be.below(-30)
    expect(pose.scale).to.be.within(0.8, 1.25)
  })

  it('finds no face where there is none', async () => {
    const tracker = await sharedFaceTracker({ modelUrl: MODEL_URL, wasmUrl: WASM_URL })
    expect(await tracker.detect(await createImageBitmap(await noFacePhoto()))).to.equal(undefined)
  })
})

describe('<vitrine-try-on> events and errors', function () {
  this.timeout(60_000)
  let el: VitrineTryOn
  const events: string[] = []
  const errors: string[] = []

  before(async () => {
    el = makeTryOn({ sku: 'VT-GLASSES-01' })
    for (const type of ['ready', 'tracking-found', 'tracking-lost', 'product-change', 'snapshot']) el.addEventListener(type, () => events.push(type))
    el.addEventListener('error', (e) => errors.push((e as CustomEvent).detail.code))
    await el.settled
  })
  after(() => el.remove())

  const message = () => el.shadowRoot!.querySelector('[part=message]')?.textContent ?? ''

  it('says ready and tracking-found on the sample photo, and lists the products', async () => {
    expect(el.status).to.equal('ready')
    expect(el.tracking).to.equal(true)
    expect(events).to.include.members(['ready', 'tracking-found', 'product-change'])
    const buttons = [...el.shadowRoot!.querySelectorAll('[part~=product]')].map((b) => b.textContent)
    expect(buttons).to.deep.equal(['Vitrine Classic glasses', 'Vitrine Fedora', 'Vitrine Hoop earrings'])
    expect(el.timings.modelLoadMs).to.be.a('number')
    expect(el.timings.firstFrameMs).to.be.a('number')
  })

  it('switches product with the arrow keys on the stage and with the buttons', async () => {
    const stage = el.shadowRoot!.querySelector<HTMLElement>('[part=stage]')!
    stage.focus()
    stage.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }))
    await el.settled
    expect(el.sku).to.equal('VT-HAT-01')
    stage.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowLeft', bubbles: true }))
    await el.settled
    expect(el.sku).to.equal('VT-GLASSES-01')
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part~=product]:nth-child(3)')!.click()
    await el.settled
    expect(el.sku).to.equal('VT-EARRINGS-01')
    expect(el.shadowRoot!.querySelector('[part~=product-selected]')!.textContent).to.equal('Vitrine Hoop earrings')
  })

  it('sends the snapshot as a PNG event', async () => {
    const sent = nextEvent<{ blob: Blob; width: number; sku: string }>(el, 'snapshot')
    const blob = await el.snapshot()
    const { detail } = await sent
    expect(detail.blob).to.equal(blob)
    expect(blob.type).to.equal('image/png')
    expect([detail.width, detail.sku]).to.deep.equal([512, 'VT-EARRINGS-01'])
  })

  it('flashes on a snapshot, except in reduced-motion mode', async () => {
    const stage = el.shadowRoot!.querySelector('[part=stage]')!
    el.reducedMotion = false
    await el.snapshot()
    await el.updateComplete
    // Headless Chromium does not ask for reduced motion, so the flash shows.
    expect(stage.classList.contains('flash')).to.equal(true)
    el.reducedMotion = true
    await new Promise((resolve) => setTimeout(resolve, 250))
    await el.snapshot()
    await el.updateComplete
    expect(stage.classList.contains('flash')).to.equal(false)
  })

  it('says "no face found" for a photo without a face, and recovers with one', async () => {
    const lost = nextEvent(el, 'tracking-lost')
    const failed = nextEvent<{ code: string }>(el, 'error')
    await el.usePhoto(await noFacePhoto())
    expect((await failed).detail.code).to.equal('try-on/no-face')
    await lost
    expect(el.status).to.equal('error')
    expect(message()).to.match(/No face found/)
    await el.usePhoto(PHOTO_URL)
    expect(el.status).to.equal('ready')
    expect(el.tracking).to.equal(true)
    expect(message()).to.equal('')
  })

  it('says so for a corrupt image, and keeps working', async () => {
    const corrupt = new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4, 5, 6])], { type: 'image/png' })
    const failed = nextEvent<{ code: string }>(el, 'error')
    await el.usePhoto(new File([corrupt], 'holiday.png'))
    expect((await failed).detail.code).to.equal('try-on/photo-unreadable')
    expect(message()).to.match(/holiday\.png could not be read/)
    await el.usePhoto(PHOTO_URL)
    expect(el.status).to.equal('ready')
  })

  it('says so when a product model fails to load, and keeps working', async () => {
    el.catalog = {
      version: 1,
      products: [
        { sku: 'GOOD', kind: 'glasses', model: `${ASSETS}/glasses.gltf`, fit: { anchor: 'nose-bridge' } },
        { sku: 'GONE', name: 'Lost glasses', kind: 'glasses', model: `${ASSETS}/no-such-model.gltf`, fit: { anchor: 'nose-bridge' } },
        { sku: 'BROKEN', kind: 'hat', model: `${ASSETS}/catalog.json`, fit: { anchor: 'forehead' } },
      ],
    }
    el.sku = 'GONE'
    await el.settled
    expect(errors.at(-1)).to.equal('try-on/product-failed')
    expect(message()).to.match(/3D model of Lost glasses could not be loaded/)
    el.sku = 'BROKEN'
    await el.settled
    expect(message()).to.match(/3D model of BROKEN could not be loaded/)
    await el.setProduct('GOOD')
    expect(el.status).to.equal('ready')
    expect(message()).to.equal('')
    el.sku = 'NOPE'
    await el.settled
    expect(errors.at(-1)).to.equal('try-on/unknown-sku')
    expect(message()).to.match(/"NOPE".*GOOD, GONE, BROKEN/)
  })

  it('says so when the camera cannot be used, and the photo stays', async () => {
    const failed = nextEvent<{ code: string }>(el, 'error')
    // Chromium here has no camera and no one to grant it: getUserMedia is refused.
    await el.useCamera()
    expect((await failed).detail.code).to.match(/^try-on\/camera-(denied|unavailable)$/)
    expect(message()).to.match(/camera/i)
    await el.usePhoto(PHOTO_URL)
    expect(el.status).to.equal('ready')
  })
})

describe('TryOnRenderer', () => {
  it('says when WebGL2 is unavailable', async () => {
    const tracker = await sharedFaceTracker({ modelUrl: MODEL_URL, wasmUrl: WASM_URL })
    const canvas = document.createElement('canvas')
    canvas.getContext('2d') // a canvas with a 2D context can never give WebGL2
    try {
      await TryOnRenderer.create(canvas, tracker.canonicalFace)
      expect.fail('expected an error')
    } catch (error) {
      expect((error as { code: string }).code).to.equal('try-on/webgl-unavailable')
    }
  })
})
