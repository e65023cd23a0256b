import { libraryConfig } from '../../rollup.library.mjs'
export default libraryConfig(import.meta.dirname, { index: 'src/index.ts', browser: 'src/browser/index.ts', 'browser-inference-worker': 'src/browser/ai/inference-worker.ts' })
