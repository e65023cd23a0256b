import { availableParallelism } from 'node:os'
import { VitrineError } from '@vitrine/core'

/**
 * Threads for one CPU video encoder while `renders` videos are drawn at the same time on this
 * machine. Each render draws on one core and the encoder gets the rest of its share of cores,
 * with a minimum of 1.
 *
 * ffmpeg's own choice for x264 is about 1.5 threads per core. Drawing and encoding then fight
 * over every core. On 2 cores, one encoder thread keeps a core for the drawing, is a little
 * faster end to end, and costs ffmpeg less CPU. Measured with `node bench/video.mjs`, see
 * docs/video.md.
 *
 * @example
 * ```ts
 * encoderThreads()          // 1 on 2 cores, 15 on 16
 * encoderThreads(4, 16)     // 3: four videos at once on 16 cores
 * ```
 */
export function encoderThreads(renders = 1, cores = availableParallelism()): number {
  return Math.max(1, Math.floor(cores / Math.max(1, renders)) - 1)
}

/** Checks a thread count given by a caller: a whole number from 1 to 64. */
export function checkEncoderThreads(threads: number, where: string): number {
  if (!Number.isInteger(threads) || threads < 1 || threads > 64) {
    throw new VitrineError('usage', `${where}: expected a whole number of threads from 1 to 64, found ${JSON.stringify(threads)}`)
  }
  return threads
}
