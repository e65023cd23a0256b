import { mkdir, readFile } from 'node:fs/promises'
import { basename, extname, join, resolve } from 'node:path'
import sharp from 'sharp'
import { VitrineError, type CutoutEngine, type CutoutSubject } from '@vitrine/core'
import { createNodeCutoutEngine } from '../ai/create-node-cutout-engine.js'
import { loadModelManifest } from '../ai/load-model-manifest.js'
import { nodePixelAccess } from '../ai/node-pixel-access.js'
import { EXIT_OK, EXIT_ROWS_FAILED, EXIT_USAGE } from '../exit-codes.js'
import { NodePlatform } from '../node-platform.js'
import { cutoutOutOption } from '../options/cutout-out-option.js'
import { featherOption } from '../options/feather-option.js'
import { helpOption } from '../options/help-option.js'
import { jsonOption } from '../options/json-option.js'
import { modelOption } from '../options/model-option.js'
import { subjectOption } from '../options/subject-option.js'
import { thresholdOption } from '../options/threshold-option.js'
import { errorJson, errorLines, reportError } from '../report-error.js'
import { writeAtomically } from '../row-files.js'
import type { CliCommand } from './cli-command.js'

interface CutoutOutput {
  input: string
  file: string
  width: number
  height: number
  ms: number
  cache: string
}

/** `vitrine cutout`: removes the background of pictures and writes PNGs with alpha. */
export const cutoutCommand: CliCommand = {
  name: 'cutout',
  summary: 'Remove the background of pictures and write PNGs with alpha',
  description:
    'Runs the cut-out model on each picture on this machine (onnxruntime: CUDA when available, else CPU) and ' +
    'writes `<out>/<name>.png` with the background transparent. The model is loaded once and checked against ' +
    'its SHA-256; masks are cached by content, so a picture seen before is not segmented again. A picture that ' +
    'cannot be read fails alone: the others are still written.',
  positionals: [{ name: 'images', description: 'PNG, JPEG, WebP or GIF files.', required: true, variadic: true }],
  options: [
    { option: cutoutOutOption, required: true },
    { option: modelOption },
    { option: subjectOption },
    { option: featherOption },
    { option: thresholdOption },
    { option: jsonOption },
    { option: helpOption },
  ],
  examples: [
    { command: 'vitrine cutout photos/*.jpg --model models/isnet-general-use.model.json --out cut', description: 'Every photo, cut out, as PNG.' },
    { command: 'vitrine cutout shoe.jpg --model isnet.model.json --threshold 0.5 --feather 2 --out cut --json', description: 'A hard matte with a 2 px soft edge; a JSON summary.' },
  ],
  exitCodes: [
    { code: 0, meaning: 'every picture was written' },
    { code: 1, meaning: 'some pictures failed (listed); the others were written. A full disk stops the command there, and the pictures not cut out are named (notDone with --json)' },
    { code: 2, meaning: 'a usage or model error (no model, invalid description, wrong hash, model that does not load): nothing was written' },
  ],
  async run({ positionals, options, io }) {
    const json = options.json === true
    const modelFile = options.model as string | undefined
    if (!modelFile) return reportError(io, new VitrineError('usage', 'vitrine cutout needs a model: --model <file.model.json> (or VITRINE_MODEL); see docs/ai.md for compatible models'), json)
    const subject = options.subject as CutoutSubject
    const matte = { feather: options.feather as number | undefined, threshold: options.threshold as number | undefined }
    const outDir = resolve(options.out as string)
    let engine: CutoutEngine
    try {
      const spec = await loadModelManifest(modelFile)
      engine = await createNodeCutoutEngine({ models: [spec], log: (m) => io.stderr.write(m + '\n') })
      await engine.session(engine.modelFor(subject))
    } catch (error) {
      return modelError(io, error, json)
    }
    const platform = new NodePlatform()
    await mkdir(outDir, { recursive: true })
    const outputs: CutoutOutput[] = []
    const failures: Array<{ input: string; error: ReturnType<typeof errorJson> }> = []
    const used = new Set<string>()
    // Pictures not cut out because the disk filled up before their turn.
    const notDone: string[] = []
    for (const [index, input] of positionals.entries()) {
      try {
        const t0 = performance.now()
        const bytes = await readFile(input).catch((error: NodeJS.ErrnoException) => {
          throw new VitrineError('asset/not-found', `${input}: ${error.code === 'ENOENT' ? 'no such file' : error.message}`, { cause: error })
        })
        const image = await platform.decodeImage(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength))
        const key = resolve(input)
        const { source } = await engine.segment(image, subject, key)
        const cut = await engine.cutout(image, key, { subject, matte, trim: false })
        const pixels = await nodePixelAccess.readPixels(cut.image, cut.image.width, cut.image.height)
        const png = await sharp(pixels.data, { raw: { width: pixels.width, height: pixels.height, channels: 4 } }).png({ compressionLevel: 6 }).toBuffer()
        const file = join(outDir, uniqueName(basename(input, extname(input)), used) + '.png')
        // Whole or not at all: a Ctrl-C never leaves a half-written picture under the final name.
        writeAtomically(file, png)
        outputs.push({ input, file, width: pixels.width, height: pixels.height, ms: Math.round(performance.now() - t0), cache: source })
        if (!json) io.stdout.write(`${input} → ${file} (${pixels.width}x${pixels.height}, ${Math.round(performance.now() - t0)} ms${source === 'computed' ? '' : `, mask from ${source}`})\n`)
      } catch (error) {
        failures.push({ input, error: errorJson(error) })
        if (!json) io.stderr.write(`${input}: ${errorLines(error).join('\n  ')}\n`)
        // A full disk would fail every picture after this one: stop here.
        if (error instanceof VitrineError && error.code === 'output/no-space') {
          notDone.push(...positionals.slice(index + 1))
          break
        }
      }
    }
    if (notDone.length > 0 && !json) {
      io.stderr.write(`Stopped: the disk of ${outDir} is full. ${notDone.length} picture${notDone.length === 1 ? ' was' : 's were'} not cut out: ${notDone.join(' ')}\n`)
    }
    await engine.dispose()
    const exitCode = failures.length > 0 ? EXIT_ROWS_FAILED : EXIT_OK
    if (json) io.stdout.write(JSON.stringify({ ok: exitCode === EXIT_OK, exitCode, out: outDir, model: engine.modelFor(subject).id, outputs, failures, ...(notDone.length > 0 ? { notDone } : {}) }, null, 2) + '\n')
    return exitCode
  },
}

function modelError(io: Parameters<CliCommand['run']>[0]['io'], error: unknown, json: boolean): number {
  if (!(error instanceof VitrineError)) return reportError(io, error, json)
  if (json) io.stdout.write(JSON.stringify({ ok: false, exitCode: EXIT_USAGE, error: errorJson(error) }, null, 2) + '\n')
  else io.stderr.write(errorLines(error).join('\n') + '\n')
  return EXIT_USAGE
}

function uniqueName(name: string, used: Set<string>): string {
  let candidate = name || 'image'
  for (let i = 2; used.has(candidate); i++) candidate = `${name}-${i}`
  used.add(candidate)
  return candidate
}
