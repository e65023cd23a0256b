import { expect } from '@esm-bundle/chai'
import { VitrinePreview, type VitrineErrorEventDetail, type VitrineRenderEventDetail } from '../src/index.js'

const fixtures = new URL('./fixtures/', import.meta.url).href

/** A 200x100 design: a red background and a block in the `color` variable's colour, top-left quarter. */
const blockTemplate = {
  schemaVersion: 2,
  size: { width: 200, height: 100 },
  variables: {
    color: { type: 'color', default: '#00ff00' },
  },
  background: '#ff0000',
  layers: [{ id: 'block', type: 'rect', box: { left: 0, top: 0, width: '50%', height: '50%' }, fill: { var: 'color' } }],
}

const mounted: HTMLElement[] = []
afterEach(() => {
  for (const el of mounted.splice(0)) el.remove()
})

function mount(props: Partial<VitrinePreview> = {}, style = 'width: 100px'): VitrinePreview {
  const el = document.createElement('vitrine-preview')
  el.setAttribute('style', style)
  Object.assign(el, props)
  document.body.append(el)
  mounted.push(el)
  return el
}

function collect<T>(el: HTMLElement, type: 'render' | 'error'): T[] {
  const details: T[] = []
  el.addEventListener(type, (e) => details.push((e as CustomEvent<T>).detail))
  return details
}

function canvasOf(el: VitrinePreview): HTMLCanvasElement {
  return el.shadowRoot!.querySelector('canvas')!
}

function pixel(el: VitrinePreview, x: number, y: number): number[] {
  return Array.from(canvasOf(el).getContext('2d')!.getImageData(x, y, 1, 1).data)
}

function errorText(el: VitrinePreview): string {
  return el.shadowRoot!.querySelector('[part="error"]')?.textContent?.replace(/\s+/g, ' ').trim() ?? ''
}

describe('<vitrine-preview>', () => {
  it('is registered and exported', () => {
    expect(customElements.get('vitrine-preview')).to.equal(VitrinePreview)
    expect(document.createElement('vitrine-preview')).to.be.instanceOf(VitrinePreview)
  })

  it('draws at the format size and scales to its own box', async () => {
    const el = mount({ template: blockTemplate, format: '400x200' }, 'width: 100px')
    const renders = collect<VitrineRenderEventDetail>(el, 'render')
    const scene = await el.renderComplete
    expect(scene?.width).to.equal(400)
    const canvas = canvasOf(el)
    expect([canvas.width, canvas.height], 'drawing resolution').to.deep.equal([400, 200])
    const box = canvas.getBoundingClientRect()
    expect([Math.round(box.width), Math.round(box.height)], 'size on the page').to.deep.equal([100, 50])
    expect(pixel(el, 10, 10)).to.deep.equal([0, 255, 0, 255])
    expect(pixel(el, 390, 190)).to.deep.equal([255, 0, 0, 255])
    expect(renders).to.have.length(1)
    expect(renders[0]!.scene.format).to.equal('400x200')
    for (const step of ['loadMs', 'resolveMs', 'drawMs'] as const) expect(renders[0]!.timings[step]).to.be.a('number').and.at.least(0)
    expect(el.getAttribute('status')).to.equal('ready')
  })

  it('letterboxes inside a box of another shape', async () => {
    const el = mount({ template: blockTemplate, format: '400x200' }, 'width: 300px; height: 300px')
    await el.renderComplete
    const box = canvasOf(el).getBoundingClientRect()
    expect([Math.round(box.width), Math.round(box.height)]).to.deep.equal([300, 300])
    expect(getComputedStyle(canvasOf(el)).objectFit).to.equal('contain')
  })

  it('defaults to instagram-square', async () => {
    const el = mount({ template: blockTemplate })
    await el.renderComplete
    expect([canvasOf(el).width, canvasOf(el).height]).to.deep.equal([1080, 1080])
  })

  it('coalesces changes made together into one render, and re-renders on change', async () => {
    const el = mount({ template: blockTemplate, format: '200x100' })
    await el.renderComplete
    const renders = collect<VitrineRenderEventDetail>(el, 'render')
    el.data = { color: '#0000ff' }
    el.format = '100x100'
    el.locale = 'de-DE'
    el.data = { color: '#ffff00' }
    const scene = await el.renderComplete
    expect(renders).to.have.length(1)
    expect(scene?.locale).to.equal('de-DE')
    expect([canvasOf(el).width, canvasOf(el).height]).to.deep.equal([100, 100])
    expect(pixel(el, 5, 5)).to.deep.equal([255, 255, 0, 255])
  })

  it('keeps only the latest result when changes arrive during a render', async () => {
    const el = mount({ template: blockTemplate, format: '200x100' })
    const renders = collect<VitrineRenderEventDetail>(el, 'render')
    await el.updateComplete
    el.data = { color: '#0000ff' }
    await el.updateComplete
    el.data = { color: '#00ffff' }
    await el.renderComplete
    expect(pixel(el, 5, 5)).to.deep.equal([0, 255, 255, 255])
    expect(renders.length).to.be.at.most(2)
    expect(renders.at(-1)!.scene.nodes).to.have.length(1)
  })

  it('loads a template from src, with pictures relative to it, and draws text in Inter', async () => {
    const el = mount({ src: fixtures + 'card.json', data: { sku: 'A1', title: 'Vitrine' }, format: '200x100' })
    const scene = await el.renderComplete
    expect(scene, el.error?.message).to.not.equal(undefined)
    // two-tone.png: blue left half, yellow right half, stretched over the left half of the card.
    expect(pixel(el, 10, 50)).to.deep.equal([0, 0, 255, 255])
    expect(pixel(el, 90, 50)).to.deep.equal([255, 255, 0, 255])
    expect(scene!.fonts).to.deep.include({ family: 'Inter', weight: 400, style: 'normal' })
    expect(document.fonts.check('400 20px "Inter"')).to.equal(true)
    const title = scene!.nodes.find((n) => n.id === 'title')
    expect(title?.type === 'text' && title.lines.map((l) => l.text).join(' ')).to.equal('Vitrine')
    // Dark text pixels exist in the right half.
    const data = canvasOf(el).getContext('2d')!.getImageData(100, 0, 100, 100).data
    let dark = 0
    for (let i = 0; i < data.length; i += 4) if (data[i]! < 100) dark++
    expect(dark).to.be.above(20)
  })

  it('takes its inputs from HTML attributes', async () => {
    const host = document.createElement('div')
    host.innerHTML = `<vitrine-preview src="${fixtures}card.json" format="300x100" locale="fr-FR" data='{"sku":"B2","title":"Bonjour"}'></vitrine-preview>`
    document.body.append(host)
    mounted.push(host)
    const el = host.firstElementChild as VitrinePreview
    const scene = await el.renderComplete
    expect(scene?.width).to.equal(300)
    expect(scene?.locale).to.equal('fr-FR')
    expect(el.data).to.equal('{"sku":"B2","title":"Bonjour"}')
  })

  it('encodes its picture with toBlob', async () => {
    const el = mount({ template: blockTemplate, format: '200x100' })
    for (const [type, mime] of [
      ['png', 'image/png'],
      ['jpeg', 'image/jpeg'],
      ['webp', 'image/webp'],
    ] as const) {
      const blob = await el.toBlob(type, 80)
      expect(blob.type).to.equal(mime)
      const bitmap = await createImageBitmap(blob)
      expect([bitmap.width, bitmap.height]).to.deep.equal([200, 100])
    }
  })

  describe('errors', () => {
    async function failing(props: Partial<VitrinePreview>): Promise<{ el: VitrinePreview; detail: VitrineErrorEventDetail }> {
      const el = mount(props)
      const errors = collect<VitrineErrorEventDetail>(el, 'error')
      const scene = await el.renderComplete
      expect(scene).to.equal(undefined)
      expect(errors, 'error events').to.have.length(1)
      expect(el.getAttribute('status')).to.equal('error')
      expect(el.shadowRoot!.querySelector('[part="error"]')?.getAttribute('role')).to.equal('alert')
      return { el, detail: errors[0]! }
    }

    it('shows an invalid template with its JSON pointer', async () => {
      const bad = { ...blockTemplate, layers: [{ id: 'x', type: 'circle', box: {} }] }
      const { el, detail } = await failing({ template: bad })
      expect(detail.code).to.equal('template/invalid')
      expect(detail.path).to.equal('/layers/0/type')
      expect(detail.message).to.contain('unknown layer type "circle"')
      expect(errorText(el)).to.contain('template/invalid at /layers/0/type')
      expect(errorText(el)).to.contain('unknown layer type "circle"')
    })

    it('shows template JSON that does not parse', async () => {
      const { detail } = await failing({ template: '{"schemaVersion": 2,' })
      expect(detail.code).to.equal('template/invalid-json')
    })

    it('shows a row that does not fit the template', async () => {
      const { el, detail } = await failing({ src: fixtures + 'card.json', data: { sku: 'C3', image: 'missing.png' } })
      expect(detail.code).to.equal('asset/not-found')
      expect(detail.message).to.contain('missing.png')
      expect(errorText(el)).to.contain('asset/not-found')
    })

    it('shows a missing required value', async () => {
      const { detail } = await failing({ src: fixtures + 'card.json', data: { title: 'No id' } })
      expect(detail.code).to.equal('data/missing-required')
      expect(detail.path).to.equal('/sku')
    })

    it('shows data JSON that does not parse, and an unknown format', async () => {
      expect((await failing({ template: blockTemplate, data: '{oops' })).detail.code).to.equal('data/invalid')
      expect((await failing({ template: blockTemplate, format: 'myspace-banner' })).detail.code).to.equal('format/unknown')
    })

    it('shows a template URL that does not answer', async () => {
      const { detail } = await failing({ src: fixtures + 'nope.json' })
      expect(detail.code).to.equal('asset/not-found')
      expect(detail.message).to.contain('nope.json')
    })

    it('recovers when the input is fixed', async () => {
      const { el } = await failing({ template: { ...blockTemplate, schemaVersion: 99 } })
      el.template = blockTemplate
      el.format = '200x100'
      const scene = await el.renderComplete
      expect(scene?.width).to.equal(200)
      expect(el.error).to.equal(undefined)
      expect(el.shadowRoot!.querySelector('[part="error"]')).to.equal(null)
      expect(el.getAttribute('status')).to.equal('ready')
    })

    it('can be themed with custom properties', async () => {
      const { el } = await failing({ template: '[]' })
      el.style.setProperty('--vitrine-preview-error-color', 'rgb(1, 2, 3)')
      const part = el.shadowRoot!.querySelector('[part="error"]')!
      expect(getComputedStyle(part).color).to.equal('rgb(1, 2, 3)')
    })
  })

  it('shows nothing, and no error, without a template', async () => {
    const el = mount()
    expect(await el.renderComplete).to.equal(undefined)
    expect(el.getAttribute('status')).to.equal('empty')
    await el.toBlob().then(
      () => expect.fail('toBlob should reject'),
      (error: Error) => expect(error.message).to.match(/no template/),
    )
  })
})

describe('<vitrine-preview> market and catalogues', () => {
  const card = {
    schemaVersion: 3,
    sourceLocale: 'en-US',
    size: { width: 400, height: 100 },
    variables: { price: { type: 'money', currency: 'SAR' } },
    layers: [
      { id: 'headline', type: 'text', text: 'Summer sale', fontSize: 20, box: { left: 0, top: 0, width: 400, height: 40 } },
      { id: 'price', type: 'text', text: '{price}', fontSize: 20, box: { left: 0, top: 50, width: 400, height: 40 } },
    ],
  }
  const textOf = (scene: Awaited<VitrinePreview['renderComplete']>, id: string) => {
    const node = scene?.nodes.find((n) => n.id === id)
    return node?.type === 'text' ? node.lines.map((l) => l.text).join(' ') : undefined
  }

  it('passes the market to resolve: its digits, and its locale when none is set', async () => {
    const saudi = await mount({ template: card, data: { price: '49.99' }, locale: 'ar-SA' }).renderComplete
    expect(textOf(saudi, 'price')).to.match(/٤٩٫٩٩/)
    const el = document.createElement('vitrine-preview') as VitrinePreview
    el.setAttribute('market', 'ar-AE')
    el.setAttribute('locale', 'ar-SA')
    Object.assign(el, { template: card, data: { price: '49.99' } })
    document.body.append(el)
    mounted.push(el)
    const emirates = await el.renderComplete
    expect(el.market).to.equal('ar-AE')
    expect(textOf(emirates, 'price')).to.match(/49\.99/)
    expect(emirates?.direction).to.equal('rtl')
    const german = await mount({ template: card, data: { price: '49.99' }, market: 'de-DE' }).renderComplete
    expect(textOf(german, 'price')).to.match(/^49,99\s/u)
  })

  it('translates with catalogues given as objects or as a catalogue file in the attribute, and shows a bad one as an error', async () => {
    const de = await mount({ template: card, data: { price: '1' }, locale: 'de-DE', catalogs: [{ locale: 'de', messages: { headline: 'Sommerschlussverkauf' } }] }).renderComplete
    expect(textOf(de, 'headline')).to.equal('Sommerschlussverkauf')
    const el = document.createElement('vitrine-preview') as VitrinePreview
    el.setAttribute('locale', 'fr-FR')
    el.setAttribute('catalogs', JSON.stringify({ locale: 'fr', messages: { headline: 'Soldes d’été' } }))
    Object.assign(el, { template: card, data: { price: '1' } })
    document.body.append(el)
    mounted.push(el)
    expect(textOf(await el.renderComplete, 'headline')).to.equal('Soldes d’été')
    const errors = collect<VitrineErrorEventDetail>(el, 'error')
    el.setAttribute('catalogs', '{"locale": "fr", "messages": 3}')
    await el.renderComplete
    expect(el.status).to.equal('error')
    expect(errors[0]?.code).to.equal('catalog/invalid')
  })
})
