// In Chromium: renderFrame draws only the part of a cut-out picture (and of its shadow) that has
// pixels, and cuts nothing off. The same cases as the Node test (tests/pipeline/content-bounds.test.ts).
import { expect } from '@esm-bundle/chai'
import { BrowserPlatform } from '../src/browser/index.js'
import { PICTURE_CONTENT, checkCase, clipCases, drawBothWays, makeCutout, measurePicture } from '../test/render/clip-cases.js'

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
})
