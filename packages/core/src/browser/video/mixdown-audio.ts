import { VitrineError } from '../../errors/vitrine-error.js'
import type { SceneAudio } from '../../scene/scene-animation.js'

/**
 * Renders a music bed to the video's length with Web Audio (trim, loop, volume, fades), the
 * same mix native ffmpeg makes in Node. Rejects with `video/unsupported` at
 * `/timeline/audio/src` when the browser cannot decode the file.
 */
export async function mixdownAudio(audio: SceneAudio & { bytes: Uint8Array }, duration: number, sampleRate = 48_000): Promise<AudioBuffer> {
  const length = Math.max(1, Math.ceil(duration * sampleRate))
  const context = new OfflineAudioContext(2, length, sampleRate)
  let decoded: AudioBuffer
  try {
    decoded = await context.decodeAudioData(audio.bytes.slice().buffer)
  } catch (error) {
    throw new VitrineError('video/unsupported', `/timeline/audio/src: the browser could not decode the audio file (${(error as Error).message || 'unknown format'})`, {
      path: '/timeline/audio/src',
      cause: error,
    })
  }
  const source = context.createBufferSource()
  source.buffer = decoded
  const end = Math.min(audio.trimEnd ?? decoded.duration, decoded.duration)
  const start = Math.min(audio.trimStart, end)
  const gain = context.createGain()
  gain.gain.setValueAtTime(audio.fadeIn > 0 ? 0 : audio.volume, 0)
  if (audio.fadeIn > 0) gain.gain.linearRampToValueAtTime(audio.volume, Math.min(audio.fadeIn, duration))
  if (audio.fadeOut > 0) {
    gain.gain.setValueAtTime(audio.volume, Math.max(0, duration - audio.fadeOut))
    gain.gain.linearRampToValueAtTime(0, duration)
  }
  source.connect(gain).connect(context.destination)
  if (audio.loop) {
    source.loop = true
    source.loopStart = start
    source.loopEnd = end
    source.start(0, start)
  } else {
    source.start(0, start, end - start)
  }
  return context.startRendering()
}

/** 16-bit PCM WAV bytes of an AudioBuffer (for encoders that read files). */
export function wavBytes(buffer: AudioBuffer): Uint8Array {
  const channels = buffer.numberOfChannels
  const frames = buffer.length
  const bytes = new Uint8Array(44 + frames * channels * 2)
  const view = new DataView(bytes.buffer)
  const text = (at: number, s: string) => [...s].forEach((c, i) => view.setUint8(at + i, c.charCodeAt(0)))
  text(0, 'RIFF')
  view.setUint32(4, 36 + frames * channels * 2, true)
  text(8, 'WAVE')
  text(12, 'fmt ')
  view.setUint32(16, 16, true)
  view.setUint16(20, 1, true)
  view.setUint16(22, channels, true)
  view.setUint32(24, buffer.sampleRate, true)
  view.setUint32(28, buffer.sampleRate * channels * 2, true)
  view.setUint16(32, channels * 2, true)
  view.setUint16(34, 16, true)
  text(36, 'data')
  view.setUint32(40, frames * channels * 2, true)
  const data = Array.from({ length: channels }, (_, c) => buffer.getChannelData(c))
  let at = 44
  for (let i = 0; i < frames; i++) {
    for (let c = 0; c < channels; c++) {
      const v = Math.max(-1, Math.min(1, data[c]![i]!))
      view.setInt16(at, v < 0 ? v * 0x8000 : v * 0x7fff, true)
      at += 2
    }
  }
  return bytes
}
