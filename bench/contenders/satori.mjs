import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { Resvg } from '@resvg/resvg-js'
import satori from 'satori'
import sharp from 'sharp'
import { card, cardContent, cardFontFiles } from '../lib/card-design.mjs'

/**
 * satori (JSX-like tree → SVG) then @resvg/resvg-js (SVG → pixels → PNG): the usual Node
 * "HTML-ish to image" stack. resvg only writes PNG, so for JPEG its pixels go to sharp
 * (libjpeg-turbo, quality 85), as a user of this stack would do; the name says so.
 */
export function createSatoriContender() {
  let fonts
  const dataUrls = new Map()
  const phases = { layoutMs: 0, rasteriseMs: 0, encodeMs: 0 }

  async function dataUrl(path) {
    let url = dataUrls.get(path)
    if (!url) {
      url = `data:image/png;base64,${(await readFile(path)).toString('base64')}`
      dataUrls.set(path, url)
    }
    return url
  }

  /**
   * satori cannot measure text before drawing it, so sizes are guessed from the length, as
   * satori users do: the largest size (2 px steps) at which an average advance of `em` fits.
   */
  function guessFit(text, size, min, width, lines, em) {
    while (size > min && [...text].length * em * size > width * lines * 0.92) size = Math.max(min, size - 2)
    return size
  }

  const div = (style, children) => ({ type: 'div', props: { style, children } })
  const at = (box) => ({ position: 'absolute', left: box.x, top: box.y, width: box.width, height: box.height })

  function tree(c, src) {
    const { glow, photo, shadow, title, price, badge } = card
    const children = [
      div({ ...at({ ...glow, width: glow.size, height: glow.size }), borderRadius: '50%', backgroundImage: `radial-gradient(circle ${glow.radius}px at 50% 50%, ${glow.from}, ${glow.to})` }),
      {
        type: 'img',
        props: {
          src,
          width: photo.width,
          height: photo.height,
          style: {
            ...at(photo),
            objectFit: 'contain',
            filter: `drop-shadow(${shadow.offsetX}px ${shadow.offsetY}px ${shadow.blur}px ${shadow.color})`,
          },
        },
      },
      // The guess can be wrong: the clamp (2 lines, ellipsis) keeps the text inside its box.
      div({ ...at(title), display: 'flex', flexDirection: 'column', justifyContent: 'flex-end' }, [
        div(
          { display: 'block', width: title.width, textAlign: 'center', fontSize: guessFit(c.title, title.fontSize, title.minFontSize, title.width, title.maxLines, 0.56), fontWeight: title.weight, lineHeight: title.lineHeight, color: title.color, lineClamp: title.maxLines },
          c.title,
        ),
      ]),
      div(
        { ...at(price), display: 'flex', alignItems: 'center', justifyContent: 'center', fontSize: guessFit(c.price, price.fontSize, price.minFontSize, price.width, 1, 0.62), fontWeight: price.weight, lineHeight: 1, color: price.color, whiteSpace: 'nowrap' },
        c.price,
      ),
    ]
    if (c.badge) {
      const s = badge.shadow
      children.push(
        div(
          {
            ...at(badge),
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'center',
            borderRadius: badge.height / 2,
            backgroundColor: badge.fill,
            boxShadow: `${s.offsetX}px ${s.offsetY}px ${s.blur}px ${s.color}`,
            color: badge.color,
            fontSize: guessFit(c.badge, badge.fontSize, badge.minFontSize, badge.width - 2 * badge.padX, 1, 0.72),
            fontWeight: badge.weight,
            letterSpacing: badge.letterSpacing,
            lineHeight: 1,
            whiteSpace: 'nowrap',
          },
          c.badge,
        ),
      )
    }
    return div(
      {
        display: 'flex',
        position: 'relative',
        width: card.width,
        height: card.height,
        fontFamily: card.fontFamily,
        backgroundImage: `linear-gradient(${card.background.angleDeg}deg, ${c.brand}, ${card.background.to})`,
      },
      children,
    )
  }

  return {
    name: 'satori',
    labelFor: (type) => (type === 'jpeg' ? 'satori + resvg + sharp' : 'satori + resvg'),
    types: ['png', 'jpeg'],
    notes: {
      jpeg: 'resvg writes PNG only: its RGBA pixels are encoded to JPEG q85 by sharp (libjpeg-turbo).',
    },
    phases,
    async setup({ root }) {
      fonts = await Promise.all(
        cardFontFiles.map(async ({ weight, file }) => ({
          name: card.fontFamily,
          weight,
          style: 'normal',
          data: await readFile(join(root, 'packages/core/fonts', file)),
        })),
      )
    },
    async render(row, type, { quality = 85 } = {}) {
      const c = cardContent(row)
      const t0 = performance.now()
      const svg = await satori(tree(c, await dataUrl(c.imagePath)), { width: card.width, height: card.height, fonts })
      const t1 = performance.now()
      const rendered = new Resvg(svg, { fitTo: { mode: 'original' }, font: { loadSystemFonts: false } }).render()
      const t2 = performance.now()
      let bytes
      if (type === 'png') bytes = rendered.asPng()
      else if (type === 'jpeg') {
        bytes = await sharp(rendered.pixels, { raw: { width: rendered.width, height: rendered.height, channels: 4 } })
          .jpeg({ quality })
          .toBuffer()
      } else throw new Error(`satori contender: no ${type}`)
      const t3 = performance.now()
      phases.layoutMs += t1 - t0
      phases.rasteriseMs += t2 - t1
      phases.encodeMs += t3 - t2
      return bytes
    },
    async teardown() {
      dataUrls.clear()
    },
  }
}
