#!/usr/bin/env node
// Runs the whole suite with node's test runner: unit and integration tests under src/,
// and the browser and crash tests under e2e/. On PostgreSQL when DATABASE_URL is set.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

const args = process.argv.slice(2)
const onlyE2e = args.includes('--only-e2e')
const noE2e = args.includes('--no-e2e')
const filters = args.filter((a) => !a.startsWith('--'))

function find(dir, out = []) {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name)
    if (statSync(full).isDirectory()) find(full, out)
    else if (/\.test\.tsx?$/.test(name)) out.push(full)
  }
  return out
}

const select = (list) =>
  filters.length ? list.filter((f) => filters.some((x) => f.includes(x))) : list
const unit = onlyE2e ? [] : select(find('src'))
// The browser and crash tests start real servers and time a restart: they run one at a time,
// after the rest, so that a loaded machine does not make them flaky.
const e2e = noE2e ? [] : select(find('e2e'))
if (unit.length + e2e.length === 0) {
  console.error('no test files matched')
  process.exit(1)
}

console.log(
  `database: ${process.env.DATABASE_URL ? 'postgres' : 'pglite'}; ${unit.length + e2e.length} test files`,
)
const env = {
  // Cheap password hashing keeps hundreds of sign-ins fast; production keeps N=2^15.
  KAIKAKU_SCRYPT_COST: '1024',
  LOG_LEVEL: 'silent',
  ...process.env,
}
// The demo bureau is seeded once for the run; each test file's createTestApp() copies it.
const prepareSeed = (...extra) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'scripts/prepare-test-seed.ts', ...extra], {
    env,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  })
const seeded = prepareSeed()
if (seeded.status !== 0) {
  console.error('could not seed the demo bureau for the run')
  process.exit(1)
}
env.KAIKAKU_TEST_SEEDED_TEMPLATE = seeded.stdout.trim()
let failed = false
// A file that times out or crashes is counted as cancelled, not failed: both are failures here.
const totals = { pass: 0, fail: 0, cancelled: 0, skipped: 0 }
const tapFile = path.join(mkdtempSync(path.join(tmpdir(), 'kaikaku-test-')), 'results.tap')
for (const [files, concurrency] of [
  [unit, 2],
  [e2e, 1],
]) {
  if (files.length === 0) continue
  const result = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      '--test',
      '--test-reporter=spec',
      '--test-reporter-destination=stdout',
      '--test-reporter=tap',
      `--test-reporter-destination=${tapFile}`,
      `--test-concurrency=${concurrency}`,
      '--test-timeout=300000',
      ...files,
    ],
    { stdio: 'inherit', env },
  )
  if (result.status !== 0) failed = true
  const tap = existsSync(tapFile) ? readFileSync(tapFile, 'utf8') : ''
  for (const key of Object.keys(totals)) {
    totals[key] += Number(new RegExp(`^# ${key} (\\d+)$`, 'm').exec(tap)?.[1] ?? 0)
  }
}
prepareSeed('--drop', env.KAIKAKU_TEST_SEEDED_TEMPLATE)
// Both passes in one closing line.
console.log(
  `total: ${totals.pass} passed, ${totals.fail + totals.cancelled} failed, ${totals.skipped} skipped`,
)
process.exit(failed ? 1 : 0)
