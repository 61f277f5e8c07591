import { sql } from 'kysely'
import type { Db } from '../db/schema.ts'

/** Bookkeeping that a request may change without being a write: sign-in and rate limits. */
const BOOKKEEPING = new Set([
  'sessions',
  'login_failures',
  'kysely_migration',
  'kysely_migration_lock',
])

/**
 * A cheap fingerprint of every table's content (row count and md5 of its rows), to show that a
 * refused request changed nothing. Compare two with `diffFingerprints`.
 */
export async function databaseFingerprint(db: Db): Promise<Map<string, string>> {
  const { rows: tables } = await sql<{ name: string }>`
    select tablename as name from pg_tables where schemaname = 'public' order by tablename`.execute(
    db,
  )
  const names = tables.map((t) => t.name).filter((name) => !BOOKKEEPING.has(name))
  const parts = names.map(
    (name) =>
      sql`select ${name} as name, count(*)::int || ':' || coalesce(md5(string_agg(md5(t::text), '' order by md5(t::text))), '') as print from ${sql.table(name)} t`,
  )
  const { rows } = await sql<{
    name: string
    print: string
  }>`${sql.join(parts, sql` union all `)}`.execute(db)
  return new Map(rows.map((r) => [r.name, r.print]))
}

/** The tables whose fingerprint differs. */
export function diffFingerprints(
  before: Map<string, string>,
  after: Map<string, string>,
): string[] {
  const names = new Set([...before.keys(), ...after.keys()])
  return [...names].filter((name) => before.get(name) !== after.get(name)).sort()
}

/**
 * The next transaction id: it moves only when some transaction wrote, so an unchanged watermark
 * proves nothing changed without hashing the tables (on PostgreSQL it is cluster-wide, so other
 * databases' writes move it too; then the fingerprint decides).
 */
export async function writeWatermark(db: Db): Promise<string> {
  const { rows } = await sql<{ x: string }>`
    select pg_snapshot_xmax(pg_current_snapshot())::text as x`.execute(db)
  return rows[0]!.x
}
