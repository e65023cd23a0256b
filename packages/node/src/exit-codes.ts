import { VitrineError } from '@vitrine/core'

/** Every output was written. */
export const EXIT_OK = 0
/** Some rows failed (each is in the manifest); all the others were written. */
export const EXIT_ROWS_FAILED = 1
/** A usage or template error: nothing was rendered. */
export const EXIT_USAGE = 2
/** An unexpected error (a bug): please report it with the message. */
export const EXIT_INTERNAL = 70

/** True for errors in what the user gave (command line, template, whole feed), which stop before rendering. */
export function isInputError(error: unknown): error is VitrineError {
  if (!(error instanceof VitrineError)) return false
  return error.code === 'usage' || error.code.startsWith('template/') || error.code === 'format/unknown' || error.code === 'data/invalid' || error.code === 'catalog/invalid' || error.code === 'locale/unknown' || error.code === 'market/unknown' || isModelError(error.code)
}

/** A cut-out model that cannot be used (bad description, wrong hash, does not load): no row could use it. */
function isModelError(code: string): boolean {
  return code === 'ai/invalid-model' || code === 'ai/unknown-model' || code === 'ai/hash-mismatch' || code === 'ai/model-load-failed' || code === 'ai/unavailable'
}
