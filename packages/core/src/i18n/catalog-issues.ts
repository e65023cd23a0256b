import type { Template } from '../document/template.js'
import type { Variable } from '../document/variable.js'
import { VitrineError, pointerSegment, type VitrineIssue } from '../errors/vitrine-error.js'
import { canonicalLocale } from './locale-tag.js'
import { entryMessage, sourceMessages, templateCatalogs, type MessageCatalog } from './message-catalog.js'
import { messageArguments, parseMessageAt } from './parse-message.js'

/**
 * Every problem in a catalogue, checked against the template it translates: a locale tag that
 * is not valid, a message id the template does not have, a message that does not parse (with
 * its line and column), a variable the template does not declare.
 */
export function catalogIssues(catalog: MessageCatalog, template: Template): VitrineIssue[] {
  const issues: VitrineIssue[] = []
  const base = catalog.path ?? '/messages'
  const prefix = catalog.file ? `${catalog.file}: ` : ''
  try {
    canonicalLocale(catalog.locale, catalog.path ?? '/locale')
  } catch (error) {
    const issue = (error as VitrineError).issues[0]
    if (issue) issues.push({ ...issue, message: prefix + (error as Error).message })
  }
  const ids = new Set(sourceMessages(template).map((m) => m.id))
  const declared = Object.keys(template.variables as Record<string, Variable>)
  for (const [id, entry] of Object.entries(catalog.messages)) {
    const at = `${base}/${pointerSegment(id)}`
    if (!ids.has(id)) {
      const known = [...ids]
      issues.push({
        path: at,
        message: `${prefix}${at}: the template has no text layer with id "${id}"; expected one of ${known.join(', ') || 'none'}`,
        expected: 'the id of a text layer',
        found: JSON.stringify(id),
      })
      continue
    }
    const message = entryMessage(entry)
    const path = typeof entry === 'string' ? at : `${at}/message`
    try {
      const used = messageArguments(parseMessageAt(message, { id, path, file: catalog.file }))
      for (const name of used) {
        if (!declared.includes(name)) {
          issues.push({
            path,
            message: `${prefix}${path}: message "${id}" uses {${name}}, but the template declares no variable "${name}"; expected one of ${declared.join(', ') || 'none'}`,
            expected: 'a declared variable',
            found: JSON.stringify(name),
          })
        }
      }
    } catch (error) {
      if (!(error instanceof VitrineError)) throw error
      issues.push(...error.issues)
    }
  }
  return issues
}

/** The problems in a template's own `translations` (used by `parseTemplate`). */
export function translationIssues(template: Template): VitrineIssue[] {
  const issues: VitrineIssue[] = []
  if (template.sourceLocale !== undefined) {
    try {
      canonicalLocale(template.sourceLocale, '/sourceLocale')
    } catch (error) {
      issues.push({ ...(error as VitrineError).issues[0]!, message: (error as Error).message })
    }
  }
  return [...issues, ...templateCatalogs(template).flatMap((catalog) => catalogIssues(catalog, template))]
}

/**
 * Checks catalogues against a template; throws one `catalog/invalid` VitrineError listing
 * every problem with its pointer (and file).
 *
 * @example
 * ```ts
 * checkCatalogs([await readCatalogFile('de.json')], template)
 * ```
 */
export function checkCatalogs(catalogs: readonly MessageCatalog[], template: Template): void {
  const issues = catalogs.flatMap((catalog) => catalogIssues(catalog, template))
  if (issues.length === 0) return
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more problem${issues.length > 2 ? 's' : ''})` : ''
  throw new VitrineError('catalog/invalid', `Invalid message catalogue: ${issues[0]!.message}${more}`, { issues })
}
