import { defineOption, wholeNumber } from './cli-option.js'

/** `--encoder-threads`: threads of each CPU video encoder. */
export const encoderThreadsOption = defineOption<number | undefined>({
  name: 'encoder-threads',
  type: 'string',
  valueName: '<n>',
  description:
    'Threads of each video encoder (x264, libvpx, libaom) for --type mp4 or webm. The default leaves each render one core to draw its frames on.',
  defaultText: 'the cores divided by --concurrency, minus 1, at least 1',
  parse(raw) {
    if (raw === undefined) return undefined
    return wholeNumber('encoder-threads', raw, 1, 64)
  },
})
