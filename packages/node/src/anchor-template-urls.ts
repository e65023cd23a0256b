import type { Template } from '@vitrine/core'

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

/** True for `images/a.png`, `../a.png`, `/abs/a.png`; false for `https:`, `file:`, `data:` URLs. */
function isRelative(src: string): boolean {
  return !/^[A-Za-z][A-Za-z0-9+.-]*:/.test(src)
}

/**
 * A copy of a template whose relative paths (brand font files, image layers' fixed `src`,
 * image variables' defaults) are made absolute against the template's own folder.
 *
 * Why: a batch's asset store resolves relative sources against the data file's folder, which
 * is right for the feed's picture paths but not for files the template names: those sit next
 * to the template, wherever the feed is. The template's folder is among the allowed roots.
 */
export function anchorTemplateUrls(template: Template, templateFolderUrl: string): Template {
  const anchor = (src: string) => (isRelative(src) ? new URL(src, templateFolderUrl).href : src)
  const copy = structuredClone(template) as Template & Record<string, unknown>
  for (const face of copy.fonts ?? []) face.src = anchor(face.src)
  if (copy.timeline?.audio) copy.timeline.audio.src = anchor(copy.timeline.audio.src)
  for (const variable of Object.values(copy.variables)) {
    if ((variable.type === 'image' || variable.type === 'video') && typeof variable.default === 'string') variable.default = anchor(variable.default)
  }
  const visit = (layers: unknown): void => {
    if (!Array.isArray(layers)) return
    for (const layer of layers) {
      if (!isObject(layer)) continue
      if (layer.type === 'image' || layer.type === 'video') {
        if (typeof layer.src === 'string') layer.src = anchor(layer.src)
        if (isObject(layer.overrides)) {
          for (const override of Object.values(layer.overrides)) {
            if (isObject(override) && typeof override.src === 'string') override.src = anchor(override.src)
          }
        }
      }
      if (layer.type === 'group') visit(layer.children)
    }
  }
  visit(copy.layers)
  return copy
}
