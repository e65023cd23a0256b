declare module 'wawoff2/build/decompress_binding.js' {
  /** The Emscripten module of Google's woff2 decoder. */
  const module: {
    calledRun?: boolean
    onRuntimeInitialized?: () => void
    /** A view of the wasm heap (valid until the next call), or false when the data is not WOFF2. */
    decompress(bytes: Uint8Array): Uint8Array | false
  }
  export default module
}
