import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { test } from 'node:test'
import { pathToFileURL } from 'node:url'

// The built package, as users load it: the setting only counts if it is in the environment
// before @napi-rs/canvas (and the mimalloc inside it) loads, which depends on the bundle's
// import order. mimalloc's verbose mode prints the options it read when it started.
const dist = join(import.meta.dirname, '..', 'dist')

function optionsSeenBy(entry: string, env: Record<string, string> = {}): string {
  const script = `await import(${JSON.stringify(pathToFileURL(join(dist, entry)).href)}); const { createCanvas } = await import('@napi-rs/canvas'); createCanvas(8, 8).getContext('2d').fillRect(0, 0, 4, 4)`
  const { MIMALLOC_PURGE_DELAY: _, ...inherited } = process.env
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    cwd: join(import.meta.dirname, '..'),
    env: { ...inherited, MIMALLOC_VERBOSE: '1', ...env },
    encoding: 'utf8',
  })
  assert.equal(run.status, 0, run.stderr)
  return run.stderr
}

test('importing @vitrine/node sets the canvas allocator purge delay before Skia loads', () => {
  assert.match(optionsSeenBy('index.js'), /option 'purge_delay': 1000\b/)
})

test('a purge delay set by the user is kept', () => {
  assert.match(optionsSeenBy('index.js', { MIMALLOC_PURGE_DELAY: '25' }), /option 'purge_delay': 25\b/)
})

test('the vitrine command sets it too', () => {
  const run = spawnSync(process.execPath, [join(dist, 'cli.js'), 'formats'], {
    env: { ...Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'MIMALLOC_PURGE_DELAY')), MIMALLOC_VERBOSE: '1' },
    encoding: 'utf8',
  })
  assert.equal(run.status, 0, run.stderr)
  assert.match(run.stderr, /option 'purge_delay': 1000\b/)
})
