import { defineOption } from './cli-option.js'

/** `--poster`: a still beside each video. */
export const posterOption = defineOption<boolean>({
  name: 'poster',
  type: 'boolean',
  description: "With a video --type, also write each video's poster frame (the timeline's `poster` time, default its first frame) as `<format>.<locale>.poster.jpg`.",
  parse: (raw) => raw === true,
})
