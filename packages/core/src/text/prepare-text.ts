import { directionalOverrides, isBidiControl, resolveBidiLevels, type BidiLevels } from './bidi.js'
import type { TextLayoutFontRun, TextLayoutInput } from './layout-text.js'
import { BREAK_MANDATORY, BREAK_NONE, findLineBreaksIn, graphemeBoundaries } from './line-breaks.js'

// Cursive scripts take no letter spacing (CSS Text 3): spacing would tear their joins apart.
const cursive = /[\p{Script=Arabic}\p{Script=Syriac}\p{Script=Nko}\p{Script=Mongolian}\p{Script=Adlam}]/u
const lineEnd = /[\r\n\u2028\u2029\u000b\u000c\u0085]/
const trailingSpace = /[\s\u200b]/

/** Everything about the text that does not depend on the size. */
export interface PreparedText {
  text: string
  bidi: BidiLevels
  breaks: Uint8Array
  clusters: Uint8Array
  /** Font run index of each UTF-16 unit. */
  runOf: Uint16Array
  runs: readonly TextLayoutFontRun[]
  runIsCursive: boolean[]
  /** 1 for units that are not drawn: directional controls and line ends. */
  hidden: Uint8Array
  /** Number of hidden units before each index (length + 1): a range without any is a plain slice. */
  hiddenBefore: Uint32Array
  /** 1 for units a line end drops: whitespace, zero width space, directional controls. */
  trimmable: Uint8Array
  /** Line-break segments: [start, end) pairs, each ending at a break opportunity. */
  segments: Array<{ start: number; end: number; mandatory: boolean }>
  paragraphLevel: number
  /** The directional override each unit is under (`OVERRIDE_*`); undefined when the text has none. */
  overrides: Uint8Array | undefined
}

/** Analyses a paragraph once for `layoutText`: breaks, clusters, bidi levels, font runs, what is drawn. */
export function prepareText(input: TextLayoutInput): PreparedText {
  const text = input.text
  const n = text.length
  const runs = input.runs && input.runs.length > 0 ? input.runs : [{ start: 0, end: n, fontAt: input.fontAt }]
  const runOf = new Uint16Array(n)
  runs.forEach((r, i) => runOf.fill(i, r.start, r.end))
  const clusters = graphemeBoundaries(text)
  const breaks = findLineBreaksIn(text, input.locale, clusters)
  const segments: PreparedText['segments'] = []
  let start = 0
  for (let i = 1; i <= n; i++) {
    if (breaks[i] !== BREAK_NONE) {
      segments.push({ start, end: i, mandatory: breaks[i] === BREAK_MANDATORY && i < n })
      start = i
    }
  }
  const hidden = new Uint8Array(n)
  const hiddenBefore = new Uint32Array(n + 1)
  const trimmable = new Uint8Array(n)
  for (let i = 0; i < n; i++) {
    const ch = text[i]!
    // Printable ASCII (the common case) is neither hidden nor trimmable, except the space.
    const code = ch.charCodeAt(0)
    if (code > 0x20 && code < 0x7f) {
      hiddenBefore[i + 1] = hiddenBefore[i]!
      continue
    }
    const control = isBidiControl(ch)
    hidden[i] = control || lineEnd.test(ch) ? 1 : 0
    hiddenBefore[i + 1] = hiddenBefore[i]! + hidden[i]!
    trimmable[i] = control || trailingSpace.test(ch) ? 1 : 0
  }
  const direction = input.direction ?? 'ltr'
  return {
    text,
    bidi: resolveBidiLevels(text, direction),
    breaks,
    clusters,
    runOf,
    runs,
    runIsCursive: runs.map((r) => cursive.test(text.slice(r.start, r.end))),
    hidden,
    hiddenBefore,
    trimmable,
    segments,
    paragraphLevel: direction === 'rtl' ? 1 : 0,
    overrides: directionalOverrides(text),
  }
}

/** Drawn characters of `text.slice(start, end)`: without directional controls and line ends. */
export function drawableText(p: PreparedText, start: number, end: number): string {
  if (p.hiddenBefore[end] === p.hiddenBefore[start]) return p.text.slice(start, end)
  let out = ''
  for (let i = start; i < end; i++) if (!p.hidden[i]) out += p.text[i]
  return out
}
