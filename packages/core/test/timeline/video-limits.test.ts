import { test } from 'node:test'
import assert from 'node:assert/strict'
import { VitrineError, checkVideoLimits, getFormat } from '../../src/index.js'

const timeline = (fps: number) => ({ duration: 2, fps, frames: 2 * fps, poster: 0 })

test('a GIF over 50 frames per second is refused on any format, naming /timeline/fps', () => {
  assert.throws(
    () => checkVideoLimits(getFormat('320x240'), timeline(60), 'gif', 'gif'),
    (e: unknown) => e instanceof VitrineError && e.code === 'video/over-limit' && e.path === '/timeline/fps' && /at most 50 frames per second .* found 60/.test(e.message),
  )
  assert.doesNotThrow(() => checkVideoLimits(getFormat('320x240'), timeline(50), 'gif', 'gif'))
  assert.doesNotThrow(() => checkVideoLimits(getFormat('320x240'), timeline(60), 'mp4', 'h264'))
})

test('a container the format\'s platform does not take names the container, not a CLI flag', () => {
  assert.throws(
    () => checkVideoLimits(getFormat('instagram-story'), timeline(30), 'webm', 'vp9'),
    (e: unknown) => e instanceof VitrineError && /^container: instagram-story .* takes mp4 videos, found webm/.test(e.message),
  )
})
