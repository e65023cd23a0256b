import type { LintDiagnostic } from './lint-diagnostic.js'
import type { RuleSet } from './rule-set.js'

/** A diagnostic with the ad it belongs to, as `vitrine lint` reports it. */
export interface SarifResultInput extends LintDiagnostic {
  /** The row id. */
  id: string
  market: string
  platform?: string | null
  format: string
}

const LEVEL = { error: 'error', warn: 'warning', info: 'note' } as const

/**
 * A SARIF 2.1.0 log of lint diagnostics, for code-review tools: one run, the rules that fired as
 * the tool's rules, one result per diagnostic located in the template file (with the layer's
 * JSON pointer as a logical location) and the row, market, platform, format and span as
 * properties.
 *
 * @param templateUri - The template file, relative to the repository root where possible.
 */
export function diagnosticsToSarif(results: readonly SarifResultInput[], options: { templateUri: string; version: string; rules?: RuleSet }): object {
  const fired = [...new Set(results.map((r) => r.rule))].sort()
  const byId = new Map((options.rules?.rules ?? []).map((r) => [r.rule.id, r.rule]))
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'vitrine-lint',
            version: options.version,
            rules: fired.map((id) => {
              const rule = byId.get(id)
              return {
                id,
                name: rule?.title ?? id,
                shortDescription: { text: rule?.title ?? id },
                ...(rule?.source.url ? { helpUri: rule.source.url } : {}),
                defaultConfiguration: { level: LEVEL[rule?.severity ?? 'warn'] },
                properties: { source: rule ? `${rule.source.law} (${rule.source.date})` : undefined },
              }
            }),
          },
        },
        results: results.map((r) => ({
          ruleId: r.rule,
          ruleIndex: fired.indexOf(r.rule),
          level: LEVEL[r.severity],
          message: { text: `${r.id} · ${r.market}${r.platform ? ` · ${r.platform}` : ''} · ${r.format}: ${r.message}` },
          locations: [
            {
              physicalLocation: { artifactLocation: { uri: options.templateUri } },
              logicalLocations: [{ fullyQualifiedName: r.path || '/', kind: 'member' }],
            },
          ],
          partialFingerprints: { vitrineLint: `${r.rule}|${r.id}|${r.market}|${r.platform ?? ''}|${r.format}|${r.path}|${r.span?.start ?? ''}` },
          properties: {
            id: r.id,
            market: r.market,
            platform: r.platform ?? null,
            format: r.format,
            path: r.path,
            span: r.span ?? null,
            excerpt: r.excerpt,
            source: r.source,
            fix: r.fix,
          },
        })),
      },
    ],
  }
}
