#!/usr/bin/env node
// Builds `selfie_segmenter.tflite`: MediaPipe's selfie segmentation model (Apache-2.0, from the
// npm package @mediapipe/selfie_segmentation) with the TFLite metadata that tasks-vision's
// ImageSegmenter requires (RGB input normalised as (x - 0) / 255, 256x256, one output). The
// package ships the model without it, and ImageSegmenter refuses it ("requires specifying
// NormalizationOptions metadata"). The metadata writer is the one the try-on bundle uses
// (scripts/build-face-landmarker.mjs). Nothing is downloaded; the output is ignored by git.
//
//   node scripts/build-selfie-segmenter.mjs [--out FILE]    (default .cache/models/selfie_segmenter.tflite)
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, resolve } from 'node:path'
import { rewriteModel } from './build-face-landmarker.mjs'

const root = resolve(import.meta.dirname, '..')
const requireFromCore = createRequire(join(root, 'packages/core/package.json'))

/** The selfie model with tasks-vision metadata, as bytes. */
export function buildSelfieSegmenter() {
  const dir = dirname(requireFromCore.resolve('@mediapipe/selfie_segmentation/package.json'))
  const model = readFileSync(join(dir, 'selfie_segmentation.tflite'))
  return rewriteModel(model, { metadata: { name: 'selfie_segmenter', mean: 0, std: 255, width: 256, height: 256, outputs: ['segmentation'] } })
}

/** Writes the model to `out` unless it is already there; returns its path. */
export function ensureSelfieSegmenter(out = join(root, '.cache/models/selfie_segmenter.tflite')) {
  if (existsSync(out)) return out
  mkdirSync(dirname(out), { recursive: true })
  const temp = `${out}.${process.pid}.tmp`
  writeFileSync(temp, buildSelfieSegmenter())
  renameSync(temp, out)
  return out
}

if (process.argv[1] && resolve(process.argv[1]) === import.meta.filename) {
  const args = process.argv.slice(2)
  const out = args.includes('--out') ? resolve(args[args.indexOf('--out') + 1]) : undefined
  console.log(`wrote ${ensureSelfieSegmenter(out)}`)
}
