import assert from 'node:assert/strict'
import { test } from 'node:test'
import { VitrineError } from '@vitrine/core'
import { checkRowRanges, formatRowRanges, inRowRanges, parseRowRanges } from '../src/row-selection.js'

test('parseRowRanges reads rows, ranges and open ends, and formats them back', () => {
  const ranges = parseRowRanges('1-20, 35 ,100-, 7 - 9')
  assert.deepEqual(ranges, [{ from: 1, to: 20 }, { from: 35, to: 35 }, { from: 100 }, { from: 7, to: 9 }])
  assert.equal(formatRowRanges(ranges), '1-20,35,100-,7-9')
  assert.deepEqual(
    [0, 1, 20, 21, 35, 36, 99, 100, 5000, 8].map((n) => inRowRanges(ranges, n)),
    [false, true, true, false, true, false, false, true, true, true],
  )
})

test('parseRowRanges and checkRowRanges refuse what is not rows from 1, saying what was expected', () => {
  for (const text of ['', '0', '3-1', 'a', '1,,2', '-5', '1.5', '2-x']) {
    assert.throws(
      () => parseRowRanges(text),
      (error: unknown) => error instanceof VitrineError && error.code === 'usage' && error.message === `--rows: expected row numbers and ranges from 1, comma-separated (e.g. 1-20,35,100-), found ${JSON.stringify(text)}`,
      text,
    )
  }
  assert.throws(() => checkRowRanges([]), /expected one range or more/)
  assert.throws(() => checkRowRanges([{ from: 2, to: 1 }]), /found \{"from":2,"to":1\}/)
  assert.throws(() => checkRowRanges([{ from: 0.5 }]), /found \{"from":0.5\}/)
  assert.deepEqual(checkRowRanges([{ from: 3 }]), [{ from: 3 }])
})
