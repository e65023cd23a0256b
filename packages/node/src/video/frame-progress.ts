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

/** A frame callback for `renderVideo` that reports on a batch's channel; `close` ends it. */
export interface FrameReporter {
  (done: number, total: number): void
  /** Closes the channel; call it when the video is done or has failed. */
  close(): void
}

/**
 * Sends frame counts on a batch's channel, at most every 100 ms per file (and the last). The
 * channel opens on the first count and never keeps the process alive, so a video that fails
 * before its first frame (a missing picture) leaves nothing open.
 */
export function frameReporter(channelName: string | undefined, file: string): FrameReporter {
  let channel: BroadcastChannel | undefined
  let sentAt = 0
  const close = () => {
    channel?.close()
    channel = undefined
    channelName = undefined
  }
  const report = (done: number, total: number) => {
    if (!channelName) return
    const now = performance.now()
    if (done < total && now - sentAt < 100) return
    sentAt = now
    if (!channel) {
      channel = new BroadcastChannel(channelName)
      channel.unref()
    }
    channel.postMessage({ file, done, total } satisfies FrameProgressMessage)
    if (done >= total) close()
  }
  return Object.assign(report, { close })
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
