import { test } from 'node:test'
import assert from 'node:assert/strict'
import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { VitrineTryOn } from '../src/index.js'
import { VitrineTryOn as VitrineTryOnElement } from '@vitrine/elements'

test('VitrineTryOn is a React component named after the element', () => {
  assert.equal(VitrineTryOn.displayName, 'VitrineTryOn')
  assert.equal(customElements.get('vitrine-try-on'), VitrineTryOnElement)
})

test('renders <vitrine-try-on> on the server, properties and handlers kept for the browser', () => {
  const html = renderToStaticMarkup(
    createElement(VitrineTryOn, { sku: 'VT-HAT-01', catalog: '/try-on/catalog.json', source: 'photo', mirror: true, className: 'try', id: 't1', onSnapshot: () => {}, onTrackingLost: () => {} }),
  )
  assert.equal(html, '<vitrine-try-on class="try" id="t1"></vitrine-try-on>')
})
