/**
 * Node side of the video benchmark: the ad rendered end to end (draw → pipe → ffmpeg) and the
 * same raw frames encoded by ffmpeg alone with the same arguments.
 */
import { spawn } from 'node:child_process'
import { createWriteStream, readFileSync } from 'node:fs'
import { mkdtemp, open, readFile, rm, stat } from 'node:fs/promises'
import { once } from 'node:events'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { AssetStore, FontLibrary, frameTime, renderFrame, renderVideo, resolve } from '@vitrine/core'
import { NodePlatform, builtInFontBaseUrl, encoderThreads, ffmpegArgs, ffmpegEncoder, ffmpegTools, nvencWorks } from '@vitrine/node'
import { adTemplate, examples } from './video-ad.mjs'

const platform = new NodePlatform()
const fonts = new FontLibrary(platform, { builtInBaseUrl: builtInFontBaseUrl() })
const assets = () => new AssetStore(platform, { baseUrl: pathToFileURL(examples + '/').href })

/**
 * CPU seconds (user + system) used so far by the child processes this process waited for
 * (ffmpeg, ffprobe): `cutime` + `cstime` of /proc/self/stat, in clock ticks of 1/100 s.
 * Undefined where there is no /proc.
 */
export function childrenCpuSeconds() {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8')
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return (Number(fields[13]) + Number(fields[14])) / 100
  } catch {
    return undefined
  }
}

/** CPU seconds (user + system) used so far by this Node process, every thread included. */
const ownCpuSeconds = () => {
  const usage = process.resourceUsage()
  return (usage.userCPUTime + usage.systemCPUTime) / 1e6
}

/** Renders the ad to MP4 through the pipe; returns the timing split and the CPU time of Node and of ffmpeg. */
export async function endToEnd({ seconds, format, dir, hardware = 'auto', threads }) {
  const { template, values } = adTemplate(seconds)
  const file = join(dir, `e2e-${format}.mp4`)
  const node0 = ownCpuSeconds()
  const usage0 = process.resourceUsage()
  const children0 = childrenCpuSeconds()
  const t0 = performance.now()
  const video = await renderVideo(template, values, { format, container: 'mp4', encoder: ffmpegEncoder({ file, hardware, ...(threads === undefined ? {} : { threads }) }), platform, assets: assets(), fonts })
  const ms = performance.now() - t0
  const usage1 = process.resourceUsage()
  const cpu = {
    node: ownCpuSeconds() - node0,
    nodeSystem: (usage1.systemCPUTime - usage0.systemCPUTime) / 1e6,
    nodePageFaults: usage1.minorPageFault - usage0.minorPageFault,
    ffmpeg: children0 === undefined ? undefined : childrenCpuSeconds() - children0,
  }
  return { frames: video.frames, ms, fps: (video.frames * 1000) / ms, bytes: video.byteLength, encoder: `${video.info.encoder} ${video.info.codecDetail}`, timings: video.timings, cpu, file }
}

/** Draws every frame of the ad once into a raw RGBA file (not timed), flushed to disk. */
export async function rawFrames({ seconds, format, dir }) {
  const { template, values } = adTemplate(seconds)
  const store = assets()
  const scene = await resolve(template, values, { format, platform, assets: store, fonts })
  const surface = platform.createSurface(scene.width, scene.height)
  const file = join(dir, `frames-${format}.rgba`)
  const out = createWriteStream(file)
  const draw = []
  for (let i = 0; i < scene.timeline.frames; i++) {
    const t = performance.now()
    renderFrame(scene, frameTime(i, scene.timeline.fps), surface, store)
    const pixels = surface.canvas.data()
    draw.push(performance.now() - t)
    if (!out.write(pixels)) await once(out, 'drain')
  }
  out.end()
  await once(out, 'finish')
  // Wait until the kernel has written the frames (4 GB for 15 s) to disk: its writeback would
  // otherwise take CPU from whichever timed run comes next.
  const handle = await open(file, 'r+')
  await handle.sync()
  await handle.close()
  const audio = new Uint8Array(await readFile(new URL(scene.timeline.audio.src)))
  return { file, scene, drawMs: draw.reduce((a, b) => a + b, 0), audio }
}

/**
 * ffmpeg alone on the raw frames, with the arguments the encoder uses (the same music and the
 * same thread count included). `threads: 'ffmpeg'` leaves the thread count to ffmpeg instead.
 */
export async function encoderOnly({ raw, dir, hardware = 'auto', threads = encoderThreads() }) {
  const { scene } = raw
  const tl = scene.timeline
  const request = { container: 'mp4', codec: 'h264', width: scene.width, height: scene.height, fps: tl.fps, frames: tl.frames, duration: tl.frames / tl.fps, audio: { ...tl.audio, bytes: raw.audio } }
  const codec = hardware === 'auto' && (await nvencWorks()) ? 'h264_nvenc' : 'libx264'
  const audioFile = new URL(tl.audio.src).pathname
  const out = join(dir, 'encoder-only.mp4')
  const args = ffmpegArgs(request, codec, out, { file: audioFile, sampleRate: 44_100 }, threads === 'ffmpeg' ? {} : { threads })
  args[args.indexOf('pipe:0')] = raw.file
  const children0 = childrenCpuSeconds()
  const t0 = performance.now()
  const child = spawn(ffmpegTools().ffmpeg, args, { stdio: ['ignore', 'ignore', 'pipe'] })
  let stderr = ''
  child.stderr.on('data', (d) => (stderr += d))
  const [code] = await once(child, 'close')
  if (code !== 0) throw new Error(`ffmpeg failed: ${stderr}`)
  const ms = performance.now() - t0
  const cpu = { ffmpeg: children0 === undefined ? undefined : childrenCpuSeconds() - children0 }
  return { frames: tl.frames, ms, fps: (tl.frames * 1000) / ms, bytes: (await stat(out)).size, encoder: `ffmpeg ${codec}`, threads, cpu }
}

/**
 * Renders the ad end to end in a fresh Node process started with `flags`, after a short warm-up
 * when `warm`, and resolves to what `report(r)` (code run there, given the endToEnd result)
 * makes of it.
 */
async function endToEndInChild({ seconds, format, flags = [], warm, report, what }) {
  const script = `
    import { endToEnd } from ${JSON.stringify(pathToFileURL(join(import.meta.dirname, 'video-node.mjs')).href)}
    import { mkdtemp, rm } from 'node:fs/promises'
    import { tmpdir } from 'node:os'
    import { join } from 'node:path'
    const dir = await mkdtemp(join(tmpdir(), 'vitrine-bench-child-'))
    ${warm ? "await endToEnd({ seconds: 6, format: '216x384', dir })" : ''}
    const r = await endToEnd({ seconds: ${seconds}, format: ${JSON.stringify(format)}, dir })
    await rm(dir, { recursive: true, force: true })
    console.log(JSON.stringify(${report}))
  `
  const child = spawn(process.execPath, [...flags, '--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'], cwd: import.meta.dirname })
  let stdout = ''
  child.stdout.on('data', (d) => (stdout += d))
  const [code] = await once(child, 'close')
  if (code !== 0) throw new Error(`${what} failed`)
  return JSON.parse(stdout.trim().split('\n').pop())
}

/**
 * {@link endToEnd} in a separate Node process started with `flags` (V8 flags such as the one
 * `vitrine render` starts video renders with), after the same warm-up.
 */
export function endToEndWithFlags({ seconds, format, flags }) {
  return endToEndInChild({ seconds, format, flags, warm: true, report: '{ ...r, file: undefined }', what: `the end-to-end run with [${flags.join(' ')}]` })
}

/** Peak RSS of a separate Node process rendering the ad (a fresh process, so nothing else counts). */
export function peakMemory({ seconds, format }) {
  return endToEndInChild({ seconds, format, warm: false, report: '{ maxRssMB: process.resourceUsage().maxRSS / 1024, fps: r.fps, frames: r.frames }', what: 'the memory run' })
}

export async function withTempDir(fn) {
  const dir = await mkdtemp(join(tmpdir(), 'vitrine-bench-video-'))
  try {
    return await fn(dir)
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}
