import { test } from 'node:test'
import assert from 'node:assert/strict'
import { cubicBezier, ease, easingNames } from '../../src/index.js'

test('every easing starts at 0 and ends at 1', () => {
  for (const name of easingNames) {
    assert.equal(ease(name, 0), 0, name)
    assert.equal(ease(name, 1), 1, name)
    assert.equal(ease(name, -1), 0, `${name} clamps before the start`)
    assert.equal(ease(name, 2), 1, `${name} clamps after the end`)
  }
})

test('named curves match their CSS definitions', () => {
  assert.equal(ease('linear', 0.3), 0.3)
  // CSS ease-in-out is symmetric about (0.5, 0.5).
  assert.ok(Math.abs(ease('ease-in-out', 0.5) - 0.5) < 1e-6)
  assert.ok(Math.abs(ease('ease-in-out', 0.25) + ease('ease-in-out', 0.75) - 1) < 1e-6)
  // ease-out is ahead of linear, ease-in behind it.
  assert.ok(ease('ease-out', 0.5) > 0.6 && ease('ease-in', 0.5) < 0.4)
  assert.equal(ease('hold', 0.999), 0)
  assert.ok(ease('ease-out-back', 0.7) > 1, 'ease-out-back overshoots')
})

test('a cubic Bézier equals the curve solved by bisection', () => {
  const curve = cubicBezier(0.2, 0.7, 0.1, 1)
  for (const x of [0.05, 0.3, 0.5, 0.9]) {
    // Find s with bezierX(s) = x by bisection and compare the y.
    const bx = (s: number) => 3 * (1 - s) ** 2 * s * 0.2 + 3 * (1 - s) * s * s * 0.1 + s ** 3
    const by = (s: number) => 3 * (1 - s) ** 2 * s * 0.7 + 3 * (1 - s) * s * s * 1 + s ** 3
    let lo = 0
    let hi = 1
    for (let i = 0; i < 60; i++) {
      const mid = (lo + hi) / 2
      if (bx(mid) < x) lo = mid
      else hi = mid
    }
    assert.ok(Math.abs(curve(x) - by(lo)) < 1e-5, `x=${x}`)
  }
  assert.equal(ease([0.2, 0.7, 0.1, 1], 0.5), curve(0.5))
})
