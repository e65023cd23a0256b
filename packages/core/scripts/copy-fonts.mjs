// Copies the default font files from their npm package into fonts/, so that bundlers and
// servers can serve them next to @vitrine/core (`@vitrine/core/fonts/*`).
import { copyFileSync, mkdirSync, existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

const require = createRequire(import.meta.url)
const here = dirname(new URL(import.meta.url).pathname)
const out = join(here, '..', 'fonts')
mkdirSync(out, { recursive: true })
const interDir = dirname(require.resolve('@expo-google-fonts/inter/package.json'))
const weights = { 100: 'Thin', 200: 'ExtraLight', 300: 'Light', 400: 'Regular', 500: 'Medium', 600: 'SemiBold', 700: 'Bold', 800: 'ExtraBold', 900: 'Black' }
for (const [w, name] of Object.entries(weights)) {
  for (const italic of [false, true]) {
    const file = `Inter_${w}${name}${italic ? '_Italic' : ''}.ttf`
    const src = join(interDir, `${w}${name}${italic ? '_Italic' : ''}`, file)
    const dest = join(out, file)
    if (!existsSync(dest)) copyFileSync(src, dest)
  }
}
copyFileSync(join(interDir, 'LICENSE_FONT'), join(out, 'LICENSE-Inter.txt'))
