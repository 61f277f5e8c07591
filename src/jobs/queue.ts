import type { Selectable } from 'kysely'
import { sql } from 'kysely'
import type { JobStatus, JobsTable } from '../db/platform.tables.ts'
import type { Db } from '../db/schema.ts'

export interface Job {
  id: string
  kind: string
  payload: unknown
  status: JobStatus
  progress: number
  total: number | null
  checkpoint: unknown
  result: unknown
  error: string | null
  attempts: number
  createdBy: string | null
  createdAt: Date
  updatedAt: Date
}

export const MAX_ATTEMPTS = 3

function toJob(row: Selectable<JobsTable>): Job {
  return {
    id: row.id,
    kind: row.kind,
    payload: row.payload,
    status: row.status,
    progress: row.progress,
    total: row.total,
    checkpoint: row.checkpoint,
    result: row.result,
    error: row.error,
    attempts: row.attempts,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }
}

export async function enqueueJob(
  db: Db,
  kind: string,
  payload: unknown,
  createdBy: string | null = null,
): Promise<string> {
  const row = await db
    .insertInto('jobs')
    .values({ kind, payload: JSON.stringify(payload ?? {}), created_by: createdBy })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

export async function findJob(db: Db, id: string): Promise<Job | undefined> {
  const row = await db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst()
  return row && toJob(row)
}

/**
 * Takes the oldest queued job of the given kinds for this worker; SKIP LOCKED lets workers
 * share a queue. A job that failed before waits `retryDelaySeconds × 2^(attempts−1)` after
 * its last attempt (recorded in heartbeat_at), so that a mail server that is down gets time
 * to come back.
 */
export async function claimJob(
  db: Db,
  workerId: string,
  kinds: string[],
  retryDelaySeconds = 0,
): Promise<Job | undefined> {
  if (kinds.length === 0) return undefined
  const row = await db
    .updateTable('jobs')
    .set({
      status: 'running',
      locked_by: workerId,
      heartbeat_at: sql<Date>`now()` as unknown as Date,
      attempts: sql<number>`attempts + 1`,
      updated_at: sql<Date>`now()` as unknown as Date,
    })
    .where(
      'id',
      '=',
      db
        .selectFrom('jobs')
        .select('id')
        .where('status', '=', 'queued')
        .where('kind', 'in', kinds)
        .where((eb) =>
          eb.or([
            eb('attempts', '=', 0),
            // Jobs orphaned by a crash have no heartbeat left and resume at once.
            eb('heartbeat_at', 'is', null),
            eb(
              'heartbeat_at',
              '<=',
              sql<Date>`now() - make_interval(secs => ${retryDelaySeconds}::float8 * power(2, attempts - 1))`,
            ),
          ]),
        )
        .orderBy('created_at')
        .limit(1)
        .forUpdate()
        .skipLocked(),
    )
    .returningAll()
    .executeTakeFirst()
  return row && toJob(row)
}

/** Records progress and, if given, a checkpoint from which a restarted worker resumes. */
export async function reportProgress(
  db: Db,
  id: string,
  progress: number,
  total: number | null,
  checkpoint?: unknown,
): Promise<void> {
  await db
    .updateTable('jobs')
    .set({
      progress,
      total,
      heartbeat_at: sql<Date>`now()` as unknown as Date,
      updated_at: sql<Date>`now()` as unknown as Date,
      ...(checkpoint === undefined ? {} : { checkpoint: JSON.stringify(checkpoint) }),
    })
    .where('id', '=', id)
    .execute()
}

/** Keeps a running job's heartbeat fresh, so that no other worker takes it for orphaned. */
export async function touchJob(db: Db, id: string, lockedBy: string): Promise<void> {
  await db
    .updateTable('jobs')
    .set({ heartbeat_at: sql<Date>`now()` as unknown as Date })
    .where('id', '=', id)
    .where('status', '=', 'running')
    .where('locked_by', '=', lockedBy)
    .execute()
}

/**
 * The ends of an attempt. Only the worker that holds the job (`lockedBy`) may end it: a
 * worker that was taken for dead and wakes up again cannot overwrite its successor's work.
 */
export async function completeJob(
  db: Db,
  id: string,
  result: unknown,
  lockedBy: string,
): Promise<void> {
  await db
    .updateTable('jobs')
    .set({
      status: 'done',
      result: JSON.stringify(result ?? null),
      locked_by: null,
      updated_at: sql<Date>`now()` as unknown as Date,
    })
    .where('id', '=', id)
    .where('locked_by', '=', lockedBy)
    .execute()
}

/** A failed attempt goes back to the queue until MAX_ATTEMPTS, then stays failed with its error. */
export async function failJob(db: Db, id: string, error: string, lockedBy: string): Promise<void> {
  await db
    .updateTable('jobs')
    .set({
      status: sql<JobStatus>`case when attempts >= ${MAX_ATTEMPTS} then 'failed' else 'queued' end`,
      error,
      locked_by: null,
      // When the attempt ended: the retry delay counts from here.
      heartbeat_at: sql<Date>`now()` as unknown as Date,
      updated_at: sql<Date>`now()` as unknown as Date,
    })
    .where('id', '=', id)
    .where('locked_by', '=', lockedBy)
    .execute()
}

/**
 * Jobs left `running` by a process that died (no heartbeat for `staleSeconds`) are queued
 * again; their checkpoint lets them resume where they were.
 */
export async function requeueStaleJobs(db: Db, staleSeconds: number): Promise<number> {
  const result = await db
    .updateTable('jobs')
    .set({ status: 'queued', locked_by: null, heartbeat_at: null })
    .where('status', '=', 'running')
    .where((eb) =>
      eb.or([
        eb('heartbeat_at', 'is', null),
        eb('heartbeat_at', '<', sql<Date>`now() - make_interval(secs => ${staleSeconds})`),
      ]),
    )
    .executeTakeFirst()
  return Number(result.numUpdatedRows)
}
