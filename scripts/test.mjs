#!/usr/bin/env node
// The one test command's engine (`pnpm test` builds first, then runs this). In order, with
// output streamed:
//   1. lint: `eslint .` (the architecture's boundaries live there);
//   2. Node tests: every `packages/*/test/**/*.test.ts` and `tests/**/*.test.ts`, under
//      node:test with tsx;
//   3. browser tests: @web/test-runner in headless Chromium, when web-test-runner.config.mjs exists.
// Then one last line, `N passed, N failed` (`, N skipped` when some were), summing all suites,
// and a non-zero exit when anything failed. Lint counts as one check.
//
//   node scripts/test.mjs [--only lint|node|browser[,...]] [files...]
//
// Files given after the options narrow the Node suite to those files (handy while developing).
import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative, resolve, sep } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const root = resolve(import.meta.dirname, '..')
const suites = ['lint', 'node', 'browser']
const wtrConfigPath = join(root, 'web-test-runner.config.mjs')

if (process.argv[2] === '--browser-child') {
  await runWebTestRunnerChild(process.argv[3])
} else {
  process.exitCode = await main(process.argv.slice(2))
}

/** @param {string[]} args */
async function main(args) {
  let only = suites
  const files = []
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]
    if (arg === '--only' || arg.startsWith('--only=')) {
      const value = arg.includes('=') ? arg.slice('--only='.length) : args[++i]
      only = (value ?? '').split(',').filter(Boolean)
      const unknown = only.filter((s) => !suites.includes(s))
      if (unknown.length || only.length === 0) return usage(`--only takes ${suites.join(', ')} (comma-separated); found ${JSON.stringify(value ?? '')}`)
    } else if (arg === '--help' || arg === '-h') {
      return usage()
    } else if (arg.startsWith('-')) {
      return usage(`unknown option ${arg}`)
    } else {
      files.push(resolve(arg))
    }
  }

  const temp = mkdtempSync(join(tmpdir(), 'vitrine-test-'))
  const total = { passed: 0, failed: 0, skipped: 0 }
  const lines = []
  const add = (name, result, startedAt) => {
    total.passed += result.passed
    total.failed += result.failed
    total.skipped += result.skipped
    const seconds = ((Date.now() - startedAt) / 1000).toFixed(1)
    lines.push(`${name.padEnd(8)} ${summaryLine(result)}${result.note ? ` (${result.note})` : ''} in ${seconds} s`)
  }
  try {
    if (only.includes('lint')) {
      const t = Date.now()
      add('lint', await runLint(), t)
    }
    if (only.includes('node')) {
      const t = Date.now()
      add('node', await runNodeTests(files, temp), t)
    }
    if (only.includes('browser')) {
      const t = Date.now()
      add('browser', await runBrowserTests(temp), t)
    }
  } finally {
    rmSync(temp, { recursive: true, force: true })
  }
  console.log('\n── Vitrine tests ──')
  for (const line of lines) console.log(line)
  // The last line of output: CI and people read it.
  console.log(summaryLine(total))
  return total.failed > 0 ? 1 : 0
}

function usage(error) {
  if (error) console.error(`test: ${error}`)
  console.error('usage: node scripts/test.mjs [--only lint|node|browser[,...]] [node test files...]')
  return 2
}

/** @param {{passed: number, failed: number, skipped: number}} r */
function summaryLine(r) {
  return `${r.passed} passed, ${r.failed} failed${r.skipped > 0 ? `, ${r.skipped} skipped` : ''}`
}

/** Runs a command with inherited output; resolves with its exit code. */
function run(command, args, options = {}) {
  return new Promise((resolvePromise) => {
    const child = spawn(command, args, { cwd: root, stdio: 'inherit', ...options })
    child.on('error', (error) => {
      console.error(`test: could not start ${command}: ${error.message}`)
      resolvePromise(127)
    })
    child.on('exit', (code, signal) => resolvePromise(code ?? (signal ? 128 : 1)))
  })
}

/** A package's bin script, run with this Node. */
function binOf(pkg, bin) {
  const manifestUrl = import.meta.resolve(`${pkg}/package.json`)
  const manifest = JSON.parse(readFileSync(fileURLToPath(manifestUrl), 'utf8'))
  const rel = typeof manifest.bin === 'string' ? manifest.bin : manifest.bin[bin]
  return fileURLToPath(new URL(rel, manifestUrl))
}

async function runLint() {
  console.log('\n── lint: eslint . ──')
  const code = await run(process.execPath, [binOf('eslint', 'eslint'), '.'])
  if (code === 0) console.log('lint: no problems')
  return code === 0 ? { passed: 1, failed: 0, skipped: 0 } : { passed: 0, failed: 1, skipped: 0, note: 'eslint reported errors' }
}

/** Every Node test file: `packages/*\/test/**` and `tests/**`, named `*.test.{ts,mts,js,mjs}`. */
function findNodeTests() {
  const found = []
  const testFile = /\.test\.(ts|mts|js|mjs)$/
  const walk = (dir) => {
    if (!existsSync(dir)) return
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === 'node_modules' || entry.name.startsWith('.') || entry.name === '__output__') continue
      const path = join(dir, entry.name)
      if (entry.isDirectory()) walk(path)
      else if (testFile.test(entry.name)) found.push(path)
    }
  }
  const packages = join(root, 'packages')
  for (const pkg of existsSync(packages) ? readdirSync(packages) : []) walk(join(packages, pkg, 'test'))
  walk(join(root, 'tests'))
  return found.sort()
}

async function runNodeTests(only, temp) {
  const files = only.length > 0 ? only : findNodeTests()
  console.log(`\n── node: ${files.length} test file${files.length === 1 ? '' : 's'} ──`)
  if (files.length === 0) return { passed: 0, failed: 0, skipped: 0, note: 'no test files' }
  const tap = join(temp, 'node.tap')
  const concurrency = process.env.VITRINE_TEST_CONCURRENCY ?? '2'
  const code = await run(process.execPath, [
    '--import',
    'tsx',
    '--test',
    `--test-concurrency=${concurrency}`,
    // A test that hangs fails instead of holding CI for hours.
    `--test-timeout=${process.env.VITRINE_TEST_TIMEOUT_MS ?? 300_000}`,
    '--test-reporter=spec',
    '--test-reporter-destination=stdout',
    '--test-reporter=tap',
    `--test-reporter-destination=${tap}`,
    ...files.map((f) => relative(root, f).split(sep).join('/')),
  ])
  const counts = { passed: 0, failed: 0, skipped: 0 }
  const text = existsSync(tap) ? readFileSync(tap, 'utf8') : ''
  // The TAP reporter ends with `# pass N`, `# fail N`, `# cancelled N`, `# skipped N`, `# todo N`.
  const field = (name) => Number(new RegExp(`^# ${name} (\\d+)$`, 'm').exec(text)?.[1] ?? 0)
  counts.passed = field('pass')
  counts.failed = field('fail') + field('cancelled') + failedSuites(text)
  counts.skipped = field('skipped') + field('todo')
  if (code !== 0 && counts.failed === 0) return { ...counts, failed: 1, note: `node --test exited with code ${code}` }
  return counts
}

/**
 * Suites that failed by themselves (a `describe` body or a hook that threw), which the TAP
 * totals leave out: `not ok` entries whose details say `type: 'suite'` and a failure other
 * than `subtestsFailed` (those failed subtests are already counted).
 */
function failedSuites(tap) {
  const lines = tap.split('\n')
  let count = 0
  for (let i = 0; i < lines.length; i++) {
    const head = /^(\s*)not ok \d+/.exec(lines[i])
    if (!head) continue
    const details = []
    for (let j = i + 1; j < lines.length && lines[j].startsWith(head[1] + '  '); j++) {
      details.push(lines[j])
      if (lines[j].trim() === '...') break
    }
    const text = details.join('\n')
    if (/^\s*type: 'suite'$/m.test(text) && !/failureType: 'subtestsFailed'/.test(text)) count++
  }
  return count
}

async function runBrowserTests(temp) {
  console.log('\n── browser: web-test-runner ──')
  if (!existsSync(wtrConfigPath)) {
    console.log('browser: no web-test-runner.config.mjs, skipped')
    return { passed: 0, failed: 0, skipped: 0, note: 'no config' }
  }
  const countsFile = join(temp, 'browser.json')
  const code = await run(process.execPath, [fileURLToPath(import.meta.url), '--browser-child', countsFile])
  if (!existsSync(countsFile)) return { passed: 0, failed: 1, skipped: 0, note: `web-test-runner exited with code ${code} before reporting results` }
  const counts = JSON.parse(readFileSync(countsFile, 'utf8'))
  if (code !== 0 && counts.failed === 0) return { ...counts, failed: 1, note: `web-test-runner exited with code ${code}` }
  return counts
}

/**
 * Runs @web/test-runner in this process with the repo's config, plus a reporter that counts
 * results into `countsFile`. The file config is read here (not by the runner) so that its own
 * reporters are kept and ours is added: the runner lets a file config replace code-given ones.
 */
async function runWebTestRunnerChild(countsFile) {
  const { startTestRunner, defaultReporter } = await import('@web/test-runner')
  const fileConfig = (await import(pathToFileURL(wtrConfigPath).href)).default ?? {}
  const counting = {
    onTestRunFinished({ sessions }) {
      const counts = { passed: 0, failed: 0, skipped: 0 }
      const walk = (suite) => {
        for (const test of suite.tests ?? []) {
          if (test.skipped) counts.skipped++
          else if (test.passed) counts.passed++
          else counts.failed++
        }
        for (const child of suite.suites ?? []) walk(child)
      }
      for (const session of sessions) {
        if (session.testResults) walk(session.testResults)
        // A file that failed to load, or threw outside a test, has errors but maybe no tests.
        if (session.passed === false && (session.errors?.length ?? 0) > 0) counts.failed++
      }
      writeFileSync(countsFile, JSON.stringify(counts))
    },
  }
  await startTestRunner({
    readFileConfig: false,
    argv: [],
    config: { ...fileConfig, reporters: [...(fileConfig.reporters ?? [defaultReporter()]), counting] },
  })
}
