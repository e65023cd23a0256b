import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { threadId } from 'node:worker_threads'
import { VitrineError } from '@vitrine/core'
import type { FailedOutput } from './row-renderer.js'

/** A VitrineError (or any error) as manifest data. */
export function errorRecord(error: unknown): FailedOutput['error'] {
  if (error instanceof VitrineError) return { code: error.code, message: error.message, path: error.path }
  return { code: 'render/failed', message: error instanceof Error ? error.message : String(error), path: '' }
}

/**
 * Writes a file whole or not at all (a temporary file, then a rename). Synchronous: a render
 * thread has nothing else to do meanwhile, and each of the five steps would otherwise be a trip
 * through libuv's thread pool and back (measured: a third of a row's time with two threads).
 */
export function writeAtomically(file: string, bytes: Uint8Array): void {
  const temporary = `${file}.${process.pid}-${threadId}.tmp`
  try {
    mkdirSync(dirname(file), { recursive: true })
    writeFileSync(temporary, bytes)
    renameSync(temporary, file)
  } catch (error) {
    rmSync(temporary, { force: true })
    throw new VitrineError('encode/failed', `Could not write ${file}: ${(error as Error).message}`, { cause: error })
  }
}
