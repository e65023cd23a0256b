import { test } from 'node:test'
import assert from 'node:assert/strict'
import { VitrineError, canonicalLocale, isPseudoLocale, localeFallbackChain } from '../../src/index.js'

test('canonicalLocale canonicalises case and accepts the pseudo-locales', () => {
  assert.equal(canonicalLocale('DE-at'), 'de-AT')
  assert.equal(canonicalLocale('zh-hant-tw'), 'zh-Hant-TW')
  assert.equal(canonicalLocale('en-XA'), 'en-XA')
  assert.ok(isPseudoLocale('ar-XB'))
  assert.ok(!isPseudoLocale('ar-SA'))
})

test('a malformed tag is refused with its pointer and a hint', () => {
  assert.throws(
    () => canonicalLocale('en_US', '/sourceLocale'),
    (e: unknown) => e instanceof VitrineError && e.code === 'locale/unknown' && e.path === '/sourceLocale' && /"en-US"/.test(e.message),
  )
  assert.throws(() => canonicalLocale('english'), (e: unknown) => e instanceof VitrineError && e.code === 'locale/unknown')
})

test('a well-formed tag of a language without locale data is refused', () => {
  assert.throws(() => canonicalLocale('qq-ZZ', 'locale'), (e: unknown) => e instanceof VitrineError && e.code === 'locale/unknown' && /unknown language "qq"/.test(e.message))
  assert.throws(() => canonicalLocale('und'), (e: unknown) => e instanceof VitrineError && e.code === 'locale/unknown')
})

test('the fallback chain follows CLDR inheritance', () => {
  assert.deepEqual(localeFallbackChain('de-AT'), ['de-AT', 'de'])
  assert.deepEqual(localeFallbackChain('de'), ['de'])
  assert.deepEqual(localeFallbackChain('ar-SA-u-nu-latn'), ['ar-SA', 'ar'])
  assert.deepEqual(localeFallbackChain('zh-TW'), ['zh-TW', 'zh-Hant'], 'Traditional Chinese never falls back to Simplified')
  assert.deepEqual(localeFallbackChain('zh-Hant-HK'), ['zh-Hant-HK', 'zh-Hant'])
  assert.deepEqual(localeFallbackChain('zh-CN'), ['zh-CN', 'zh'])
  assert.deepEqual(localeFallbackChain('sr-Latn-RS'), ['sr-Latn-RS', 'sr-Latn'])
})

test('tags are worked out once, and what callers get back is theirs to change', () => {
  const chain = localeFallbackChain('de-CH')
  chain.push('xx')
  assert.deepEqual(localeFallbackChain('de-CH'), ['de-CH', 'de'])
  // A refused tag is refused every time, with the pointer of each call.
  assert.throws(() => canonicalLocale('en_US', '/a'), (e: unknown) => e instanceof VitrineError && e.path === '/a')
  assert.throws(() => canonicalLocale('en_US', '/b'), (e: unknown) => e instanceof VitrineError && e.path === '/b')
  assert.equal(canonicalLocale('en-us'), 'en-US')
  assert.equal(canonicalLocale('en-us', '/c'), 'en-US')
})
