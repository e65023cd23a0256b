// @vitrine/core — public API. Named exports only: this list is the API.

export { VitrineError, toPointer, pointerSegment, describeValue } from './errors/vitrine-error.js'
export type { VitrineErrorCode, VitrineIssue, VitrineErrorOptions } from './errors/vitrine-error.js'

export { parseTemplate, schemaIssues } from './document/validate-template.js'
export { messageArguments } from './i18n/parse-message.js'
export { migrateTemplate, migrations } from './document/migrations.js'
export type { Migration } from './document/migrations.js'
export { templateJsonSchema, TEMPLATE_SCHEMA_ID } from './document/template-json-schema.js'
export { CURRENT_SCHEMA_VERSION } from './document/template.js'
export type { Template, FontFaceDescriptor } from './document/template.js'
export type { Layer, LayerType, GroupLayer } from './document/layer.js'
export type { RectLayer } from './document/layer-rect.js'
export type { ImageLayer } from './document/layer-image.js'
export type { TextLayer, Font } from './document/layer-text.js'
export type { Variable, VariableType, MoneyVariable } from './document/variable.js'
export { variableTypes } from './document/variable.js'
export type { Box, Length, Paint, Color, Binding, Condition, VariableCondition, Shadow, Stroke, CornerRadius, LinearGradient, RadialGradient } from './document/primitives.js'

export { formatCatalog, getFormat, safeRect, aspectClassOf } from './formats/format-catalog.js'
export type { Format, SafeZone, Rect, AspectClass } from './formats/format-catalog.js'

export { resolveBox } from './layout/resolve-box.js'
export { resolveLength } from './layout/resolve-length.js'
export type { LengthContext } from './layout/resolve-length.js'

export { layoutText } from './text/layout-text.js'
export type { TextLayoutInput, TextLayoutResult, TextLayoutLine, TextLayoutRun, TextLayoutFontRun } from './text/layout-text.js'
export { assignFonts, ASSUMED_COVERAGE } from './text/font-runs.js'
export type { FontRun, FontAssignment, AssignFontsOptions } from './text/font-runs.js'
export { findLineBreaks, uax14Breaks, graphemeBoundaries, wordBoundaries, BREAK_NONE, BREAK_ALLOWED, BREAK_MANDATORY } from './text/line-breaks.js'
export { resolveBidiLevels, lineLevels, visualOrder, isBidiControl } from './text/bidi.js'
export type { BidiLevels } from './text/bidi.js'
export { directionOf } from './text/direction-of.js'
export { isMirrored, mirrorBox, mirrorLayer, mirrorPaint } from './layout/mirror-layer.js'
export { CodePointSet, readCmapCoverage } from './text/code-point-set.js'
export { cssFontAt } from './text/css-font.js'
export { FALLBACK_FAMILIES, hanFamilyFor, isEmojiCluster, localeFamilyOf, scriptFamilyOf } from './text/fallback-stack.js'
export type { FallbackFamilyId } from './text/fallback-stack.js'
export { FontLibrary } from './text/font-library.js'
export type { FontLibraryOptions } from './text/font-library.js'
export { DEFAULT_FONT_FAMILY, builtInFontFile } from './text/default-fonts.js'
export { readFontMetrics } from './text/font-metrics.js'
export type { FontMetrics } from './text/font-metrics.js'

export { resolve } from './resolve/resolve.js'
export type { ResolveOptions } from './resolve/resolve.js'
export { evaluateCondition } from './resolve/evaluate-condition.js'
export { formatMoney, messageValues } from './resolve/message-values.js'

export { marketCatalog, findMarket } from './markets/market-catalog.js'
export { getMarket, marketForLocale, formattingLocale } from './markets/get-market.js'
export type { MarketProfile, CulturalHints, ColorHint } from './markets/market-profile.js'
export { canonicalLocale, localeFallbackChain, isPseudoLocale, PSEUDO_LOCALES } from './i18n/locale-tag.js'
export { formatMessage } from './i18n/format-message.js'
export type { FormatMessageOptions } from './i18n/format-message.js'
export { parseMessageAt } from './i18n/parse-message.js'
export type { MessageWhere } from './i18n/parse-message.js'
export { sourceMessages, templateCatalogs, needsTranslation, entryIsUsable } from './i18n/message-catalog.js'
export type { MessageCatalog, SourceMessage } from './i18n/message-catalog.js'
export type { CatalogEntry, CatalogMessages, Translations } from './document/translations.js'
export { checkCatalogs, catalogIssues } from './i18n/catalog-issues.js'
export { parseCatalogJson, catalogToJson, catalogForTranslation } from './i18n/catalog-json.js'
export { parseXliff, catalogToXliff } from './i18n/catalog-xliff.js'
export type { XliffExportOptions } from './i18n/catalog-xliff.js'
export { parseCatalog } from './i18n/parse-catalog.js'
export { translateMissing, createDictionaryTranslator } from './i18n/translator.js'
export type { Translator, TranslationRequest, TranslationContext, TranslateMissingOptions, TranslateMissingResult } from './i18n/translator.js'
export { createMessageResolver } from './i18n/message-resolver.js'
export type { MessageResolver, MessageResolverOptions } from './i18n/message-resolver.js'
export { pseudoText, expandText } from './i18n/pseudo-localize.js'
export type { PseudoStyle } from './i18n/pseudo-localize.js'

export { renderFrame } from './render/render-frame.js'
export { frameBaseStats, type FrameBaseStats } from './render/frame-base-cache.js'

// Time: timelines, animation and video.
export { effectPresets } from './document/animation.js'
export type { Animation, Effect, EffectPreset, Keyframes, KeyframedProperty, TextAnimation, KenBurns, CropInset } from './document/animation.js'
export { easingNames } from './document/easing.js'
export type { Easing } from './document/easing.js'
export { transitionTypes, DEFAULT_FPS } from './document/timeline.js'
export type { Timeline, TimelineScene, Transition, TransitionType } from './document/timeline.js'
export type { AudioTrack } from './document/audio-track.js'
export { ease } from './timeline/ease.js'
export { cubicBezier } from './timeline/cubic-bezier.js'
export { frameCount, frameTime } from './timeline/frame-time.js'
export { sceneWindows, timelineDuration } from './timeline/scene-windows.js'
export type { SceneWindow } from './timeline/scene-windows.js'
export { sampleAnimation } from './timeline/sample-animation.js'
export type { AnimationState } from './timeline/sample-animation.js'
export { sampleEffect } from './timeline/sample-effect.js'
export type { EffectState } from './timeline/sample-effect.js'
export { renderVideo } from './video/render-video.js'
export { prepareFrame } from './video/prepare-frame.js'
export { VideoFrames, videoFramesFor, videoFramesOf, frameKey } from './video/video-frames.js'
export type { VideoClip, VideoClipInfo } from './platform/video-clip.js'
export { clipTimeAt, clipFrameAt } from './timeline/clip-time.js'
export type { SceneClipTiming } from './timeline/clip-time.js'
export type { SceneVideo } from './scene/scene-video.js'
export type { VideoLayer } from './document/layer-video.js'
export type { RenderVideoOptions, RenderVideoResult } from './video/render-video.js'
export { defaultCodecOf } from './video/video-encoder.js'
export type { VideoEncoder, VideoEncoderFactory, VideoEncodeRequest, VideoEncoderInfo, EncodedVideo } from './video/video-encoder.js'
export { checkVideoLimits, checkVideoBytes } from './video/check-video-limits.js'
export { videoLimitsByFormat } from './formats/video-limits.js'
export type { VideoLimits, VideoContainer, VideoCodec } from './formats/video-limits.js'
export type {
  SceneAnimation,
  SceneEffect,
  SceneKeyframe,
  SceneTracks,
  SceneInset,
  SceneKenBurns,
  SceneTextAnimation,
  SceneTimeline,
  SceneAudio,
} from './scene/scene-animation.js'
export type { ImageLookup } from './render/render-frame.js'
export { renderImage } from './render-image.js'
export type { RenderImageOptions, RenderImageResult } from './render-image.js'

export type { Platform, Surface, DecodedImage, FontFaceSource, EncodeOptions, FetchOptions, ImageType, SurfaceOptions } from './platform/platform.js'
export type { Canvas2DContext, CanvasGradientLike, TextMetricsLike, TransformLike } from './platform/canvas-context.js'
export { AssetStore } from './platform/asset-store.js'
export type { AssetPolicy, AssetCacheOptions, AssetStoreStats } from './platform/asset-store.js'
export { resolveAssetUrl } from './platform/asset-url.js'
export { fetchWithLimits, timeoutError, tooLargeError } from './platform/fetch-with-limits.js'
export type { FetchLike, FetchResponseLike } from './platform/fetch-with-limits.js'
export type { AssetUrlPolicy } from './platform/asset-url.js'
export { readImageSize, sniffFileType } from './platform/image-size.js'
export type { ImageSize, SniffedFileType } from './platform/image-size.js'

export { parseCsv } from './data/parse-csv.js'
export type { ParseCsvOptions } from './data/parse-csv.js'
export { parseFeed, decodeFeedText } from './data/parse-feed.js'
export type { FeedFormat, ParseFeedOptions, ParsedFeed } from './data/parse-feed.js'
export { parseJsonFeed, parseNdjsonFeed } from './data/parse-json-feed.js'
export { describeRow } from './data/feed-rows.js'
export type { FeedParseResult, RawRow, RowError } from './data/feed-rows.js'
export { bindRow } from './data/bind-row.js'
export type { BindRowOptions, BoundRow, BoundValues } from './data/bind-row.js'
export { normalizeHexColor, isCurrencyCode } from './data/coerce-value.js'
export type { BoundValue, Money } from './data/coerce-value.js'
export { readRowId, idColumnOf } from './data/row-id.js'
export type { RowIdOptions, RowLike } from './data/row-id.js'

export type {
  Scene,
  SceneNode,
  SceneRect,
  SceneImage,
  SceneText,
  SceneTextLine,
  SceneTextRun,
  SceneGroup,
  ScenePaint,
  SceneShadow,
  SceneStroke,
  SceneRadii,
  SceneFontRef,
  TextFitReport,
  MessageReport,
} from './scene/scene.js'
export type { InferenceRuntime, InferenceSession, ExecutionBackend, BackendReport, TensorInfo, SessionOptions, RunOptions } from './ai/inference-runtime.js'
export type { Tensor, TensorType, FloatTensor } from './ai/tensor.js'
export { parseModelSpec, ModelSpecSchema } from './ai/model-spec.js'
export type { ModelSpec, ModelFile, ModelLicence, ModelInput, ModelOutput } from './ai/model-spec.js'
export { ModelRegistry } from './ai/model-registry.js'
export { loadModelBytes } from './ai/load-model-bytes.js'
export type { ModelHost, ModelCache, ModelLoadProgress, LoadModelOptions, LoadedModelBytes } from './ai/load-model-bytes.js'
export { resizeMask, refineMask, boxBlur, blurPixels, applyMask, alphaMask, trimToAlpha, maskIoU, boundaryF } from './ai/mask.js'
export type { Mask, RgbaPixels, MatteOptions } from './ai/mask.js'
export { MaskCache, encodeMask, decodeMask } from './ai/mask-cache.js'
export type { MaskStore, MaskSource, MaskCacheStats } from './ai/mask-cache.js'
export { salientInputTensor, saliencyMask } from './ai/salient-object.js'
export { CutoutEngine } from './ai/cutout-engine.js'
export type { CutoutEngineOptions, CutoutSubject, PixelAccess, PersonSegmenter, SegmentResult, DerivedImage } from './ai/cutout-engine.js'

export { FACE_ANCHORS, tryOnAnchors, isTryOnAnchor } from './try-on/face-anchors.js'
export type { FaceLandmark, TryOnAnchor } from './try-on/face-anchors.js'
export { anchorPoints, eyeSpan } from './try-on/anchor-points.js'
export type { PixelPoint } from './try-on/anchor-points.js'
export { parseCanonicalFace, canonicalPoint, FACE_GEOMETRY_FILE } from './try-on/canonical-face.js'
export type { CanonicalFace } from './try-on/canonical-face.js'
export { readStoredZipEntry } from './try-on/read-zip-entry.js'
export { headPose } from './try-on/head-pose.js'
export type { HeadPose } from './try-on/head-pose.js'
export { composeMat4, transformPoint } from './try-on/mat4.js'
export type { Mat4 } from './try-on/mat4.js'
export { productPlacements } from './try-on/product-placements.js'
export { photoLighting, meanLuminance } from './try-on/photo-lighting.js'
export type { PhotoLighting } from './try-on/photo-lighting.js'
export { parseTryOnCatalog, findTryOnProduct } from './try-on/try-on-catalog.js'
export type { TryOnCatalog, TryOnProduct, TryOnFit, TryOnKind } from './try-on/try-on-catalog.js'
export { smoothFaceMatrix } from './try-on/smooth-face-matrix.js'
export type { FaceSmoothing } from './try-on/smooth-face-matrix.js'

// Compliance lint: rule packs and checks of an ad against its market's laws and its platform's rules.
export { lint } from './lint/lint.js'
export type { LintOptions, LintPixels } from './lint/lint.js'
export type { LintDiagnostic, LintSpan } from './lint/lint-diagnostic.js'
export { createRuleSet, defaultRuleSet } from './lint/rule-set.js'
export type { RuleSet, RuleSetOptions, CompiledRule } from './lint/rule-set.js'
export { parseRulePack } from './lint/parse-rule-pack.js'
export { builtInRulePacks } from './lint/built-in-packs.js'
export { uiLanguages } from './lint/rule-pack.js'
export type { RulePack, Rule, RuleOverride, RuleScope, RuleSource, Detector, DetectorKind, Matcher, Term, Assertion, Severity, UiLanguage, LocalizedText, SafeZoneProfile } from './lint/rule-pack.js'
export { normalizeText } from './lint/normalize-text.js'
export type { NormalizedText } from './lint/normalize-text.js'
export { checkPattern } from './lint/check-pattern.js'
export { renderLintPixels, withoutText } from './lint/render-lint-pixels.js'
export type { RenderLintPixelsOptions } from './lint/render-lint-pixels.js'
export { contrastRatio, relativeLuminance } from './lint/contrast.js'
export { resolvedText } from './lint/lint-ad.js'
export { lintMarket, EU_REGIONS, GCC_REGIONS, PLATFORM_ALIASES } from './lint/lint-scope.js'
export { diagnosticsToSarif } from './lint/diagnostics-to-sarif.js'
export type { SarifResultInput } from './lint/diagnostics-to-sarif.js'
