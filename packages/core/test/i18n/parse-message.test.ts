import { test } from 'node:test'
import assert from 'node:assert/strict'
import { VitrineError, formatMessage, parseMessageAt } from '../../src/index.js'

const refusal = (message: string) => {
  try {
    parseMessageAt(message, { id: 'title', path: '/layers/2/text' })
  } catch (error) {
    assert.ok(error instanceof VitrineError)
    return error
  }
  assert.fail('expected the message to be refused')
}

test('a malformed message names its id, pointer, line and column', () => {
  const error = refusal('Only {title today')
  assert.equal(error.code, 'message/invalid')
  assert.equal(error.path, '/layers/2/text')
  assert.match(error.message, /Message "title" \(\/layers\/2\/text\)/)
  assert.match(error.message, /line 1, column 6/)
  assert.match(error.message, /expected a variable name/)
})

test('a plural without other is refused at its position', () => {
  const error = refusal('{n, plural, one {# item}}')
  assert.match(error.message, /needs an "other \{\.\.\.\}" case/)
  assert.match(error.message, /column \d+/)
})

test('a position on the second line is reported as such', () => {
  const error = refusal('Line one\n{n, foo}')
  assert.match(error.message, /line 2, column 5: expected an argument type/)
})

test('a missing variable at format time is a message/missing-variable error', () => {
  assert.throws(
    () => formatMessage('Hello {name}', {}, { locale: 'en-US', id: 'greeting', path: '/layers/0/text' }),
    (e: unknown) => e instanceof VitrineError && e.code === 'message/missing-variable' && e.path === '/layers/0/text' && /\{name\}/.test(e.message) && /"greeting"/.test(e.message),
  )
})
