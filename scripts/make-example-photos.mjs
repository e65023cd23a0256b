// Makes the example product photos (examples/images/photos/*.jpg): the project's own product
// drawings (examples/images/*.png) placed in simple "studio" scenes — a wall, a floor, a contact
// shadow, grain — so the cut-out examples start from a photo with a real background.
// Run: node scripts/make-example-photos.mjs
import { createRequire } from 'node:module'
import { mkdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const requireFromNode = createRequire(root + 'packages/node/package.json')
const { createCanvas, loadImage } = requireFromNode('@napi-rs/canvas')
const sharp = requireFromNode('sharp')

const SIZE = 720
const outDir = root + 'examples/images/photos/'
const scenes = [
  { product: 'sneaker', wall: ['#d9d4cc', '#bfb8ad'], floor: ['#a89f92', '#8c8377'] },
  { product: 'mug', wall: ['#c9d6df', '#a7b8c4'], floor: ['#7b8a96', '#5f6d78'] },
  { product: 'backpack', wall: ['#e6dccf', '#d2c3ae'], floor: ['#b59b7c', '#9a8064'] },
  { product: 'headphones', wall: ['#d8d8d8', '#bdbdbd'], floor: ['#9e9e9e', '#858585'] },
  { product: 'lamp', wall: ['#d6e0d0', '#b7c6ae'], floor: ['#8fa087', '#75866d'] },
  { product: 'perfume', wall: ['#eadbe0', '#d3bcc4'], floor: ['#b89aa4', '#9c7f89'] },
]

/** A tiny deterministic random source, so the photos are the same on every run. */
function random(seed) {
  let s = seed >>> 0
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32)
}

mkdirSync(outDir, { recursive: true })
for (const [index, scene] of scenes.entries()) {
  const canvas = createCanvas(SIZE, SIZE)
  const ctx = canvas.getContext('2d')
  const horizon = SIZE * 0.66
  let g = ctx.createLinearGradient(0, 0, 0, horizon)
  g.addColorStop(0, scene.wall[0])
  g.addColorStop(1, scene.wall[1])
  ctx.fillStyle = g
  ctx.fillRect(0, 0, SIZE, horizon)
  g = ctx.createLinearGradient(0, horizon, 0, SIZE)
  g.addColorStop(0, scene.floor[0])
  g.addColorStop(1, scene.floor[1])
  ctx.fillStyle = g
  ctx.fillRect(0, horizon, SIZE, SIZE - horizon)
  const product = await loadImage(root + `examples/images/${scene.product}.png`)
  const w = SIZE * 0.72
  const x = (SIZE - w) / 2
  const y = horizon - w * 0.86
  // Contact shadow on the floor.
  const shadow = ctx.createRadialGradient(SIZE / 2, y + w * 0.86, 0, SIZE / 2, y + w * 0.86, w * 0.45)
  shadow.addColorStop(0, '#00000055')
  shadow.addColorStop(1, '#00000000')
  ctx.save()
  ctx.translate(SIZE / 2, y + w * 0.86)
  ctx.scale(1, 0.18)
  ctx.translate(-SIZE / 2, -(y + w * 0.86))
  ctx.fillStyle = shadow
  ctx.fillRect(0, 0, SIZE, SIZE * 2)
  ctx.restore()
  ctx.drawImage(product, x, y, w, w)
  // Grain, as a camera adds.
  const pixels = ctx.getImageData(0, 0, SIZE, SIZE)
  const rnd = random(index + 1)
  for (let i = 0; i < pixels.data.length; i += 4) {
    const n = (rnd() - 0.5) * 14
    pixels.data[i] += n
    pixels.data[i + 1] += n
    pixels.data[i + 2] += n
  }
  ctx.putImageData(pixels, 0, 0)
  const rgba = ctx.getImageData(0, 0, SIZE, SIZE).data
  await sharp(Buffer.from(rgba.buffer), { raw: { width: SIZE, height: SIZE, channels: 4 } }).removeAlpha().jpeg({ quality: 82, mozjpeg: true }).toFile(outDir + `${scene.product}.jpg`)
}
console.log(`wrote ${scenes.length} photos to ${outDir}`)
