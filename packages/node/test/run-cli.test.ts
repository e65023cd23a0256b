// The parser, help and progress display, in-process (the end-to-end tests spawn the built CLI).
import assert from 'node:assert/strict'
import { Writable } from 'node:stream'
import { describe, test } from 'node:test'
import type { CliIo } from '../src/commands/cli-command.js'
import { cliCommands } from '../src/commands/cli-commands.js'
import { createProgressReporter } from '../src/progress-reporter.js'
import { runCli } from '../src/run-cli.js'

class Sink extends Writable {
  text = ''
  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: () => void): void {
    this.text += chunk.toString()
    callback()
  }
}

function io(stderrIsTty = false): CliIo & { stdout: Sink; stderr: Sink } {
  return { stdout: new Sink(), stderr: new Sink(), stderrIsTty, columns: 100 }
}

async function run(...argv: string[]) {
  const streams = io()
  const code = await runCli(argv, streams, '9.9.9')
  return { code, stdout: streams.stdout.text, stderr: streams.stderr.text }
}

describe('runCli', () => {
  test('no arguments and --help print the command list', async () => {
    for (const argv of [[], ['--help'], ['-h'], ['help']]) {
      const r = await run(...argv)
      assert.equal(r.code, 0)
      assert.match(r.stdout, /Usage: vitrine <command>/)
    }
  })

  test('--version prints the version it is given', async () => {
    assert.deepEqual(await run('--version'), { code: 0, stdout: '9.9.9\n', stderr: '' })
  })

  test('each command has --help made from its option descriptors', async () => {
    for (const command of cliCommands) {
      const r = await run(command.name, '--help')
      assert.equal(r.code, 0, command.name)
      assert.match(r.stdout, new RegExp(`^Usage: vitrine ${command.name}`))
      for (const { option } of command.options) assert.ok(r.stdout.includes(`--${option.name}`))
    }
  })

  const usage: Array<[string[], RegExp]> = [
    [['render', 't.json', '--data'], /--data needs a value: <file>/],
    [['render', 't.json', '--json=yes', '--data', 'd.csv', '--format', 'x-post', '--out', 'o'], /--json takes no value/],
    [['render', 't.json', '--colour', 'red'], /Unknown option --colour/],
    [['render', 't.json', 'extra.json', '--data', 'd.csv', '--format', 'x-post', '--out', 'o'], /Unexpected argument "extra.json"/],
    [['render', 't.json', '--data', 'd.csv', '--out', 'o'], /Missing --format <id,\.\.\.>/],
    [['render', 't.json', '--data', 'd.csv', '--format', ' , ', '--out', 'o'], /--format: expected one or more format ids/],
    [['render', 't.json', '--data', 'd.csv', '--format', '0x10', '--out', 'o'], /Unknown format "0x10"/],
    [['render', 't.json', '--data', 'd.csv', '--format', 'x-post', '--out', 'o', '--concurrency', 'many'], /--concurrency: expected a whole number from 1 to 256, found "many"/],
    [['render', 't.json', '--data', 'd.csv', '--format', 'x-post', '--out', 'o', '--quality', '2.5'], /--quality: expected a whole number from 1 to 100/],
    [['formats', 'extra'], /Unexpected argument "extra"/],
    [['validate'], /Missing <template.json>/],
    [['help', 'nope'], /Unknown command "nope"/],
    [['--nope'], /Unknown option --nope/],
  ]
  for (const [argv, message] of usage) {
    test(`exit 2: vitrine ${argv.join(' ')}`, async () => {
      const r = await run(...argv)
      assert.equal(r.code, 2)
      assert.match(r.stderr, message)
      assert.equal(r.stdout, '')
    })
  }

  test('with --json, a usage error is JSON on stdout', async () => {
    const r = await run('render', 't.json', '--json', '--data', 'd.csv', '--format', 'nope', '--out', 'o')
    assert.equal(r.code, 2)
    assert.equal(r.stderr, '')
    const parsed = JSON.parse(r.stdout) as { ok: boolean; exitCode: number; error: { code: string; message: string } }
    assert.equal(parsed.ok, false)
    assert.equal(parsed.exitCode, 2)
    assert.equal(parsed.error.code, 'usage')
    assert.match(parsed.error.message, /Unknown format "nope"/)
  })
})

describe('progress', () => {
  const p = (done: number, failures = 0) => ({ done, total: 10, failures, elapsedMs: done * 100, rate: done > 0 ? 10 : 0 })

  test('on a terminal: one bar redrawn in place, ending with a newline', () => {
    const streams = io(true)
    const progress = createProgressReporter(streams)
    progress.update(p(0))
    progress.update(p(5, 1))
    progress.update(p(10, 1))
    progress.finish()
    const text = streams.stderr.text
    assert.ok(text.startsWith('\r\x1b[K'))
    assert.ok(text.endsWith('\n'))
    assert.equal(text.split('\n').length, 2, 'a single line')
    assert.match(text, /10\/10 100% {2}10\.0\/s {2}ETA 0s, 1 failed\n$/)
  })

  test('elsewhere: plain lines, at most one a second, and the last one', () => {
    const streams = io(false)
    const progress = createProgressReporter(streams)
    for (let i = 0; i <= 10; i++) progress.update(p(i))
    progress.finish()
    const lines = streams.stderr.text.trimEnd().split('\n')
    assert.deepEqual(lines, ['rendered 0/10 (0%), 0.0/s, ETA ?', 'rendered 10/10 (100%), 10.0/s, ETA 0s'])
  })

  test('silent prints nothing', () => {
    const streams = io(true)
    const progress = createProgressReporter(streams, 'silent')
    progress.update(p(3))
    progress.finish()
    assert.equal(streams.stderr.text, '')
  })
})
