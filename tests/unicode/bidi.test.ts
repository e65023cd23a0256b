// UAX #9 conformance of the bidi code the paragraph layout uses: resolveBidiLevels (levels),
// lineLevels (rule L1) and visualOrder (rule L2), against BidiCharacterTest.txt and BidiTest.txt.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { lineLevels, resolveBidiLevels, visualOrder } from '@vitrine/core'
import { rate, readUnicodeFile, unicodeVersionOf } from './unicode-files.ts'

// Characters that rule X9 removes: the test files give them no level ('x') and no place in the order.
const removedByX9 = /^[\u202a-\u202e\u00ad\u200b-\u200d\u2060-\u2064\ufeff\u180e\u0000-\u0008\u000e-\u001b\u007f-\u0084\u0086-\u009f\u206a-\u206f\ufff9-\ufffb\u{1bca0}-\u{1bca3}\u{1d173}-\u{1d17a}\u{e0000}-\u{e0fff}]$/u

/** Levels ('x' for removed) and visual order of one paragraph, one entry per code point. */
function run(chars: string[], direction: 'ltr' | 'rtl' | 'auto', removed: (i: number) => boolean): { levels: string; order: string } {
  const text = chars.join('')
  const resolved = resolveBidiLevels(text, direction)
  const levels = lineLevels(text, resolved, 0, text.length)
  const starts: number[] = []
  let u = 0
  for (const c of chars) {
    starts.push(u)
    u += c.length
  }
  const kept = chars.map((_, i) => i).filter((i) => !removed(i))
  const order = visualOrder(kept.map((i) => levels[starts[i]!]!)).map((k) => kept[k])
  return { levels: chars.map((_, i) => (removed(i) ? 'x' : String(levels[starts[i]!]))).join(' '), order: order.join(' ') }
}

test('BidiCharacterTest: 100 % of levels and visual orders', (t) => {
  const file = readUnicodeFile('BidiCharacterTest.txt')
  let pass = 0
  let total = 0
  const failures: string[] = []
  for (const line of file.split('\n')) {
    if (!line || line.startsWith('#')) continue
    const [cps, dir, , levels, order] = line.split(';')
    const chars = cps!.trim().split(' ').map((h) => String.fromCodePoint(parseInt(h, 16)))
    const got = run(chars, dir === '0' ? 'ltr' : dir === '1' ? 'rtl' : 'auto', (i) => removedByX9.test(chars[i]!))
    total++
    if (got.levels === levels!.trim() && got.order === order!.trim()) pass++
    else if (failures.length < 20) failures.push(`${line} → ${got.levels}; ${got.order}`)
  }
  t.diagnostic(`BidiCharacterTest ${unicodeVersionOf(file)}: ${rate(pass, total)} pass`)
  assert.ok(total > 90_000, `expected the whole file, found ${total} cases`)
  assert.deepEqual(failures, [])
})

// One character of each bidi class, for BidiTest.txt (which lists classes, not characters).
const representative: Record<string, number> = {
  L: 0x61, R: 0x5d0, AL: 0x627, EN: 0x31, ES: 0x2b, ET: 0x24, AN: 0x660, CS: 0x2c, NSM: 0x300, BN: 0xad, B: 0x2029, S: 0x9, WS: 0x20, ON: 0x21,
  LRE: 0x202a, LRO: 0x202d, RLE: 0x202b, RLO: 0x202e, PDF: 0x202c, LRI: 0x2066, RLI: 0x2067, FSI: 0x2068, PDI: 0x2069,
}
const removedClasses = new Set(['LRE', 'RLE', 'LRO', 'RLO', 'PDF', 'BN'])

test('BidiTest: 100 % of levels and visual orders', (t) => {
  const file = readUnicodeFile('BidiTest.txt')
  let levels = ''
  let order = ''
  let pass = 0
  let total = 0
  const failures: string[] = []
  for (const line of file.split('\n')) {
    if (line.startsWith('@Levels:')) levels = line.slice(8).trim()
    else if (line.startsWith('@Reorder:')) order = line.slice(9).trim()
    else if (line.trim() && !line.startsWith('#')) {
      const [classList, bits] = line.split(';')
      const classes = classList!.trim().split(' ')
      const chars = classes.map((c) => String.fromCodePoint(representative[c]!))
      for (const [bit, direction] of [[1, 'auto'], [2, 'ltr'], [4, 'rtl']] as const) {
        if (!(Number(bits) & bit)) continue
        total++
        const got = run(chars, direction, (i) => removedClasses.has(classes[i]!))
        if (got.levels === levels && got.order === order) pass++
        else if (failures.length < 20) failures.push(`${classList} (${direction}) → ${got.levels}; ${got.order}; expected ${levels}; ${order}`)
      }
    }
  }
  t.diagnostic(`BidiTest ${unicodeVersionOf(file)}: ${rate(pass, total)} pass`)
  assert.ok(total > 490_000, `expected the whole file, found ${total} cases`)
  assert.deepEqual(failures, [])
})
