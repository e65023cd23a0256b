import { libraryConfig } from '../../rollup.library.mjs'
export default libraryConfig(import.meta.dirname, { 'allocator-settings': 'src/allocator-settings.ts', index: 'src/index.ts', cli: 'src/cli.ts', 'render-worker': 'src/render-worker.ts', 'lint-worker': 'src/lint-worker.ts' })
