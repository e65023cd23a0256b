import { constants } from 'node:os'

/** The signals that stop a batch: Ctrl-C, and `kill` or a process manager's stop. */
const STOP_SIGNALS = ['SIGINT', 'SIGTERM'] as const

/**
 * A second signal this soon after the first is taken for the same one: a process that Vitrine
 * started again with other flags (see relaunchWith) gets a terminal's Ctrl-C both from the
 * terminal and from its parent, which passes it on.
 */
const SAME_SIGNAL_MS = 1000

/** The exit code of a command stopped by `signal`: 128 + its number (130 for SIGINT, 143 for SIGTERM). */
export function signalExitCode(signal: NodeJS.Signals): number {
  return 128 + (constants.signals[signal] ?? constants.signals.SIGINT)
}

/** How a stopping message names the signal: `Ctrl-C` for SIGINT, else the signal's own name. */
export function signalName(signal: NodeJS.Signals): string {
  return signal === 'SIGINT' ? 'Ctrl-C' : signal
}

/** What {@link stopOnSignals} returns. */
export interface SignalWatch {
  /** The signal that stopped the work, if one came. */
  readonly signal: NodeJS.Signals | undefined
  /** Stops listening; the signals' default actions apply again. */
  dispose(): void
}

/**
 * While long work runs, the first SIGINT or SIGTERM calls `stop` (which lets the work wind down:
 * a batch finishes the rows it is rendering and writes its manifest) instead of killing the
 * process; a second one, a second or more later, exits at once with the signal's exit code.
 */
export function stopOnSignals(stop: (signal: NodeJS.Signals) => void): SignalWatch {
  let first: { signal: NodeJS.Signals; at: number } | undefined
  const listener = (signal: NodeJS.Signals) => {
    if (!first) {
      first = { signal, at: Date.now() }
      stop(signal)
    } else if (Date.now() - first.at >= SAME_SIGNAL_MS) {
      process.exit(signalExitCode(signal))
    }
  }
  for (const signal of STOP_SIGNALS) process.on(signal, listener)
  return {
    get signal() {
      return first?.signal
    },
    dispose() {
      for (const signal of STOP_SIGNALS) process.off(signal, listener)
    },
  }
}
