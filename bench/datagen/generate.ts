/**
 * `npm run bench:data -- --scale bureau|metropolis [--data-dir DIR] [--only kind,kind]`
 *
 * Writes the benchmark data through the modules' services (policy checks, validation, audit,
 * the importer, the minutes workflow with the redaction engine and the search index), in
 * batches of one transaction each. Resumable: each kind counts what it made already (the
 * generated rows carry a recognisable name) and makes only the rest, deterministically (one
 * seeded PRNG per item). Progress on stderr; a JSON summary (rates per kind) on stdout.
 * On PostgreSQL when DATABASE_URL is set; else PGlite in DIR (default bench-data/<scale>).
 */
import path from 'node:path'
import { parseArgs } from 'node:util'
import { sql } from 'kysely'
import type { Actor } from '../../src/auth/actor.ts'
import { openDatabase } from '../../src/db/client.ts'
import { migrateToLatest } from '../../src/db/migrate.ts'
import type { Db } from '../../src/db/schema.ts'
import { isEmptyDatabase, seedDemo } from '../../src/demo/seed-demo.ts'
import { loadActor } from '../../src/modules/accounts/index.ts'
import { demoEmail } from '../../src/modules/org/index.ts'
import { generateCouncils } from './councils.ts'
import { generateDatasets } from './datasets.ts'
import { generatePeople } from './people.ts'
import { generateProgrammes } from './programmes.ts'
import { generateProposals } from './proposals.ts'

export interface Scale {
  users: number
  programmes: number
  fiscalYears: number[]
  proposals: number
  proposalsPerCampaign: number
  councils: number
  meetings: number
  minutesChars: number
  datasets: number
}

export const SCALES: Record<string, Scale> = {
  bureau: {
    users: 1_232,
    programmes: 500,
    fiscalYears: [2022, 2023, 2024],
    proposals: 2_000,
    proposalsPerCampaign: 500,
    councils: 30,
    meetings: 300,
    minutesChars: 5_000,
    datasets: 100,
  },
  metropolis: {
    users: 50_000,
    programmes: 10_000,
    fiscalYears: [2020, 2021, 2022, 2023, 2024],
    proposals: 100_000,
    proposalsPerCampaign: 2_000,
    councils: 200,
    meetings: 20_000,
    minutesChars: 5_000,
    datasets: 1_000,
  },
}

export interface Context {
  db: Db
  scale: Scale
  actor(role: string): Promise<Actor>
  /** Reports `done` of `total` for a kind (stderr, at most every two seconds, and at the end). */
  progress(kind: string, done: number, total: number): void
}

export interface KindResult {
  kind: string
  target: number
  existing: number
  made: number
  seconds: number
  perSecond: number
}

const KINDS = ['people', 'programmes', 'datasets', 'proposals', 'councils'] as const

async function main() {
  const { values } = parseArgs({
    options: {
      scale: { type: 'string', default: 'bureau' },
      'data-dir': { type: 'string' },
      only: { type: 'string' },
    },
  })
  const scale = SCALES[values.scale!]
  if (!scale) throw new Error(`--scale must be one of ${Object.keys(SCALES).join(', ')}`)
  const dataDir = values['data-dir'] ?? path.resolve('bench-data', values.scale!)
  const database = await openDatabase({ databaseUrl: process.env.DATABASE_URL, dataDir })
  const { db } = database
  const started = performance.now()
  try {
    await migrateToLatest(db)
    if (await isEmptyDatabase(db)) {
      process.stderr.write('bench:data: seeding the demo bureau…\n')
      await seedDemo(db, process.env.KAIKAKU_DEMO_PASSWORD ?? 'kaikaku-demo')
    }
    const actors = new Map<string, Actor>()
    const last = new Map<string, number>()
    const context: Context = {
      db,
      scale,
      async actor(role) {
        if (!actors.has(role)) {
          const user = await db
            .selectFrom('users')
            .select('id')
            .where('email', '=', demoEmail(role))
            .executeTakeFirstOrThrow()
          actors.set(role, (await loadActor(db, user.id))!)
        }
        return actors.get(role)!
      },
      progress(kind, done, total) {
        const now = performance.now()
        if (done < total && now - (last.get(kind) ?? 0) < 2000) return
        last.set(kind, now)
        const s = Math.round((now - started) / 1000)
        process.stderr.write(`bench:data ${values.scale} ${kind}: ${done}/${total} (${s} s)\n`)
      },
    }
    const only = values.only?.split(',')
    const results: KindResult[] = []
    const generators = {
      people: generatePeople,
      programmes: generateProgrammes,
      datasets: generateDatasets,
      proposals: generateProposals,
      councils: generateCouncils,
    }
    for (const kind of KINDS) {
      if (only && !only.includes(kind)) continue
      const t0 = performance.now()
      const r = await generators[kind](context)
      const seconds = (performance.now() - t0) / 1000
      const result = {
        kind: r.kind,
        target: r.target,
        existing: r.existing,
        made: r.made,
        seconds: Math.round(seconds * 10) / 10,
        perSecond: r.made ? Math.round((r.made / seconds) * 10) / 10 : 0,
      }
      results.push(result)
      process.stderr.write(`bench:data ${JSON.stringify(result)}\n`)
    }
    // Statistics for the planner on what was written (PGlite has no autovacuum to do it).
    await sql`analyze`.execute(db)
    const total = Math.round((performance.now() - started) / 100) / 10
    process.stdout.write(
      `${JSON.stringify({ scale: values.scale, database: database.kind, seconds: total, kinds: results }, null, 2)}\n`,
    )
  } finally {
    await database.close()
  }
}

await main()
