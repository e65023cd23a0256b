import { BroadcastChannel } from 'node:worker_threads'

/** A frame count of one video in progress, sent from the thread that renders it. */
export interface FrameProgressMessage {
  file: string
  done: number
  total: number
}

/** Frames of a batch's videos so far, over every file. */
export interface FrameProgress {
  done: number
  total: number
  /** Frames per second since the batch started. */
  fps: number
}

/** Sends frame counts on a batch's channel, at most every 100 ms per file (and the last). */
export function frameReporter(channelName: string | undefined, file: string): (done: number, total: number) => void {
  if (!channelName) return () => {}
  const channel = new BroadcastChannel(channelName)
  let sentAt = 0
  return (done, total) => {
    const now = performance.now()
    if (done < total && now - sentAt < 100) return
    sentAt = now
    channel.postMessage({ file, done, total } satisfies FrameProgressMessage)
    if (done >= total) channel.close()
  }
}

/** Listens to a batch's channel and keeps the totals. */
export function frameCounter(channelName: string, totalFrames: number, startedAt: number, onChange: (progress: FrameProgress) => void): { close(): void; snapshot(): FrameProgress } {
  const channel = new BroadcastChannel(channelName)
  const perFile = new Map<string, number>()
  let done = 0
  const snapshot = (): FrameProgress => {
    const seconds = (Date.now() - startedAt) / 1000
    return { done, total: totalFrames, fps: seconds > 0 ? done / seconds : 0 }
  }
  channel.onmessage = (event) => {
    const message = (event as unknown as { data: FrameProgressMessage }).data
    done += message.done - (perFile.get(message.file) ?? 0)
    perFile.set(message.file, message.done)
    onChange(snapshot())
  }
  channel.unref()
  return { close: () => channel.close(), snapshot }
}
