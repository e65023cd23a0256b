// <vitrine-try-on> in photo mode, with the real model on the real photo, against committed
// screenshots of the head (try-on-refs/). Tolerance: at most 0.4 % of pixels may differ by more than 40 of
// 255 in a channel (antialiasing and float rounding move edges by a pixel, never the product).
import { expect } from '@esm-bundle/chai'
import '../src/index.js'
import type { VitrineTryOn } from '../src/index.js'
import { compareWithReference, makeTryOn, nextEvent, pixelsOf, PHOTO_URL } from './try-on-fixtures.js'

/** The head and shoulders of the 512x512 photo: where every product is. */
const HEAD = { x: 110, y: 0, width: 240, height: 220 }

describe('<vitrine-try-on> on a photo', function () {
  this.timeout(60_000)
  let el: VitrineTryOn

  before(async () => {
    el = makeTryOn({ sku: 'VT-GLASSES-01' })
    const ready = nextEvent(el, 'ready')
    await el.settled
    await ready
  })
  after(() => el.remove())

  for (const [sku, name] of [['VT-GLASSES-01', 'glasses'], ['VT-HAT-01', 'hat'], ['VT-EARRINGS-01', 'earrings']] as const) {
    it(`puts the ${name} on the face (screenshot)`, async () => {
      await el.setProduct(sku)
      expect(el.status).to.equal('ready')
      const png = await el.snapshot()
      const { share, written } = await compareWithReference(`astronaut-${name}`, png, HEAD)
      expect(written, `reference ${written} was missing and has been written: look at it and commit it`).to.equal(undefined)
      expect(share).to.be.at.most(0.004)
    })
  }

  it('lights the product like the photo: a dim photo gets a dimmer hat', async () => {
    await el.setProduct('VT-HAT-01')
    const crown = { x: 215, y: 12, width: 20, height: 10 }
    const mean = (p: ImageData) => p.data.reduce((sum, v, i) => (i % 4 === 3 ? sum : sum + v), 0) / (p.width * p.height * 3)
    const bright = mean(await pixelsOf(await el.snapshot(), crown))
    const img = new Image()
    img.src = PHOTO_URL
    await img.decode()
    const canvas = new OffscreenCanvas(512, 512)
    const ctx = canvas.getContext('2d')!
    ctx.filter = 'brightness(35%)'
    ctx.drawImage(img, 0, 0)
    await el.usePhoto(await canvas.convertToBlob({ type: 'image/png' }))
    expect(el.tracking, 'the face is still found in the dim photo').to.equal(true)
    const dim = mean(await pixelsOf(await el.snapshot(), crown))
    await el.usePhoto(PHOTO_URL)
    expect(dim).to.be.below(bright * 0.8)
  })

  it('snapshots mirror-wise when mirror is set, as the shopper sees it', async () => {
    await el.setProduct('VT-GLASSES-01')
    const straight = await pixelsOf(await el.snapshot())
    el.mirror = true
    await el.settled
    const view = el.shadowRoot!.querySelector<HTMLElement>('[part=view]')!
    expect(view.style.transform).to.equal('scaleX(-1)')
    const mirrored = await pixelsOf(await el.snapshot())
    el.mirror = false
    await el.settled
    let worst = 0
    for (let y = 0; y < straight.height; y += 3) {
      for (let x = 0; x < straight.width; x += 3) {
        const a = (y * straight.width + x) * 4
        const b = (y * straight.width + (straight.width - 1 - x)) * 4
        worst = Math.max(worst, Math.abs(straight.data[a]! - mirrored.data[b]!))
      }
    }
    expect(worst).to.be.at.most(2)
  })

  it('changes the picture when the product changes, and back', async () => {
    await el.setProduct('VT-GLASSES-01')
    const glasses = await pixelsOf(await el.snapshot())
    el.sku = undefined
    await el.settled
    const bare = await pixelsOf(await el.snapshot())
    const photo = await pixelsOf(await (await fetch(PHOTO_URL)).blob())
    let changed = 0
    let photoDiff = 0
    for (let i = 0; i < glasses.data.length; i += 4) {
      if ([0, 1, 2].some((c) => Math.abs(glasses.data[i + c]! - bare.data[i + c]!) > 40)) changed++
      photoDiff = Math.max(photoDiff, Math.abs(bare.data[i]! - photo.data[i]!))
    }
    expect(changed, 'pixels the glasses change').to.be.above(500)
    expect(photoDiff, 'without a product the snapshot is the photo').to.be.at.most(3)
  })
})
