import type { ImageType } from '@vitrine/core'
import { defineOption, optionError } from './cli-option.js'

const types: Record<string, ImageType> = { png: 'png', jpeg: 'jpeg', jpg: 'jpeg', webp: 'webp' }

/** `--type`: the image type. */
export const typeOption = defineOption<ImageType>({
  name: 'type',
  short: 't',
  type: 'string',
  valueName: '<png|jpeg|webp>',
  description: 'Image type. JPEG files end in .jpg.',
  defaultText: 'png',
  parse(raw) {
    if (raw === undefined) return 'png'
    const type = typeof raw === 'string' ? types[raw.trim().toLowerCase()] : undefined
    if (!type) throw optionError('type', 'png, jpeg or webp', raw)
    return type
  },
})
