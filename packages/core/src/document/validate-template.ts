import { Value } from '@sinclair/typebox/value'
import type { TSchema } from '@sinclair/typebox'
import { ValueErrorType } from '@sinclair/typebox/errors'
import { VitrineError, describeValue, type VitrineIssue } from '../errors/vitrine-error.js'
import { describeSchema } from './describe-schema.js'
import { layerSchemas, layerTypes, type Layer } from './layer.js'
import { migrateTemplate } from './migrations.js'
import { TemplateShallowSchema, type Template } from './template.js'
import { timelineIssues } from './timeline-issues.js'
import { variableSchemas, variableTypes, type Variable, type VariableType } from './variable.js'
import { translationIssues } from '../i18n/catalog-issues.js'
import { messageArguments, parseMessageAt } from '../i18n/parse-message.js'

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

/** Runs a schema over a value and turns TypeBox's errors into issues with JSON pointers. */
export function schemaIssues(schema: TSchema, value: unknown, basePath: string): VitrineIssue[] {
  const issues: VitrineIssue[] = []
  const seen = new Set<string>()
  for (const error of Value.Errors(schema, value)) {
    const path = basePath + error.path
    if (seen.has(path)) continue
    seen.add(path)
    if (error.type === ValueErrorType.ObjectAdditionalProperties) {
      const known = Object.keys((error.schema as { properties?: object }).properties ?? {})
      const parent = basePath + error.path.slice(0, error.path.lastIndexOf('/'))
      const key = error.path.slice(error.path.lastIndexOf('/') + 1)
      if (known.length === 0) continue
      issues.push({
        path,
        message: `${path}: unknown property "${key}" in ${parent || 'the template'}; expected one of ${known.join(', ')}`,
        expected: known.join(', '),
        found: JSON.stringify(key),
      })
      continue
    }
    if (error.type === ValueErrorType.ObjectRequiredProperty) {
      const expected = describeSchema(error.schema)
      issues.push({ path, message: `${path}: missing; expected ${expected}`, expected, found: 'nothing' })
      continue
    }
    const expected = describeSchema(error.schema)
    const found = describeValue(error.value)
    issues.push({ path, message: `${path}: expected ${expected}, found ${found}`, expected, found })
  }
  // Parents report "expected an object" when a child failed; keep only the most specific.
  return issues.filter((issue) => !issues.some((o) => o !== issue && o.path.startsWith(issue.path + '/')))
}

function checkLayers(layers: unknown, path: string, issues: VitrineIssue[], ids: Map<string, string>): void {
  if (!Array.isArray(layers)) return
  layers.forEach((layer, index) => {
    const at = `${path}/${index}`
    if (!isObject(layer)) {
      issues.push({ path: at, message: `${at}: expected a layer object, found ${describeValue(layer)}`, expected: 'a layer object', found: describeValue(layer) })
      return
    }
    const type = layer.type
    if (typeof type !== 'string' || !(layerTypes as string[]).includes(type)) {
      const expected = 'one of ' + layerTypes.map((t) => JSON.stringify(t)).join(', ')
      issues.push({ path: `${at}/type`, message: `${at}/type: unknown layer type ${describeValue(type)}; expected ${expected}`, expected, found: describeValue(type) })
      return
    }
    issues.push(...schemaIssues(layerSchemas[type as keyof typeof layerSchemas], layer, at))
    if (typeof layer.id === 'string') {
      const previous = ids.get(layer.id)
      if (previous) issues.push({ path: `${at}/id`, message: `${at}/id: "${layer.id}" is already used by ${previous}; layer ids must be unique`, expected: 'a unique id', found: JSON.stringify(layer.id) })
      else ids.set(layer.id, at)
    }
    if (type === 'group') checkLayers(layer.children, `${at}/children`, issues, ids)
  })
}

/** Checks that bindings, conditions and messages refer to variables that exist, with the right type. */
function checkReferences(template: Template, issues: VitrineIssue[]): void {
  const vars = template.variables as Record<string, Variable>
  const expectVar = (name: string, path: string, types: VariableType[] | null) => {
    const variable = vars[name]
    if (!variable) {
      const known = Object.keys(vars)
      issues.push({ path, message: `${path}: no variable named "${name}"; the template declares ${known.length ? known.join(', ') : 'none'}`, expected: 'a declared variable', found: JSON.stringify(name) })
    } else if (types && !types.includes(variable.type)) {
      issues.push({ path, message: `${path}: variable "${name}" is of type ${variable.type}, expected ${types.join(' or ')}`, expected: types.join(' or '), found: variable.type })
    }
  }
  const walkValue = (value: unknown, path: string, key: string): void => {
    if (Array.isArray(value)) return value.forEach((v, i) => walkValue(v, `${path}/${i}`, key))
    if (!isObject(value)) return
    if (typeof value.var === 'string' && Object.keys(value).length === 1) {
      const types: VariableType[] | null = key === 'src' ? ['image'] : key === 'videoSrc' ? ['video'] : key === 'currency' || key === 'alt' ? ['text'] : ['color']
      return expectVar(value.var, `${path}/var`, types)
    }
    if (typeof value.var === 'string' && typeof value.op === 'string') return expectVar(value.var, `${path}/var`, null)
    for (const [k, v] of Object.entries(value)) walkValue(v, `${path}/${k}`, k === 'stops' || k === 'all' || k === 'any' || k === 'not' ? key : k)
  }
  for (const [name, variable] of Object.entries(vars)) {
    if (variable.type === 'money' && isObject(variable.currency)) walkValue(variable.currency, `/variables/${name}/currency`, 'currency')
  }
  walkValue(template.background, '/background', 'background')
  const walkLayers = (layers: Layer[], path: string) =>
    layers.forEach((layer, i) => {
      const at = `${path}/${i}`
      for (const [k, v] of Object.entries(layer)) {
        if (k === 'children' || k === 'text') continue
        walkValue(v, `${at}/${k}`, layer.type === 'video' && k === 'src' ? 'videoSrc' : k)
      }
      if (layer.type === 'text') {
        try {
          for (const name of messageArguments(parseMessageAt(layer.text, { id: layer.id, path: `${at}/text` }))) expectVar(name, `${at}/text`, null)
        } catch (error) {
          if (!(error instanceof VitrineError)) throw error
          issues.push(...error.issues)
        }
      }
      if (layer.type === 'group') walkLayers(layer.children, `${at}/children`)
    })
  walkLayers(template.layers, '/layers')
  if (template.idVariable !== undefined) expectVar(template.idVariable, '/idVariable', ['text', 'number'])
}

/**
 * Parses, migrates and validates a template. Accepts JSON text or an already parsed value.
 * Throws a {@link VitrineError} that lists every problem with its JSON pointer.
 *
 * @example
 * ```ts
 * const template = parseTemplate(await readFile('card.json', 'utf8'))
 * ```
 */
export function parseTemplate(input: unknown): Template {
  let doc = input
  if (typeof input === 'string') {
    try {
      doc = JSON.parse(input)
    } catch (error) {
      throw new VitrineError('template/invalid-json', `The template is not valid JSON: ${(error as Error).message}`, { path: '' })
    }
  }
  if (!isObject(doc)) {
    throw new VitrineError('template/invalid', `The template must be a JSON object, found ${describeValue(doc)}`, { path: '' })
  }
  doc = migrateTemplate(doc)
  const issues: VitrineIssue[] = []
  const root = doc as Record<string, unknown>
  issues.push(...schemaIssues(TemplateShallowSchema, root, ''))
  if (isObject(root.variables)) {
    for (const [name, variable] of Object.entries(root.variables)) {
      const at = `/variables/${name}`
      const type = isObject(variable) ? variable.type : undefined
      if (typeof type !== 'string' || !(variableTypes as string[]).includes(type)) {
        const expected = 'one of ' + variableTypes.map((t) => JSON.stringify(t)).join(', ')
        issues.splice(0, issues.length, ...issues.filter((i) => !i.path.startsWith(at)))
        issues.push({ path: `${at}/type`, message: `${at}/type: unknown variable type ${describeValue(type)}; expected ${expected}`, expected, found: describeValue(type) })
        continue
      }
      const own = schemaIssues(variableSchemas[type as VariableType], variable, at)
      if (own.length) {
        const rest = issues.filter((i) => !i.path.startsWith(at))
        issues.splice(0, issues.length, ...rest, ...own)
      }
    }
  }
  checkLayers(root.layers, '/layers', issues, new Map())
  if (issues.length === 0) checkReferences(root as unknown as Template, issues)
  if (issues.length === 0) issues.push(...translationIssues(root as unknown as Template))
  if (issues.length === 0) issues.push(...timelineIssues(root as unknown as Template))
  if (issues.length > 0) {
    const head = issues[0]!.message
    const more = issues.length > 1 ? ` (and ${issues.length - 1} more problem${issues.length > 2 ? 's' : ''})` : ''
    throw new VitrineError('template/invalid', `Invalid template: ${head}${more}`, { issues })
  }
  return root as unknown as Template
}
