import { spawn } from 'node:child_process'

/**
 * The V8 flag a `vitrine render` of videos runs with: the garbage collector works on the thread
 * that allocates, with no helper threads.
 *
 * Each video frame's read-back is an 8 MB buffer of external memory, so V8 runs a full
 * collection every few frames. With helper threads, that marking competes for the cores with
 * ffmpeg. `node bench/video.mjs` measures 17–20 % less Node CPU with the flag; a batch of 8
 * videos at concurrency 2 took 39 s instead of 43 s (docs/video.md).
 * V8 takes this flag only at start-up (changing it later crashes it), so the CLI starts itself
 * again with it.
 */
export const VIDEO_GC_FLAG = '--single-threaded-gc'

const videoTypes = new Set(['mp4', 'webm', 'gif'])

/** The value of `--type`/`-t` among CLI arguments, lower-cased, or undefined. */
function typeArgument(args: readonly string[]): string | undefined {
  let type: string | undefined
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!
    if (arg === '--') break
    if (arg === '--type' || arg === '-t') type = args[++i]
    else if (arg.startsWith('--type=')) type = arg.slice('--type='.length)
    else if (/^-t[^-]/.test(arg)) type = arg.slice(2)
  }
  return type?.trim().toLowerCase()
}

/**
 * True when `vitrine <args>` renders videos in a process started without {@link VIDEO_GC_FLAG}.
 * `VITRINE_VIDEO_GC=default` in the environment keeps V8's own collector settings.
 */
export function relaunchForVideo(args: readonly string[], execArgv: readonly string[], env: NodeJS.ProcessEnv): boolean {
  if (args[0] !== 'render' || env.VITRINE_VIDEO_GC === 'default' || env.VITRINE_RELAUNCHED === '1') return false
  if (execArgv.includes(VIDEO_GC_FLAG)) return false
  const type = typeArgument(args.slice(1))
  return type !== undefined && videoTypes.has(type)
}

/**
 * Runs this script again in a new Node process with `flags` added, passing the terminal through,
 * and resolves to its exit code. Termination signals sent to this process go to the new one;
 * when it dies of a signal, this process dies of the same signal.
 */
export function relaunchWith(flags: readonly string[]): Promise<number> {
  const child = spawn(process.execPath, [...process.execArgv, ...flags, process.argv[1]!, ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: { ...process.env, VITRINE_RELAUNCHED: '1' },
  })
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const
  const forward = (signal: NodeJS.Signals) => child.kill(signal)
  for (const signal of signals) process.on(signal, forward)
  return new Promise((resolve) => {
    child.on('error', (error) => {
      for (const signal of signals) process.off(signal, forward)
      process.stderr.write(`vitrine: could not start ${process.execPath}: ${error.message}\n`)
      resolve(1)
    })
    child.on('exit', (code, signal) => {
      for (const s of signals) process.off(s, forward)
      if (signal) process.kill(process.pid, signal)
      resolve(code ?? 1)
    })
  })
}
