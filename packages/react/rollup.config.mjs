import { libraryConfig } from '../../rollup.library.mjs'
export default libraryConfig(import.meta.dirname, { index: 'src/index.ts' })
