// docs/video.md lists every format's video limits as the catalogue has them.
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { test } from 'node:test'
import { formatCatalog } from '../../packages/core/src/formats/format-catalog.js'

test('docs/video.md has one row per format with its video limits', () => {
  const doc = readFileSync(new URL('../../docs/video.md', import.meta.url), 'utf8')
  for (const f of formatCatalog) {
    const v = f.video
    assert.ok(v, `${f.id} has video limits`)
    const bitrate = v.maxBitrate ? `${v.maxBitrate / 1e6} Mbit/s` : '–'
    const row = `| \`${f.id}\` | ${v.containers.join(', ')} | ${v.codecs.join(', ')} | ${v.minDuration}–${v.maxDuration} s | ${v.maxFps} | ${v.maxBytes / 1024 ** 2} MB | ${bitrate} |`
    assert.ok(doc.includes(row), `docs/video.md: expected the row ${row}`)
  }
})
