import { createReadStream, createWriteStream } from 'node:fs'
import { createInterface } from 'node:readline'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { createGunzip, createGzip } from 'node:zlib'
import { type Kysely, sql } from 'kysely'
import type { DB } from './schema.ts'
import { withTransaction } from './transaction.ts'

const FORMAT = 'kaikaku-backup/1'
const BATCH = 500

async function applicationTables(db: Kysely<DB>): Promise<string[]> {
  const result = await sql<{ table_name: string }>`
    select table_name from information_schema.tables
    where table_schema = 'public' and table_type = 'BASE TABLE'
      and table_name not like 'kysely_%'
    order by table_name`.execute(db)
  return result.rows.map((r) => r.table_name)
}

async function migrationNames(db: Kysely<DB>): Promise<string[]> {
  const result = await sql<{
    name: string
  }>`select name from kysely_migration order by name`.execute(db)
  return result.rows.map((r) => r.name)
}

/**
 * Writes every application table as gzipped JSON lines: a header, then per table its name
 * and its rows as PostgreSQL's own row_to_json renders them, which json_populate_record
 * reads back type for type. The format is the same for PGlite and PostgreSQL, so a backup of
 * the embedded database restores onto a server and back.
 */
export async function backupDatabase(
  db: Kysely<DB>,
  file: string,
): Promise<{ tables: number; rows: number }> {
  // One read-only snapshot for every table and page: a server writing meanwhile (PostgreSQL)
  // neither tears the backup between tables nor shifts rows across the offset pages.
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (trx) => {
      await sql`set transaction read only`.execute(trx)
      let rows = 0
      const tables = await applicationTables(trx)
      const migrations = await migrationNames(trx)
      async function* lines() {
        yield `${JSON.stringify({ format: FORMAT, createdAt: new Date().toISOString(), migrations })}\n`
        for (const table of tables) {
          yield `${JSON.stringify({ table })}\n`
          let offset = 0
          for (;;) {
            const batch = await sql<{ row: string }>`
              select row_to_json(t)::text as row from ${sql.table(table)} t
              order by 1 limit ${BATCH} offset ${offset}`.execute(trx)
            for (const r of batch.rows) yield `${r.row}\n`
            rows += batch.rows.length
            offset += BATCH
            if (batch.rows.length < BATCH) break
          }
        }
      }
      await pipeline(Readable.from(lines()), createGzip(), createWriteStream(file))
      return { tables: tables.length, rows }
    })
}

export class BackupMismatchError extends Error {}

/**
 * Replaces all application data with the backup's, in one transaction: if any row fails,
 * the database is left as it was. The schema must be at the backup's migration.
 */
export async function restoreDatabase(
  db: Kysely<DB>,
  file: string,
): Promise<{ tables: number; rows: number }> {
  const input = createInterface({
    input: createReadStream(file).pipe(createGunzip()),
    crlfDelay: Infinity,
  })
  const iterator = input[Symbol.asyncIterator]()
  const first = await iterator.next()
  const header = first.done
    ? null
    : (JSON.parse(first.value) as { format?: string; migrations?: string[] })
  if (header?.format !== FORMAT) throw new BackupMismatchError(`${file} is not a Kaikaku backup`)
  const current = await migrationNames(db)
  if (JSON.stringify(current) !== JSON.stringify(header.migrations)) {
    throw new BackupMismatchError('the backup was taken at another schema version; migrate first')
  }
  const known = new Set(await applicationTables(db))
  let rows = 0
  let tables = 0
  await withTransaction(db, async (trx) => {
    await sql`set constraints all deferred`.execute(trx)
    await sql
      .raw(`truncate ${[...known].map((t) => `"${t}"`).join(', ')} restart identity cascade`)
      .execute(trx)
    let table: string | null = null
    let batch: string[] = []
    const flush = async () => {
      if (!table || batch.length === 0) return
      await sql`insert into ${sql.table(table)}
        select * from json_populate_recordset(null::${sql.table(table)}, ${`[${batch.join(',')}]`}::json)`.execute(
        trx,
      )
      rows += batch.length
      batch = []
    }
    for (;;) {
      const next = await iterator.next()
      if (next.done) break
      const line = next.value
      if (!line) continue
      if (line.startsWith('{"table":')) {
        await flush()
        table = (JSON.parse(line) as { table: string }).table
        if (!known.has(table)) throw new BackupMismatchError(`unknown table ${table}`)
        tables++
        continue
      }
      batch.push(line)
      if (batch.length >= BATCH) await flush()
    }
    await flush()
    // Sequences follow the restored rows, so new inserts do not collide.
    const sequences = await sql<{ table_name: string; column_name: string }>`
      select table_name, column_name from information_schema.columns
      where table_schema = 'public' and column_default like 'nextval(%'`.execute(trx)
    for (const s of sequences.rows) {
      await sql`select setval(pg_get_serial_sequence(${s.table_name}, ${s.column_name}),
        coalesce((select max(${sql.ref(s.column_name)}) from ${sql.table(s.table_name)}), 0) + 1, false)`.execute(
        trx,
      )
    }
  })
  return { tables, rows }
}
