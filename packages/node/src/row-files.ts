import { mkdirSync, renameSync, rmdirSync, rmSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { threadId } from 'node:worker_threads'
import { VitrineError, describeRow } from '@vitrine/core'
import type { FailedOutput } from './row-renderer.js'

/** A VitrineError (or any error) as manifest data. */
export function errorRecord(error: unknown): FailedOutput['error'] {
  if (error instanceof VitrineError) return { code: error.code, message: error.message, path: error.path }
  return { code: 'render/failed', message: error instanceof Error ? error.message : String(error), path: '' }
}

/** Where a row is in its feed, to name it in messages. */
export interface RowPlace {
  /** 1-based row number. */
  row: number
  /** 1-based line of the feed file where the row starts. */
  line: number
  id: string
  /** JSON pointer of the row, e.g. `/rows/3`. */
  pointer: string
}

/**
 * A row's failure as manifest data, its message naming the row as binding errors do:
 * `Row 4 (line 5, id "MUG"), field "image" at /rows/3/image: image "mug.png": could not be loaded: …`.
 */
export function rowErrorRecord(error: unknown, place: RowPlace): FailedOutput['error'] {
  const record = errorRecord(error)
  return { ...record, message: rowMessage(record, place) }
}

/** A message that names its row and, for a field of the row, the field; one that already does is kept. */
export function rowMessage(record: { message: string; path: string }, place: RowPlace): string {
  const { message, path } = record
  if (/^Row \d+ \(line \d+/.test(message)) return message
  const label = describeRow(place.row, place.line, place.id)
  if (path.startsWith(`${place.pointer}/`)) {
    const field = path.slice(place.pointer.length + 1).split('/')[0]!.replace(/~1/g, '/').replace(/~0/g, '~')
    const detail = message.startsWith(`${path}: `) ? message.slice(path.length + 2) : message
    return `${label}, field ${JSON.stringify(field)} at ${path}: ${detail}`
  }
  return `${label}: ${message}`
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
    throw writeError(file, error)
  }
}

/** Removes a row's folder when nothing is in it (its outputs failed), and leaves it otherwise. */
export function removeIfEmpty(folder: string): void {
  try {
    rmdirSync(folder)
  } catch {
    // Not empty (another output of the row), or never made.
  }
}

/** System error codes that say the disk of a file is full, or its quota used up. */
const NO_SPACE = new Set(['ENOSPC', 'EDQUOT'])

/**
 * The error for a file that could not be written: `output/no-space` when its disk is full (a
 * batch stops on it, since no later row could be written either), else `encode/failed`.
 */
export function writeError(file: string, error: unknown): VitrineError {
  const message = `Could not write ${file}: ${(error as Error).message}`
  const code = (error as NodeJS.ErrnoException).code
  if (code !== undefined && NO_SPACE.has(code)) return new VitrineError('output/no-space', message, { cause: error })
  return new VitrineError('encode/failed', message, { cause: error })
}
