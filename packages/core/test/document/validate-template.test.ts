import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseTemplate, VitrineError, type VitrineIssue } from '../../src/index.js'

const example = () => JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', '..', '..', 'examples', 'product-card.json'), 'utf8'))

function issuesOf(doc: unknown): VitrineIssue[] {
  try {
    parseTemplate(doc)
  } catch (e) {
    assert.ok(e instanceof VitrineError)
    return e.issues
  }
  assert.fail('expected the template to be refused')
}

test('the example template is valid', () => {
  const t = parseTemplate(JSON.stringify(example()))
  assert.equal(t.layers.length, 5)
})

test('invalid JSON is reported as such', () => {
  assert.throws(() => parseTemplate('{"schemaVersion": 2,'), (e: unknown) => e instanceof VitrineError && e.code === 'template/invalid-json')
})

test('an unknown layer type names its pointer and the known types', () => {
  const doc = example()
  doc.layers[1].type = 'circle'
  const [issue] = issuesOf(doc)
  assert.equal(issue?.path, '/layers/1/type')
  assert.match(issue!.message, /unknown layer type "circle"; expected one of "rect", "image", "text", "group"/)
})

test('a wrong value names the pointer, what was expected and what was found', () => {
  const doc = example()
  doc.layers[2].fontSize = '12pt'
  doc.layers[4].children[0].fill = 'yellow'
  const issues = issuesOf(doc)
  const size = issues.find((i) => i.path === '/layers/2/fontSize')
  assert.ok(size)
  assert.match(size.expected!, /length/)
  assert.equal(size.found, '"12pt"')
  assert.ok(issues.find((i) => i.path === '/layers/4/children/0/fill'))
})

test('unknown properties are refused with the list of known ones', () => {
  const doc = example()
  doc.layers[3].colour = '#fff'
  const [issue] = issuesOf(doc)
  assert.equal(issue?.path, '/layers/3/colour')
  assert.match(issue!.message, /expected one of .*color/)
})

test('references to undeclared or mistyped variables are refused', () => {
  const doc = example()
  doc.layers[2].text = 'Buy {titel}'
  doc.layers[1].src = { var: 'brandColor' }
  doc.layers[4].visible = { var: 'nope', op: 'present' }
  const paths = issuesOf(doc).map((i) => i.path).sort()
  assert.deepEqual(paths, ['/layers/1/src/var', '/layers/2/text', '/layers/4/visible/var'])
})

test('a malformed message is refused at its pointer', () => {
  const doc = example()
  doc.layers[2].text = 'Only {title'
  const [issue] = issuesOf(doc)
  assert.equal(issue?.path, '/layers/2/text')
})

test('duplicate layer ids are refused', () => {
  const doc = example()
  doc.layers[3].id = 'title'
  const [issue] = issuesOf(doc)
  assert.equal(issue?.path, '/layers/3/id')
  assert.match(issue!.message, /already used by \/layers\/2/)
})

test('an unknown variable type is refused', () => {
  const doc = example()
  doc.variables.price.type = 'mony'
  const [issue] = issuesOf(doc)
  assert.equal(issue?.path, '/variables/price/type')
})

test('templates carry no code: a function-like string is just text, and unknown keys like "script" are refused', () => {
  const doc = example()
  doc.layers[0].onRender = 'alert(1)'
  assert.equal(issuesOf(doc)[0]?.path, '/layers/0/onRender')
})
