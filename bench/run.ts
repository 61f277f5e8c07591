/**
 * `npm run bench`: runs every `bench/*.bench.ts` one after another (each exports
 * `default async function(): Promise<Record<string, unknown>>`) and prints ONE JSON document
 * on stdout: `{ "meta": {...}, "<file name>": {...figures} }`. Progress goes to stderr.
 * On PostgreSQL when DATABASE_URL is set (`scripts/with-postgres.sh npm run bench`).
 * Arguments filter the files by substring: `npm run bench -- programs`.
 */
import { readdirSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const dir = path.dirname(fileURLToPath(import.meta.url))
const filters = process.argv.slice(2)
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
  .sort()

const out: Record<string, unknown> = {
  meta: {
    database: process.env.DATABASE_URL ? 'postgres' : 'pglite',
    node: process.version,
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model,
    at: new Date().toISOString(),
  },
}
let failed = false
for (const file of files) {
  const name = file.replace(/\.bench\.ts$/, '')
  process.stderr.write(`bench: ${name}…\n`)
  const started = performance.now()
  try {
    const mod = (await import(pathToFileURL(path.join(dir, file)).href)) as {
      default: () => Promise<Record<string, unknown>>
    }
    out[name] = {
      ...(await mod.default()),
      seconds: Math.round((performance.now() - started) / 100) / 10,
    }
  } catch (error) {
    failed = true
    out[name] = { error: error instanceof Error ? error.stack : String(error) }
  }
}
process.stdout.write(`${JSON.stringify(out, null, 2)}\n`)
process.exit(failed ? 1 : 0)
