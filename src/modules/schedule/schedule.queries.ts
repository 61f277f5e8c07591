import { sql } from 'kysely'
import type { Db } from '../../db/schema.ts'
import type { ScheduleTask, Workstream } from './schedule.types.ts'

export async function selectWorkstreams(db: Db): Promise<Workstream[]> {
  return db
    .selectFrom('schedule_workstreams')
    .select(['code', 'name'])
    .orderBy('sort_order')
    .orderBy('code')
    .execute()
}

/** Tasks in chart order, with their owners' names and what they depend on. */
export async function selectTasks(
  db: Db,
  today: string,
  filter: {
    workstream?: string | undefined
    unitId?: string | undefined
    id?: string
    /** Only tasks overlapping [from, to] (ISO dates). */
    within?: [string, string]
  } = {},
): Promise<ScheduleTask[]> {
  let query = db
    .selectFrom('schedule_tasks as t')
    .innerJoin('schedule_workstreams as w', 'w.code', 't.workstream_code')
    .leftJoin('units as u', 'u.id', 't.owner_unit_id')
    .select([
      't.id',
      't.workstream_code',
      't.theme',
      't.title',
      sql<string>`t.starts_on::text`.as('starts_on'),
      sql<string>`t.ends_on::text`.as('ends_on'),
      't.milestone',
      't.owner_unit_id',
      'u.name as owner_unit_name',
      't.progress',
      't.source',
      't.source_id',
      't.href',
      't.version',
    ])
    .orderBy('w.sort_order')
    .orderBy('t.sort_order')
    .orderBy('t.starts_on')
    .orderBy('t.title')
  if (filter.workstream) query = query.where('t.workstream_code', '=', filter.workstream)
  if (filter.unitId) query = query.where('t.owner_unit_id', '=', filter.unitId)
  if (filter.id) query = query.where('t.id', '=', filter.id)
  if (filter.within) {
    const [from, to] = filter.within
    query = query.where('t.starts_on', '<=', to).where('t.ends_on', '>=', from)
  }
  const rows = await query.execute()
  const ids = rows.map((r) => r.id)
  const deps = ids.length
    ? await db
        .selectFrom('schedule_task_dependencies')
        .select(['task_id', 'depends_on_id'])
        .where('task_id', 'in', ids)
        .execute()
    : []
  return rows.map((r) => ({
    id: r.id,
    workstreamCode: r.workstream_code,
    theme: r.theme,
    title: r.title,
    startsOn: r.starts_on,
    endsOn: r.ends_on,
    milestone: r.milestone,
    ownerUnitId: r.owner_unit_id,
    ownerUnitName: r.owner_unit_name,
    progress: r.progress,
    source: r.source,
    sourceId: r.source_id,
    href: r.href,
    version: r.version,
    dependsOn: deps.filter((d) => d.task_id === r.id).map((d) => d.depends_on_id),
    // A linked task's state is its source module's business: it is never flagged here.
    overdue: r.source === null && r.ends_on < today && r.progress < 100,
  }))
}

export async function selectDependencyEdges(db: Db) {
  return db.selectFrom('schedule_task_dependencies').select(['task_id', 'depends_on_id']).execute()
}

export async function selectUnitPath(db: Db, unitId: string | null): Promise<string | null> {
  if (!unitId) return null
  const row = await db
    .selectFrom('units')
    .select('path')
    .where('id', '=', unitId)
    .executeTakeFirst()
  return row?.path ?? null
}
