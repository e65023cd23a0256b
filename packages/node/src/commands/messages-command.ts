import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises'
import { extname, join, resolve as resolvePath } from 'node:path'
import { pathToFileURL } from 'node:url'
import {
  VitrineError,
  canonicalLocale,
  catalogForTranslation,
  catalogToJson,
  catalogToXliff,
  checkCatalogs,
  entryIsUsable,
  parseCatalog,
  parseTemplate,
  translateMissing,
  type MessageCatalog,
  type Template,
  type Translator,
} from '@vitrine/core'
import { EXIT_OK, EXIT_ROWS_FAILED } from '../exit-codes.js'
import { catalogOption } from '../options/catalog-option.js'
import { catalogTypeOption } from '../options/catalog-type-option.js'
import { helpOption } from '../options/help-option.js'
import { jsonOption } from '../options/json-option.js'
import { localeOption } from '../options/locale-option.js'
import { outOption } from '../options/out-option.js'
import { translatorOption } from '../options/translator-option.js'
import { reportError } from '../report-error.js'
import type { CliCommand } from './cli-command.js'

const actions = ['export', 'import', 'check', 'translate'] as const

async function readText(path: string, what: string): Promise<string> {
  try {
    return (await readFile(path, 'utf8')).replace(/^\uFEFF/, '')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    throw new VitrineError('usage', `Cannot read the ${what} ${path}: ${code === 'ENOENT' ? 'no such file' : (error as Error).message}`, { cause: error })
  }
}

/** Catalogue files given with `--catalog` (folders hold `.xlf`, `.xliff` and `.json` files). */
async function readCatalogs(paths: readonly string[], template: Template): Promise<MessageCatalog[]> {
  const files: string[] = []
  for (const path of paths) {
    const isFolder = await stat(path).then((s) => s.isDirectory(), () => false)
    if (!isFolder) files.push(path)
    else for (const name of (await readdir(path)).sort()) if (['.json', '.xlf', '.xliff'].includes(extname(name).toLowerCase())) files.push(join(path, name))
  }
  const catalogs = await Promise.all(files.map(async (file) => parseCatalog(await readText(file, 'catalogue'), file)))
  checkCatalogs(catalogs, template)
  return catalogs
}

/** `vitrine messages`: catalogues for translators, in and out of a template. */
export const messagesCommand: CliCommand = {
  name: 'messages',
  summary: 'Export, import and check message catalogues (XLIFF 2.0 or JSON) for translators',
  description:
    '`export` writes one catalogue per locale to the `--out` folder (`<template id>.<locale>.xlf`): every ' +
    'message of the template with words to translate (the text of its text layers, by layer id), its ' +
    'source text, and the translation so far from the template and `--catalog` files. `import` reads ' +
    'translated catalogues and writes the template with their messages in its `translations` (to `--out`, ' +
    'or over the template). `check` lists, per locale, the messages that have no translation yet. `translate` ' +
    'fills the missing ones through your `--translator` module, in batches, and writes the catalogues to ' +
    '`--out` with the results marked as machine translations: give them back with `--catalog` and only new or ' +
    'changed source texts are asked again. Every ' +
    'message is checked: its syntax (with line and column), its variables, a `plural` without `other`.',
  positionals: [
    { name: 'export|import|check|translate', description: 'What to do.', required: true },
    { name: 'template.json', description: 'The template file.', required: true },
  ],
  options: [
    { option: localeOption },
    { option: catalogOption },
    { option: outOption },
    { option: catalogTypeOption },
    { option: translatorOption },
    { option: jsonOption },
    { option: helpOption },
  ],
  examples: [
    { command: 'vitrine messages export card.json --locale de-DE,ja-JP,ar-SA --out translations', description: 'XLIFF files for translators.' },
    { command: 'vitrine messages import card.json --catalog translations --out card.json', description: 'Puts the translated files into the template.' },
    { command: 'vitrine messages check card.json --locale de-DE,ja-JP --catalog translations', description: 'Exit code 1 when a translation is missing.' },
    { command: 'vitrine messages translate card.json --locale ja-JP --translator ./my-translator.mjs --catalog translations --out translations', description: 'Machine-translates what is missing, keeping what is there.' },
  ],
  exitCodes: [
    { code: 0, meaning: 'done (check: every message is translated)' },
    { code: 1, meaning: 'check: some messages have no translation' },
    { code: 2, meaning: 'a usage error, an invalid template or catalogue' },
  ],
  async run({ positionals, options, io }) {
    const json = options.json === true
    try {
      const action = positionals[0] as (typeof actions)[number]
      if (!actions.includes(action)) throw new VitrineError('usage', `vitrine messages: expected export, import, check or translate, found ${JSON.stringify(positionals[0])}`)
      const file = positionals[1]!
      const template = parseTemplate(await readText(file, 'template'))
      const catalogs = await readCatalogs((options.catalog as string[] | undefined) ?? [], template)
      const locales = (options.locale as string[] | undefined) ?? [...new Set(catalogs.map((c) => canonicalLocale(c.locale)))]
      const out = options.out as string | undefined

      if (action === 'import') {
        if (catalogs.length === 0) throw new VitrineError('usage', 'vitrine messages import: expected --catalog with the translated files')
        const translations = { ...template.translations }
        for (const catalog of catalogs) {
          const usable = Object.entries(catalog.messages).filter(([, entry]) => entryIsUsable(entry))
          translations[catalog.locale] = { ...translations[catalog.locale], ...Object.fromEntries(usable) }
        }
        const updated = parseTemplate({ ...template, translations })
        const target = out ?? file
        await writeFile(target, JSON.stringify(updated, null, 2) + '\n')
        const counts = catalogs.map((c) => ({ locale: c.locale, messages: Object.values(c.messages).filter(entryIsUsable).length }))
        if (json) io.stdout.write(JSON.stringify({ ok: true, template: target, imported: counts }, null, 2) + '\n')
        else io.stdout.write(`Wrote ${target}: ${counts.map((c) => `${c.messages} message${c.messages === 1 ? '' : 's'} in ${c.locale}`).join(', ')}\n`)
        return EXIT_OK
      }

      if (locales.length === 0) throw new VitrineError('usage', `vitrine messages ${action}: expected --locale with the languages to ${action}`)
      const wanted = locales.map((locale) => catalogForTranslation(template, locale, catalogs))

      if (action === 'translate') {
        const modulePath = options.translator as string | undefined
        if (!modulePath) throw new VitrineError('usage', 'vitrine messages translate: expected --translator, a module that exports a Translator')
        if (!out) throw new VitrineError('usage', 'vitrine messages translate: expected --out, the folder to write the catalogues to')
        const translator = await loadTranslator(modulePath)
        const result = await translateMissing({ template, locales, translator, catalogs })
        const type = options['catalog-type'] as 'xliff' | 'json'
        await mkdir(out, { recursive: true })
        const written: string[] = []
        for (const catalog of result.catalogs) {
          if (Object.keys(catalog.messages).length === 0) continue
          const path = join(out, `${template.id ?? 'messages'}.${catalog.locale}.${type === 'xliff' ? 'xlf' : 'json'}`)
          const full = catalogForTranslation(template, catalog.locale, [catalog])
          await writeFile(path, type === 'xliff' ? catalogToXliff(full, { fileId: template.id }) : catalogToJson(full))
          written.push(path)
        }
        const summary = { translated: result.translated, cached: result.cached, untranslated: result.untranslated }
        if (json) io.stdout.write(JSON.stringify({ ok: true, ...summary, files: written }, null, 2) + '\n')
        else io.stdout.write(`Translated ${summary.translated}, kept ${summary.cached}, could not translate ${summary.untranslated}; wrote ${written.join(', ') || 'nothing'}\n`)
        return EXIT_OK
      }

      if (action === 'export') {
        if (!out) throw new VitrineError('usage', 'vitrine messages export: expected --out, the folder to write the catalogues to')
        const type = options['catalog-type'] as 'xliff' | 'json'
        await mkdir(out, { recursive: true })
        const written: string[] = []
        for (const catalog of wanted) {
          if (Object.keys(catalog.messages).length === 0) continue
          const path = join(out, `${template.id ?? 'messages'}.${catalog.locale}.${type === 'xliff' ? 'xlf' : 'json'}`)
          await writeFile(path, type === 'xliff' ? catalogToXliff(catalog, { fileId: template.id }) : catalogToJson(catalog))
          written.push(path)
        }
        if (json) io.stdout.write(JSON.stringify({ ok: true, files: written }, null, 2) + '\n')
        else if (written.length === 0) io.stdout.write('Nothing to translate: no text layer has words of its own (a message such as {title} is the same in every language).\n')
        else io.stdout.write(`Wrote ${written.length} catalogue${written.length === 1 ? '' : 's'}: ${written.join(', ')}\n`)
        return EXIT_OK
      }

      const missing = wanted.map((c) => ({ locale: c.locale, messages: Object.entries(c.messages).filter(([, e]) => !entryIsUsable(e)).map(([id]) => id) }))
      const total = missing.reduce((n, m) => n + m.messages.length, 0)
      if (json) io.stdout.write(JSON.stringify({ ok: total === 0, missing }, null, 2) + '\n')
      else for (const m of missing) io.stdout.write(`${m.locale}: ${m.messages.length === 0 ? 'every message is translated' : `missing ${m.messages.join(', ')}`}\n`)
      return total === 0 ? EXIT_OK : EXIT_ROWS_FAILED
    } catch (error) {
      return reportError(io, error, json)
    }
  },
}

/** Imports a host's translator module: its `translator` export, else its default export. */
async function loadTranslator(path: string): Promise<Translator> {
  let module: { translator?: unknown; default?: unknown }
  try {
    module = (await import(pathToFileURL(resolvePath(path)).href)) as typeof module
  } catch (error) {
    throw new VitrineError('usage', `--translator: cannot load ${path}: ${(error as Error).message}`, { cause: error })
  }
  const translator = (module.translator ?? module.default) as Translator | undefined
  if (!translator || typeof translator.translate !== 'function') {
    throw new VitrineError('usage', `--translator: expected ${path} to export "translator" (or a default export) with a translate(requests, context) method, found ${translator === undefined ? 'no such export' : typeof translator}`)
  }
  return translator
}
