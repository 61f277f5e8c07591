import { randomBytes } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { Kysely } from 'kysely'
import pg from 'pg'
import { type Database, openDatabase } from '../db/client.ts'
import { migrateToLatest } from '../db/migrate.ts'
import { PGliteDialect } from '../db/pglite-dialect.ts'
import type { DB } from '../db/schema.ts'
import { seedDemo } from '../demo/seed-demo.ts'
import { todayInTokyo } from '../i18n/dates.ts'
import { createPostgresDatabaseUrl, pgliteTemplate } from './database.ts'

/**
 * The demo bureau is seeded once per test run and every test file starts from a copy: a dump of
 * the seeded PGlite data directory, or a PostgreSQL template database. `scripts/test.mjs` makes it
 * (`prepareSeededTemplate`) and passes it to the test processes in this variable; a test file run
 * on its own has no such variable and seeds its own database.
 */
export const SEEDED_TEMPLATE_ENV = 'KAIKAKU_TEST_SEEDED_TEMPLATE'

export interface SeededTemplate {
  kind: 'pglite' | 'postgres'
  /** The dump file (PGlite) or the template database's name (PostgreSQL). */
  location: string
  /** The day (in Tokyo) it was seeded: the demo's dates follow today, so another day seeds anew. */
  day: string
  /** The demo password the accounts were seeded with. */
  password: string
}

/** Seeds the demo bureau into a new template; returns where it is. */
export async function prepareSeededTemplate(password: string): Promise<SeededTemplate> {
  const day = todayInTokyo()
  const adminUrl = process.env.DATABASE_URL
  if (adminUrl) {
    const name = `kaikaku_seeded_${randomBytes(6).toString('hex')}`
    await adminQuery(adminUrl, `create database ${name}`)
    const database = await openDatabase({ databaseUrl: databaseUrl(adminUrl, name) })
    try {
      await migrateToLatest(database.db)
      await seedDemo(database.db, password)
    } finally {
      await database.close()
    }
    return { kind: 'postgres', location: name, day, password }
  }
  const pglite = await PGlite.create({
    parsers: { 20: (value: string) => Number(value) },
    loadDataDir: await pgliteTemplate(),
  })
  const db = new Kysely<DB>({ dialect: new PGliteDialect(pglite) })
  await migrateToLatest(db)
  await seedDemo(db, password)
  // Uncompressed: every test file loads it, and gunzip costs more than the bigger file.
  const dump = await pglite.dumpDataDir('none')
  await pglite.close()
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'kaikaku-seed-')), 'seeded.tar')
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()))
  return { kind: 'pglite', location: file, day, password }
}

/** Removes the template at the end of the run. */
export async function dropSeededTemplate(template: SeededTemplate): Promise<void> {
  if (template.kind === 'pglite') {
    rmSync(path.dirname(template.location), { recursive: true, force: true })
    return
  }
  const adminUrl = process.env.DATABASE_URL
  if (adminUrl)
    await adminQuery(adminUrl, `drop database if exists ${template.location} with (force)`)
}

/** The run's template, if there is one that is still good for this backend, password and day. */
export function seededTemplateFromEnv(password: string): SeededTemplate | null {
  const raw = process.env[SEEDED_TEMPLATE_ENV]
  if (!raw) return null
  const template = JSON.parse(raw) as SeededTemplate
  const kind = process.env.DATABASE_URL ? 'postgres' : 'pglite'
  if (template.kind !== kind || template.password !== password) return null
  if (template.day !== todayInTokyo()) return null
  return template
}

/** A new database holding a copy of the seeded template. */
export async function copySeededTemplate(template: SeededTemplate): Promise<Database> {
  if (template.kind === 'postgres') {
    const created = await createPostgresDatabaseUrl(process.env.DATABASE_URL!, template.location)
    const database = await openDatabase({ databaseUrl: created.url })
    return {
      ...database,
      async close() {
        await database.close()
        await created.drop()
      },
    }
  }
  return openDatabase({
    dataDir: 'memory://',
    template: new Blob([readFileSync(template.location)]),
  })
}

function databaseUrl(adminUrl: string, name: string): string {
  const url = new URL(adminUrl)
  url.pathname = `/${name}`
  return url.toString()
}

async function adminQuery(adminUrl: string, sql: string): Promise<void> {
  const admin = new pg.Client({ connectionString: adminUrl })
  await admin.connect()
  try {
    await admin.query(sql)
  } finally {
    await admin.end()
  }
}
