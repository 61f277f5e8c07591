#!/usr/bin/env node
// Runs the whole suite with node's test runner: unit and integration tests under src/,
// and the browser and crash tests under e2e/. On PostgreSQL when DATABASE_URL is set.
import { spawnSync } from 'node:child_process'
import { readdirSync, statSync } from 'node:fs'
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

let files = [...(onlyE2e ? [] : find('src')), ...(noE2e ? [] : find('e2e'))]
if (filters.length) files = files.filter((f) => filters.some((x) => f.includes(x)))
if (files.length === 0) {
  console.error('no test files matched')
  process.exit(1)
}

console.log(
  `database: ${process.env.DATABASE_URL ? 'postgres' : 'pglite'}; ${files.length} test files`,
)
const result = spawnSync(
  process.execPath,
  [
    '--import',
    'tsx',
    '--test',
    '--test-reporter=spec',
    '--test-concurrency=2',
    '--test-timeout=300000',
    ...files,
  ],
  {
    stdio: 'inherit',
    env: {
      // Cheap password hashing keeps hundreds of sign-ins fast; production keeps N=2^15.
      KAIKAKU_SCRYPT_COST: '1024',
      LOG_LEVEL: 'silent',
      ...process.env,
    },
  },
)
process.exit(result.status ?? 1)
