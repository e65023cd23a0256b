import { test } from 'node:test'
import assert from 'node:assert/strict'
import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { VitrinePreview } from '../src/index.js'
import { VitrinePreview as VitrinePreviewElement } from '@vitrine/elements'

test('VitrinePreview is a React component named after the element', () => {
  assert.equal(VitrinePreview.displayName, 'VitrinePreview')
  // forwardRef components are objects with a render function.
  assert.equal(typeof (VitrinePreview as unknown as { render: unknown }).render, 'function')
  assert.equal(customElements.get('vitrine-preview'), VitrinePreviewElement)
})

test('renders <vitrine-preview> on the server without touching the DOM', () => {
  const html = renderToStaticMarkup(
    createElement(VitrinePreview, { src: '/templates/card.json', format: 'instagram-story', locale: 'de-DE', className: 'card', id: 'p1', onRender: () => {} }),
  )
  // Element properties (src, format, locale, template, data) are set on the element once it
  // exists in the browser, never written as server attributes; plain HTML attributes are.
  assert.equal(html, '<vitrine-preview class="card" id="p1"></vitrine-preview>')
})

test('keeps object props and event handlers off the server markup', () => {
  const template = { schemaVersion: 2, size: { width: 10, height: 10 }, variables: {}, layers: [] }
  const html = renderToStaticMarkup(createElement(VitrinePreview, { template, data: { sku: 'A1' }, onError: () => {} }))
  assert.equal(html, '<vitrine-preview></vitrine-preview>')
})
