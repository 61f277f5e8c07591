import { createHash, randomBytes } from 'node:crypto'
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  writeFileSync,
} from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { PGlite } from '@electric-sql/pglite'
import { Kysely } from 'kysely'
import pg from 'pg'
import { type Database, openDatabase } from '../db/client.ts'
import { migrateToLatest } from '../db/migrate.ts'
import { PGliteDialect } from '../db/pglite-dialect.ts'
import type { DB } from '../db/schema.ts'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const migrationsDir = path.join(root, 'src/db/migrations')
const cacheDir = path.join(root, 'node_modules/.cache/kaikaku')

/** Which backend the suite runs on: DATABASE_URL set means a PostgreSQL server. */
export const testDbKind = process.env.DATABASE_URL ? 'postgres' : 'pglite'

function migrationsHash(): string {
  const hash = createHash('sha256')
  for (const file of readdirSync(migrationsDir).sort())
    hash.update(file).update(readFileSync(path.join(migrationsDir, file)))
  return hash.digest('hex').slice(0, 16)
}

/**
 * PGlite's initdb takes seconds; a migrated data directory is dumped once per migration set
 * and every test database starts from it (under a second).
 */
export async function pgliteTemplate(): Promise<Blob> {
  const file = path.join(cacheDir, `pglite-${migrationsHash()}.tar.gz`)
  if (!existsSync(file)) {
    const pglite = await PGlite.create()
    const db = new Kysely<DB>({ dialect: new PGliteDialect(pglite) })
    await migrateToLatest(db)
    const dump = await pglite.dumpDataDir('gzip')
    await pglite.close()
    mkdirSync(cacheDir, { recursive: true })
    const tmp = `${file}.${process.pid}.tmp`
    writeFileSync(tmp, Buffer.from(await dump.arrayBuffer()))
    renameSync(tmp, file)
  }
  return new Blob([readFileSync(file)])
}

/** On PostgreSQL each test file gets its own new database, dropped when it closes. */
async function freshPostgresDatabase(adminUrl: string): Promise<Database> {
  const created = await createPostgresDatabaseUrl(adminUrl)
  const database = await openDatabase({ databaseUrl: created.url })
  await migrateToLatest(database.db)
  return {
    ...database,
    async close() {
      await database.close()
      await created.drop()
    },
  }
}

/** A migrated, empty database of the backend under test. */
export async function createTestDatabase(): Promise<Database> {
  if (process.env.DATABASE_URL) return freshPostgresDatabase(process.env.DATABASE_URL)
  const database = await openDatabase({ dataDir: 'memory://', template: await pgliteTemplate() })
  await migrateToLatest(database.db)
  return database
}

/**
 * For tests that start the server as a child process on PostgreSQL: a new empty database URL
 * (or a copy of the template database named).
 */
export async function createPostgresDatabaseUrl(
  adminUrl: string,
  template?: string,
): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `kaikaku_test_${randomBytes(6).toString('hex')}`
  const admin = new pg.Client({ connectionString: adminUrl })
  await admin.connect()
  await admin.query(`create database ${name}${template ? ` template ${template}` : ''}`)
  await admin.end()
  const url = new URL(adminUrl)
  url.pathname = `/${name}`
  return {
    url: url.toString(),
    async drop() {
      const cleanup = new pg.Client({ connectionString: adminUrl })
      await cleanup.connect()
      // A closed pool resolves before its sockets have gone; forcing the drop while they linger
      // sends them a termination error, so wait (briefly) for the server to see them leave.
      for (let i = 0; i < 50; i++) {
        const { rows } = await cleanup.query(
          'select count(*)::int as n from pg_stat_activity where datname = $1',
          [name],
        )
        if (rows[0].n === 0) break
        await new Promise((resolve) => setTimeout(resolve, 20))
      }
      await cleanup.query(`drop database if exists ${name} with (force)`)
      await cleanup.end()
    },
  }
}
