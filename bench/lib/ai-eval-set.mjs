// The cut-out evaluation set, made by the project (nothing downloaded): each sample is a picture
// with a known alpha composited on a background, with its true mask beside it.
//   products: the 12 example product drawings (examples/images/*.png) at several sizes and
//             positions, on 8 kinds of background (flat, gradient, noise, stripes, checks, studio
//             wall and floor, busy shapes, photo-like blur);
//   people:   drawn upper-body figures (head, hair, neck, shoulders, clothes; skin tones and
//             hair styles vary) on the same kinds of background. They are drawings, not photos:
//             the person figures measure the plumbing and a lower bound, not real-world quality.
// Everything is seeded, so the same set is made on every machine.
import { createRequire } from 'node:module'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('../../', import.meta.url))
const requireFromNode = createRequire(join(root, 'packages/node/package.json'))
const { createCanvas, loadImage } = requireFromNode('@napi-rs/canvas')

const SIZE = 512
const PRODUCTS = ['backpack', 'bottle', 'cap', 'chair', 'headphones', 'lamp', 'mug', 'perfume', 'plant-pot', 'sneaker', 'sunglasses', 'watch']
const BACKGROUNDS = ['flat', 'gradient', 'noise', 'stripes', 'checks', 'studio', 'shapes', 'bokeh']
const SKIN = ['#f1c27d', '#e0ac69', '#c68642', '#8d5524', '#ffdbac', '#5c3a21']
const HAIR = ['#2b1b0e', '#4a2f1b', '#8b5a2b', '#d8b26e', '#1a1a1a', '#a0522d']
const CLOTHES = ['#1f4e79', '#7a1f3d', '#2e7d32', '#f5f5f5', '#333333', '#e67e22']

function random(seed) {
  let s = seed >>> 0
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32)
}
const pick = (rnd, list) => list[Math.floor(rnd() * list.length)]
const hsl = (rnd, l = [35, 75]) => `hsl(${Math.floor(rnd() * 360)}, ${Math.floor(20 + rnd() * 50)}%, ${Math.floor(l[0] + rnd() * (l[1] - l[0]))}%)`

function drawBackground(ctx, kind, rnd) {
  ctx.save()
  if (kind === 'flat') {
    ctx.fillStyle = hsl(rnd)
    ctx.fillRect(0, 0, SIZE, SIZE)
  } else if (kind === 'gradient') {
    const g = ctx.createLinearGradient(0, 0, SIZE * rnd(), SIZE)
    g.addColorStop(0, hsl(rnd))
    g.addColorStop(1, hsl(rnd))
    ctx.fillStyle = g
    ctx.fillRect(0, 0, SIZE, SIZE)
  } else if (kind === 'noise') {
    const image = ctx.createImageData(SIZE, SIZE)
    const base = [60 + rnd() * 150, 60 + rnd() * 150, 60 + rnd() * 150]
    for (let i = 0; i < image.data.length; i += 4) {
      const n = (rnd() - 0.5) * 90
      image.data[i] = base[0] + n
      image.data[i + 1] = base[1] + n
      image.data[i + 2] = base[2] + n
      image.data[i + 3] = 255
    }
    ctx.putImageData(image, 0, 0)
  } else if (kind === 'stripes') {
    const a = hsl(rnd)
    const b = hsl(rnd)
    const w = 12 + rnd() * 40
    ctx.translate(SIZE / 2, SIZE / 2)
    ctx.rotate(rnd() * Math.PI)
    for (let x = -SIZE; x < SIZE; x += w) {
      ctx.fillStyle = Math.round(x / w) % 2 ? a : b
      ctx.fillRect(x, -SIZE, w, SIZE * 2)
    }
  } else if (kind === 'checks') {
    const a = hsl(rnd)
    const b = hsl(rnd)
    const w = 24 + rnd() * 48
    for (let y = 0; y < SIZE; y += w) for (let x = 0; x < SIZE; x += w) {
      ctx.fillStyle = (Math.round(x / w) + Math.round(y / w)) % 2 ? a : b
      ctx.fillRect(x, y, w, w)
    }
  } else if (kind === 'studio') {
    const horizon = SIZE * (0.55 + rnd() * 0.2)
    let g = ctx.createLinearGradient(0, 0, 0, horizon)
    g.addColorStop(0, hsl(rnd, [70, 90]))
    g.addColorStop(1, hsl(rnd, [60, 80]))
    ctx.fillStyle = g
    ctx.fillRect(0, 0, SIZE, horizon)
    g = ctx.createLinearGradient(0, horizon, 0, SIZE)
    g.addColorStop(0, hsl(rnd, [40, 60]))
    g.addColorStop(1, hsl(rnd, [25, 45]))
    ctx.fillStyle = g
    ctx.fillRect(0, horizon, SIZE, SIZE - horizon)
  } else if (kind === 'shapes') {
    ctx.fillStyle = hsl(rnd)
    ctx.fillRect(0, 0, SIZE, SIZE)
    for (let i = 0; i < 40; i++) {
      ctx.fillStyle = hsl(rnd)
      ctx.globalAlpha = 0.5 + rnd() * 0.5
      ctx.beginPath()
      if (rnd() < 0.5) ctx.arc(rnd() * SIZE, rnd() * SIZE, 8 + rnd() * 60, 0, Math.PI * 2)
      else ctx.rect(rnd() * SIZE, rnd() * SIZE, 10 + rnd() * 120, 10 + rnd() * 120)
      ctx.fill()
    }
  } else if (kind === 'bokeh') {
    const g = ctx.createLinearGradient(0, 0, 0, SIZE)
    g.addColorStop(0, hsl(rnd, [20, 40]))
    g.addColorStop(1, hsl(rnd, [10, 30]))
    ctx.fillStyle = g
    ctx.fillRect(0, 0, SIZE, SIZE)
    for (let i = 0; i < 30; i++) {
      const x = rnd() * SIZE
      const y = rnd() * SIZE
      const r = 15 + rnd() * 60
      const rg = ctx.createRadialGradient(x, y, 0, x, y, r)
      rg.addColorStop(0, hsl(rnd, [60, 85]))
      rg.addColorStop(1, 'rgba(0,0,0,0)')
      ctx.globalAlpha = 0.4 + rnd() * 0.4
      ctx.fillStyle = rg
      ctx.fillRect(x - r, y - r, r * 2, r * 2)
    }
  }
  ctx.restore()
}

/** A drawn upper-body figure on a transparent canvas. */
function drawPerson(ctx, rnd) {
  const skin = pick(rnd, SKIN)
  const hair = pick(rnd, HAIR)
  const cloth = pick(rnd, CLOTHES)
  const cx = SIZE * (0.4 + rnd() * 0.2)
  const headR = SIZE * (0.1 + rnd() * 0.04)
  const headY = SIZE * (0.3 + rnd() * 0.08)
  // Shoulders and torso.
  ctx.fillStyle = cloth
  ctx.beginPath()
  const shoulderY = headY + headR * 2.1
  const half = headR * (2.1 + rnd() * 0.6)
  ctx.moveTo(cx - half * 0.55, shoulderY - headR * 0.2)
  ctx.quadraticCurveTo(cx - half * 1.05, shoulderY, cx - half * 1.1, shoulderY + headR * 1.2)
  ctx.lineTo(cx - half * 1.2, SIZE)
  ctx.lineTo(cx + half * 1.2, SIZE)
  ctx.lineTo(cx + half * 1.1, shoulderY + headR * 1.2)
  ctx.quadraticCurveTo(cx + half * 1.05, shoulderY, cx + half * 0.55, shoulderY - headR * 0.2)
  ctx.closePath()
  ctx.fill()
  // Shading on the clothes.
  const shade = ctx.createLinearGradient(cx - half, 0, cx + half, 0)
  shade.addColorStop(0, 'rgba(0,0,0,0.25)')
  shade.addColorStop(0.5, 'rgba(255,255,255,0.08)')
  shade.addColorStop(1, 'rgba(0,0,0,0.3)')
  ctx.globalCompositeOperation = 'source-atop'
  ctx.fillStyle = shade
  ctx.fillRect(0, 0, SIZE, SIZE)
  ctx.globalCompositeOperation = 'source-over'
  // Neck.
  ctx.fillStyle = skin
  ctx.fillRect(cx - headR * 0.42, headY + headR * 0.6, headR * 0.84, headR * 1.3)
  // Hair behind the head (long hair sometimes).
  ctx.fillStyle = hair
  if (rnd() < 0.5) {
    ctx.beginPath()
    ctx.ellipse(cx, headY + headR * 0.6, headR * 1.2, headR * 1.9, 0, 0, Math.PI * 2)
    ctx.fill()
  }
  // Head and ears.
  ctx.fillStyle = skin
  ctx.beginPath()
  ctx.ellipse(cx, headY, headR * 0.85, headR * 1.08, 0, 0, Math.PI * 2)
  ctx.fill()
  ctx.beginPath()
  ctx.ellipse(cx - headR * 0.85, headY + headR * 0.1, headR * 0.15, headR * 0.25, 0, 0, Math.PI * 2)
  ctx.ellipse(cx + headR * 0.85, headY + headR * 0.1, headR * 0.15, headR * 0.25, 0, 0, Math.PI * 2)
  ctx.fill()
  // Hair on top.
  ctx.fillStyle = hair
  ctx.beginPath()
  ctx.ellipse(cx, headY - headR * 0.45, headR * 0.95, headR * 0.7, 0, Math.PI, Math.PI * 2)
  ctx.fill()
  // Face: eyes, brows, nose, mouth.
  ctx.fillStyle = '#ffffff'
  for (const s of [-1, 1]) {
    ctx.beginPath()
    ctx.ellipse(cx + s * headR * 0.33, headY - headR * 0.05, headR * 0.16, headR * 0.09, 0, 0, Math.PI * 2)
    ctx.fill()
  }
  ctx.fillStyle = '#3b2a1a'
  for (const s of [-1, 1]) {
    ctx.beginPath()
    ctx.arc(cx + s * headR * 0.33, headY - headR * 0.05, headR * 0.07, 0, Math.PI * 2)
    ctx.fill()
    ctx.fillRect(cx + s * headR * 0.33 - headR * 0.18, headY - headR * 0.28, headR * 0.36, headR * 0.06)
  }
  ctx.strokeStyle = 'rgba(0,0,0,0.25)'
  ctx.lineWidth = headR * 0.05
  ctx.beginPath()
  ctx.moveTo(cx, headY)
  ctx.lineTo(cx - headR * 0.08, headY + headR * 0.3)
  ctx.lineTo(cx + headR * 0.05, headY + headR * 0.32)
  ctx.stroke()
  ctx.strokeStyle = '#a0413a'
  ctx.lineWidth = headR * 0.08
  ctx.beginPath()
  ctx.arc(cx, headY + headR * 0.35, headR * 0.3, Math.PI * 0.2, Math.PI * 0.8)
  ctx.stroke()
}

async function productLayer(name, rnd) {
  const layer = createCanvas(SIZE, SIZE)
  const ctx = layer.getContext('2d')
  const picture = await loadImage(join(root, `examples/images/${name}.png`))
  const scale = 0.55 + rnd() * 0.4
  const w = SIZE * scale
  const x = (SIZE - w) * rnd()
  const y = (SIZE - w) * rnd()
  ctx.drawImage(picture, x, y, w, w)
  return layer
}

/**
 * Makes the set in `dir` (once; a `set.json` marks it complete) and returns its index:
 * `[{ id, kind: 'product'|'person', image: 'id.png', mask: 'id.mask.png' }]`.
 */
export async function makeAiEvalSet(dir, { products = 48, people = 12 } = {}) {
  const indexFile = join(dir, 'set.json')
  if (existsSync(indexFile)) {
    const index = JSON.parse(readFileSync(indexFile, 'utf8'))
    if (index.products === products && index.people === people) return index.samples
  }
  mkdirSync(dir, { recursive: true })
  const samples = []
  for (let i = 0; i < products + people; i++) {
    const sample = await makeAiEvalSample(i, products)
    writeFileSync(join(dir, `${sample.id}.png`), sample.png)
    writeFileSync(join(dir, `${sample.id}.mask.png`), sample.maskPng)
    samples.push({ id: sample.id, kind: sample.kind, image: `${sample.id}.png`, mask: `${sample.id}.mask.png` })
  }
  writeFileSync(indexFile, JSON.stringify({ products, people, samples }, null, 2))
  return samples
}

/**
 * One sample of the set, by index (indexes from `products` on are people): its picture and its
 * true mask as PNG bytes.
 */
export async function makeAiEvalSample(i, products = 48) {
  const rnd = random(1000 + i)
  const kind = i < products ? 'product' : 'person'
  const id = `${kind}-${String(i).padStart(2, '0')}`
  let subject
  if (kind === 'product') subject = await productLayer(PRODUCTS[i % PRODUCTS.length], rnd)
  else {
    subject = createCanvas(SIZE, SIZE)
    drawPerson(subject.getContext('2d'), rnd)
  }
  const canvas = createCanvas(SIZE, SIZE)
  const ctx = canvas.getContext('2d')
  drawBackground(ctx, BACKGROUNDS[(i * 3 + Math.floor(i / 8)) % BACKGROUNDS.length], rnd)
  ctx.drawImage(subject, 0, 0)
  // The true mask: the subject's alpha, as a grey PNG.
  const alpha = subject.getContext('2d').getImageData(0, 0, SIZE, SIZE).data
  const maskCanvas = createCanvas(SIZE, SIZE)
  const maskCtx = maskCanvas.getContext('2d')
  const mask = maskCtx.createImageData(SIZE, SIZE)
  for (let p = 0; p < SIZE * SIZE; p++) {
    mask.data[p * 4] = mask.data[p * 4 + 1] = mask.data[p * 4 + 2] = alpha[p * 4 + 3]
    mask.data[p * 4 + 3] = 255
  }
  maskCtx.putImageData(mask, 0, 0)
  return { id, kind, png: await canvas.encode('png'), maskPng: await maskCanvas.encode('png') }
}
