/**
 * A market profile: everything about a market that is data rather than code. Profiles are
 * plain objects, so hosts can add their own or change a built-in one (say, Latin digits for
 * Saudi Arabia) by passing a profile instead of an id.
 */
export interface MarketProfile {
  /** The id, by convention the market's main BCP 47 tag: `de-DE`, `ar-SA`. */
  id: string
  /** For people: `Germany (German)`. */
  name: string
  /** The language texts are written in for this market (a BCP 47 tag without extensions). */
  locale: string
  /** ISO 3166-1 alpha-2 region code. */
  region: string
  /** ISO 4217 code of the currency prices are shown in. */
  currency: string
  /**
   * The digits numbers and prices are written with: a CLDR numbering system id such as `latn`
   * (0-9), `arab` (Arabic-Indic ٠-٩), `deva` (Devanagari), `thai`. Applies when the text's
   * language is the market's language.
   */
  numberingSystem: string
  /** The calendar dates are shown in: a CLDR calendar id such as `gregory` or `buddhist`. */
  calendar: string
  /** Writing direction of the market's language; right-to-left layouts mirror. */
  direction: 'ltr' | 'rtl'
  /** ISO 15924 codes of the scripts the market's texts use, the main one first. */
  scripts: string[]
  /**
   * The default font stack's family by ISO 15924 script code (`Latn`, `Arab`, `Hani`, ...):
   * `Inter` for Latin, Cyrillic and Greek, else a fallback family id of the text engine
   * (`noto-sans-arabic`, see `FALLBACK_FAMILIES`). Han characters take Japanese, Simplified
   * Chinese, Traditional Chinese or Korean glyph forms by market. Names only: the font stack
   * provides the files.
   */
  fonts: Record<string, string>
  /** Cultural adaptation hints for designers and for lint. Advice, not rules. */
  hints: CulturalHints
}

/** A colour with what it means in a market. */
export interface ColorHint {
  /** `#rrggbb`, a representative shade. */
  color: string
  /** The colour's name in English. */
  name: string
  /** What it stands for, or when to avoid it. */
  meaning: string
}

/** What to prefer and what to avoid in a market's creative. */
export interface CulturalHints {
  colors: { prefer: ColorHint[]; avoid: ColorHint[] }
  imagery: { prefer: string[]; avoid: string[] }
  /** Numbers considered lucky or unlucky, worth honouring in prices and counts. */
  numbers?: { lucky: number[]; unlucky: number[] }
  /** Anything else worth knowing: seasons, holidays, conventions. */
  notes: string[]
}
