// End-to-end tests of `vitrine lint` with the BUILT CLI: real renders, real files.
import assert from 'node:assert/strict'
import { execFile, spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, readFile, rm, writeFile, mkdir } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { after, before, test } from 'node:test'
import sharp from 'sharp'

const cli = fileURLToPath(new URL('../dist/cli.js', import.meta.url))
const repo = fileURLToPath(new URL('../../../', import.meta.url))

function vitrine(args: string[], cwd = repo): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [cli, ...args], { cwd, maxBuffer: 16 * 1024 * 1024, env: { ...process.env, NODE_OPTIONS: '' } }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr })
    })
  })
}

interface Diagnostic {
  id: string
  market: string
  platform: string | null
  format: string
  rule: string
  severity: string
  message: string
  path: string
  span: { start: number; end: number } | null
  source: string
  fix: string
}

let dir: string
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vitrine-lint-'))
})
after(async () => {
  await rm(dir, { recursive: true, force: true })
})

test('the risky feed: expected rules with spans and pointers, exit code 1 (JSON and SARIF)', async () => {
  const args = ['lint', 'examples/product-card.json', '--data', 'examples/risky-products.csv', '--market', 'zh-CN,de-DE,fr-FR', '--platform', 'tiktok']
  const run = await vitrine([...args, '--json'])
  assert.equal(run.code, 1, run.stderr)
  const { diagnostics } = JSON.parse(run.stdout) as { diagnostics: Diagnostic[] }
  for (const d of diagnostics) assert.deepEqual(Object.keys(d).slice(0, 11), ['id', 'market', 'platform', 'format', 'rule', 'severity', 'message', 'path', 'span', 'source', 'fix'])
  const has = (id: string, market: string, rule: string, path: string, span?: [number, number]) =>
    assert.ok(
      diagnostics.some((d) => d.id === id && d.market === market && d.rule === rule && d.path === path && d.platform === 'tiktok' && d.format === 'tiktok' && (!span || (d.span?.start === span[0] && d.span?.end === span[1]))),
      `${id} ${market} ${rule} ${path} ${span}`,
    )
  has('RISK-ZH-ABS', 'zh-CN', 'CN-ABS', '/layers/2/text', [2, 4])
  has('RISK-ZH-ABS', 'zh-CN', 'CN-ABS', '/layers/2/text', [6, 10])
  has('RISK-DE-TEST', 'de-DE', 'DE-TEST', '/layers/2/text', [0, 10])
  has('RISK-DE-TEST', 'de-DE', 'DE-SUPER', '/layers/2/text', [12, 21])
  has('RISK-EU-PRICE', 'de-DE', 'EU-PRICE', '/layers/4/children/1/text', [0, 4])
  has('RISK-EU-PRICE', 'fr-FR', 'EU-PRICE', '/layers/4/children/1/text', [0, 4])
  has('RISK-FR-EN', 'fr-FR', 'FR-TOUBON', '/layers/2/text')
  has('RISK-GREEN', 'de-DE', 'EU-GREEN-OFFSET', '/layers/2/text', [0, 12])
  // Chinese rules stay in China, German ones in Germany; the clean row has no error.
  assert.ok(!diagnostics.some((d) => d.rule.startsWith('CN-') && d.market !== 'zh-CN'))
  assert.ok(!diagnostics.some((d) => d.rule.startsWith('DE-') && d.market !== 'de-DE'))
  assert.ok(!diagnostics.some((d) => d.id === 'SAFE-MUG' && d.severity === 'error'))

  const sarif = await vitrine([...args, '--sarif'])
  assert.equal(sarif.code, 1)
  const log = JSON.parse(sarif.stdout) as { version: string; runs: Array<{ tool: { driver: { rules: Array<{ id: string }> } }; results: Array<{ ruleId: string; level: string; locations: Array<{ logicalLocations: Array<{ fullyQualifiedName: string }> }> }> }> }
  assert.equal(log.version, '2.1.0')
  assert.equal(log.runs[0]!.results.length, diagnostics.length)
  assert.ok(log.runs[0]!.tool.driver.rules.some((r) => r.id === 'CN-ABS'))
  assert.ok(log.runs[0]!.results.some((r) => r.ruleId === 'DE-TEST' && r.level === 'error' && r.locations[0]!.logicalLocations[0]!.fullyQualifiedName === '/layers/2/text'))
})

test('on a pool of worker threads the findings are the same, in the same order, as in the main thread', async () => {
  const args = ['lint', 'examples/product-card.json', '--data', 'examples/risky-products.csv', '--market', 'zh-CN,de-DE,fr-FR', '--platform', 'tiktok']
  const [one, two, text] = await Promise.all([vitrine([...args, '--json', '--concurrency', '1']), vitrine([...args, '--json', '--concurrency', '2']), vitrine([...args, '--concurrency', '2'])])
  assert.equal(one.code, 1, one.stderr)
  assert.equal(two.code, 1, two.stderr)
  const a = (JSON.parse(one.stdout) as { diagnostics: Diagnostic[] }).diagnostics
  const b = (JSON.parse(two.stdout) as { diagnostics: Diagnostic[] }).diagnostics
  assert.ok(a.length > 10 && new Set(a.map((d) => d.id)).size >= 5, `${a.length} findings`)
  assert.deepEqual(b, a)
  assert.match(text.stdout, /in 18 ads \(2 worker threads\)\n$/)
})

test('exit 0 when nothing is an error; exit 2 for usage, template and rule-pack errors', async () => {
  const clean = join(dir, 'clean.csv')
  await writeFile(clean, 'sku,title,price,currency,image\nOK-1,Bequemer Laufschuh,49.00,EUR,' + join(repo, 'examples/images/sneaker.png') + '\n')
  const ok = await vitrine(['lint', 'examples/product-card.json', '--data', clean, '--market', 'de-DE', '--text-only'])
  assert.equal(ok.code, 0, ok.stdout + ok.stderr)
  assert.match(ok.stdout, /0 errors/)

  const platform = await vitrine(['lint', 'examples/product-card.json', '--market', 'de-DE', '--platform', 'myspace'])
  assert.equal(platform.code, 2)
  assert.match(platform.stderr, /lint\/unknown-platform.*expected one of .*tiktok/)
  const market = await vitrine(['lint', 'examples/product-card.json', '--market', 'xx-XX'])
  assert.equal(market.code, 2)
  assert.match(market.stderr, /de-DE/)
  assert.equal((await vitrine(['lint', 'examples/product-card.json'])).code, 2)

  const pack = join(dir, 'acme.yaml')
  await writeFile(pack, "pack: acme\nversion: '1'\ntitle: Acme\nrules:\n  - id: ACME-1\n    title: T\n    severity: error\n    scope: { markets: ['*'] }\n    detector: { kind: pattern, patterns: ['(a+)+b'] }\n    message: { en: m, de: m, fr: m, zh: m, ar: m }\n    fix: { en: f, de: f, fr: f, zh: f, ar: f }\n    source: { law: L, date: '2025' }\n")
  const bad = await vitrine(['lint', 'examples/product-card.json', '--market', 'de-DE', '--rules', pack, '--json'])
  assert.equal(bad.code, 2)
  const error = (JSON.parse(bad.stdout) as { error: { code: string; message: string } }).error
  assert.equal(error.code, 'lint/invalid-pack')
  assert.match(error.message, /acme\.yaml: rule ACME-1: \/rules\/0\/detector\/patterns\/0: pattern .* refused/)
})

test('visual checks on real renders: low contrast and text in the TikTok UI bands', async () => {
  const template = {
    schemaVersion: 2,
    id: 'visual',
    name: 'Visual',
    size: { width: 1080, height: 1920 },
    variables: {},
    background: '#ffffff',
    layers: [
      { id: 'headline', type: 'text', text: 'Sommerschlussverkauf', fontSize: 72, color: '#111111', box: { left: 100, right: 100, top: 800, height: 120 } },
      { id: 'caption', type: 'text', text: 'Nur solange der Vorrat reicht', fontSize: 40, color: '#d0d0d0', box: { left: 100, right: 100, top: 1000, height: 80 } },
      { id: 'price', type: 'text', text: '49,90 €', fontSize: 40, color: '#e6e6e6', box: { left: 100, right: 100, top: 1100, height: 80 } },
      { id: 'cta-banner', type: 'rect', fill: '#2563eb', box: { left: 100, right: 100, top: 1700, height: 120 } },
      { id: 'cta', type: 'text', text: 'Jetzt kaufen', fontSize: 56, color: '#ffffff', box: { left: 140, right: 140, top: 1720, height: 80 } },
    ],
  }
  const file = join(dir, 'visual.json')
  await writeFile(file, JSON.stringify(template))
  const run = await vitrine(['lint', file, '--market', 'de-DE', '--platform', 'tiktok', '--json'])
  assert.equal(run.code, 1, run.stderr)
  const { diagnostics } = JSON.parse(run.stdout) as { diagnostics: Diagnostic[] }
  const contrast = diagnostics.filter((d) => d.rule === 'A11Y-CONTRAST')
  assert.deepEqual(contrast.map((d) => [d.path, d.severity]).sort(), [['/layers/1', 'warn'], ['/layers/2', 'error']])
  assert.match(contrast[0]!.message, /\d\.\d\d:1/)
  // White on the blue banner, and dark on white, pass.
  assert.ok(!contrast.some((d) => d.path === '/layers/0' || d.path === '/layers/4'))
  const safe = diagnostics.filter((d) => d.rule === 'TT-SAFE').map((d) => d.path).sort()
  assert.deepEqual(safe, ['/layers/3', '/layers/4'])
  // The strict profile is another, versioned set of bands.
  const strict = await vitrine(['lint', file, '--market', 'de-DE', '--platform', 'tiktok', '--safe-zone', 'strict', '--json'])
  const strictSafe = (JSON.parse(strict.stdout) as { diagnostics: Diagnostic[] }).diagnostics.filter((d) => d.rule === 'TT-SAFE')
  assert.ok(strictSafe.some((d) => /tiktok-strict/.test(d.message)))
})

test('Amazon main image: text layers, a grey background and a small product are errors', async () => {
  await mkdir(join(dir, 'images'), { recursive: true })
  // A product photo already cut out: a solid box, so the fill ratio is the layer's size.
  await sharp({ create: { width: 400, height: 400, channels: 3, background: '#8b1e3f' } }).png().toFile(join(dir, 'images/product.png'))
  const template = (background: string, withText: boolean, productWidth: string) => ({
    schemaVersion: 2,
    id: 'main',
    name: 'Main',
    size: { width: 1000, height: 1000 },
    variables: {},
    background,
    layers: [
      { id: 'product', type: 'image', src: 'images/product.png', fit: 'contain', box: { centerX: 0, centerY: 0, width: productWidth, height: productWidth } },
      ...(withText ? [{ id: 'promo', type: 'text', text: 'SALE -20%', fontSize: 60, color: '#d7263d', box: { left: 40, top: 40, width: 400, height: 80 } }] : []),
    ],
  })
  const run = async (t: object) => {
    const file = join(dir, `main-${Math.random().toString(36).slice(2)}.json`)
    await writeFile(file, JSON.stringify(t))
    const r = await vitrine(['lint', file, '--market', 'en-US', '--platform', 'amazon', '--json'])
    return { code: r.code, diagnostics: (JSON.parse(r.stdout) as { diagnostics: Diagnostic[] }).diagnostics.filter((d) => d.rule === 'AMZ-MAIN') }
  }
  const bad = await run(template('#f0f0f0', true, '50%'))
  assert.equal(bad.code, 1)
  const messages = bad.diagnostics.map((d) => d.message).join('\n')
  assert.match(messages, /text layer/)
  assert.match(messages, /background is (not white|off-white)/)
  assert.match(messages, /product spans \d+ %/)
  const good = await run(template('#ffffff', false, '90%'))
  assert.deepEqual(good.diagnostics.map((d) => d.message), [])
  assert.equal(good.code, 0)
})

test('render --lint lists findings in the manifest; --strict refuses outputs with errors', async () => {
  const out = join(dir, 'out-strict')
  const run = await vitrine(['render', 'examples/product-card.json', '--data', 'examples/risky-products.csv', '--format', 'tiktok', '--market', 'zh-CN', '--strict', '--concurrency', '1', '--out', out, '--json'])
  assert.equal(run.code, 1, run.stderr)
  const manifest = JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8')) as {
    outputs: Array<{ id: string }>
    failures: Array<{ id: string; error: { code: string; message: string; path: string } }>
    lint: Array<{ id: string; rule: string; path: string; span: { start: number; end: number } }>
    lintSummary: { errors: number }
  }
  const refused = manifest.failures.find((f) => f.id === 'RISK-ZH-ABS')!
  assert.equal(refused.error.code, 'lint/failed')
  assert.equal(refused.error.path, '/layers/2/text')
  assert.ok(!manifest.outputs.some((o) => o.id === 'RISK-ZH-ABS'))
  assert.ok(!existsSync(join(out, 'RISK-ZH-ABS', 'tiktok.zh-CN.png')))
  assert.ok(existsSync(join(out, 'SAFE-MUG', 'tiktok.zh-CN.png')))
  assert.ok(manifest.lint.some((d) => d.id === 'RISK-ZH-ABS' && d.rule === 'CN-ABS' && d.span.start === 2))
  assert.ok(manifest.lintSummary.errors >= 2)

  const lintOnly = join(dir, 'out-lint')
  const plain = await vitrine(['render', 'examples/product-card.json', '--data', 'examples/risky-products.csv', '--format', 'tiktok', '--market', 'zh-CN', '--lint', '--concurrency', '1', '--out', lintOnly])
  assert.equal(plain.code, 0, plain.stderr)
  assert.match(plain.stderr, /Lint: \d+ errors/)
  assert.ok(existsSync(join(lintOnly, 'RISK-ZH-ABS', 'tiktok.zh-CN.png')))
})

test('render --lint on video outputs: text rules on every layer, pixel rules on the poster frame; --strict encodes nothing for a refused video', async () => {
  const work = join(dir, 'video')
  await mkdir(join(work, 'images'), { recursive: true })
  const template = JSON.parse(await readFile(join(repo, 'examples/product-video.json'), 'utf8')) as { timeline: { fps: number; poster?: number; audio?: unknown } }
  // Few frames and no music: the test is about lint, not encoding.
  template.timeline.fps = 5
  delete template.timeline.audio
  await writeFile(join(work, 'video.json'), JSON.stringify(template))
  for (const picture of ['sneaker.png', 'mug.png']) await writeFile(join(work, 'images', picture), await readFile(join(repo, 'examples/images', picture)))
  await writeFile(join(work, 'feed.csv'), 'sku,title,price,currency,image,badge,brandColor\nRISK-ZH-ABS,全网最低价 销量第一的跑鞋,299.00,CNY,images/sneaker.png,,#d7263d\nSAFE-MUG,陶瓷马克杯,18.90,CNY,images/mug.png,,#2a9d8f\n')
  const out = join(work, 'out')
  const run = await vitrine(['render', join(work, 'video.json'), '--data', join(work, 'feed.csv'), '--type', 'mp4', '--format', 'tiktok', '--market', 'zh-CN', '--strict', '--concurrency', '1', '--out', out, '--json'])
  assert.equal(run.code, 1, run.stderr)
  const manifest = JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8')) as {
    failures: Array<{ id: string; error: { code: string } }>
    lint: Array<{ id: string; rule: string; path: string; span?: { start: number }; frameTime?: number }>
  }
  assert.equal(manifest.failures.find((f) => f.id === 'RISK-ZH-ABS')?.error.code, 'lint/failed')
  assert.ok(!existsSync(join(out, 'RISK-ZH-ABS', 'tiktok.zh-CN.mp4')), 'a refused video is not encoded')
  assert.ok(existsSync(join(out, 'SAFE-MUG', 'tiktok.zh-CN.mp4')))
  assert.ok(manifest.lint.some((d) => d.id === 'RISK-ZH-ABS' && d.rule === 'CN-ABS' && d.span?.start === 2))
  // Every entry of a video says which frame its pixels came from: the timeline's poster time.
  assert.ok(manifest.lint.length > 0 && manifest.lint.every((d) => d.frameTime === template.timeline.poster), JSON.stringify(manifest.lint.map((d) => d.frameTime)))
})

test('imagery: flags and religious text declared in alt text, file names or feed columns of real rows', async () => {
  const work = join(dir, 'imagery')
  await mkdir(join(work, 'images'), { recursive: true })
  const photo = await readFile(join(repo, 'examples/images/mug.png'))
  for (const name of ['saudi-flag-doormat.png', 'IMG_2041.png', 'chinese_flag_mug.png']) await writeFile(join(work, 'images', name), photo)
  const template = {
    schemaVersion: 3,
    id: 'imagery',
    name: 'Imagery',
    size: { width: 600, height: 600 },
    idVariable: 'sku',
    variables: { sku: { type: 'text' }, title: { type: 'text' }, image: { type: 'image' }, imageAlt: { type: 'text', default: '' } },
    background: '#ffffff',
    layers: [
      { id: 'product', type: 'image', src: { var: 'image' }, alt: { var: 'imageAlt' }, fit: 'contain', box: { left: 50, right: 50, top: 50, height: 380 } },
      { id: 'title', type: 'text', text: '{title}', fontSize: 40, color: '#111111', box: { left: 50, right: 50, top: 470, height: 80 } },
    ],
  }
  await writeFile(join(work, 'imagery.json'), JSON.stringify(template))
  await writeFile(
    join(work, 'feed.csv'),
    'sku,title,image,imageAlt,imageTags,category\n' +
      'MAT-1,Doormat 60x90,images/saudi-flag-doormat.png,,,floor-mats\n' +
      'TEE-1,T-shirt,images/IMG_2041.png,White tee with Ayat al-Kursi print,,apparel\n' +
      'ART-1,Wall art,images/IMG_2041.png,,"calligraphy, الكعبة",home\n' +
      'TEE-2,T-shirt,images/IMG_2041.png,,,apparel\n' +
      'MUG-1,Mug,images/IMG_2041.png,,,kitchen\n',
  )
  const run = await vitrine(['lint', join(work, 'imagery.json'), '--data', join(work, 'feed.csv'), '--market', 'ar-SA,ar-AE', '--text-only', '--json'])
  assert.equal(run.code, 1, run.stderr + run.stdout.slice(0, 2000))
  const found = (JSON.parse(run.stdout) as { diagnostics: Array<Diagnostic & { excerpt?: string; data?: string }> }).diagnostics.filter((d) => d.rule === 'GCC-SYMB' && d.market === 'ar-SA')
  const by = (id: string) => found.filter((d) => d.id === id).map((d) => [d.severity, d.path, d.excerpt ?? null, d.data ?? null])
  assert.deepEqual(by('MAT-1'), [['error', '/layers/0/src', 'saudi flag', '/rows/0/image']])
  assert.deepEqual(by('TEE-1'), [['error', '/layers/0/alt', 'Ayat al-Kursi', '/rows/1/imageAlt']])
  assert.deepEqual(by('ART-1'), [['error', '/layers/0', 'الكعبة', '/rows/2/imageTags']])
  // Apparel without any description: one info naming the column to add; a mug: nothing.
  assert.deepEqual(by('TEE-2'), [['info', '/layers/0', null, '/rows/3/imageTags']])
  assert.deepEqual(by('MUG-1'), [])
  // The Chinese flag in a file name is CN-STATE.
  await writeFile(join(work, 'zh.csv'), 'sku,title,image\nMUG-CN,陶瓷马克杯,images/chinese_flag_mug.png\n')
  const zh = await vitrine(['lint', join(work, 'imagery.json'), '--data', join(work, 'zh.csv'), '--market', 'zh-CN', '--text-only', '--json'])
  const state = (JSON.parse(zh.stdout) as { diagnostics: Diagnostic[] }).diagnostics.filter((d) => d.rule === 'CN-STATE')
  assert.deepEqual(state.map((d) => [d.path, d.severity]), [['/layers/0/src', 'error']])
})

test('progress on stderr, and Ctrl-C (SIGINT): the rows being checked finish, their findings are printed, the rest are named, exit 130', async () => {
  // 200 copies of the risky feed's rows, in the repository's examples folder (pictures resolve there).
  const feed = (await readFile(join(repo, 'examples', 'risky-products.csv'), 'utf8')).trimEnd().split('\n')
  const [head, ...rows] = feed
  const many = [head, ...Array.from({ length: 200 }, (_, i) => rows[i % rows.length]!.replace(/^[^,]+/, (id) => `${id}-${i}`))]
  const data = join(repo, 'examples', `.lint-interrupt-${process.pid}.csv`)
  await writeFile(data, many.join('\n') + '\n')
  try {
    const child = spawn(process.execPath, [cli, 'lint', 'examples/product-card.json', '--data', data, '--market', 'de-DE,fr-FR', '--platform', 'tiktok', '--concurrency', '2'], { cwd: repo, env: { ...process.env, NODE_OPTIONS: '' } })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk) => (stdout += chunk))
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
    // Once a progress line shows rows checked, as a user would press Ctrl-C.
    const checkedSome = new Promise<void>((resolve) =>
      child.stderr.on('data', (chunk) => {
        stderr += chunk
        if (/^checked [1-9]\d*\/400 /m.test(stderr)) resolve()
      }),
    )
    await Promise.race([checkedSome, exited])
    child.kill('SIGINT')
    assert.equal(await exited, 130, stderr)
    assert.match(stderr, /^checked 0\/400 \(0%\)/m)
    assert.match(stderr, /Ctrl-C: stopping; the rows being checked will finish/)
    const left = Number(/Interrupted: (\d+) rows? (?:was|were) not checked \(\S+-\d+, /.exec(stderr)?.[1])
    assert.ok(left > 0 && left < 200, stderr)
    // The summary counts the ads of the rows checked: 2 per row (two markets, one format).
    const ads = Number(/ in (\d+) ads \(2 worker threads\)$/m.exec(stdout)?.[1])
    assert.equal(ads, (200 - left) * 2, stdout.slice(-300))
  } finally {
    await rm(data, { force: true })
  }
})

test('lintBatch({ signal }): rows left out are listed in feed order and give no findings; a signal aborted before checks nothing', async () => {
  const { lintBatch } = await import('../src/lint-batch.ts')
  const base = { template: join(repo, 'examples', 'product-card.json'), data: join(repo, 'examples', 'risky-products.csv'), markets: ['de-DE'], textOnly: true, concurrency: 1 }
  const all = await lintBatch(base)
  assert.deepEqual(all.notChecked, [])
  const before = await lintBatch({ ...base, signal: AbortSignal.abort() })
  assert.equal(before.ads, 0)
  assert.deepEqual(before.diagnostics, [])
  assert.deepEqual(before.notChecked.map((r) => r.row), [1, 2, 3, 4, 5, 6])
  // Stopped once the first two rows are done: the rest are named, and the findings are those of the rows checked.
  const controller = new AbortController()
  const seen: number[] = []
  const part = await lintBatch({ ...base, signal: controller.signal, onProgress: (p) => (seen.push(p.done), p.done >= 2 && controller.abort()) })
  assert.deepEqual(seen.slice(0, 3), [0, 1, 2])
  assert.equal(part.ads + part.notChecked.length, 6)
  assert.deepEqual(part.notChecked.map((r) => r.row), [...part.notChecked.map((r) => r.row)].sort((a, b) => a - b))
  const checkedIds = new Set(all.diagnostics.map((d) => d.id).filter((id) => !part.notChecked.some((r) => r.id === id)))
  assert.deepEqual(part.diagnostics, all.diagnostics.filter((d) => checkedIds.has(d.id)))
})

test('lintBatch({ rows }): only the rows chosen are checked, with the findings they have in the whole feed', async () => {
  const { lintBatch } = await import('../src/lint-batch.ts')
  const base = { template: join(repo, 'examples', 'product-card.json'), data: join(repo, 'examples', 'risky-products.csv'), markets: ['de-DE'], textOnly: true, concurrency: 1 }
  const all = await lintBatch(base)
  const ids = [...new Set(all.diagnostics.map((d) => d.id))]
  assert.ok(ids.length >= 2, 'the feed has findings in two rows or more')
  const rowOf = async (id: string) => (await readFile(base.data, 'utf8')).split(/\r?\n/).slice(1).findIndex((line) => line.startsWith(`${id},`)) + 1
  const row = await rowOf(ids[1]!)
  const part = await lintBatch({ ...base, rows: [{ from: row, to: row }] })
  assert.equal(part.ads, 1)
  assert.deepEqual(part.diagnostics, all.diagnostics.filter((d) => d.id === ids[1]))
})

test('lintBatch: an onProgress that throws stops the batch (worker threads too) and lintBatch rejects with its error', async () => {
  const { lintBatch } = await import('../src/lint-batch.ts')
  const oops = new Error('progress display failed')
  let calls = 0
  await assert.rejects(
    lintBatch({ template: join(repo, 'examples', 'product-card.json'), data: join(repo, 'examples', 'risky-products.csv'), markets: ['de-DE', 'fr-FR'], textOnly: true, concurrency: 2, onProgress: (p) => { calls++; if (p.done > 0) throw oops } }),
    (error) => error === oops,
  )
  // Stopped after the first row came back: not every row reported.
  assert.ok(calls < 7, `${calls} progress calls`)
})
