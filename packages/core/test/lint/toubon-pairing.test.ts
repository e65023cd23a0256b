import { test } from 'node:test'
import assert from 'node:assert/strict'
import { lint } from '../../src/lint/lint.js'
import { textScene } from './text-scene.js'

const toubon = (texts: string[]) => lint(textScene(texts), { market: 'fr-FR' }).filter((d) => d.rule === 'FR-TOUBON').map((d) => d.path)

test('FR-TOUBON: a translation states the same numbers', () => {
  assert.deepEqual(toubon(['Only 3 left in stock!', 'Plus que 3 en stock !']), [])
  assert.deepEqual(toubon(['Only 3 left in stock!', 'Plus que 5 en stock !']), ['/nodes/0/text'])
  assert.deepEqual(toubon(['Save 20% on all jackets', 'Économisez 20 % sur toutes les vestes']), [])
})

test('FR-TOUBON: one French block translates one foreign block, the nearest', () => {
  assert.deepEqual(toubon(['Coming soon', 'Bientôt disponible']), [])
  // Two English blocks, one French: the second English block is untranslated.
  assert.deepEqual(toubon(['Coming soon to our stores', 'Bientôt dans nos boutiques', 'Pre-order now and get your discount']), ['/nodes/2/text'])
  assert.deepEqual(toubon(['Coming soon to our stores', 'Bientôt dans nos boutiques', 'Pre-order now and get your discount', 'Précommandez maintenant et profitez de la remise']), [])
})
