import type { CutoutSubject } from '@vitrine/core'
import { defineOption, optionError } from './cli-option.js'

const subjects: CutoutSubject[] = ['auto', 'product', 'person']

/** `--subject`: what to cut out. */
export const subjectOption = defineOption<CutoutSubject>({
  name: 'subject',
  type: 'string',
  valueName: '<auto|product|person>',
  description: 'What to keep: `product` (the salient object), `person` (a person model when one is given, else the salient object), or `auto`.',
  defaultText: 'auto',
  parse(raw) {
    if (raw === undefined) return 'auto'
    if (typeof raw !== 'string' || !(subjects as string[]).includes(raw)) throw optionError('subject', subjects.join(', '), raw)
    return raw as CutoutSubject
  },
})
