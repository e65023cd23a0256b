import { test } from 'node:test'
import assert from 'node:assert/strict'
import { frameCount, frameTime, sampleAnimation, sampleEffect, sceneWindows, timelineDuration, type SceneAnimation, type SceneEffect } from '../../src/index.js'

const near = (a: number, b: number, what: string) => assert.ok(Math.abs(a - b) < 1e-9, `${what}: expected ${b}, found ${a}`)

test('a node is visible only inside its [start, end) window', () => {
  const a: SceneAnimation = { start: 1, end: 2, effects: [] }
  assert.equal(sampleAnimation(a, 0.999).visible, false)
  assert.equal(sampleAnimation(a, 1).visible, true)
  assert.equal(sampleAnimation(a, 1.999).visible, true)
  assert.equal(sampleAnimation(a, 2).visible, false)
})

test('an entrance goes from away to rest, an exit from rest to away', () => {
  const fadeIn: SceneEffect = { phase: 'in', start: 1, duration: 1, easing: 'linear', opacity: 0, dx: 0, dy: 100, scale: 0.5 }
  near(sampleEffect(fadeIn, 0).opacity, 0, 'before')
  near(sampleEffect(fadeIn, 1.5).opacity, 0.5, 'half way')
  near(sampleEffect(fadeIn, 1.5).dy, 50, 'half way offset')
  near(sampleEffect(fadeIn, 1.5).scale, 0.75, 'half way scale')
  near(sampleEffect(fadeIn, 3).opacity, 1, 'after')
  near(sampleEffect(fadeIn, 3).dy, 0, 'at rest')
  const fadeOut: SceneEffect = { ...fadeIn, phase: 'out' }
  near(sampleEffect(fadeOut, 0).opacity, 1, 'before the exit')
  near(sampleEffect(fadeOut, 1.25).opacity, 0.75, 'a quarter in')
  near(sampleEffect(fadeOut, 2).opacity, 0, 'gone')
  const wipe: SceneEffect = { ...fadeIn, opacity: 1, dy: 0, scale: 1, wipe: 'right' }
  assert.deepEqual(sampleEffect(wipe, 1.25).wipe, { side: 'right', amount: 0.75 })
})

test('keyframes interpolate with the easing of the earlier keyframe and hold at the ends', () => {
  const a: SceneAnimation = {
    start: 0,
    end: 10,
    effects: [],
    tracks: {
      x: [
        { time: 1, value: 0, easing: 'linear' },
        { time: 3, value: 200, easing: 'hold' },
        { time: 5, value: 100, easing: 'linear' },
      ],
      crop: [
        { time: 0, value: { top: 0, right: 1, bottom: 0, left: 0 }, easing: 'linear' },
        { time: 2, value: { top: 0, right: 0, bottom: 0, left: 0 }, easing: 'linear' },
      ],
    },
  }
  near(sampleAnimation(a, 0).dx, 0, 'before the first keyframe')
  near(sampleAnimation(a, 2).dx, 100, 'linear half way')
  near(sampleAnimation(a, 4.9).dx, 200, 'hold')
  near(sampleAnimation(a, 5).dx, 100, 'at the last keyframe')
  near(sampleAnimation(a, 9).dx, 100, 'after the last keyframe')
  near(sampleAnimation(a, 1).crop.right, 0.5, 'crop')
})

test('effects combine: offsets add, opacity and scale multiply, wipes take the larger inset', () => {
  const a: SceneAnimation = {
    start: 0,
    end: 4,
    effects: [
      { phase: 'in', start: 0, duration: 2, easing: 'linear', opacity: 0, dx: 40, dy: 0, scale: 1 },
      { phase: 'in', start: 0, duration: 2, easing: 'linear', opacity: 1, dx: 0, dy: 0, scale: 0.5, wipe: 'left' },
    ],
    tracks: { opacity: [{ time: 0, value: 0.5, easing: 'linear' }], x: [{ time: 0, value: 10, easing: 'linear' }] },
  }
  const s = sampleAnimation(a, 1)
  near(s.opacity, 0.25, 'opacity')
  near(s.dx, 30, 'offset')
  near(s.scale, 0.75, 'scale')
  near(s.crop.left, 0.5, 'wipe')
})

test('scenes follow each other and overlap by their transitions', () => {
  const timeline = {
    fps: 30,
    scenes: [
      { layer: 'a', duration: 2 },
      { layer: 'b', duration: 3, transition: { type: 'fade' as const, duration: 0.5 } },
      { layer: 'c', duration: 1, transition: { type: 'cut' as const } },
    ],
  }
  const w = sceneWindows(timeline)
  assert.deepEqual(
    w.map((x) => [x.layer, x.start, x.end]),
    [
      ['a', 0, 2],
      ['b', 1.5, 4.5],
      ['c', 4.5, 5.5],
    ],
  )
  assert.equal(w[1]!.transition?.duration, 0.5)
  assert.equal(w[2]!.transition, undefined)
  assert.equal(timelineDuration(timeline), 5.5)
  assert.equal(timelineDuration({ duration: 7, scenes: timeline.scenes }), 7)
})

test('frame N shows time N / fps, and a video has round(duration × fps) frames', () => {
  assert.equal(frameCount(2, 30), 60)
  assert.equal(frameCount(1.01, 30), 30)
  assert.equal(frameCount(0.001, 30), 1)
  assert.equal(frameTime(45, 30), 1.5)
})
