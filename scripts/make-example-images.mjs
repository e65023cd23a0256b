// Draws the example product pictures (examples/images/*.png): simple vector drawings on a
// transparent background, made by the project so the examples carry no third-party licence.
// Run: node scripts/make-example-images.mjs
import { createRequire } from 'node:module'
import { mkdirSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const requireFromNode = createRequire(root + 'packages/node/package.json')
const { createCanvas } = requireFromNode('@napi-rs/canvas')
const sharp = requireFromNode('sharp')

const SIZE = 800
const outDir = root + 'examples/images/'

/** Linear gradient from a list of [offset, colour]. */
function linear(ctx, x0, y0, x1, y1, stops) {
  const g = ctx.createLinearGradient(x0, y0, x1, y1)
  for (const [o, c] of stops) g.addColorStop(o, c)
  return g
}
function radial(ctx, x, y, r, stops, fx = x, fy = y) {
  const g = ctx.createRadialGradient(fx, fy, 0, x, y, r)
  for (const [o, c] of stops) g.addColorStop(o, c)
  return g
}
function roundRect(ctx, x, y, w, h, r) {
  const [tl, tr, br, bl] = Array.isArray(r) ? r : [r, r, r, r]
  ctx.beginPath()
  ctx.moveTo(x + tl, y)
  ctx.arcTo(x + w, y, x + w, y + h, tr)
  ctx.arcTo(x + w, y + h, x, y + h, br)
  ctx.arcTo(x, y + h, x, y, bl)
  ctx.arcTo(x, y, x + w, y, tl)
  ctx.closePath()
}
function ellipse(ctx, x, y, rx, ry, rotation = 0) {
  ctx.beginPath()
  ctx.ellipse(x, y, rx, ry, rotation, 0, Math.PI * 2)
}
/** A soft white sheen, for glossy surfaces. */
function sheen(ctx, x, y, w, h, alpha = 0.35) {
  ctx.fillStyle = linear(ctx, x, y, x + w, y, [
    [0, 'rgba(255,255,255,0)'],
    [0.5, `rgba(255,255,255,${alpha})`],
    [1, 'rgba(255,255,255,0)'],
  ])
  roundRect(ctx, x, y, w, h, Math.min(w, h) / 2)
  ctx.fill()
}

const products = {
  sneaker(ctx) {
    const upper = () => {
      ctx.beginPath()
      ctx.moveTo(100, 530)
      ctx.bezierCurveTo(88, 430, 110, 340, 170, 318)
      ctx.bezierCurveTo(215, 304, 255, 338, 300, 332)
      ctx.lineTo(345, 282)
      ctx.bezierCurveTo(380, 270, 402, 290, 412, 318)
      ctx.bezierCurveTo(470, 388, 560, 420, 640, 440)
      ctx.bezierCurveTo(705, 458, 740, 490, 742, 530)
      ctx.closePath()
    }
    // Upper
    ctx.fillStyle = linear(ctx, 0, 280, 0, 540, [[0, '#ff6b5e'], [1, '#d7263d']])
    upper()
    ctx.fill()
    ctx.save()
    upper()
    ctx.clip()
    // Toe cap and heel counter, a shade darker
    ctx.fillStyle = 'rgba(120,10,30,0.28)'
    ctx.beginPath()
    ctx.moveTo(585, 425)
    ctx.bezierCurveTo(620, 460, 625, 500, 610, 540)
    ctx.lineTo(760, 540)
    ctx.lineTo(760, 400)
    ctx.closePath()
    ctx.fill()
    ctx.beginPath()
    ctx.moveTo(80, 300)
    ctx.bezierCurveTo(170, 330, 200, 430, 170, 540)
    ctx.lineTo(80, 540)
    ctx.closePath()
    ctx.fill()
    // Side stripe
    ctx.strokeStyle = '#ffffff'
    ctx.lineWidth = 24
    ctx.lineCap = 'round'
    ctx.beginPath()
    ctx.moveTo(200, 488)
    ctx.bezierCurveTo(330, 500, 450, 470, 540, 410)
    ctx.stroke()
    ctx.restore()
    // Collar opening and tongue
    ctx.fillStyle = '#2b2d42'
    ctx.beginPath()
    ctx.moveTo(160, 326)
    ctx.bezierCurveTo(210, 312, 255, 345, 305, 336)
    ctx.bezierCurveTo(260, 362, 200, 352, 160, 326)
    ctx.fill()
    ctx.fillStyle = '#b81d33'
    ctx.beginPath()
    ctx.moveTo(305, 334)
    ctx.lineTo(348, 284)
    ctx.bezierCurveTo(380, 272, 400, 290, 410, 318)
    ctx.lineTo(360, 350)
    ctx.closePath()
    ctx.fill()
    // Laces
    ctx.strokeStyle = '#f8f9fb'
    ctx.lineWidth = 9
    ctx.lineCap = 'round'
    for (let i = 0; i < 5; i++) {
      const t = i / 4
      const x = 395 + t * 190
      const y = 322 + t * 100 - Math.sin(t * Math.PI) * 12
      ctx.beginPath()
      ctx.moveTo(x - 26, y - 14)
      ctx.lineTo(x + 14, y + 18)
      ctx.stroke()
    }
    // Midsole with toe spring, and outsole
    ctx.fillStyle = linear(ctx, 0, 520, 0, 590, [[0, '#ffffff'], [1, '#d9dde5']])
    ctx.beginPath()
    ctx.moveTo(92, 522)
    ctx.lineTo(745, 522)
    ctx.bezierCurveTo(760, 540, 748, 572, 715, 585)
    ctx.lineTo(120, 585)
    ctx.bezierCurveTo(96, 585, 86, 560, 92, 522)
    ctx.closePath()
    ctx.fill()
    ctx.strokeStyle = 'rgba(43,45,66,0.25)'
    ctx.lineWidth = 4
    ctx.beginPath()
    ctx.moveTo(110, 548)
    ctx.lineTo(735, 548)
    ctx.stroke()
    ctx.fillStyle = '#e8a23b'
    roundRect(ctx, 112, 580, 610, 20, 10)
    ctx.fill()
  },

  mug(ctx) {
    // Handle
    ctx.strokeStyle = linear(ctx, 520, 300, 660, 300, [[0, '#2a9d8f'], [1, '#1d6f66']])
    ctx.lineWidth = 44
    ctx.beginPath()
    ctx.ellipse(545, 410, 105, 120, 0, -Math.PI / 2, Math.PI / 2)
    ctx.stroke()
    // Body
    ctx.fillStyle = linear(ctx, 170, 0, 570, 0, [[0, '#1d6f66'], [0.35, '#3cc0ae'], [0.6, '#2a9d8f'], [1, '#175e56']])
    ctx.beginPath()
    ctx.moveTo(170, 250)
    ctx.lineTo(570, 250)
    ctx.lineTo(555, 600)
    ctx.bezierCurveTo(550, 640, 520, 660, 480, 660)
    ctx.lineTo(260, 660)
    ctx.bezierCurveTo(220, 660, 190, 640, 185, 600)
    ctx.closePath()
    ctx.fill()
    // Rim and coffee
    ctx.fillStyle = '#e9f5f3'
    ellipse(ctx, 370, 250, 200, 40)
    ctx.fill()
    ctx.fillStyle = radial(ctx, 370, 255, 185, [[0, '#8a5a3b'], [1, '#4a2c1a']])
    ellipse(ctx, 370, 255, 182, 30)
    ctx.fill()
    // Band and heart
    ctx.fillStyle = 'rgba(255,255,255,0.9)'
    ctx.beginPath()
    const hx = 370
    const hy = 420
    ctx.moveTo(hx, hy + 60)
    ctx.bezierCurveTo(hx - 90, hy + 5, hx - 50, hy - 60, hx, hy - 25)
    ctx.bezierCurveTo(hx + 50, hy - 60, hx + 90, hy + 5, hx, hy + 60)
    ctx.fill()
    sheen(ctx, 215, 290, 40, 320, 0.3)
    // Steam
    ctx.strokeStyle = 'rgba(120,130,140,0.35)'
    ctx.lineWidth = 14
    ctx.lineCap = 'round'
    for (const x of [320, 380, 440]) {
      ctx.beginPath()
      ctx.moveTo(x, 200)
      ctx.bezierCurveTo(x - 30, 165, x + 30, 140, x, 100)
      ctx.stroke()
    }
  },

  backpack(ctx) {
    // Top handle
    ctx.strokeStyle = '#263238'
    ctx.lineWidth = 22
    ctx.beginPath()
    ctx.ellipse(400, 170, 60, 50, 0, Math.PI, 0)
    ctx.stroke()
    // Body
    ctx.fillStyle = linear(ctx, 200, 0, 600, 0, [[0, '#f2b134'], [0.5, '#ffc857'], [1, '#e09e1f']])
    roundRect(ctx, 210, 160, 380, 520, [150, 150, 50, 50])
    ctx.fill()
    // Front pocket
    ctx.fillStyle = linear(ctx, 0, 420, 0, 660, [[0, '#f9a620'], [1, '#d98b08']])
    roundRect(ctx, 255, 430, 290, 220, [40, 40, 36, 36])
    ctx.fill()
    ctx.strokeStyle = '#8d5a00'
    ctx.lineWidth = 6
    ctx.setLineDash([14, 10])
    roundRect(ctx, 270, 445, 260, 190, 30)
    ctx.stroke()
    ctx.setLineDash([])
    // Zips
    ctx.strokeStyle = '#3b3b3b'
    ctx.lineWidth = 8
    ctx.beginPath()
    ctx.moveTo(265, 470)
    ctx.lineTo(535, 470)
    ctx.stroke()
    ctx.beginPath()
    ctx.ellipse(400, 300, 150, 120, 0, Math.PI * 1.05, Math.PI * 1.95)
    ctx.stroke()
    ctx.fillStyle = '#3b3b3b'
    roundRect(ctx, 500, 462, 16, 44, 6)
    ctx.fill()
    // Straps
    ctx.fillStyle = '#263238'
    roundRect(ctx, 180, 260, 38, 300, 18)
    ctx.fill()
    roundRect(ctx, 582, 260, 38, 300, 18)
    ctx.fill()
    // Logo patch
    ctx.fillStyle = '#263238'
    roundRect(ctx, 360, 350, 80, 50, 10)
    ctx.fill()
    ctx.fillStyle = '#ffc857'
    ctx.beginPath()
    ctx.moveTo(378, 388)
    ctx.lineTo(400, 360)
    ctx.lineTo(422, 388)
    ctx.closePath()
    ctx.fill()
    sheen(ctx, 250, 200, 36, 220, 0.25)
  },

  watch(ctx) {
    // Strap
    ctx.fillStyle = linear(ctx, 330, 0, 470, 0, [[0, '#5b3a29'], [0.5, '#8b5a3c'], [1, '#5b3a29']])
    roundRect(ctx, 330, 90, 140, 620, 40)
    ctx.fill()
    ctx.fillStyle = '#3e2719'
    for (const y of [620, 660]) {
      ellipse(ctx, 400, y, 9, 9)
      ctx.fill()
    }
    // Lugs and crown
    ctx.fillStyle = '#b8bec8'
    roundRect(ctx, 600, 385, 36, 30, 8)
    ctx.fill()
    // Case
    ctx.fillStyle = linear(ctx, 220, 220, 580, 580, [[0, '#f2f4f7'], [0.5, '#aab2bd'], [1, '#6c757d']])
    ellipse(ctx, 400, 400, 210, 210)
    ctx.fill()
    // Dial
    ctx.fillStyle = radial(ctx, 400, 400, 180, [[0, '#1f3b57'], [1, '#0b1a2a']], 360, 350)
    ellipse(ctx, 400, 400, 180, 180)
    ctx.fill()
    // Hour marks
    ctx.strokeStyle = '#e8eef5'
    ctx.lineCap = 'round'
    for (let h = 0; h < 12; h++) {
      const a = (h / 12) * Math.PI * 2
      const long = h % 3 === 0
      ctx.lineWidth = long ? 10 : 5
      const r0 = long ? 135 : 148
      ctx.beginPath()
      ctx.moveTo(400 + Math.sin(a) * r0, 400 - Math.cos(a) * r0)
      ctx.lineTo(400 + Math.sin(a) * 165, 400 - Math.cos(a) * 165)
      ctx.stroke()
    }
    // Hands at 10:09
    const hand = (angle, length, width, color) => {
      ctx.strokeStyle = color
      ctx.lineWidth = width
      ctx.beginPath()
      ctx.moveTo(400, 400)
      ctx.lineTo(400 + Math.sin(angle) * length, 400 - Math.cos(angle) * length)
      ctx.stroke()
    }
    hand((10.15 / 12) * Math.PI * 2, 95, 14, '#e8eef5')
    hand((9 / 60) * Math.PI * 2, 140, 9, '#e8eef5')
    hand((38 / 60) * Math.PI * 2, 150, 4, '#ff6b35')
    ctx.fillStyle = '#ff6b35'
    ellipse(ctx, 400, 400, 12, 12)
    ctx.fill()
    // Glass reflection
    ctx.fillStyle = 'rgba(255,255,255,0.12)'
    ctx.beginPath()
    ctx.ellipse(400, 400, 180, 180, 0, Math.PI * 0.95, Math.PI * 1.75)
    ctx.lineTo(400, 400)
    ctx.closePath()
    ctx.fill()
  },

  headphones(ctx) {
    // Headband
    ctx.strokeStyle = linear(ctx, 150, 0, 650, 0, [[0, '#1b1b1f'], [0.5, '#3a3a44'], [1, '#1b1b1f']])
    ctx.lineWidth = 46
    ctx.lineCap = 'round'
    ctx.beginPath()
    ctx.arc(400, 420, 250, Math.PI * 1.05, Math.PI * 1.95)
    ctx.stroke()
    ctx.strokeStyle = '#c7c9d1'
    ctx.lineWidth = 12
    ctx.beginPath()
    ctx.arc(400, 420, 250, Math.PI * 1.12, Math.PI * 1.88)
    ctx.stroke()
    // Sliders
    ctx.fillStyle = '#9aa0aa'
    roundRect(ctx, 152, 360, 22, 110, 8)
    ctx.fill()
    roundRect(ctx, 626, 360, 22, 110, 8)
    ctx.fill()
    // Ear cups
    for (const [x, dir] of [[170, -1], [630, 1]]) {
      ctx.fillStyle = linear(ctx, x - 80, 0, x + 80, 0, dir < 0 ? [[0, '#6c63ff'], [1, '#4038c7']] : [[0, '#4038c7'], [1, '#6c63ff']])
      roundRect(ctx, x - 80, 440, 160, 230, 80)
      ctx.fill()
      ctx.fillStyle = '#1b1b1f'
      roundRect(ctx, x - dir * 30 - 50, 460, 100, 190, 50)
      ctx.fill()
      ctx.fillStyle = 'rgba(255,255,255,0.18)'
      roundRect(ctx, x + (dir < 0 ? -60 : 20), 470, 30, 150, 15)
      ctx.fill()
    }
  },

  bottle(ctx) {
    // Cap
    ctx.fillStyle = linear(ctx, 330, 0, 470, 0, [[0, '#222'], [0.5, '#555'], [1, '#222']])
    roundRect(ctx, 335, 80, 130, 90, 20)
    ctx.fill()
    ctx.strokeStyle = '#222'
    ctx.lineWidth = 14
    ctx.beginPath()
    ctx.arc(400, 90, 40, Math.PI, 0)
    ctx.stroke()
    // Neck and body
    ctx.fillStyle = linear(ctx, 270, 0, 530, 0, [[0, '#0b7a75'], [0.3, '#19c2b8'], [0.55, '#12a39a'], [1, '#085b57']])
    ctx.beginPath()
    ctx.moveTo(345, 165)
    ctx.lineTo(455, 165)
    ctx.bezierCurveTo(455, 210, 530, 220, 530, 290)
    ctx.lineTo(530, 680)
    ctx.bezierCurveTo(530, 710, 510, 725, 480, 725)
    ctx.lineTo(320, 725)
    ctx.bezierCurveTo(290, 725, 270, 710, 270, 680)
    ctx.lineTo(270, 290)
    ctx.bezierCurveTo(270, 220, 345, 210, 345, 165)
    ctx.closePath()
    ctx.fill()
    // Label
    ctx.fillStyle = '#f4f1de'
    ctx.fillRect(270, 400, 260, 170)
    ctx.fillStyle = '#e07a5f'
    ctx.beginPath()
    ctx.moveTo(400, 425)
    ctx.bezierCurveTo(440, 470, 450, 500, 400, 545)
    ctx.bezierCurveTo(350, 500, 360, 470, 400, 425)
    ctx.fill()
    sheen(ctx, 300, 240, 34, 430, 0.35)
  },

  lamp(ctx) {
    // Glow, a cone from the shade's opening
    ctx.fillStyle = radial(ctx, 600, 380, 380, [[0, 'rgba(255,214,102,0.6)'], [1, 'rgba(255,214,102,0)']])
    ctx.beginPath()
    ctx.moveTo(528, 402)
    ctx.lineTo(664, 330)
    ctx.lineTo(790, 720)
    ctx.lineTo(360, 720)
    ctx.closePath()
    ctx.fill()
    // Base
    ctx.fillStyle = linear(ctx, 140, 0, 380, 0, [[0, '#2d3142'], [0.5, '#4f5d75'], [1, '#2d3142']])
    ellipse(ctx, 260, 690, 130, 30)
    ctx.fill()
    // Arms
    ctx.strokeStyle = '#4f5d75'
    ctx.lineWidth = 20
    ctx.lineCap = 'round'
    ctx.beginPath()
    ctx.moveTo(260, 680)
    ctx.lineTo(330, 420)
    ctx.lineTo(470, 250)
    ctx.stroke()
    ctx.fillStyle = '#bfc0c0'
    for (const [x, y] of [[330, 420], [260, 675], [470, 250]]) {
      ellipse(ctx, x, y, 18, 18)
      ctx.fill()
    }
    // Shade
    ctx.fillStyle = linear(ctx, 420, 200, 640, 360, [[0, '#ef8354'], [1, '#c8553d']])
    ctx.beginPath()
    ctx.moveTo(450, 215)
    ctx.lineTo(520, 190)
    ctx.lineTo(660, 330)
    ctx.lineTo(530, 400)
    ctx.closePath()
    ctx.fill()
    ctx.fillStyle = '#ffe29a'
    ellipse(ctx, 596, 366, 74, 24, -0.5)
    ctx.fill()
  },

  chair(ctx) {
    // Back legs
    ctx.strokeStyle = '#8d6346'
    ctx.lineWidth = 22
    ctx.lineCap = 'round'
    for (const [x1, x2] of [[300, 270], [520, 550]]) {
      ctx.beginPath()
      ctx.moveTo(x1, 470)
      ctx.lineTo(x2, 700)
      ctx.stroke()
    }
    // Backrest
    ctx.fillStyle = linear(ctx, 250, 120, 550, 420, [[0, '#3d5a80'], [1, '#293f5c']])
    roundRect(ctx, 260, 110, 300, 320, [140, 140, 30, 30])
    ctx.fill()
    sheen(ctx, 300, 140, 200, 30, 0.18)
    // Seat
    ctx.fillStyle = linear(ctx, 0, 420, 0, 520, [[0, '#4d7298'], [1, '#2f4868']])
    ctx.beginPath()
    ctx.moveTo(230, 450)
    ctx.lineTo(590, 450)
    ctx.bezierCurveTo(620, 450, 630, 470, 620, 490)
    ctx.lineTo(600, 520)
    ctx.lineTo(220, 520)
    ctx.lineTo(200, 490)
    ctx.bezierCurveTo(190, 470, 200, 450, 230, 450)
    ctx.closePath()
    ctx.fill()
    // Front legs
    ctx.strokeStyle = '#a47551'
    ctx.lineWidth = 26
    for (const [x1, x2] of [[250, 200], [570, 620]]) {
      ctx.beginPath()
      ctx.moveTo(x1, 515)
      ctx.lineTo(x2, 730)
      ctx.stroke()
    }
  },

  sunglasses(ctx) {
    const lens = (cx) => {
      ctx.beginPath()
      ctx.moveTo(cx - 135, 330)
      ctx.bezierCurveTo(cx - 135, 305, cx + 135, 305, cx + 135, 330)
      ctx.bezierCurveTo(cx + 135, 460, cx + 80, 495, cx + 5, 495)
      ctx.bezierCurveTo(cx - 95, 495, cx - 135, 440, cx - 135, 330)
      ctx.closePath()
    }
    // Temples, seen folded back
    ctx.strokeStyle = '#1a1a1a'
    ctx.lineWidth = 18
    ctx.lineCap = 'round'
    ctx.beginPath()
    ctx.moveTo(88, 335)
    ctx.lineTo(50, 300)
    ctx.moveTo(712, 335)
    ctx.lineTo(750, 300)
    ctx.stroke()
    // Bridge
    ctx.lineWidth = 20
    ctx.beginPath()
    ctx.moveTo(355, 340)
    ctx.quadraticCurveTo(400, 300, 445, 340)
    ctx.stroke()
    for (const cx of [225, 575]) {
      ctx.strokeStyle = '#1a1a1a'
      ctx.lineWidth = 30
      ctx.lineJoin = 'round'
      lens(cx)
      ctx.stroke()
      ctx.fillStyle = linear(ctx, 0, 310, 0, 495, [[0, '#3a1c71'], [0.55, '#d76d77'], [1, '#ffaf7b']])
      lens(cx)
      ctx.fill()
      ctx.save()
      lens(cx)
      ctx.clip()
      ctx.fillStyle = 'rgba(255,255,255,0.25)'
      ctx.beginPath()
      ctx.moveTo(cx - 100, 310)
      ctx.lineTo(cx - 40, 310)
      ctx.lineTo(cx - 130, 470)
      ctx.lineTo(cx - 160, 470)
      ctx.closePath()
      ctx.fill()
      ctx.restore()
    }
  },

  'plant-pot'(ctx) {
    // Leaves
    const leaf = (x, y, length, width, angle, color) => {
      ctx.save()
      ctx.translate(x, y)
      ctx.rotate(angle)
      ctx.fillStyle = linear(ctx, 0, 0, 0, -length, [[0, color[0]], [1, color[1]]])
      ctx.beginPath()
      ctx.moveTo(0, 0)
      ctx.bezierCurveTo(width, -length * 0.3, width * 0.8, -length * 0.8, 0, -length)
      ctx.bezierCurveTo(-width * 0.8, -length * 0.8, -width, -length * 0.3, 0, 0)
      ctx.fill()
      ctx.strokeStyle = 'rgba(255,255,255,0.35)'
      ctx.lineWidth = 4
      ctx.beginPath()
      ctx.moveTo(0, -10)
      ctx.lineTo(0, -length * 0.85)
      ctx.stroke()
      ctx.restore()
    }
    const dark = ['#1b5e20', '#43a047']
    const light = ['#2e7d32', '#81c784']
    leaf(400, 430, 330, 70, -0.75, dark)
    leaf(400, 430, 300, 70, 0.8, dark)
    leaf(400, 430, 360, 80, -0.3, light)
    leaf(400, 430, 340, 80, 0.35, light)
    leaf(400, 430, 380, 75, 0.02, dark)
    // Pot
    ctx.fillStyle = linear(ctx, 250, 0, 550, 0, [[0, '#b5533c'], [0.4, '#e07a5f'], [1, '#9c4330']])
    ctx.beginPath()
    ctx.moveTo(260, 470)
    ctx.lineTo(540, 470)
    ctx.lineTo(505, 720)
    ctx.quadraticCurveTo(500, 740, 480, 740)
    ctx.lineTo(320, 740)
    ctx.quadraticCurveTo(300, 740, 295, 720)
    ctx.closePath()
    ctx.fill()
    ctx.fillStyle = linear(ctx, 240, 0, 560, 0, [[0, '#c4624a'], [0.4, '#ee8d72'], [1, '#a84b36']])
    roundRect(ctx, 240, 420, 320, 70, 14)
    ctx.fill()
  },

  cap(ctx) {
    // Brim
    ctx.fillStyle = linear(ctx, 0, 470, 0, 600, [[0, '#0f4c5c'], [1, '#083440']])
    ctx.beginPath()
    ctx.moveTo(420, 480)
    ctx.bezierCurveTo(560, 470, 720, 500, 740, 560)
    ctx.bezierCurveTo(700, 600, 560, 600, 430, 560)
    ctx.closePath()
    ctx.fill()
    // Crown
    ctx.fillStyle = linear(ctx, 120, 0, 560, 0, [[0, '#1b7a8f'], [0.45, '#2ab3c9'], [1, '#137083']])
    ctx.beginPath()
    ctx.moveTo(110, 540)
    ctx.bezierCurveTo(90, 330, 250, 200, 370, 200)
    ctx.bezierCurveTo(500, 200, 580, 330, 560, 520)
    ctx.bezierCurveTo(420, 560, 250, 570, 110, 540)
    ctx.closePath()
    ctx.fill()
    // Seams
    ctx.strokeStyle = 'rgba(6,50,60,0.5)'
    ctx.lineWidth = 5
    ctx.beginPath()
    ctx.moveTo(370, 205)
    ctx.bezierCurveTo(330, 300, 320, 430, 340, 550)
    ctx.moveTo(370, 205)
    ctx.bezierCurveTo(450, 300, 500, 420, 500, 528)
    ctx.moveTo(370, 205)
    ctx.bezierCurveTo(250, 280, 190, 420, 200, 552)
    ctx.stroke()
    // Band and button
    ctx.strokeStyle = '#083440'
    ctx.lineWidth = 16
    ctx.beginPath()
    ctx.moveTo(112, 532)
    ctx.bezierCurveTo(250, 560, 420, 552, 560, 512)
    ctx.stroke()
    ctx.fillStyle = '#083440'
    ellipse(ctx, 370, 203, 22, 12)
    ctx.fill()
    // Badge
    ctx.fillStyle = '#ffd166'
    ellipse(ctx, 400, 400, 52, 44, 0.1)
    ctx.fill()
    ctx.fillStyle = '#0f4c5c'
    ctx.beginPath()
    ctx.moveTo(372, 420)
    ctx.lineTo(400, 372)
    ctx.lineTo(428, 420)
    ctx.closePath()
    ctx.fill()
  },

  perfume(ctx) {
    // Cap
    ctx.fillStyle = linear(ctx, 330, 0, 470, 0, [[0, '#b8860b'], [0.45, '#ffe08a'], [1, '#a0740a']])
    roundRect(ctx, 335, 110, 130, 120, 14)
    ctx.fill()
    ctx.fillStyle = linear(ctx, 360, 0, 440, 0, [[0, '#c9a227'], [1, '#8f6a08']])
    ctx.fillRect(365, 225, 70, 40)
    // Glass
    ctx.fillStyle = linear(ctx, 200, 260, 600, 720, [[0, 'rgba(255,200,221,0.95)'], [1, 'rgba(205,120,160,0.95)']])
    roundRect(ctx, 205, 260, 390, 450, 46)
    ctx.fill()
    // Liquid
    ctx.fillStyle = linear(ctx, 0, 360, 0, 700, [[0, 'rgba(255,143,171,0.9)'], [1, 'rgba(199,62,112,0.95)']])
    roundRect(ctx, 235, 360, 330, 320, [8, 8, 32, 32])
    ctx.fill()
    // Facets and highlights
    ctx.strokeStyle = 'rgba(255,255,255,0.55)'
    ctx.lineWidth = 6
    roundRect(ctx, 225, 280, 350, 410, 36)
    ctx.stroke()
    sheen(ctx, 245, 300, 40, 370, 0.5)
    // Label
    ctx.fillStyle = 'rgba(255,255,255,0.92)'
    roundRect(ctx, 310, 470, 180, 90, 10)
    ctx.fill()
    ctx.fillStyle = '#7a2048'
    ctx.beginPath()
    for (let i = 0; i < 5; i++) {
      const a = (i / 5) * Math.PI * 2 - Math.PI / 2
      const b = a + Math.PI / 5
      ctx.lineTo(400 + Math.cos(a) * 28, 515 + Math.sin(a) * 28)
      ctx.lineTo(400 + Math.cos(b) * 12, 515 + Math.sin(b) * 12)
    }
    ctx.closePath()
    ctx.fill()
  },
}

mkdirSync(outDir, { recursive: true })
for (const [name, draw] of Object.entries(products)) {
  const canvas = createCanvas(SIZE, SIZE)
  const ctx = canvas.getContext('2d')
  draw(ctx)
  const raw = Buffer.from(ctx.getImageData(0, 0, SIZE, SIZE).data.buffer)
  // libvips at maximum compression keeps each file under 100 KB, smaller than Skia's PNG.
  const png = await sharp(raw, { raw: { width: SIZE, height: SIZE, channels: 4, premultiplied: false } })
    .png({ compressionLevel: 9, palette: false })
    .toBuffer()
  writeFileSync(`${outDir}${name}.png`, png)
  console.log(`${name}.png  ${(png.length / 1024).toFixed(1)} KB`)
}
