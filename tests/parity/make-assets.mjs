// Draws the parity suite's pictures (committed; run again only to change them).
import { createRequire } from 'node:module'
import { writeFileSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'

const require = createRequire(join(import.meta.dirname, '..', '..', 'packages', 'node', 'package.json'))
const { createCanvas } = require('@napi-rs/canvas')
const out = join(import.meta.dirname, 'assets')
mkdirSync(out, { recursive: true })

// An opaque "photo": sky gradient, sun, hills — wide, so cover/contain crops show.
{
  const c = createCanvas(640, 400)
  const g = c.getContext('2d')
  const sky = g.createLinearGradient(0, 0, 0, 400)
  sky.addColorStop(0, '#7dd3fc')
  sky.addColorStop(1, '#fef3c7')
  g.fillStyle = sky
  g.fillRect(0, 0, 640, 400)
  g.fillStyle = '#f59e0b'
  g.beginPath()
  g.arc(480, 110, 60, 0, Math.PI * 2)
  g.fill()
  g.fillStyle = '#15803d'
  g.beginPath()
  g.moveTo(0, 400)
  g.bezierCurveTo(120, 220, 260, 260, 360, 320)
  g.bezierCurveTo(460, 250, 560, 240, 640, 300)
  g.lineTo(640, 400)
  g.fill()
  g.fillStyle = '#b91c1c'
  g.fillRect(60, 40, 40, 40)
  writeFileSync(join(out, 'landscape.png'), c.toBuffer('image/png'))
}

// A cut-out "product" with transparency: a mug, so the shadow follows its shape.
{
  const c = createCanvas(400, 400)
  const g = c.getContext('2d')
  g.fillStyle = '#ef4444'
  g.beginPath()
  g.roundRect(90, 100, 180, 220, 24)
  g.fill()
  g.lineWidth = 28
  g.strokeStyle = '#ef4444'
  g.beginPath()
  g.arc(280, 200, 52, -Math.PI / 2, Math.PI / 2)
  g.stroke()
  g.fillStyle = '#ffffff'
  g.fillRect(120, 170, 120, 18)
  g.fillRect(120, 200, 80, 18)
  writeFileSync(join(out, 'mug.png'), c.toBuffer('image/png'))
}
console.log('wrote', out)
