// Real videos from native ffmpeg, checked with ffprobe and decoded back: sizes, frame rates,
// durations, codecs, audio, and frame accuracy against renderFrame stills (PSNR).
import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { rmSync, writeFileSync, readFileSync, existsSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { AssetStore, FontLibrary, parseTemplate, renderFrame, renderVideo, resolve, type Scene, type Template, VitrineError } from '@vitrine/core'
import { NodePlatform, builtInFontBaseUrl, encoderThreads, ffmpegArgs, ffmpegEncoder, probeMedia } from '@vitrine/node'
import { as420, decodeFrame, folderWithSneaker } from './media-checks.js'
import { psnr } from './psnr.js'

const platform = new NodePlatform()
const fonts = new FontLibrary(platform, { builtInBaseUrl: builtInFontBaseUrl() })
let dir = ''
let assets: AssetStore

before(() => {
  dir = folderWithSneaker('vitrine-video-')
  // A 1.5 s tone made here, as a music bed.
  const tone = spawnSync('ffmpeg', ['-v', 'error', '-y', '-f', 'lavfi', '-i', 'sine=frequency=440:duration=1.5', '-c:a', 'pcm_s16le', join(dir, 'tone.wav')])
  assert.equal(tone.status, 0, tone.stderr?.toString())
  writeFileSync(join(dir, 'broken.m4a'), 'this is not audio')
  assets = new AssetStore(platform, { baseUrl: pathToFileURL(dir + '/').href })
})
after(() => rmSync(dir, { recursive: true, force: true }))

/** A small animated card: a moving, fading, rotating picture, words entering, a wipe. */
function card(extra: Record<string, unknown> = {}): Template {
  return parseTemplate({
    schemaVersion: 3,
    size: { width: 320, height: 240 },
    variables: {},
    background: { type: 'linear-gradient', angle: 135, stops: [{ offset: 0, color: '#1d4ed8' }, { offset: 1, color: '#0f172a' }] },
    timeline: { duration: 1, fps: 30, ...extra },
    layers: [
      {
        id: 'shoe',
        type: 'image',
        src: 'images/sneaker.png',
        fit: 'contain',
        box: { left: 20, top: 20, width: 140, height: 120 },
        animation: { enter: { preset: 'pop', duration: 0.4 }, keyframes: { x: [{ time: 0, value: 0 }, { time: 1, value: 140 }], rotation: [{ time: 0, value: -10 }, { time: 1, value: 10 }] } },
      },
      { id: 'bar', type: 'rect', box: { left: 0, bottom: 0, width: '100%', height: 50 }, fill: '#fde047', animation: { enter: { preset: 'wipe-right', duration: 0.6, easing: 'linear' } } },
      { id: 'title', type: 'text', text: 'Runner Sneaker', fontSize: 28, font: { weight: 700 }, color: '#111827', box: { left: 10, bottom: 5, right: 10, height: 40 }, animation: { text: { by: 'word', preset: 'fade', stagger: 0.3, duration: 0.3 } } },
    ],
  })
}

async function encode(template: Template, container: 'mp4' | 'webm' | 'gif', name: string, format = '320x240') {
  const file = join(dir, name)
  const video = await renderVideo(template, {}, { format, container, encoder: ffmpegEncoder({ file, hardware: 'never' }), platform, assets, fonts })
  return { file, video, probe: await probeMedia(file, { countFrames: true }) }
}

/** The still renderFrame draws at time t, as RGBA over black (as a video shows it). */
function still(scene: Scene, t: number): Uint8Array {
  const surface = platform.createSurface(scene.width, scene.height)
  renderFrame(scene, t, surface, assets)
  return new Uint8Array((surface.canvas as { data(): Buffer }).data())
}

const frameTolerance = (fps: number) => 1 / fps + 1e-3

test('MP4: H.264 at the right size, frame rate, duration and frame count, with AAC when there is music; frames match renderFrame stills (PSNR ≥ 35 dB)', async () => {
  const template = card({ audio: { src: 'tone.wav', volume: 0.5, fadeIn: 0.2, fadeOut: 0.3 } })
  const { file, video, probe } = await encode(template, 'mp4', 'card.mp4')
  assert.equal(video.info.codec, 'h264')
  assert.equal(video.info.audioCodec, 'aac')
  const v = probe.streams.find((s) => s.type === 'video')!
  const a = probe.streams.find((s) => s.type === 'audio')
  assert.equal(v.codec, 'h264')
  assert.deepEqual([v.width, v.height], [320, 240])
  assert.equal(v.fps, 30)
  assert.equal(v.frames, 30)
  assert.ok(Math.abs(probe.duration - 1) <= frameTolerance(30), `duration ${probe.duration}`)
  assert.equal(a?.codec, 'aac', 'audio present')
  assert.ok(Math.abs((a?.duration ?? 0) - 1) < 0.1, `audio lasts the video (${a?.duration})`)
  assert.equal(video.byteLength, readFileSync(file).byteLength)
  const scene = await resolve(template, {}, { format: '320x240', platform, assets, fonts })
  for (const n of [0, 7, 15, 29]) {
    const decoded = decodeFrame(file, n, 320, 240)
    const exact = still(scene, n / 30)
    const db = psnr(decoded, as420(exact, 320, 240))
    assert.ok(db >= 35, `frame ${n}: PSNR ${db.toFixed(1)} dB against renderFrame(scene, ${n}/30) in 4:2:0`)
    // Straight against the RGB still, 4:2:0 chroma included: lower on this small, saturated card.
    const raw = psnr(decoded, exact)
    assert.ok(raw >= 30, `frame ${n}: PSNR ${raw.toFixed(1)} dB against the RGB still`)
    // Frame accuracy: the neighbouring frame's time matches worse than the right one.
    if (n > 0) assert.ok(psnr(decoded, as420(still(scene, (n - 1) / 30), 320, 240)) < db - 3, `frame ${n} is the still at ${n}/30, not ${n - 1}/30`)
  }
})

test('WebM: VP9 with Opus; VP8 on request', async () => {
  const { probe } = await encode(card({ fps: 25, audio: { src: 'tone.wav', loop: true, trim: { start: 0.5, end: 1 } } }), 'webm', 'card.webm')
  const v = probe.streams.find((s) => s.type === 'video')!
  assert.equal(v.codec, 'vp9')
  assert.deepEqual([v.width, v.height, v.frames], [320, 240, 25])
  assert.equal(probe.streams.find((s) => s.type === 'audio')?.codec, 'opus')
  assert.ok(Math.abs(probe.duration - 1) <= frameTolerance(25) + 0.01, `duration ${probe.duration}`)
  const vp8 = await renderVideo(card(), {}, { format: '320x240', container: 'webm', codec: 'vp8', encoder: ffmpegEncoder({ file: join(dir, 'vp8.webm') }), platform, assets, fonts })
  assert.equal((await probeMedia(vp8.file!)).streams[0]!.codec, 'vp8')
})

test('GIF: every frame, looping, at the right size', async () => {
  const { probe, video } = await encode(card({ fps: 20 }), 'gif', 'card.gif')
  const v = probe.streams[0]!
  assert.equal(video.info.codec, 'gif')
  assert.deepEqual([v.codec, v.width, v.height, v.frames], ['gif', 320, 240, 20])
  assert.ok(Math.abs(probe.duration - 1) <= frameTolerance(20) + 0.01, `duration ${probe.duration}`)
})

test('an audio file that is not audio names /timeline/audio/src and leaves no file behind', async () => {
  const file = join(dir, 'broken.mp4')
  await assert.rejects(
    renderVideo(card({ audio: { src: 'broken.m4a' } }), {}, { format: '320x240', container: 'mp4', encoder: ffmpegEncoder({ file }), platform, assets, fonts }),
    (e: unknown) => e instanceof VitrineError && e.code === 'video/unsupported' && e.path === '/timeline/audio/src',
  )
  assert.equal(existsSync(file), false)
})

test("a render that breaks the format's platform limits is refused before any frame is drawn", async () => {
  const tooLong = card({ duration: 90 })
  // TikTok takes 5 to 60 s, Instagram stories 1 to 60 s.
  let frames = 0
  await assert.rejects(
    renderVideo(tooLong, {}, { format: 'instagram-story', container: 'mp4', encoder: ffmpegEncoder({ file: join(dir, 'x.mp4') }), platform, assets, fonts, onFrame: () => frames++ }),
    (e: unknown) => e instanceof VitrineError && e.code === 'video/over-limit' && e.path === '/timeline/duration' && /60 s/.test(e.message),
  )
  await assert.rejects(
    renderVideo(card({ fps: 120, duration: 6 }), {}, { format: 'tiktok', container: 'mp4', encoder: ffmpegEncoder({ file: join(dir, 'x.mp4') }), platform, assets, fonts }),
    (e: unknown) => e instanceof VitrineError && e.code === 'video/over-limit' && e.path === '/timeline/fps',
  )
  await assert.rejects(
    renderVideo(card(), {}, { format: 'instagram-story', container: 'webm', encoder: ffmpegEncoder({ file: join(dir, 'x.webm') }), platform, assets, fonts }),
    (e: unknown) => e instanceof VitrineError && e.code === 'video/over-limit' && /takes mp4/.test(e.message),
  )
  assert.equal(frames, 0)
  assert.equal(existsSync(join(dir, 'x.mp4')), false)
})

test('odd sizes are refused for 4:2:0 video with a clear error', async () => {
  await assert.rejects(
    renderVideo(card(), {}, { format: '321x240', container: 'mp4', encoder: ffmpegEncoder({ file: join(dir, 'odd.mp4') }), platform, assets, fonts }),
    (e: unknown) => e instanceof VitrineError && e.code === 'video/unsupported' && /even width and height/.test(e.message),
  )
})

/** The thread count x264 wrote into the stream's settings message (`... threads=N ...`). */
function x264Threads(file: string): number | undefined {
  const match = /x264 - core [^]*? threads=(\d+) /.exec(readFileSync(file).toString('latin1'))
  return match ? Number(match[1]) : undefined
}

test("the encoder's thread count reaches x264: the cores the drawing leaves by default, or as asked", async () => {
  // Each render draws on one core; its encoder gets the rest of its share, at least one thread.
  assert.equal(encoderThreads(1, 2), 1)
  assert.equal(encoderThreads(1, 16), 15)
  assert.equal(encoderThreads(4, 16), 3)
  assert.equal(encoderThreads(8, 2), 1)
  assert.equal(encoderThreads(1, 1), 1)
  const request = { container: 'mp4' as const, width: 320, height: 240, fps: 30, frames: 30, duration: 1 }
  const after = (args: string[], flag: string) => (args.includes(flag) ? args[args.indexOf(flag) + 1] : undefined)
  assert.equal(after(ffmpegArgs(request, 'libx264', 'x.mp4', undefined, { threads: 3 }), '-threads'), '3')
  assert.equal(after(ffmpegArgs({ ...request, container: 'webm' }, 'libvpx-vp9', 'x.webm', undefined, { threads: 2 }), '-threads'), '2')
  assert.equal(after(ffmpegArgs(request, 'h264_nvenc', 'x.mp4', undefined, { threads: 3 }), '-threads'), undefined, 'NVENC encodes on the GPU')
  assert.equal(after(ffmpegArgs(request, 'libx264', 'x.mp4'), '-threads'), undefined, "unset leaves ffmpeg's choice")

  for (const threads of [1, 2]) {
    const file = join(dir, `threads-${threads}.mp4`)
    await renderVideo(card(), {}, { format: '320x240', container: 'mp4', encoder: ffmpegEncoder({ file, hardware: 'never', threads }), platform, assets, fonts })
    assert.equal(x264Threads(file), threads)
  }
  const file = join(dir, 'threads-default.mp4')
  await renderVideo(card(), {}, { format: '320x240', container: 'mp4', encoder: ffmpegEncoder({ file, hardware: 'never' }), platform, assets, fonts })
  // x264 lowers a thread count that this small a frame cannot use, so compare exactly up to 2.
  const got = x264Threads(file) ?? 0
  if (encoderThreads() <= 2) assert.equal(got, encoderThreads())
  else assert.ok(got >= 1 && got <= encoderThreads(), `x264 threads ${got}`)

  await assert.rejects(
    renderVideo(card(), {}, { format: '320x240', container: 'mp4', encoder: ffmpegEncoder({ file: join(dir, 'bad-threads.mp4'), threads: 0 }), platform, assets, fonts }),
    (e: unknown) => e instanceof VitrineError && e.code === 'usage' && /threads: expected a whole number of threads from 1 to 64, found 0/.test(e.message),
  )
  assert.equal(existsSync(join(dir, 'bad-threads.mp4')), false)
})
