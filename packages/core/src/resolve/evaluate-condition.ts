import type { Condition, VariableCondition } from '../document/primitives.js'
import type { BoundValues } from '../data/bind-row.js'
import type { BoundValue } from '../data/coerce-value.js'

const comparable = (v: BoundValue | undefined): string | number | boolean | undefined =>
  typeof v === 'object' ? v.amount : v

function test(c: VariableCondition, values: BoundValues): boolean {
  const raw = values[c.var]
  const v = comparable(raw)
  const present = v !== undefined && v !== ''
  switch (c.op) {
    case 'present':
      return present
    case 'absent':
      return !present
    case 'truthy':
      return present && v !== false && v !== 0 && v !== 'false'
    case 'falsy':
      return !present || v === false || v === 0 || v === 'false'
    case 'eq':
      return v === c.value
    case 'ne':
      return v !== c.value
    default: {
      if (typeof v !== 'number' || typeof c.value !== 'number') return false
      if (c.op === 'gt') return v > c.value
      if (c.op === 'gte') return v >= c.value
      if (c.op === 'lt') return v < c.value
      return v <= c.value
    }
  }
}

/** Evaluates a declarative visibility condition against a row's values. */
export function evaluateCondition(condition: boolean | Condition | undefined, values: BoundValues): boolean {
  if (condition === undefined || condition === true) return true
  if (condition === false) return false
  if ('all' in condition) return condition.all.every((c) => test(c, values))
  if ('any' in condition) return condition.any.some((c) => test(c, values))
  if ('not' in condition) return !test(condition.not, values)
  return test(condition, values)
}
