import { sql } from 'kysely'
import type { Logger } from 'pino'
import type { DbKind } from './client.ts'
import type { Db } from './schema.ts'

const SIX_HOURS = 6 * 3_600_000

/** Whether some table of the application has never been analysed (reltuples is -1 until then). */
export async function hasUnanalysedTables(db: Db): Promise<boolean> {
  const row = await sql<{ n: number }>`
    select count(*)::int as n from pg_class c join pg_namespace ns on ns.oid = c.relnamespace
    where ns.nspname = 'public' and c.relkind = 'r' and c.reltuples < 0`.execute(db)
  return (row.rows[0]?.n ?? 0) > 0
}

/**
 * PGlite runs no autovacuum, so without this the planner never has statistics: it guessed 8
 * rows for a reviewer queue of 379 and chose plans for empty tables at the metropolis scale.
 * On PGlite, ANALYZE runs before the server answers when a table has never been analysed, then
 * every six hours (a few seconds at the metropolis scale, during which queries wait). PostgreSQL's
 * autovacuum does this itself. Returns a function that stops the timer.
 */
export async function keepPlannerStatistics(
  db: Db,
  kind: DbKind,
  logger: Logger,
  everyMs = SIX_HOURS,
): Promise<() => void> {
  if (kind !== 'pglite') return () => {}
  const analyse = async () => {
    const started = performance.now()
    await sql`analyze`.execute(db)
    logger.info({ ms: Math.round(performance.now() - started) }, 'planner statistics refreshed')
  }
  if (await hasUnanalysedTables(db)) await analyse()
  const timer = setInterval(() => {
    analyse().catch((error) => logger.warn({ err: error }, 'analyze failed'))
  }, everyMs)
  timer.unref()
  return () => clearInterval(timer)
}
