// Helpers shared by the video tests: a folder with a picture, decode a frame with ffmpeg, put a
// still through 4:2:0.
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { copyFileSync, mkdirSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** A new temporary folder with the example sneaker picture at `images/sneaker.png`. */
export function folderWithSneaker(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  mkdirSync(join(dir, 'images'))
  copyFileSync(join(import.meta.dirname, '..', '..', 'examples', 'images', 'sneaker.png'), join(dir, 'images', 'sneaker.png'))
  return dir
}

/** Frame `n` of a video file, decoded by ffmpeg to RGBA. */
export function decodeFrame(file: string, n: number, width: number, height: number): Uint8Array {
  const out = spawnSync('ffmpeg', ['-v', 'error', '-i', file, '-vf', `select=eq(n\\,${n})`, '-frames:v', '1', '-f', 'rawvideo', '-pix_fmt', 'rgba', '-'], { maxBuffer: 256 * 1024 * 1024 })
  assert.equal(out.status, 0, out.stderr?.toString())
  assert.equal(out.stdout.length, width * height * 4, `frame ${n} decodes to ${width}x${height}`)
  return new Uint8Array(out.stdout)
}

/**
 * A still as 4:2:0 video can hold it: converted to BT.709 YUV 4:2:0 and back, without any
 * codec. Sharp edges between saturated colours lose chroma there in every H.264/VP9 file, so
 * this is the reference that measures timing and codec losses rather than the colour format.
 */
export function as420(rgba: Uint8Array, width: number, height: number): Uint8Array {
  const args = ['-v', 'error', '-f', 'rawvideo', '-pix_fmt', 'rgba', '-video_size', `${width}x${height}`, '-i', 'pipe:0']
  const yuv = spawnSync('ffmpeg', [...args, '-vf', 'scale=out_color_matrix=bt709:out_range=tv,format=yuv420p', '-f', 'rawvideo', 'pipe:1'], { input: rgba, maxBuffer: 1 << 28 })
  const back = spawnSync(
    'ffmpeg',
    ['-v', 'error', '-f', 'rawvideo', '-pix_fmt', 'yuv420p', '-video_size', `${width}x${height}`, '-colorspace', 'bt709', '-color_range', 'tv', '-i', 'pipe:0', '-vf', 'scale=in_color_matrix=bt709:in_range=tv,format=rgba', '-f', 'rawvideo', 'pipe:1'],
    { input: yuv.stdout, maxBuffer: 1 << 28 },
  )
  assert.equal(back.status, 0, back.stderr?.toString())
  return new Uint8Array(back.stdout)
}
