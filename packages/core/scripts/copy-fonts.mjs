// Copies the built-in font files from their npm packages into fonts/, so that bundlers and
// servers can serve them next to @vitrine/core (`@vitrine/core/fonts/*`):
//  - Inter (Latin, Cyrillic, Greek), whole TTFs per weight and style;
//  - the fallback stack for other scripts (fonts/fallback/): Noto fonts cut into
//    unicode-range subsets, with one manifest per family (fonts/fallback/<id>.json) that says
//    which code points each subset holds, so that the FontLibrary loads only the subsets a
//    text needs (a Japanese title loads a few hundred kilobytes, not the whole family).
import { copyFileSync, mkdirSync, existsSync, readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

const require = createRequire(import.meta.url)
const here = dirname(new URL(import.meta.url).pathname)
const out = join(here, '..', 'fonts')
mkdirSync(out, { recursive: true })
const copy = (src, dest) => {
  if (!existsSync(dest)) copyFileSync(src, dest)
}

const interDir = dirname(require.resolve('@expo-google-fonts/inter/package.json'))
const weights = { 100: 'Thin', 200: 'ExtraLight', 300: 'Light', 400: 'Regular', 500: 'Medium', 600: 'SemiBold', 700: 'Bold', 800: 'ExtraBold', 900: 'Black' }
for (const [w, name] of Object.entries(weights)) {
  for (const italic of [false, true]) {
    const file = `Inter_${w}${name}${italic ? '_Italic' : ''}.ttf`
    copy(join(interDir, `${w}${name}${italic ? '_Italic' : ''}`, file), join(out, file))
  }
}
copyFileSync(join(interDir, 'LICENSE_FONT'), join(out, 'LICENSE-Inter.txt'))

// The fallback stack. `subsets` picks the unicode-range subsets that hold the script (Latin,
// Cyrillic and Greek subsets are left out: Inter draws those). Numbered subsets are the
// chunks Google Fonts cuts CJK and emoji families into.
const fallback = [
  { id: 'noto-sans-arabic', family: 'Noto Sans Arabic', pkg: '@fontsource/noto-sans-arabic', subsets: ['arabic'] },
  { id: 'noto-sans-hebrew', family: 'Noto Sans Hebrew', pkg: '@fontsource/noto-sans-hebrew', subsets: ['hebrew'] },
  { id: 'noto-sans-thai', family: 'Noto Sans Thai', pkg: '@fontsource/noto-sans-thai', subsets: ['thai'] },
  { id: 'noto-sans-devanagari', family: 'Noto Sans Devanagari', pkg: '@fontsource/noto-sans-devanagari', subsets: ['devanagari'] },
  { id: 'noto-sans-lao', family: 'Noto Sans Lao', pkg: '@fontsource/noto-sans-lao', subsets: ['lao'] },
  { id: 'noto-sans-khmer', family: 'Noto Sans Khmer', pkg: '@fontsource/noto-sans-khmer', subsets: ['khmer'] },
  { id: 'noto-sans-myanmar', family: 'Noto Sans Myanmar', pkg: '@fontsource/noto-sans-myanmar', subsets: ['myanmar'] },
  { id: 'noto-sans-jp', family: 'Noto Sans JP', pkg: '@fontsource/noto-sans-jp', subsets: 'numbered' },
  { id: 'noto-sans-sc', family: 'Noto Sans SC', pkg: '@fontsource/noto-sans-sc', subsets: 'numbered' },
  { id: 'noto-sans-tc', family: 'Noto Sans TC', pkg: '@fontsource/noto-sans-tc', subsets: 'numbered' },
  { id: 'noto-sans-kr', family: 'Noto Sans KR', pkg: '@fontsource/noto-sans-kr', subsets: 'numbered' },
]
const fallbackWeights = [400, 700]
const fallbackOut = join(out, 'fallback')
mkdirSync(fallbackOut, { recursive: true })

for (const f of fallback) {
  const dir = dirname(require.resolve(`${f.pkg}/package.json`))
  const ranges = JSON.parse(readFileSync(join(dir, 'unicode.json'), 'utf8'))
  const subsets = {}
  for (const [key, value] of Object.entries(ranges)) {
    const numbered = /^\[(\d+)\]$/.exec(key)
    const name = numbered ? numbered[1] : key
    if (f.subsets === 'numbered' ? !numbered : !f.subsets.includes(name)) continue
    subsets[name] = value
    for (const w of fallbackWeights) copy(join(dir, 'files', `${f.id}-${name}-${w}-normal.woff2`), join(fallbackOut, `${f.id}-${name}-${w}.woff2`))
  }
  writeFileSync(join(fallbackOut, `${f.id}.json`), JSON.stringify({ id: f.id, family: f.family, weights: fallbackWeights, subsets }) + '\n')
  copyFileSync(join(dir, 'LICENSE'), join(fallbackOut, `LICENSE-${f.id}.txt`))
}

// Colour emoji: Noto Color Emoji as COLRv1 (drawn by Chromium and by Skia alike; the SVG-in-
// OpenType build that other packages ship is drawn by neither). Its subsets come as CSS.
{
  const dir = dirname(require.resolve('@infolektuell/noto-color-emoji/package.json'))
  const css = readFileSync(join(dir, 'index.css'), 'utf8')
  const subsets = {}
  for (const m of css.matchAll(/url\(\.\/files\/(\d+)\.woff2\)[^;]*;\s*unicode-range:\s*([^;]+);/g)) {
    subsets[m[1]] = m[2].replace(/\s+/g, '')
    copy(join(dir, 'files', `${m[1]}.woff2`), join(fallbackOut, `noto-color-emoji-${m[1]}-400.woff2`))
  }
  if (Object.keys(subsets).length === 0) throw new Error('copy-fonts: no subsets found in @infolektuell/noto-color-emoji/index.css')
  writeFileSync(join(fallbackOut, 'noto-color-emoji.json'), JSON.stringify({ id: 'noto-color-emoji', family: 'Noto Color Emoji', weights: [400], subsets }) + '\n')
  copyFileSync(join(dir, 'LICENSE'), join(fallbackOut, 'LICENSE-noto-color-emoji.txt'))
}
