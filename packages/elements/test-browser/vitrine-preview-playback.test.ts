import { expect } from '@esm-bundle/chai'
import '../src/index.js'
import type { VitrinePreview, VitrineTimeEventDetail } from '../src/index.js'

/** 2 s at 10 fps: a black canvas where a white square fades in over the first second. */
const fadeTemplate = {
  schemaVersion: 3,
  size: { width: 100, height: 100 },
  variables: {},
  background: '#000000',
  timeline: { duration: 2, fps: 10, poster: 1.5 },
  layers: [{ id: 'square', type: 'rect', box: {}, fill: '#ffffff', animation: { enter: { preset: 'fade', duration: 1, easing: 'linear' } } }],
}

const mounted: HTMLElement[] = []
afterEach(() => {
  for (const el of mounted.splice(0)) el.remove()
})

function mount(props: Partial<VitrinePreview>): VitrinePreview {
  const el = document.createElement('vitrine-preview')
  el.setAttribute('style', 'width: 100px')
  Object.assign(el, { format: '100x100', ...props })
  document.body.append(el)
  mounted.push(el)
  return el
}

const red = (el: VitrinePreview) => el.shadowRoot!.querySelector('canvas')!.getContext('2d')!.getImageData(50, 50, 1, 1).data[0]!

function events(el: HTMLElement, type: string): VitrineTimeEventDetail[] {
  const list: VitrineTimeEventDetail[] = []
  el.addEventListener(type, (e) => list.push((e as CustomEvent<VitrineTimeEventDetail>).detail))
  return list
}

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms))

describe('<vitrine-preview> playback', () => {
  it('shows a video template at its poster frame, with its duration', async () => {
    const el = mount({ template: fadeTemplate })
    await el.renderComplete
    expect(el.duration).to.equal(2)
    expect(el.currentTime).to.equal(1.5)
    expect(el.playing).to.equal(false)
    expect(red(el)).to.equal(255)
  })

  it('seeks to a frame: the one the encoders write for that time', async () => {
    const el = mount({ template: fadeTemplate })
    await el.renderComplete
    const updates = events(el, 'timeupdate')
    await el.seek(0.5)
    expect(el.currentTime).to.equal(0.5)
    expect(Math.abs(red(el) - 128)).to.be.at.most(2)
    // 0.58 s shows frame 5 (0.5 s) at 10 fps.
    await el.seek(0.58)
    expect(Math.abs(red(el) - 128)).to.be.at.most(2)
    await el.seek(-3)
    expect(red(el)).to.equal(0)
    expect(updates.length).to.equal(3)
  })

  it('plays, reports time, pauses and keeps its frame', async () => {
    const el = mount({ template: fadeTemplate })
    await el.renderComplete
    await el.seek(0)
    const plays = events(el, 'play')
    const updates = events(el, 'timeupdate')
    el.play()
    expect(el.playing).to.equal(true)
    await wait(400)
    el.pause()
    expect(el.playing).to.equal(false)
    expect(plays.length).to.equal(1)
    expect(updates.length).to.be.greaterThan(2)
    const paused = el.currentTime
    expect(paused).to.be.greaterThan(0.1)
    const shown = red(el)
    expect(shown).to.be.greaterThan(0)
    await wait(200)
    expect(el.currentTime).to.equal(paused)
    expect(red(el)).to.equal(shown)
  })

  it('ends at the last frame when loop is off, and autoplay starts by itself', async () => {
    const short = { ...fadeTemplate, timeline: { duration: 0.3, fps: 10 }, layers: [{ id: 'square', type: 'rect', box: {}, fill: '#ffffff', animation: { enter: { preset: 'fade', duration: 0.3 } } }] }
    const el = mount({ template: short, loop: false, autoplay: true })
    const ended = events(el, 'ended')
    await el.renderComplete
    expect(el.playing).to.equal(true)
    await wait(700)
    expect(ended.length).to.equal(1)
    expect(el.playing).to.equal(false)
    expect(el.currentTime).to.be.closeTo(0.2, 1e-9)
  })

  it('a still has no duration and does not play', async () => {
    const el = mount({ template: { schemaVersion: 3, size: { width: 10, height: 10 }, variables: {}, background: '#ff0000', layers: [] } })
    await el.renderComplete
    el.play()
    expect(el.playing).to.equal(false)
    expect(el.duration).to.equal(0)
    expect(red(el)).to.equal(255)
  })
})
