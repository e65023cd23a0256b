#!/usr/bin/env node
// Makes the three try-on products Vitrine ships for its demo and tests — glasses, a hat and a
// pair of earrings — as small glTF 2.0 files (geometry in code, no textures, one embedded
// buffer), plus the catalogue that maps their SKUs to models and fits.
//
// Units are centimetres in MediaPipe's canonical face space: x to the wearer's left, y up, z out
// of the face. Each model's origin is the point that goes on its anchor (catalog.json's `fit`).
//
//   node scripts/make-try-on-products.mjs [outDir]
import { mkdirSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'

const outDir = resolve(process.argv[2] ?? join(import.meta.dirname, '../packages/elements/assets/try-on'))

// --- geometry ----------------------------------------------------------------------------------

/** A mesh being built: positions, normals, triangle indices. */
class Mesh {
  positions = []
  normals = []
  indices = []
  vertex(p, n) {
    this.positions.push(...p)
    const l = Math.hypot(...n) || 1
    this.normals.push(n[0] / l, n[1] / l, n[2] / l)
    return this.positions.length / 3 - 1
  }
}

const sub = (a, b) => [a[0] - b[0], a[1] - b[1], a[2] - b[2]]
const add = (a, b) => [a[0] + b[0], a[1] + b[1], a[2] + b[2]]
const scale = (a, s) => [a[0] * s, a[1] * s, a[2] * s]
const cross = (a, b) => [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]]
const norm = (a) => scale(a, 1 / (Math.hypot(...a) || 1))

/** A tube of `radius` along `path` (points), closed into a loop when `closed`; ends capped otherwise. */
function tube(mesh, path, radius, { closed = false, sides = 10 } = {}) {
  const n = path.length
  const rings = []
  // Each ring's frame is the previous one carried along the path (no twist between rings).
  let u = undefined
  for (let i = 0; i < n; i++) {
    const prev = path[closed ? (i - 1 + n) % n : Math.max(0, i - 1)]
    const next = path[closed ? (i + 1) % n : Math.min(n - 1, i + 1)]
    const t = norm(sub(next, prev))
    if (!u) u = Math.abs(t[2]) < 0.9 ? [0, 0, 1] : [1, 0, 0]
    const along = u[0] * t[0] + u[1] * t[1] + u[2] * t[2]
    u = norm(sub(u, scale(t, along)))
    const v = cross(t, u)
    const ring = []
    for (let s = 0; s < sides; s++) {
      const a = (s / sides) * Math.PI * 2
      const dir = add(scale(u, Math.cos(a)), scale(v, Math.sin(a)))
      ring.push(mesh.vertex(add(path[i], scale(dir, radius)), dir))
    }
    rings.push(ring)
  }
  const segments = closed ? n : n - 1
  for (let i = 0; i < segments; i++) {
    const a = rings[i]
    const b = rings[(i + 1) % n]
    for (let s = 0; s < sides; s++) {
      const s2 = (s + 1) % sides
      // Counter-clockwise seen from outside the tube.
      mesh.indices.push(a[s], b[s2], b[s], a[s], a[s2], b[s2])
    }
  }
  if (!closed) {
    for (const [i, sign] of [[0, -1], [n - 1, 1]]) {
      const t = norm(sub(path[Math.min(n - 1, i + 1)], path[Math.max(0, i - 1)]))
      const c = mesh.vertex(path[i], scale(t, sign))
      const ring = rings[i].map((_, s) => mesh.vertex(mesh.positions.slice(rings[i][s] * 3, rings[i][s] * 3 + 3), scale(t, sign)))
      for (let s = 0; s < sides; s++) {
        const s2 = (s + 1) % sides
        if (sign > 0) mesh.indices.push(c, ring[s], ring[s2])
        else mesh.indices.push(c, ring[s2], ring[s])
      }
    }
  }
}

/** A rounded-rectangle (superellipse) outline around (cx, cy) at depth z(x). */
function superellipse(cx, cy, halfW, halfH, z, { power = 4, steps = 48 } = {}) {
  const pts = []
  for (let i = 0; i < steps; i++) {
    const a = (i / steps) * Math.PI * 2
    const c = Math.cos(a)
    const s = Math.sin(a)
    const x = cx + halfW * Math.sign(c) * Math.abs(c) ** (2 / power)
    const y = cy + halfH * Math.sign(s) * Math.abs(s) ** (2 / power)
    pts.push([x, y, z(x, y)])
  }
  return pts
}

/** A filled outline (a lens): a fan from its centre, facing +z, two-sided by the material. */
function fan(mesh, outline, center) {
  const c = mesh.vertex(center, [0, 0, 1])
  const ring = outline.map((p) => mesh.vertex(p, [0, 0, 1]))
  for (let i = 0; i < ring.length; i++) mesh.indices.push(c, ring[i], ring[(i + 1) % ring.length])
}

/** A sphere. */
function sphere(mesh, center, radius, { rings = 10, sides = 14 } = {}) {
  const grid = []
  for (let r = 0; r <= rings; r++) {
    const phi = (r / rings) * Math.PI
    const row = []
    for (let s = 0; s <= sides; s++) {
      const theta = (s / sides) * Math.PI * 2
      const n = [Math.sin(phi) * Math.cos(theta), Math.cos(phi), Math.sin(phi) * Math.sin(theta)]
      row.push(mesh.vertex(add(center, scale(n, radius)), n))
    }
    grid.push(row)
  }
  for (let r = 0; r < rings; r++) {
    for (let s = 0; s < sides; s++) {
      const a = grid[r][s], b = grid[r + 1][s], c = grid[r + 1][s + 1], d = grid[r][s + 1]
      mesh.indices.push(a, d, c, a, c, b)
    }
  }
}

/** A surface of revolution about the y axis through `profile` ([radius, y] pairs), elliptical by `zScale`. */
function lathe(mesh, profile, { sides = 40, zScale = 1, center = [0, 0, 0] } = {}) {
  const grid = []
  for (let i = 0; i < profile.length; i++) {
    const [r, y] = profile[i]
    const [rp, yp] = profile[Math.max(0, i - 1)]
    const [rn, yn] = profile[Math.min(profile.length - 1, i + 1)]
    // The profile's outward normal in the (r, y) plane.
    const dr = rn - rp, dy = yn - yp
    const nr = dy, ny = -dr
    const row = []
    for (let s = 0; s <= sides; s++) {
      const a = (s / sides) * Math.PI * 2
      const c = Math.cos(a), sn = Math.sin(a)
      row.push(mesh.vertex(add(center, [r * c, y, r * sn * zScale]), [nr * c, ny, (nr * sn) / zScale]))
    }
    grid.push(row)
  }
  for (let i = 0; i < profile.length - 1; i++) {
    for (let s = 0; s < sides; s++) {
      const a = grid[i][s], b = grid[i + 1][s], c = grid[i + 1][s + 1], d = grid[i][s + 1]
      mesh.indices.push(a, b, c, a, c, d)
    }
  }
}

// --- glTF --------------------------------------------------------------------------------------

/**
 * A glTF 2.0 document with one node per part, one embedded buffer.
 * @param {{name: string, mesh: Mesh, material: object}[]} parts
 */
function gltf(name, parts) {
  const chunks = []
  let byteLength = 0
  const bufferViews = []
  const accessors = []
  const push = (typed, target) => {
    const bytes = new Uint8Array(typed.buffer, typed.byteOffset, typed.byteLength)
    const pad = (4 - (byteLength % 4)) % 4
    if (pad) chunks.push(new Uint8Array(pad))
    byteLength += pad
    bufferViews.push({ buffer: 0, byteOffset: byteLength, byteLength: bytes.length, target })
    chunks.push(bytes)
    byteLength += bytes.length
    return bufferViews.length - 1
  }
  const round = (v) => Math.round(v * 1e4) / 1e4
  const materials = []
  const meshes = parts.map((part) => {
    const pos = Float32Array.from(part.mesh.positions, round)
    const nor = Float32Array.from(part.mesh.normals, round)
    const min = [0, 1, 2].map((k) => Math.min(...pos.filter((_, i) => i % 3 === k)))
    const max = [0, 1, 2].map((k) => Math.max(...pos.filter((_, i) => i % 3 === k)))
    const idx = pos.length / 3 > 65535 ? Uint32Array.from(part.mesh.indices) : Uint16Array.from(part.mesh.indices)
    accessors.push({ bufferView: push(pos, 34962), componentType: 5126, count: pos.length / 3, type: 'VEC3', min, max })
    const position = accessors.length - 1
    accessors.push({ bufferView: push(nor, 34962), componentType: 5126, count: nor.length / 3, type: 'VEC3' })
    const normal = accessors.length - 1
    accessors.push({ bufferView: push(idx, 34963), componentType: idx instanceof Uint32Array ? 5125 : 5123, count: idx.length, type: 'SCALAR' })
    materials.push(part.material)
    return { name: part.name, primitives: [{ attributes: { POSITION: position, NORMAL: normal }, indices: accessors.length - 1, material: materials.length - 1 }] }
  })
  const data = Buffer.concat(chunks.map((c) => Buffer.from(c)))
  return {
    asset: { version: '2.0', generator: 'Vitrine make-try-on-products', copyright: 'Vitrine contributors, MIT' },
    scene: 0,
    scenes: [{ name, nodes: [0] }],
    nodes: [{ name, children: parts.map((_, i) => i + 1) }, ...parts.map((p, i) => ({ name: p.name, mesh: i }))],
    meshes,
    materials,
    accessors,
    bufferViews,
    buffers: [{ byteLength: data.length, uri: `data:application/octet-stream;base64,${data.toString('base64')}` }],
  }
}

const pbr = (name, [r, g, b, a = 1], { metallic = 0, roughness = 0.5, blend = false, doubleSided = false } = {}) => ({
  name,
  pbrMetallicRoughness: { baseColorFactor: [r, g, b, a], metallicFactor: metallic, roughnessFactor: roughness },
  ...(blend ? { alphaMode: 'BLEND' } : {}),
  ...(doubleSided ? { doubleSided: true } : {}),
})

// --- the products ------------------------------------------------------------------------------

function glasses() {
  // Origin: the nose bridge. Lenses centred on the eyes (canonical eyes sit 3.1 cm each side of the
  // bridge, 0.7 cm lower), the front wrapping back towards the temples.
  const lensZ = (x) => -0.25 - 0.06 * x * x
  const frame = new Mesh()
  const lenses = new Mesh()
  for (const side of [-1, 1]) {
    const cx = side * 3.2
    const rim = superellipse(cx, -0.75, 2.55, 2.0, (x) => lensZ(x), { power: 3.2 })
    tube(frame, rim, 0.22, { closed: true, sides: 8 })
    fan(lenses, superellipse(cx, -0.75, 2.5, 1.95, (x) => lensZ(x) - 0.02, { power: 3.2 }), [cx, -0.75, lensZ(cx) - 0.02])
    // Hinge and temple: from the rim's outer edge back to behind the ear, then down.
    const hx = side * 5.8
    const temple = [
      [hx, -0.2, lensZ(hx)],
      [side * 6.9, -0.15, lensZ(hx) - 1.2],
      [side * 7.75, -0.1, -3.5],
      [side * 7.85, -0.2, -6.5],
      [side * 7.8, -0.9, -8.1],
      [side * 7.6, -2.2, -8.8],
    ]
    tube(frame, temple, 0.18, { sides: 8 })
  }
  // The bridge arches over the nose.
  const bridge = Array.from({ length: 9 }, (_, i) => {
    const t = i / 8
    const x = -0.75 + 1.5 * t
    return [x, 0.15 + 0.25 * Math.sin(Math.PI * t), lensZ(x) + 0.05]
  })
  tube(frame, bridge, 0.18, { sides: 8 })
  return gltf('Vitrine glasses', [
    { name: 'frame', mesh: frame, material: pbr('frame', [0.05, 0.05, 0.06], { roughness: 0.55 }) },
    { name: 'lenses', mesh: lenses, material: pbr('lenses', [0.35, 0.45, 0.55, 0.28], { roughness: 0.05, blend: true, doubleSided: true }) },
  ])
}

function hat() {
  // Origin: the middle of the brim's underside, which the fit puts above the forehead and back over
  // the head's middle. Slightly oval (longer front to back), like a head.
  const crown = new Mesh()
  const band = new Mesh()
  const brim = new Mesh()
  const z = 1.12
  lathe(crown, [
    [8.2, 0.6],
    [8.1, 4],
    [7.8, 7.5],
    [7.0, 9.6],
    [5.0, 10.6],
    [2.3, 10.9],
    [0.01, 10.9],
  ], { zScale: z })
  lathe(band, [
    [8.3, 0.55],
    [8.25, 2.6],
  ], { zScale: z })
  // Underside outwards, then the top inwards, so both face out.
  lathe(brim, [
    [8.2, 0.2],
    [10.5, 0.1],
    [12.8, -0.2],
    [13, -0.1],
    [12.9, 0.05],
    [10.5, 0.45],
    [8.2, 0.6],
  ], { zScale: z })
  return gltf('Vitrine hat', [
    { name: 'crown', mesh: crown, material: pbr('felt', [0.55, 0.38, 0.24], { roughness: 0.9 }) },
    { name: 'band', mesh: band, material: pbr('band', [0.12, 0.08, 0.06], { roughness: 0.6 }) },
    { name: 'brim', mesh: brim, material: pbr('felt', [0.55, 0.38, 0.24], { roughness: 0.9, doubleSided: true }) },
  ])
}

function earring() {
  // Origin: the piercing. A stud, a hoop hanging below it, facing forwards, and a drop.
  const gold = new Mesh()
  const drop = new Mesh()
  sphere(gold, [0, 0, 0], 0.22)
  const hoop = Array.from({ length: 40 }, (_, i) => {
    const a = (i / 40) * Math.PI * 2
    return [0.9 * Math.sin(a), -1.0 + 0.9 * Math.cos(a), 0]
  })
  tube(gold, hoop, 0.09, { closed: true, sides: 8 })
  sphere(drop, [0, -2.15, 0], 0.32)
  return gltf('Vitrine earring', [
    { name: 'hoop', mesh: gold, material: pbr('gold', [1.0, 0.76, 0.33], { metallic: 1, roughness: 0.3 }) },
    { name: 'drop', mesh: drop, material: pbr('pearl', [0.93, 0.9, 0.86], { roughness: 0.25 }) },
  ])
}

const catalog = {
  version: 1,
  products: [
    { sku: 'VT-GLASSES-01', name: 'Vitrine Classic glasses', kind: 'glasses', model: 'glasses.gltf', fit: { anchor: 'nose-bridge', offset: [0, 0, 0.35] } },
    { sku: 'VT-HAT-01', name: 'Vitrine Fedora', kind: 'hat', model: 'hat.gltf', fit: { anchor: 'forehead', offset: [0, -1.4, -8.2], rotation: [-6, 0, 0] } },
    { sku: 'VT-EARRINGS-01', name: 'Vitrine Hoop earrings', kind: 'earrings', model: 'earring.gltf', fit: { anchor: ['right-ear', 'left-ear'], offset: [0.1, -2.6, -0.3], rotation: [0, 35, 0], scale: 1.25 } },
  ],
}

mkdirSync(outDir, { recursive: true })
for (const [file, doc] of [['glasses.gltf', glasses()], ['hat.gltf', hat()], ['earring.gltf', earring()]]) {
  writeFileSync(join(outDir, file), JSON.stringify(doc) + '\n')
}
writeFileSync(join(outDir, 'catalog.json'), JSON.stringify(catalog, null, 2) + '\n')
console.log(`[make-try-on-products] wrote glasses.gltf, hat.gltf, earring.gltf and catalog.json to ${outDir}`)
