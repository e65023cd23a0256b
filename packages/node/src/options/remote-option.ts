import { defineOption } from './cli-option.js'

/** `--remote`: `vitrine validate --data` fetches http(s) pictures too. */
export const remoteOption = defineOption<boolean>({
  name: 'remote',
  type: 'boolean',
  description:
    'With --data, also fetch the http(s) pictures and clips the rows name, within the limits a render applies (10 s and 25 MB a file). Without it they are counted, not fetched.',
  parse: (raw) => raw === true,
})
