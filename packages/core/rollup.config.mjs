import { libraryConfig } from '../../rollup.library.mjs'
export default libraryConfig(
  import.meta.dirname,
  { index: 'src/index.ts', browser: 'src/browser/index.ts', 'browser-inference-worker': 'src/browser/ai/inference-worker.ts' },
  // Loaded by every entry at start-up. Bundled, @vitrine/core loads in ~0.1 s instead of ~0.4 s
  // (typebox alone is 266 files): the CLI, each render worker and each server start that much sooner.
  { inline: ['@sinclair/typebox', 'yaml', 'fast-xml-parser', 'css-line-break', 'bidi-js', 'intl-messageformat', '@formatjs/icu-messageformat-parser', 'csv-parse'] },
)
