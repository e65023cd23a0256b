import { Type, type Static, type TSchema } from '@sinclair/typebox'

/**
 * The rule-pack format: versioned YAML or JSON files, one per market or platform
 * (`rules/cn.yaml`, `rules/tiktok.yaml`), that hosts extend, disable or override per rule.
 * Detectors are declarative: no code runs from a pack. See docs/lint.md.
 */

const Str = Type.String({ minLength: 1 })
const StrList = Type.Array(Str)

/** A text in each UI language. */
export const LocalizedTextSchema = Type.Object(
  { en: Str, de: Str, fr: Str, zh: Str, ar: Str },
  { additionalProperties: false, description: 'a text in en, de, fr, zh and ar' },
)
export type LocalizedText = Static<typeof LocalizedTextSchema>
/** The UI languages diagnostics are written in. */
export const uiLanguages = ['en', 'de', 'fr', 'zh', 'ar'] as const
export type UiLanguage = (typeof uiLanguages)[number]

/** `word` (whole words, the default for letters), `prefix`/`suffix` (may start/end a compound), `substring` (anywhere; the default for CJK). */
export const TermMatchSchema = Type.Union([Type.Literal('word'), Type.Literal('prefix'), Type.Literal('suffix'), Type.Literal('substring')])
export type TermMatch = Static<typeof TermMatchSchema>

/** A word or phrase, matched after normalisation; or one with its own matching mode. */
export const TermSchema = Type.Union([Str, Type.Object({ text: Str, match: TermMatchSchema }, { additionalProperties: false })], { description: 'a word or phrase, or {text, match}' })
export type Term = Static<typeof TermSchema>

const textOptions = {
  /** Phrases that contain a match and make it harmless (`最佳赏味期` for `最佳`). */
  exempt: Type.Optional(StrList),
  /** Patterns (on the normalised text) that contain a match and make it harmless. */
  exemptPatterns: Type.Optional(StrList),
  /** Words that cancel a match just before it (`not`, `nicht`, `不`) or just after it (`-free`). */
  negations: Type.Optional(
    Type.Object(
      { before: Type.Optional(StrList), after: Type.Optional(StrList), window: Type.Optional(Type.Integer({ minimum: 0, maximum: 80 })) },
      { additionalProperties: false },
    ),
  ),
  /** `pass`: a match inside quotation marks or title marks (《…》, «…») is a name or a title, not a claim. */
  quoted: Type.Optional(Type.Union([Type.Literal('pass'), Type.Literal('flag')])),
  /** `de`: German endings may follow each word (einzigartig → einzigartige, einzigartigen). */
  inflect: Type.Optional(Type.Literal('de')),
  /** Default matching mode for the terms (see {@link TermMatchSchema}). */
  match: Type.Optional(TermMatchSchema),
}

/** Words and patterns to find, with their exemptions. */
export const MatcherSchema = Type.Object(
  { terms: Type.Optional(Type.Array(TermSchema)), patterns: Type.Optional(StrList), ...textOptions },
  { additionalProperties: false },
)
export type Matcher = Static<typeof MatcherSchema>

/**
 * Declared descriptions of the ad's pictures, read as text: image layers' `alt`, picture file names
 * and feed columns (`imageTags`, `imageAlt`). Pixels are not looked at: what a picture shows is
 * only known when the seller, the template or the file name says it. See docs/lint.md.
 */
export const ImageryOptionsSchema = Type.Object(
  {
    /** Feed columns that describe the pictures (`imageTags`, `imageAlt`, `imageDescription`). */
    fields: Type.Optional(StrList),
    /** Read image layers' `alt` text. Default true. */
    alt: Type.Optional(Type.Boolean()),
    /** Read picture file names (`uae-flag_doormat.jpg` → `uae flag doormat`). Default true. */
    fileNames: Type.Optional(Type.Boolean()),
    /** Words for pictures; default the detector's own terms. Exemptions and negations are the detector's. */
    terms: Type.Optional(Type.Array(TermSchema, { minItems: 1 })),
    /** Words that count only on some products: a flag on a doormat, not on a banner. The product is read from the category, the descriptions and the ad's text. */
    onProducts: Type.Optional(
      Type.Array(Type.Object({ terms: Type.Array(TermSchema, { minItems: 1 }), products: Type.Array(TermSchema, { minItems: 1 }) }, { additionalProperties: false }), { minItems: 1 }),
    ),
    /** When the ad has pictures and none is described (no `alt`, none of `fields`): a finding of this severity, only for these categories when given. Default: nothing. */
    missing: Type.Optional(
      Type.Object({ severity: Type.Union([Type.Literal('info'), Type.Literal('warn')]), categories: Type.Optional(StrList) }, { additionalProperties: false }),
    ),
  },
  { additionalProperties: false },
)
export type ImageryOptions = Static<typeof ImageryOptionsSchema>

const TermsDetector = Type.Object(
  {
    kind: Type.Literal('terms'),
    terms: Type.Array(TermSchema, { minItems: 1 }),
    patterns: Type.Optional(StrList),
    ...textOptions,
    /** Also match the words in the declared descriptions of the ad's pictures. */
    imagery: Type.Optional(ImageryOptionsSchema),
  },
  { additionalProperties: false },
)
const PatternDetector = Type.Object({ kind: Type.Literal('pattern'), patterns: Type.Array(Str, { minItems: 1 }), ...textOptions }, { additionalProperties: false })

/** `A without B nearby` (`require`) or `A with B nearby` (`forbid`). */
const NearDetector = Type.Object(
  {
    kind: Type.Literal('near'),
    trigger: MatcherSchema,
    /** Every group must be found near the trigger (any of its words or patterns). */
    require: Type.Optional(Type.Array(MatcherSchema, { minItems: 1 })),
    /** Any group found near the trigger makes it a finding. */
    forbid: Type.Optional(Type.Array(MatcherSchema, { minItems: 1 })),
    /** `ad`: anywhere in the ad's texts (default); a number: within that many characters in the same text. */
    window: Type.Optional(Type.Union([Type.Literal('ad'), Type.Integer({ minimum: 1, maximum: 1000 })])),
  },
  { additionalProperties: false },
)

/** One test on feed fields. `than` names another field; `value` is a literal. */
export const AssertionSchema = Type.Object(
  {
    field: Str,
    op: Type.Union([
      Type.Literal('present'),
      Type.Literal('truthy'),
      Type.Literal('falsy'),
      Type.Literal('eq'),
      Type.Literal('ne'),
      Type.Literal('lt'),
      Type.Literal('lte'),
      Type.Literal('gt'),
      Type.Literal('gte'),
      Type.Literal('in'),
      Type.Literal('notIn'),
      Type.Literal('matches'),
      Type.Literal('percentOff'),
    ]),
    value: Type.Optional(Type.Union([Type.String(), Type.Number(), Type.Boolean(), Type.Array(Type.Union([Type.String(), Type.Number()]))])),
    than: Type.Optional(Str),
    /** For `percentOff`: how many percentage points the claim may exceed the computed reduction. */
    tolerance: Type.Optional(Type.Number({ minimum: 0 })),
    /** Skip the test (instead of asking for the field) when the field is missing. */
    optional: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
)
export type Assertion = Static<typeof AssertionSchema>

/** A claim in the text that needs feed data: the fields must be there and the assertions hold. */
const DataDetector = Type.Object(
  {
    kind: Type.Literal('data'),
    trigger: MatcherSchema,
    /** Fields that must be in the row; a missing one is a `warn` naming it. */
    fields: Type.Array(Str),
    assert: Type.Optional(Type.Array(AssertionSchema)),
    /** When every one of these holds, the claim is exempt (e.g. personalised discounts). */
    exemptWhen: Type.Optional(Type.Array(AssertionSchema)),
  },
  { additionalProperties: false },
)

/** A disclosure (`#ad`, `Sponsored`) must open the ad when it is creator content or hints at it. */
const DisclosureDetector = Type.Object(
  {
    kind: Type.Literal('disclosure'),
    /** Content types (from the lint options or the row's `contentType`) that need the disclosure. */
    contentTypes: Type.Optional(StrList),
    /** Weak hints (`#sp`, `#collab`) that also call for it. */
    hints: Type.Optional(MatcherSchema),
    disclosure: MatcherSchema,
    /** The disclosure must start within this many characters of a text. */
    within: Type.Integer({ minimum: 1, maximum: 500 }),
  },
  { additionalProperties: false },
)

/** Text must be in a language: every block (`block`, unless translated nearby) or at least one (`ad`). */
const LanguageDetector = Type.Object(
  {
    kind: Type.Literal('language'),
    language: Type.Union([Type.Literal('fr'), Type.Literal('ar')]),
    mode: Type.Union([Type.Literal('block'), Type.Literal('ad')]),
    /** Loanwords and trademarks that need no translation. */
    exempt: Type.Optional(StrList),
    /** The translation's font size must be at least this share of the foreign text's. Default 1. */
    minSizeRatio: Type.Optional(Type.Number({ minimum: 0, maximum: 4 })),
  },
  { additionalProperties: false },
)

/** Text contrast against the pixels behind it (WCAG 2.2). */
const ContrastDetector = Type.Object(
  {
    kind: Type.Literal('contrast'),
    min: Type.Number({ minimum: 1, maximum: 21 }),
    minLarge: Type.Number({ minimum: 1, maximum: 21 }),
    /** CSS pixels from which text is large, regular and bold (WCAG: 24 and 18.66). */
    largePx: Type.Number({ minimum: 1 }),
    largeBoldPx: Type.Number({ minimum: 1 }),
    /** CSS width the ad is seen at: output sizes are scaled by `viewWidth / width`. */
    viewWidth: Type.Number({ minimum: 1 }),
    /** The contrast reached by this share of the background under the text (percent). */
    percentile: Type.Number({ minimum: 0, maximum: 50 }),
    /** Layers (id pattern) or texts (patterns) whose low contrast is an error rather than a warning. */
    errorLayers: Type.Optional(Str),
    errorPatterns: Type.Optional(StrList),
  },
  { additionalProperties: false },
)

/** Bands at the edges where a platform draws its UI, at a reference size or in percent. */
export const SafeZoneProfileSchema = Type.Object(
  {
    version: Str,
    unit: Type.Union([Type.Literal('px'), Type.Literal('percent')]),
    /** For `px`: the size the figures are for; they scale with the output. */
    reference: Type.Optional(Type.Object({ width: Type.Integer({ minimum: 1 }), height: Type.Integer({ minimum: 1 }) }, { additionalProperties: false })),
    top: Type.Number({ minimum: 0 }),
    right: Type.Number({ minimum: 0 }),
    bottom: Type.Number({ minimum: 0 }),
    left: Type.Number({ minimum: 0 }),
    source: Str,
  },
  { additionalProperties: false },
)
export type SafeZoneProfile = Static<typeof SafeZoneProfileSchema>

const SafeZoneDetector = Type.Object(
  {
    kind: Type.Literal('safe-zone'),
    /** Aspect classes the profiles apply to (`tall` for 9:16). Default all. */
    aspects: Type.Optional(Type.Array(Type.Union([Type.Literal('tall'), Type.Literal('portrait'), Type.Literal('square'), Type.Literal('landscape')]))),
    profiles: Type.Object({ standard: SafeZoneProfileSchema, strict: SafeZoneProfileSchema }, { additionalProperties: SafeZoneProfileSchema }),
    elements: Type.Array(Type.Union([Type.Literal('text'), Type.Literal('logo'), Type.Literal('cta')]), { minItems: 1 }),
  },
  { additionalProperties: false },
)

/** Marketplace main-image rules, from the rendered pixels and the layers. */
const MainImageDetector = Type.Object(
  {
    kind: Type.Literal('main-image'),
    /** Background must be white: a channel below `errorBelow` is an error, below `warnBelow` a warning. */
    white: Type.Optional(Type.Object({ errorBelow: Type.Integer({ minimum: 0, maximum: 255 }), warnBelow: Type.Integer({ minimum: 0, maximum: 256 }) }, { additionalProperties: false })),
    /** Share of the frame's longer side the product must span (0..1). */
    minFill: Type.Optional(Type.Number({ minimum: 0, maximum: 1 })),
    /** Size limits of the output. */
    minLongestSide: Type.Optional(Type.Integer({ minimum: 1 })),
    minSide: Type.Optional(Type.Integer({ minimum: 1 })),
    maxPixels: Type.Optional(Type.Integer({ minimum: 1 })),
    noText: Type.Optional(Type.Boolean()),
    noLogos: Type.Optional(Type.Boolean()),
    noBorder: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
)

/** Every detector kind, by `kind`. */
export const detectorSchemas = {
  terms: TermsDetector,
  pattern: PatternDetector,
  near: NearDetector,
  data: DataDetector,
  disclosure: DisclosureDetector,
  language: LanguageDetector,
  contrast: ContrastDetector,
  'safe-zone': SafeZoneDetector,
  'main-image': MainImageDetector,
} satisfies Record<string, TSchema>
export type DetectorKind = keyof typeof detectorSchemas
export const detectorKinds = Object.keys(detectorSchemas) as DetectorKind[]

export type TermsDetector = Static<typeof TermsDetector>
export type PatternDetector = Static<typeof PatternDetector>
export type NearDetector = Static<typeof NearDetector>
export type DataDetector = Static<typeof DataDetector>
export type DisclosureDetector = Static<typeof DisclosureDetector>
export type LanguageDetector = Static<typeof LanguageDetector>
export type ContrastDetector = Static<typeof ContrastDetector>
export type SafeZoneDetector = Static<typeof SafeZoneDetector>
export type MainImageDetector = Static<typeof MainImageDetector>
export type Detector =
  | TermsDetector
  | PatternDetector
  | NearDetector
  | DataDetector
  | DisclosureDetector
  | LanguageDetector
  | ContrastDetector
  | SafeZoneDetector
  | MainImageDetector

export const SeveritySchema = Type.Union([Type.Literal('error'), Type.Literal('warn'), Type.Literal('info')])
export type Severity = Static<typeof SeveritySchema>

/** Where a rule applies. Markets: region codes (`DE`), groups (`EU`, `GCC`), market ids (`de-DE`) or `*`. */
export const RuleScopeSchema = Type.Object(
  {
    markets: Type.Array(Str, { minItems: 1 }),
    /** Platform ids (`tiktok`, `amazon`); absent: every platform, and none. */
    platforms: Type.Optional(StrList),
    /** Product categories it is for; an ad whose category is not known is checked. */
    categories: Type.Optional(StrList),
    /** Product categories it is not for (`medicine` for health claims). */
    excludeCategories: Type.Optional(StrList),
  },
  { additionalProperties: false },
)
export type RuleScope = Static<typeof RuleScopeSchema>

/** The law or policy a rule rests on. */
export const RuleSourceSchema = Type.Object(
  { law: Str, date: Type.String({ pattern: '^\\d{4}(-\\d{2}(-\\d{2})?)?$' }), url: Type.Optional(Str), note: Type.Optional(Str) },
  { additionalProperties: false },
)
export type RuleSource = Static<typeof RuleSourceSchema>

const ruleFields = {
  id: Type.String({ pattern: '^[A-Z0-9]+(-[A-Z0-9]+)*$', description: 'an id in capitals and dashes, e.g. CN-ABS' }),
  title: Str,
  severity: SeveritySchema,
  /** Per region code or market id (`SA: error`, `AE: warn`). */
  severityByMarket: Type.Optional(Type.Record(Type.String(), SeveritySchema)),
  scope: RuleScopeSchema,
  /** The rule is law from this date; before it, findings are `info`. */
  effective: Type.Optional(Type.Object({ from: Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' }) }, { additionalProperties: false })),
  detector: Type.Object({ kind: Type.Union(detectorKinds.map((k) => Type.Literal(k))) }, { additionalProperties: true }),
  message: LocalizedTextSchema,
  fix: LocalizedTextSchema,
  source: RuleSourceSchema,
}

/** One rule, as written in a pack (the detector is checked against its kind's schema separately). */
export const RuleSchema = Type.Object(ruleFields, { additionalProperties: false })
export type Rule = Omit<Static<typeof RuleSchema>, 'detector'> & { detector: Detector }

/** Changes to an existing rule. `add` appends to the detector's word and pattern lists. */
export const RuleOverrideSchema = Type.Object(
  {
    title: Type.Optional(Str),
    severity: Type.Optional(SeveritySchema),
    severityByMarket: Type.Optional(Type.Record(Type.String(), SeveritySchema)),
    scope: Type.Optional(Type.Partial(RuleScopeSchema)),
    effective: Type.Optional(ruleFields.effective),
    detector: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
    message: Type.Optional(Type.Partial(LocalizedTextSchema)),
    fix: Type.Optional(Type.Partial(LocalizedTextSchema)),
    source: Type.Optional(Type.Partial(RuleSourceSchema)),
    add: Type.Optional(
      Type.Object(
        { terms: Type.Optional(Type.Array(TermSchema)), patterns: Type.Optional(StrList), exempt: Type.Optional(StrList), exemptPatterns: Type.Optional(StrList) },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
)
export type RuleOverride = Static<typeof RuleOverrideSchema>

/** Names of image or box layers that play a role in visual rules, as id patterns. */
export const RolesSchema = Type.Object({ logo: Type.Optional(Str), cta: Type.Optional(Str) }, { additionalProperties: false })

/** A rule pack file. */
export const RulePackSchema = Type.Object(
  {
    pack: Type.String({ pattern: '^[a-z0-9][a-z0-9-]*$', description: 'a pack id in lower case, e.g. cn' }),
    version: Str,
    title: Str,
    description: Type.Optional(Str),
    /** Packs this one builds on; they must be loaded before it. */
    extends: Type.Optional(StrList),
    /** Rule ids of earlier packs to switch off. */
    disable: Type.Optional(StrList),
    /** Changes to rules of earlier packs, by id. */
    override: Type.Optional(Type.Record(Type.String(), RuleOverrideSchema)),
    roles: Type.Optional(RolesSchema),
    rules: Type.Optional(Type.Array(Type.Unknown())),
  },
  { additionalProperties: false },
)

/** A checked rule pack. */
export interface RulePack {
  pack: string
  version: string
  title: string
  description?: string
  extends?: string[]
  disable?: string[]
  override?: Record<string, RuleOverride>
  roles?: { logo?: string; cta?: string }
  rules?: Rule[]
  /** Where it was read from, for errors. */
  file?: string
}
