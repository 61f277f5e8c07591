import { mkdirSync } from 'node:fs'
import { PGlite } from '@electric-sql/pglite'
import { Kysely, PostgresDialect } from 'kysely'
import pg from 'pg'
import { lockDataDir } from './data-dir-lock.ts'
import { PGliteDialect } from './pglite-dialect.ts'
import type { DB } from './schema.ts'

export type DbKind = 'pglite' | 'postgres'

export interface Database {
  db: Kysely<DB>
  kind: DbKind
  close(): Promise<void>
}

// int8 (counts, bigserial) as JS numbers on both drivers; values stay far below 2^53.
pg.types.setTypeParser(20, (value) => Number(value))

export interface OpenOptions {
  databaseUrl?: string | undefined
  /** PGlite directory; `memory://` keeps the database in memory. */
  dataDir?: string
  /** A PGlite data directory dump to start from (tests start from a migrated template). */
  template?: Blob
}

export async function openDatabase(options: OpenOptions): Promise<Database> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 10 })
    // An idle connection the server ends (a restart, an administrator) is dropped by the pool and
    // replaced on the next query; without a listener the error would crash the process.
    pool.on('error', (error) => {
      if (!pool.ending) process.emitWarning(`idle PostgreSQL connection lost: ${error.message}`)
    })
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) })
    return { db, kind: 'postgres', close: () => db.destroy() }
  }
  const dataDir = options.dataDir ?? 'memory://'
  let unlock = () => {}
  if (!dataDir.startsWith('memory://')) {
    mkdirSync(dataDir, { recursive: true })
    unlock = lockDataDir(dataDir)
  }
  try {
    const pglite = await PGlite.create(dataDir, {
      parsers: { 20: (value: string) => Number(value) },
      ...(options.template ? { loadDataDir: options.template } : {}),
    })
    const db = new Kysely<DB>({ dialect: new PGliteDialect(pglite) })
    return {
      db,
      kind: 'pglite',
      async close() {
        await db.destroy()
        await pglite.close()
        unlock()
      },
    }
  } catch (error) {
    unlock()
    throw error
  }
}
