import { test } from 'node:test'
import assert from 'node:assert/strict'
import type { Scene, SceneNode } from '../../src/scene/scene.js'
import type { SceneAnimation } from '../../src/scene/scene-animation.js'
import { frameStateAt, sameFrameState } from '../../src/timeline/frame-state.js'

// Only what frameStateAt reads; the rest of a node does not change over time.
const node = (fields: Record<string, unknown>) => ({ x: 0, y: 0, width: 100, height: 100, opacity: 1, rotation: 0, ...fields }) as unknown as SceneNode
const scene = (...nodes: SceneNode[]) => ({ width: 100, height: 100, nodes }) as unknown as Scene
const fadeIn = (start: number, end = 10): SceneAnimation => ({ start, end, effects: [{ phase: 'in', start, duration: 0.5, easing: 'linear', opacity: 0, dx: 0, dy: 40, scale: 1 }] })
const same = (s: Scene, a: number, b: number) => sameFrameState(frameStateAt(s, a), frameStateAt(s, b))

test('frames of a hold have the same state; frames of a move do not', () => {
  const s = scene(node({ type: 'rect' }), node({ type: 'rect', animation: fadeIn(0) }))
  assert.equal(same(s, 0.1, 0.2), false, 'entering')
  assert.equal(same(s, 0.6, 0.9), true, 'at rest')
  assert.equal(same(s, 9.9, 10.1), false, 'leaving its window')
  assert.equal(same(s, 10.1, 12), true, 'gone')
})

test('a video layer changes with its clip frame, a frozen one does not', () => {
  const clip = { start: 0, trimStart: 0, trimEnd: 2, end: 'freeze', fps: 10 }
  const playing = scene(node({ type: 'video', clip }))
  assert.equal(same(playing, 0.2, 0.25), true, 'the same clip frame (0.2 s and 0.25 s are both frame 2)')
  assert.equal(same(playing, 0.2, 0.3), false, 'the next clip frame')
  assert.equal(same(playing, 2.5, 3), true, 'held on the last frame')
  assert.equal(same(scene(node({ type: 'video', clip: { ...clip, freezeAt: 1 } })), 0.2, 0.3), true, 'frozen')
})

test('text entering word by word changes until its last word is at rest', () => {
  const text = node({
    type: 'text',
    lines: [{ runs: [{ text: 'one two three' }] }],
    animation: { start: 0, end: 10, effects: [], text: { by: 'word', start: 0, stagger: 0.5, effect: { duration: 0.5, easing: 'linear', opacity: 0, dx: 0, dy: 20, scale: 1 } } },
  })
  assert.equal(same(scene(text), 1.1, 1.2), false, 'the third word enters from 1 s to 1.5 s')
  assert.equal(same(scene(text), 1.6, 3), true)
})

test('inside a hidden group, nothing counts; inside a shown one, a moving child does', () => {
  const child = node({ type: 'rect', animation: fadeIn(0) })
  assert.equal(same(scene(node({ type: 'group', children: [child], animation: { start: 5, end: 10, effects: [] } })), 0.1, 0.2), true)
  assert.equal(same(scene(node({ type: 'group', children: [child] })), 0.1, 0.2), false)
})

test('a Ken Burns picture moves throughout its span', () => {
  const image = node({
    type: 'image',
    crop: { x: 0, y: 0, width: 100, height: 100 },
    dest: { x: 0, y: 0, width: 100, height: 100 },
    animation: { start: 0, end: 10, effects: [], kenBurns: { start: 0, end: 4, scaleFrom: 1, scaleTo: 1.2, from: { x: 0.5, y: 0.5 }, to: { x: 0.5, y: 0.5 }, easing: 'linear' } },
  })
  assert.equal(same(scene(image), 1, 1.1), false)
  assert.equal(same(scene(image), 5, 6), true)
})
