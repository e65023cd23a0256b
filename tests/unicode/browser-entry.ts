// Bundled by chromium-conformance.test.ts: the conformance checks, run in Chromium against
// @vitrine/core's browser build (Chromium's own Intl.Segmenter and ICU).
import { graphemeBoundaries, lineLevels, resolveBidiLevels, uax14Breaks, visualOrder, wordBoundaries } from '@vitrine/core'
import { checkBidiCharacters, checkBidiClasses, checkLineBreaks, checkSegments, explainedLineBreaks, explainSegmentFailure, offsets, type Outcome } from './conformance.ts'

const fns = { graphemeBoundaries, lineLevels, resolveBidiLevels, uax14Breaks, visualOrder }

interface Result extends Outcome {
  unexplained: string[]
}

function run(files: Record<string, string>): Record<string, Result & { ms: number }> {
  let t0 = performance.now()
  const withReasons = (o: Outcome, explain: (f: string) => string | undefined): Result & { ms: number } => {
    const ms = performance.now() - t0
    t0 = performance.now()
    return { ...o, unexplained: o.failures.filter((f) => !explain(f)), ms }
  }
  return {
    LineBreakTest: withReasons(checkLineBreaks(files.LineBreakTest!, fns), (f) => explainedLineBreaks[f]),
    GraphemeBreakTest: withReasons(checkSegments(files.GraphemeBreakTest!, (t) => offsets(graphemeBoundaries(t))), explainSegmentFailure),
    WordBreakTest: withReasons(checkSegments(files.WordBreakTest!, (t) => offsets(wordBoundaries(t))), explainSegmentFailure),
    'GraphemeBreakTest-17.0.0': withReasons(checkSegments(files['GraphemeBreakTest-17.0.0']!, (t) => offsets(graphemeBoundaries(t))), explainSegmentFailure),
    'WordBreakTest-17.0.0': withReasons(checkSegments(files['WordBreakTest-17.0.0']!, (t) => offsets(wordBoundaries(t))), explainSegmentFailure),
    BidiCharacterTest: withReasons(checkBidiCharacters(files.BidiCharacterTest!, fns), () => undefined),
    BidiTest: withReasons(checkBidiClasses(files.BidiTest!, fns), () => undefined),
  }
}

;(globalThis as unknown as { vitrineConformance: typeof run }).vitrineConformance = run
