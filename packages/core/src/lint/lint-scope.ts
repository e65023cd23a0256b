import { VitrineError } from '../errors/vitrine-error.js'
import { formatCatalog } from '../formats/format-catalog.js'
import { getMarket } from '../markets/get-market.js'
import type { RuleScope } from './rule-pack.js'

/** The member states of the European Union, as region codes (the `EU` market group). */
export const EU_REGIONS: readonly string[] = ['AT', 'BE', 'BG', 'HR', 'CY', 'CZ', 'DK', 'EE', 'FI', 'FR', 'DE', 'GR', 'HU', 'IE', 'IT', 'LV', 'LT', 'LU', 'MT', 'NL', 'PL', 'PT', 'RO', 'SK', 'SI', 'ES', 'SE']
/** The Gulf Cooperation Council states (the `GCC` market group). */
export const GCC_REGIONS: readonly string[] = ['AE', 'SA', 'KW', 'QA', 'BH', 'OM']

const GROUPS: Record<string, readonly string[]> = { EU: EU_REGIONS, GCC: GCC_REGIONS }

/** Platform names that share another's rules: Instagram and Facebook ads follow Meta's. */
export const PLATFORM_ALIASES: Readonly<Record<string, string>> = { instagram: 'meta', facebook: 'meta' }

/** A market as lint sees it: its id and its region. */
export interface LintMarket {
  id: string
  region: string
}

/** The market with this id; throws `market/unknown` listing the known ones. */
export function lintMarket(id: string): LintMarket {
  const market = getMarket(id, 'market')
  return { id: market.id, region: market.region }
}

/** True when a rule's markets (region codes, `EU`, `GCC`, market ids or `*`) include the market. */
export function scopeHasMarket(scope: RuleScope, market: LintMarket): boolean {
  return scope.markets.some((m) => m === '*' || m === market.region || m.toLowerCase() === market.id.toLowerCase() || (GROUPS[m]?.includes(market.region) ?? false))
}

/** True when a rule applies on the platform (`undefined`: no platform, only rules for every platform). */
export function scopeHasPlatform(scope: RuleScope, platform: string | undefined): boolean {
  if (!scope.platforms || scope.platforms.length === 0) return true
  if (platform === undefined) return false
  const canonical = PLATFORM_ALIASES[platform] ?? platform
  return scope.platforms.includes(platform) || scope.platforms.includes(canonical)
}

/** True unless the ad's category is known and outside the rule's categories. */
export function scopeHasCategory(scope: RuleScope, category: string | undefined): boolean {
  if (category === undefined || category === '') return true
  const c = category.toLowerCase()
  if (scope.excludeCategories?.some((x) => x.toLowerCase() === c)) return false
  if (scope.categories && scope.categories.length > 0) return scope.categories.some((x) => x.toLowerCase() === c)
  return true
}

/**
 * Checks a platform id against those the rules and the format catalogue know; throws
 * `lint/unknown-platform` listing them.
 */
export function checkPlatform(platform: string, known: ReadonlySet<string>): string {
  const id = platform.trim().toLowerCase()
  const all = new Set([...known, ...formatCatalog.map((f) => f.platform).filter((p): p is string => p !== undefined), ...Object.keys(PLATFORM_ALIASES)])
  if (all.has(id)) return id
  const list = [...all].sort().join(', ')
  throw new VitrineError('lint/unknown-platform', `platform: unknown platform ${JSON.stringify(platform)}; expected one of ${list}`, {
    path: 'platform',
    issues: [{ path: 'platform', message: `unknown platform ${JSON.stringify(platform)}`, expected: `one of ${list}`, found: JSON.stringify(platform) }],
  })
}
