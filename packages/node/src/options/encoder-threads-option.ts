import { defineOption, optionError } from './cli-option.js'

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
    const n = typeof raw === 'string' && /^\s*\d+\s*$/.test(raw) ? Number(raw) : NaN
    if (!(n >= 1 && n <= 64)) throw optionError('encoder-threads', 'a whole number from 1 to 64', raw)
    return n
  },
})
