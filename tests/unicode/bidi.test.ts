// UAX #9 conformance of the bidi code the paragraph layout uses: resolveBidiLevels (levels),
// lineLevels (rule L1) and visualOrder (rule L2), against BidiCharacterTest.txt and BidiTest.txt.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import * as core from '@vitrine/core'
import { checkBidiCharacters, checkBidiClasses } from './conformance.ts'
import { rate, readUnicodeFile, unicodeVersionOf } from './unicode-files.ts'

test('BidiCharacterTest: 100 % of levels and visual orders', (t) => {
  const file = readUnicodeFile('BidiCharacterTest.txt')
  const { pass, total, failures } = checkBidiCharacters(file, core)
  t.diagnostic(`BidiCharacterTest ${unicodeVersionOf(file)}: ${rate(pass, total)} pass`)
  assert.ok(total > 90_000, `expected the whole file, found ${total} cases`)
  assert.deepEqual(failures, [])
})

test('BidiTest: 100 % of levels and visual orders', (t) => {
  const file = readUnicodeFile('BidiTest.txt')
  const { pass, total, failures } = checkBidiClasses(file, core)
  t.diagnostic(`BidiTest ${unicodeVersionOf(file)}: ${rate(pass, total)} pass`)
  assert.ok(total > 490_000, `expected the whole file, found ${total} cases`)
  assert.deepEqual(failures, [])
})
