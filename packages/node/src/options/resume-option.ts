import { defineOption } from './cli-option.js'

/** `--resume`: keep what an earlier run into the same folder wrote from the same inputs. */
export const resumeOption = defineOption<boolean>({
  name: 'resume',
  type: 'boolean',
  description:
    'Keep the files an earlier run into the same --out wrote from the same inputs (template, row, settings: the "input" fingerprint in manifest.json; local pictures, clips, audio and fonts: their size and modification time) and render only the rest: rows left out by Ctrl-C, rows that failed, rows whose files changed, new rows, formats and locales. Remote pictures are not fetched again: leave it out to render everything.',
  parse: (raw) => raw === true,
})
