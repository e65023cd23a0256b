// In Chromium: renderFrame draws only the part of a cut-out picture (and of its shadow) that has
// pixels, and cuts nothing off. The same cases as the Node test (tests/pipeline/content-bounds.test.ts).
import { expect } from '@esm-bundle/chai'
import { BrowserPlatform } from '../src/browser/index.js'
import { renderFrame, type ImageLookup } from '../src/render/render-frame.js'
import type { Scene } from '../src/scene/scene.js'
import { PICTURE, PICTURE_CONTENT, checkCase, clipCases, drawBothWays, makeCutout, measurePicture, pictureNode, testScene } from '../test/render/clip-cases.js'

const platform = new BrowserPlatform()

describe('Content bounds in Chromium', () => {
  it('measures a cut-out exactly, down to a pixel of alpha 1/255 on each edge', () => {
    const picture = makeCutout(platform)
    expect(measurePicture(platform, picture)).to.deep.equal(PICTURE_CONTENT)
    expect(picture.context.getImageData(PICTURE_CONTENT.x, 101, 1, 1).data[3]).to.equal(1)
  })

  it('draws only the visible part of a picture and its shadow, cutting nothing off', () => {
    const picture = makeCutout(platform)
    const bounds = measurePicture(platform, picture)
    const cases = clipCases()
    for (const c of cases) expect(checkCase(c, drawBothWays(platform, picture, bounds, c.scene))).to.equal(undefined)
    expect(cases.filter((c) => c.clipped).length).to.be.at.least(20)
  })

  it('copies a kept soft shadow and picture with the very pixels of their first drawing, wherever the picture moved by whole pixels', () => {
    const picture = makeCutout(platform)
    const bounds = measurePicture(platform, picture)
    let kept = 0
    const lookup = (): ImageLookup => ({
      get: (key) => (key === 'cutout' ? { source: picture.canvas } : undefined),
      createSurface: (w, h, o) => {
        if (!o?.willReadFrequently) kept++
        return platform.createSurface(w, h, o)
      },
      contentBounds: (key) => (key === 'cutout' ? bounds : undefined),
    })
    const at = (x: number, y: number): Scene =>
      testScene({ width: 900, height: 560 }, [pictureNode('cutout', { x, y, width: 250, height: (250 * PICTURE.height) / PICTURE.width }, { shadow: { color: '#00000066', blur: 48, offsetX: 0, offsetY: 28 } })], { cutout: PICTURE })
    const draw = (scene: Scene, images: ImageLookup) => {
      const surface = platform.createSurface(scene.width, scene.height)
      renderFrame(scene, 0, surface, images)
      return surface.context.getImageData(0, 0, scene.width, scene.height).data
    }
    const differing = (a: ArrayLike<number>, b: ArrayLike<number>) => {
      let n = 0
      for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) n++
      return n
    }
    const images = lookup()
    // The shadow and the picture, each: the first time through a transit surface, the second
    // into a kept one, then copied.
    const first = draw(at(40.25, 150.5), images)
    expect(differing(draw(at(40.25, 150.5), images), first)).to.equal(0)
    expect(differing(draw(at(40.25, 150.5), images), first)).to.equal(0)
    const moved = draw(at(340.25, 90.5), images)
    expect(kept).to.equal(4)
    // A lookup that never saw them draws the same, through its own two transit surfaces.
    expect(differing(moved, draw(at(340.25, 90.5), lookup()))).to.equal(0)
    expect(kept).to.equal(6)
  })
})
