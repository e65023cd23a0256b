import { defineOption, optionError, splitList } from './cli-option.js'

/** `--rules`: host rule packs applied after the built-in ones. */
export const rulesOption = defineOption<string[]>({
  name: 'rules',
  type: 'string',
  valueName: '<file,...>',
  description: 'Rule packs (YAML or JSON) applied after the built-in ones, in order: new rules, and `disable`/`override` of built-in rules (see docs/lint.md).',
  defaultText: 'the built-in packs only',
  parse(raw) {
    if (raw === undefined) return []
    const files = typeof raw === 'string' ? splitList(raw) : []
    if (files.length === 0) throw optionError('rules', 'one or more rule pack files', raw)
    return files
  },
})
