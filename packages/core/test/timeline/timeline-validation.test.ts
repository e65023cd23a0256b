import { test } from 'node:test'
import assert from 'node:assert/strict'
import { parseTemplate, VitrineError } from '../../src/index.js'

const base = (extra: Record<string, unknown>, layers: unknown[] = [{ id: 'a', type: 'rect', box: {}, fill: '#ff0000' }]) => ({
  schemaVersion: 3,
  size: { width: 100, height: 100 },
  variables: {},
  layers,
  ...extra,
})

function issuesOf(doc: unknown) {
  try {
    parseTemplate(doc)
  } catch (e) {
    assert.ok(e instanceof VitrineError)
    assert.equal(e.code, 'template/invalid')
    return e.issues
  }
  assert.fail('expected the template to be refused')
}

test('a valid animated template parses', () => {
  const t = parseTemplate(
    base(
      { timeline: { duration: 2, fps: 25, poster: 1 } },
      [
        {
          id: 'a',
          type: 'rect',
          box: {},
          animation: {
            start: 0.2,
            enter: { preset: 'slide-up', duration: 0.4, distance: '10%' },
            exit: { preset: 'fade' },
            keyframes: { rotation: [{ time: 0, value: 0 }, { time: 1, value: 90, easing: [0.2, 0, 0, 1] }] },
          },
        },
      ],
    ),
  )
  assert.equal(t.timeline?.fps, 25)
})

test('a zero or negative duration names /timeline/duration', () => {
  for (const duration of [0, -3]) {
    const issues = issuesOf(base({ timeline: { duration } }))
    assert.equal(issues[0]!.path, '/timeline/duration')
    assert.match(issues[0]!.message, /above 0/)
  }
  assert.equal(issuesOf(base({ timeline: {} }))[0]!.path, '/timeline/duration')
})

test('a frame rate that is not a whole number from 1 to 120 names /timeline/fps', () => {
  for (const fps of [0, 29.97, 240]) assert.equal(issuesOf(base({ timeline: { duration: 1, fps } }))[0]!.path, '/timeline/fps')
})

test('a keyframe outside the duration names the keyframe, the expected range and the time found', () => {
  const issues = issuesOf(
    base({ timeline: { duration: 2 } }, [
      { id: 'a', type: 'rect', box: {}, animation: { start: 1, keyframes: { opacity: [{ time: 0, value: 0 }, { time: 1.5, value: 1 }] } } },
    ]),
  )
  assert.equal(issues.length, 1)
  assert.equal(issues[0]!.path, '/layers/0/animation/keyframes/opacity/1/time')
  assert.match(issues[0]!.message, /outside the duration/)
  assert.equal(issues[0]!.expected, 'a time from 0 to 1 s')
  assert.equal(issues[0]!.found, '1.5 s')
})

test('keyframes out of order, effects longer than the layer, misplaced Ken Burns and text animations are refused', () => {
  const issues = issuesOf(
    base({ timeline: { duration: 1 } }, [
      {
        id: 'a',
        type: 'rect',
        box: {},
        animation: { enter: { preset: 'fade', duration: 2 }, keyframes: { x: [{ time: 0.5, value: 0 }, { time: 0.2, value: 5 }] }, kenBurns: {}, text: { by: 'word', preset: 'fade' } },
      },
    ]),
  )
  assert.deepEqual(issues.map((i) => i.path).sort(), [
    '/layers/0/animation/enter/duration',
    '/layers/0/animation/kenBurns',
    '/layers/0/animation/keyframes/x/1/time',
    '/layers/0/animation/text',
  ])
})

test('an animation without a timeline is refused', () => {
  const issues = issuesOf(base({}, [{ id: 'a', type: 'rect', box: {}, animation: { enter: { preset: 'fade' } } }]))
  assert.equal(issues[0]!.path, '/layers/0/animation')
  assert.match(issues[0]!.message, /needs a timeline/)
})

test('scenes must name distinct top-level layers, fit the duration and have transitions shorter than them', () => {
  const layers = [
    { id: 'one', type: 'group', box: {}, children: [{ id: 'inner', type: 'rect', box: {} }] },
    { id: 'two', type: 'rect', box: {} },
  ]
  const issues = issuesOf(
    base(
      {
        timeline: {
          duration: 3,
          scenes: [
            { layer: 'one', duration: 1 },
            { layer: 'inner', duration: 1 },
            { layer: 'one', duration: 1 },
            { layer: 'two', duration: 1.5, transition: { type: 'fade', duration: 1.2 } },
          ],
        },
      },
      layers,
    ),
  )
  const paths = issues.map((i) => i.path)
  assert.ok(paths.includes('/timeline/scenes/1/layer'), 'a nested layer is not a scene')
  assert.ok(paths.includes('/timeline/scenes/2/layer'), 'a layer used twice')
  assert.ok(paths.includes('/timeline/scenes/3/transition/duration'), 'transition too long')
  const ok = parseTemplate(base({ timeline: { scenes: [{ layer: 'one', duration: 1 }, { layer: 'two', duration: 1, transition: { type: 'slide-left', duration: 0.25 } }] } }, layers))
  assert.equal(ok.timeline?.scenes?.length, 2)
  const late = issuesOf(base({ timeline: { duration: 1.5, scenes: [{ layer: 'one', duration: 1 }, { layer: 'two', duration: 1 }] } }, layers))
  assert.equal(late[0]!.path, '/timeline/scenes/1/duration')
})

test('an unknown preset or easing names the field and lists what is allowed', () => {
  const issues = issuesOf(base({ timeline: { duration: 1 } }, [{ id: 'a', type: 'rect', box: {}, animation: { enter: { preset: 'spin', easing: 'bouncy' } } }]))
  const preset = issues.find((i) => i.path === '/layers/0/animation/enter/preset')
  const easing = issues.find((i) => i.path === '/layers/0/animation/enter/easing')
  assert.ok(preset && /slide-up/.test(preset.expected ?? ''), JSON.stringify(issues))
  assert.ok(easing && /ease-in-out/.test(easing.expected ?? ''), JSON.stringify(issues))
})
