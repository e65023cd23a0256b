import type { OutputType } from '../video/output-type.js'
import { defineOption, optionError } from './cli-option.js'

const types: Record<string, OutputType> = { png: 'png', jpeg: 'jpeg', jpg: 'jpeg', webp: 'webp', mp4: 'mp4', webm: 'webm', gif: 'gif' }

/** `--type`: the image type, or a video container. */
export const typeOption = defineOption<OutputType>({
  name: 'type',
  short: 't',
  type: 'string',
  valueName: '<png|jpeg|webp|mp4|webm|gif>',
  description: "Output type. JPEG files end in .jpg. mp4, webm and gif render the template's timeline as a video (native ffmpeg).",
  defaultText: 'png',
  parse(raw) {
    if (raw === undefined) return 'png'
    const type = typeof raw === 'string' ? types[raw.trim().toLowerCase()] : undefined
    if (!type) throw optionError('type', 'png, jpeg, webp, mp4, webm or gif', raw)
    return type
  },
})
