import { VitrineError } from '../errors/vitrine-error.js'
import type { SceneFontRef } from '../scene/scene.js'
import { isBidiControl } from './bidi.js'
import { CodePointSet } from './code-point-set.js'
import { DEFAULT_FONT_FAMILY } from './default-fonts.js'
import { FALLBACK_FAMILIES, hanFamilyFor, isEmojiCluster, localeFamilyOf, scriptFamilyOf, type FallbackFamilyId } from './fallback-stack.js'
import type { FontLibrary } from './font-library.js'
import { graphemeBoundaries } from './line-breaks.js'

/** A stretch of text drawn with one face: `text.slice(start, end)`. */
export interface FontRun {
  start: number
  end: number
  face: SceneFontRef
}

/** What {@link assignFonts} found. */
export interface FontAssignment {
  /** Consecutive runs that cover the whole text, in logical order. */
  runs: FontRun[]
  /** Every face the runs use, loaded and registered. */
  faces: SceneFontRef[]
  /** Characters no font in the stack has a glyph for (drawn as the layer font's .notdef box). */
  missing: string[]
  /** The face that draws the ellipsis of a truncated line: the layer's face when it has one, else Inter. */
  ellipsisFace: SceneFontRef
}

/** Options for {@link assignFonts}. */
export interface AssignFontsOptions {
  /** The layer's own face (a brand font, or Inter). */
  primary: SceneFontRef
  fonts: FontLibrary
  /** Decides between the Japanese, Korean, Simplified and Traditional Chinese forms of Han characters. */
  locale: string
  /** JSON pointer of the text, named in load errors (e.g. `/layers/2/text`). */
  pointer?: string
}

/**
 * What a brand font given as WOFF or WOFF2 (whose compressed `cmap` is not read) is taken to
 * cover: the Latin blocks. Characters outside go to the fallback stack.
 */
export const ASSUMED_COVERAGE = CodePointSet.fromRanges([
  [0x20, 0x7e],
  [0xa0, 0x24f],
  [0x300, 0x36f],
  [0x1e00, 0x1eff],
  [0x2000, 0x206f],
  [0x20a0, 0x20cf],
  [0x2100, 0x214f],
])

const cjk = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Bopomofo}]/u
// Clusters of no script of their own (spaces, punctuation, digits, symbols, marks) stay in the
// face of the text before them when it has them, so runs do not split needlessly.
const neutral = /^[\p{Zs}\p{P}\p{S}\p{N}\p{M}\p{Cf}\p{Cc}]+$/u
const sameFace = (a: SceneFontRef, b: SceneFontRef) => a.family === b.family && a.weight === b.weight && a.style === b.style

/**
 * Picks a face for every grapheme cluster of a text, per character: the layer's face when it
 * has the glyphs, then Inter, then the fallback family of the cluster's script (Arabic,
 * Hebrew, Thai, Devanagari, Japanese, Simplified or Traditional Chinese, Korean — Han by the
 * locale), then colour emoji. Emoji-presentation clusters go to the emoji family first.
 * Loads only the faces (and fallback subsets) the text needs; an English text loads no
 * fallback font at all.
 *
 * @example
 * ```ts
 * const { runs } = await assignFonts('Vitrine حذاء رياضي', { primary: { family: 'Inter', weight: 700, style: 'normal' }, fonts, locale: 'ar-SA' })
 * // runs[0]: Inter for "Vitrine ", runs[1]: the Noto Sans Arabic subset for the rest
 * ```
 */
export async function assignFonts(text: string, options: AssignFontsOptions): Promise<FontAssignment> {
  try {
    return await assign(text, options)
  } catch (error) {
    if (options.pointer === undefined || !(error instanceof VitrineError)) throw error
    throw new VitrineError(error.code, `${options.pointer}: ${error.message}`, { path: options.pointer, cause: error })
  }
}

async function assign(text: string, options: AssignFontsOptions): Promise<FontAssignment> {
  const { primary, fonts, locale } = options
  await fonts.ensure([primary])
  // Faces are asked about once per cluster: keep their coverage at hand (each is loaded, or a
  // fallback subset whose coverage is known, before it is first asked about).
  const coverages = new Map<SceneFontRef, CodePointSet>()
  const coverage = (face: SceneFontRef) => {
    let c = coverages.get(face)
    if (!c) coverages.set(face, (c = fonts.coverageOf(face) ?? ASSUMED_COVERAGE))
    return c
  }
  // Clusters that took the first fallback family of their script: the same cluster again takes the same face.
  const byScript = new Map<string, SceneFontRef>()
  const inter: SceneFontRef = { family: DEFAULT_FONT_FAMILY, weight: primary.weight, style: primary.style }
  const stack: SceneFontRef[] = [primary]
  const han = hanFamilyFor(locale, text)
  const used: FallbackFamilyId[] = []
  const missing: string[] = []
  const runs: FontRun[] = []
  let previous: SceneFontRef | undefined

  const tryFallback = async (id: FallbackFamilyId, cluster: string): Promise<SceneFontRef | undefined> => {
    const face = await fonts.fallbackFace(id, cluster, primary.weight)
    if (face && coverage(face).hasAll(withoutSelectors(cluster))) {
      if (!used.includes(id)) used.push(id)
      return face
    }
    return undefined
  }

  // The faces already at hand, without waiting: most clusters take one of them.
  const pickNow = (cluster: string): SceneFontRef | undefined => {
    if (isEmojiCluster(cluster)) return undefined
    const bare = withoutSelectors(cluster)
    if (previous && neutral.test(cluster) && coverage(previous).hasAll(bare)) return previous
    for (const face of stack) if (coverage(face).hasAll(bare)) return face
    return byScript.get(cluster)
  }

  const pick = async (cluster: string): Promise<SceneFontRef> => {
    const bare = withoutSelectors(cluster)
    if (isEmojiCluster(cluster)) {
      const face = await tryFallback('noto-color-emoji', cluster)
      if (face) return face
    }
    if (previous && neutral.test(cluster) && coverage(previous).hasAll(bare)) return previous
    for (const face of stack) if (coverage(face).hasAll(bare)) return face
    if (!sameFace(primary, inter) && !stack.some((f) => sameFace(f, inter))) {
      await fonts.ensure([inter])
      stack.push(inter)
      if (coverage(inter).hasAll(bare)) return inter
    }
    const candidates: FallbackFamilyId[] = []
    const script = scriptFamilyOf(cluster, han)
    if (script) {
      const face = await tryFallback(script, cluster)
      if (face) {
        byScript.set(cluster, face)
        return face
      }
      candidates.push(script)
    }
    candidates.push(...used)
    const own = localeFamilyOf(locale, text)
    if (own) candidates.push(own)
    if (cjk.test(text)) candidates.push(han)
    candidates.push(...FALLBACK_FAMILIES)
    for (const id of new Set(candidates)) {
      const face = await tryFallback(id, cluster)
      if (face) return face
    }
    missing.push(cluster)
    return previous ?? primary
  }

  for (const { segment, index } of graphemes(text)) {
    // Controls and line ends are not drawn: they join the run before them.
    const face = previous && (isBidiControl(segment) || /^[\r\n\u2028\u2029]+$/.test(segment)) ? previous : (pickNow(segment) ?? (await pick(segment)))
    const last = runs[runs.length - 1]
    if (last && sameFace(last.face, face)) last.end = index + segment.length
    else runs.push({ start: index, end: index + segment.length, face })
    previous = face
  }
  let ellipsisFace = primary
  if (!coverage(primary).has(0x2026)) {
    await fonts.ensure([inter])
    ellipsisFace = inter
  }
  const faces: SceneFontRef[] = []
  for (const face of [...runs.map((r) => r.face), ellipsisFace]) if (!faces.some((f) => sameFace(f, face))) faces.push(face)
  await fonts.ensure(faces)
  return { runs, faces, missing, ellipsisFace }
}

/** The grapheme clusters of `text` with their UTF-16 index (from {@link graphemeBoundaries}). */
function* graphemes(text: string): Generator<{ segment: string; index: number }> {
  const boundaries = graphemeBoundaries(text)
  let start = 0
  for (let i = 1; i <= text.length; i++) {
    if (!boundaries[i]) continue
    yield { segment: text.slice(start, i), index: start }
    start = i
  }
}

/** A cluster without variation selectors and joiners, which fonts need not map themselves. */
function withoutSelectors(cluster: string): string {
  const bare = cluster.replace(/[\ufe00-\ufe0f\u200c\u200d]/g, '')
  return bare === '' ? cluster : bare
}
