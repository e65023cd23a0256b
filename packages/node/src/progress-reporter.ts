import type { BatchProgress } from './render-batch.js'
import type { CliIo } from './commands/cli-command.js'

/** Shows a batch's progress on stderr. */
export interface ProgressReporter {
  update(progress: BatchProgress): void
  /** Draws the last state and ends the line. */
  finish(): void
}

/** `1m 05s`, `12s`, `0.4s`. */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms)) return '?'
  if (ms < 10_000) return `${(ms / 1000).toFixed(1)}s`
  const s = Math.round(ms / 1000)
  return s < 60 ? `${s}s` : `${Math.floor(s / 60)}m ${String(s % 60).padStart(2, '0')}s`
}

/** How a progress line names its work: `rendered 3/10 …, 1 failed` (the default), `checked 3/10 …, 2 errors`. */
export interface ProgressWording {
  /** The verb that starts a plain line. */
  verb: string
  /** The note on failures, when there are some. */
  failures: (count: number) => string
}

const renderWording: ProgressWording = { verb: 'rendered', failures: (n) => `${n} failed` }

function describe(p: BatchProgress, wording: ProgressWording): { percent: string; rate: string; eta: string; failed: string } {
  const failed = p.failures > 0 ? `, ${wording.failures(p.failures)}` : ''
  if (p.frames && p.frames.total > 0) {
    // Videos: progress in frames, so that a long file moves the numbers as it renders.
    const f = p.frames
    const eta = f.done >= f.total ? '0s' : f.fps > 0 ? formatDuration(((f.total - f.done) / f.fps) * 1000) : '?'
    return { percent: `${Math.floor((f.done / f.total) * 100)}%`, rate: `${f.done}/${f.total} frames, ${f.fps.toFixed(1)} fps`, eta, failed }
  }
  const fraction = p.total > 0 ? p.done / p.total : 1
  const eta = p.done >= p.total ? '0s' : p.rate > 0 ? formatDuration(((p.total - p.done) / p.rate) * 1000) : '?'
  return {
    percent: `${Math.floor(fraction * 100)}%`,
    rate: `${p.rate.toFixed(1)}/s`,
    eta,
    failed,
  }
}

/**
 * A bar redrawn in place when stderr is a terminal (at most ten times a second), plain lines
 * otherwise (at most one a second, and the last), or nothing.
 */
export function createProgressReporter(io: CliIo, mode: 'auto' | 'silent' = 'auto', wording: ProgressWording = renderWording): ProgressReporter {
  if (mode === 'silent') return { update() {}, finish() {} }
  let last: BatchProgress | undefined
  let drawnAt = -Infinity
  let drawnDone = -1
  const tty = io.stderrIsTty
  const draw = (p: BatchProgress) => {
    const d = describe(p, wording)
    if (tty) {
      const width = Math.max(10, Math.min(30, (io.columns ?? 80) - 60))
      const filled = p.total > 0 ? Math.round((p.done / p.total) * width) : width
      const bar = '█'.repeat(filled) + '░'.repeat(width - filled)
      io.stderr.write(`\r\x1b[K${bar} ${p.done}/${p.total} ${d.percent}  ${d.rate}  ETA ${d.eta}${d.failed}`)
    } else {
      io.stderr.write(`${wording.verb} ${p.done}/${p.total} (${d.percent}), ${d.rate}, ETA ${d.eta}${d.failed}\n`)
    }
    drawnDone = p.done
  }
  return {
    update(p) {
      last = p
      const now = performance.now()
      if (now - drawnAt < (tty ? 100 : 1000) && p.done < p.total) return
      drawnAt = now
      draw(p)
    },
    finish() {
      if (last && last.done !== drawnDone) draw(last)
      if (tty && last) io.stderr.write('\n')
    },
  }
}
