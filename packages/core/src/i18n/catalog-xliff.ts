import { XMLParser, XMLValidator } from 'fast-xml-parser'
import type { CatalogEntry } from '../document/translations.js'
import { VitrineError } from '../errors/vitrine-error.js'
import { canonicalLocale } from './locale-tag.js'
import { entryObject, type MessageCatalog } from './message-catalog.js'

const XLIFF_NS = 'urn:oasis:names:tc:xliff:document:2.0'
/** `subState` of a segment translated by a `Translator`. */
const MACHINE = 'vitrine:machine'
const states = new Set(['initial', 'translated', 'reviewed', 'final'])

const escapeText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
const escapeAttribute = (s: string) => escapeText(s).replace(/"/g, '&quot;')
/** XLIFF unit ids are NMTOKENs; other ids go in `name`. */
const isNmtoken = (s: string) => /^[\p{L}\p{N}._:-]+$/u.test(s)

/** Options for {@link catalogToXliff}. */
export interface XliffExportOptions {
  /** `<file id>`: usually the template id. Default `messages`. */
  fileId?: string
  /** `srcLang`, when the catalogue does not say. Default `en-US`. */
  sourceLocale?: string
}

/**
 * A catalogue as an XLIFF 2.0 document for translators and their tools: one `<unit>` per
 * message with its `<source>` (the entry's `source`) and `<target>`, the entry's state, and
 * machine translations marked `subState="vitrine:machine"`. Messages stay ICU text: `{title}`
 * is left for the translator to keep.
 *
 * @example
 * ```ts
 * await writeFile('ja.xlf', catalogToXliff(catalogForTranslation(template, 'ja-JP'), { fileId: template.id }))
 * ```
 */
export function catalogToXliff(catalog: MessageCatalog, options: XliffExportOptions = {}): string {
  const srcLang = catalog.sourceLocale ?? options.sourceLocale ?? 'en-US'
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<xliff xmlns="${XLIFF_NS}" version="2.0" srcLang="${escapeAttribute(srcLang)}" trgLang="${escapeAttribute(catalog.locale)}">`,
    `  <file id="${escapeAttribute(isNmtoken(options.fileId ?? '') ? options.fileId! : 'messages')}">`,
  ]
  let n = 0
  for (const [id, raw] of Object.entries(catalog.messages)) {
    n++
    const entry = entryObject(raw)
    const unitId = isNmtoken(id) ? id : `u${n}`
    lines.push(`    <unit id="${escapeAttribute(unitId)}"${unitId === id ? '' : ` name="${escapeAttribute(id)}"`}>`)
    if (entry.note) lines.push(`      <notes><note>${escapeText(entry.note)}</note></notes>`)
    const state = entry.state ?? (entry.message ? 'translated' : 'initial')
    const subState = entry.origin === 'machine' ? ` subState="${MACHINE}"` : ''
    const target = entry.message === '' && state === 'initial' ? '' : `<target>${escapeText(entry.message)}</target>`
    lines.push(`      <segment state="${state}"${subState}><source>${escapeText(entry.source ?? '')}</source>${target}</segment>`)
    lines.push('    </unit>')
  }
  lines.push('  </file>', '</xliff>', '')
  return lines.join('\n')
}

type XmlNode = Record<string, unknown> & { ':@'?: Record<string, string> }

const nameOf = (node: XmlNode) => Object.keys(node).find((k) => k !== ':@')!
const childrenOf = (node: XmlNode) => (node[nameOf(node)] as XmlNode[] | undefined) ?? []
const attrsOf = (node: XmlNode) => node[':@'] ?? {}
const elements = (nodes: XmlNode[], name?: string) => nodes.filter((n) => nameOf(n) !== '#text' && nameOf(n) !== '#comment' && (name === undefined || nameOf(n) === name))

/**
 * Reads an XLIFF 2.0 document into a catalogue of its target language (`trgLang`). Units are
 * keyed by `name`, else `id`; segments (and ignorables) of a unit are joined in order. Targets
 * must be plain text (ICU messages): inline elements such as `<ph>` are refused. Units without
 * a target, or in state `initial`, are untranslated and left out of use. Throws a
 * `catalog/invalid` VitrineError naming the file, the unit and what was expected.
 *
 * @example
 * ```ts
 * const catalog = parseXliff(await readFile('ja.xlf', 'utf8'), 'ja.xlf')
 * ```
 */
export function parseXliff(text: string, file?: string): MessageCatalog {
  const fail = (message: string, path = '') => new VitrineError('catalog/invalid', `${file ? file + ': ' : ''}${message}`, { path })
  const valid = XMLValidator.validate(text)
  if (valid !== true) throw fail(`not well-formed XML at line ${valid.err.line}, column ${valid.err.col}: ${valid.err.msg}`)
  const parser = new XMLParser({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '', trimValues: false, parseTagValue: false, parseAttributeValue: false, processEntities: true, htmlEntities: true })
  const doc = parser.parse(text) as XmlNode[]
  const root = elements(doc).find((n) => nameOf(n) !== '?xml')
  if (!root || nameOf(root) !== 'xliff') throw fail(`expected an <xliff> root element, found ${root ? `<${nameOf(root)}>` : 'nothing'}`, '/xliff')
  const rootAttrs = attrsOf(root)
  if (rootAttrs.version !== '2.0' && rootAttrs.version !== '2.1') throw fail(`expected XLIFF version 2.0, found version ${JSON.stringify(rootAttrs.version ?? '')}${rootAttrs.version?.startsWith('1.') ? ' (XLIFF 1.x is not read: export 2.0 from your tool)' : ''}`, '/xliff/@version')
  if (!rootAttrs.trgLang) throw fail('expected a trgLang attribute on <xliff> naming the language of the targets, found none', '/xliff/@trgLang')
  let locale: string
  let sourceLocale: string | undefined
  try {
    locale = canonicalLocale(rootAttrs.trgLang, '/xliff/@trgLang')
    sourceLocale = rootAttrs.srcLang ? canonicalLocale(rootAttrs.srcLang, '/xliff/@srcLang') : undefined
  } catch (error) {
    throw fail((error as Error).message, (error as VitrineError).path)
  }
  const messages: Record<string, CatalogEntry> = {}
  for (const [f, fileNode] of elements(childrenOf(root), 'file').entries()) {
    const units: XmlNode[] = []
    // Units may sit inside <group>s, at any depth.
    const collect = (nodes: XmlNode[]) => {
      for (const n of elements(nodes)) {
        if (nameOf(n) === 'unit') units.push(n)
        else if (nameOf(n) === 'group') collect(childrenOf(n))
      }
    }
    collect(childrenOf(fileNode))
    for (const unit of units) {
      const attrs = attrsOf(unit)
      const id = attrs.name ?? attrs.id
      const where = `/xliff/file[${f + 1}]/unit[@id="${attrs.id ?? ''}"]`
      if (!id) throw fail(`a <unit> has no id`, where)
      let source = ''
      let target = ''
      let hasTarget = false
      let state: string | undefined
      let subState: string | undefined
      let note: string | undefined
      for (const part of elements(childrenOf(unit))) {
        const name = nameOf(part)
        if (name === 'notes') {
          const notes = elements(childrenOf(part), 'note').filter((n) => attrsOf(n).category !== 'location')
          if (notes.length) note = notes.map((n) => plainText(n, `${where}/notes`)).join('\n')
        } else if (name === 'segment' || name === 'ignorable') {
          const s = elements(childrenOf(part), 'source')[0]
          const t = elements(childrenOf(part), 'target')[0]
          const sourceText = s ? plainText(s, `${where}/${name}/source`) : ''
          source += sourceText
          if (t) {
            hasTarget = true
            target += plainText(t, `${where}/${name}/target`)
          } else if (name === 'ignorable') target += sourceText
          if (name === 'segment') {
            state ??= attrsOf(part).state
            subState ??= attrsOf(part).subState
          }
        }
      }
      if (state !== undefined && !states.has(state)) throw fail(`expected state initial, translated, reviewed or final, found ${JSON.stringify(state)}`, `${where}/segment/@state`)
      if (!hasTarget) continue
      messages[id] = {
        message: target,
        source,
        state: (state ?? 'translated') as CatalogEntry['state'],
        ...(subState === MACHINE ? { origin: 'machine' as const } : {}),
        ...(note ? { note } : {}),
      }
    }
  }
  return { locale, sourceLocale, messages, file, path: '/xliff/file/unit' }

  function plainText(node: XmlNode, where: string): string {
    let out = ''
    for (const child of childrenOf(node)) {
      const name = nameOf(child)
      if (name === '#text') out += String(child['#text'])
      else if (name !== '#comment') throw fail(`inline element <${name}> is not supported in ${where}: Vitrine messages are plain ICU text, keep {placeholders} as text`, where)
    }
    return out
  }
}
