// What `--resume` compares: the local files a scene was made from, and their size and time
// when they were read. Real files in a temporary folder.
import assert from 'node:assert/strict'
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { after, test } from 'node:test'
import type { Scene, SceneImage } from '@vitrine/core'
import { outputSources, sceneFileUrls } from '../src/output-sources.ts'

const dir = mkdtempSync(join(tmpdir(), 'vitrine-sources-'))
after(() => rmSync(dir, { recursive: true, force: true }))
const url = (name: string) => pathToFileURL(join(dir, name)).href

const image = (src: string): SceneImage => ({
  type: 'image',
  id: src,
  opacity: 1,
  src,
  crop: { x: 0, y: 0, width: 1, height: 1 },
  dest: { x: 0, y: 0, width: 1, height: 1 },
  radii: [0, 0, 0, 0],
}) as unknown as SceneImage

const scene = {
  sceneVersion: 1,
  width: 10,
  height: 10,
  format: '10x10',
  locale: 'en-US',
  direction: 'ltr',
  nodes: [
    image(`${url('shoe.png')}#cutout=u2net;t=;f=0`),
    { type: 'group', id: 'g', opacity: 1, clip: false, children: [image(url('logo.png')), { ...image(url('clip.mp4')), type: 'video' }] },
    image('https://cdn.test/remote.png'),
    image('data:image/png;base64,AAAA'),
  ],
  fonts: [],
  images: { [`${url('shoe.png')}#blur=20`]: { width: 1, height: 1 }, [url('backdrop.png')]: { width: 1, height: 1 } },
  text: [],
  timeline: { duration: 1, fps: 1, frames: 1, poster: 0, audio: { src: url('music.m4a'), volume: 1, fadeIn: 0, fadeOut: 0, trimStart: 0, loop: false } },
} as unknown as Scene

test('a scene names its local pictures, clips and audio once each; derived pictures count as their source; remote and inline ones are left out', () => {
  assert.deepEqual(sceneFileUrls(scene), [url('shoe.png'), url('logo.png'), url('clip.mp4'), url('backdrop.png'), url('music.m4a')])
})

test('sources carry the stamp taken when each file was read, else the file as it is now; a file gone is left out', () => {
  for (const name of ['shoe.png', 'logo.png', 'clip.mp4', 'music.m4a']) writeFileSync(join(dir, name), name)
  const read = { bytes: 1234, modifiedMs: 1700000000000.5 }
  const out = join(dir, 'out')
  const sources = outputSources(scene, out, (u) => (u === url('shoe.png') ? read : undefined))
  const now = (name: string) => ({ file: `../${name}`, bytes: statSync(join(dir, name)).size, modifiedMs: statSync(join(dir, name)).mtimeMs })
  assert.deepEqual(sources, [{ file: '../shoe.png', ...read }, now('logo.png'), now('clip.mp4'), now('music.m4a')])
})
