// Bundled by the parity suite for Chromium: the same pipeline as Node, through @vitrine/core/browser.
import { AssetStore, bindRow, FontLibrary, parseTemplate, resolve, renderFrame } from '@vitrine/core'
import { BrowserPlatform } from '@vitrine/core/browser'

interface SceneSpec {
  template: unknown
  row: Record<string, unknown>
  format: string
  locale?: string
  baseUrl: string
  fontBaseUrl: string
}

const platform = new BrowserPlatform()
let fonts: FontLibrary | undefined

async function renderSpec(spec: SceneSpec): Promise<string> {
  fonts ??= new FontLibrary(platform, { builtInBaseUrl: spec.fontBaseUrl })
  const template = parseTemplate(spec.template)
  const assets = new AssetStore(platform, { baseUrl: spec.baseUrl })
  const { values } = bindRow(template, { index: 1, line: 1, pointer: '/rows/0', values: spec.row }, { rowPointer: '/rows/0' })
  const scene = await resolve(template, values, { format: spec.format, locale: spec.locale, platform, assets, fonts })
  const surface = platform.createSurface(scene.width, scene.height)
  renderFrame(scene, 0, surface, assets)
  const bytes = await platform.encode(surface, { type: 'png' })
  let binary = ''
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return btoa(binary)
}

;(globalThis as unknown as { vitrineRender: typeof renderSpec }).vitrineRender = renderSpec
