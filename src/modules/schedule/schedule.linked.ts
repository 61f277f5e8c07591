/**
 * The push seam: other modules keep their dated records (campaign periods, review deadlines,
 * survey periods, report meetings) on the chart by calling these inside their own transaction.
 * The caller has already authorised its actor; the task is read-only on the chart and links
 * back to its source.
 */
import { sql } from 'kysely'
import { z } from 'zod'
import type { Db } from '../../db/schema.ts'
import { parseInput } from '../../http/validation.ts'
import type { LinkedTaskInput } from './schedule.types.ts'

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/)

const linkedTaskSchema = z
  .object({
    source: z.string().min(1).max(100),
    sourceId: z.string().min(1).max(100),
    workstream: z.string().min(1).max(8),
    title: z.string().trim().min(1).max(200),
    startsOn: isoDate,
    endsOn: isoDate,
    milestone: z.boolean().optional().default(false),
    ownerUnitId: z.uuid().nullable().optional().default(null),
    href: z.string().startsWith('/').max(500).nullable().optional().default(null),
    progress: z.number().int().min(0).max(100).optional(),
  })
  .refine((v) => v.endsOn >= v.startsOn, {
    path: ['endsOn'],
    message: 'schedule.errors.endsBeforeStart',
  })

/**
 * Creates or updates the chart's task for (source, sourceId) and returns its id; or returns
 * null when the organisation has not set up that workstream, since a schedule is optional.
 * Nothing is written when the task already says the same.
 */
export async function upsertLinkedTask(trx: Db, task: LinkedTaskInput): Promise<string | null> {
  const input = parseInput(linkedTaskSchema, task)
  const stream = await trx
    .selectFrom('schedule_workstreams')
    .select('code')
    .where('code', '=', input.workstream)
    .executeTakeFirst()
  if (!stream) return null
  const values = {
    workstream_code: input.workstream,
    title: input.title,
    starts_on: input.startsOn,
    ends_on: input.endsOn,
    milestone: input.milestone,
    owner_unit_id: input.ownerUnitId,
    href: input.href,
    ...(input.progress === undefined ? {} : { progress: input.progress }),
  }
  const existing = await trx
    .selectFrom('schedule_tasks')
    .select([
      'id',
      'workstream_code',
      'title',
      sql<string>`starts_on::text`.as('starts_on'),
      sql<string>`ends_on::text`.as('ends_on'),
      'milestone',
      'owner_unit_id',
      'href',
      'progress',
    ])
    .where('source', '=', input.source)
    .where('source_id', '=', input.sourceId)
    .executeTakeFirst()
  if (
    existing &&
    Object.entries(values).every(([k, v]) => existing[k as keyof typeof existing] === v)
  )
    return existing.id
  if (existing) {
    await trx
      .updateTable('schedule_tasks')
      .set({ ...values, version: sql<number>`version + 1`, updated_at: new Date() })
      .where('id', '=', existing.id)
      .execute()
    return existing.id
  }
  const row = await trx
    .insertInto('schedule_tasks')
    .values({ ...values, source: input.source, source_id: input.sourceId, sort_order: 1000 })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

export async function removeLinkedTask(trx: Db, source: string, sourceId: string): Promise<void> {
  await trx
    .deleteFrom('schedule_tasks')
    .where('source', '=', source)
    .where('source_id', '=', sourceId)
    .execute()
}
