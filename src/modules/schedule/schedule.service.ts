import { sql } from 'kysely'
import { recordAudit } from '../../audit/audit.ts'
import type { Actor } from '../../auth/actor.ts'
import { authorize } from '../../auth/authorize.ts'
import type { Db } from '../../db/schema.ts'
import { withTransaction } from '../../db/transaction.ts'
import { conflict, forbidden, invalidField, notFound } from '../../http/errors.ts'
import { todayInTokyo } from './jun.ts'
import { canEditTask, canPlanSchedule, canViewSchedule } from './schedule.policy.ts'
import {
  selectDependencyEdges,
  selectTasks,
  selectUnitPath,
  selectWorkstreams,
} from './schedule.queries.ts'
import type { ProgressUpdate, ScheduleFilter, TaskInput, TaskUpdate } from './schedule.schemas.ts'
import type { ScheduleTask, Workstream } from './schedule.types.ts'

export interface ScheduleView {
  workstreams: Workstream[]
  tasks: ScheduleTask[]
  today: string
  /** The fiscal year (April–March) the chart shows. */
  fiscalYear: number
  canPlan: boolean
}

/** The fiscal year (April–March) an ISO date falls in. */
export function fiscalYearOfIso(date: string): number {
  const [year, month] = date.split('-').map(Number) as [number, number]
  return month >= 4 ? year : year - 1
}

export async function getSchedule(
  db: Db,
  actor: Actor | null,
  filter: Partial<ScheduleFilter> = {},
  today = todayInTokyo(),
): Promise<ScheduleView> {
  authorize(actor, canViewSchedule)
  const fiscalYear = filter.year ?? fiscalYearOfIso(today)
  return {
    workstreams: await selectWorkstreams(db),
    tasks: await selectTasks(db, today, {
      workstream: filter.workstream,
      unitId: filter.unit,
      within: [`${fiscalYear}-04-01`, `${fiscalYear + 1}-03-31`],
    }),
    today,
    fiscalYear,
    canPlan: canPlanSchedule(actor),
  }
}

export async function getTask(
  db: Db,
  actor: Actor | null,
  id: string,
): Promise<{ task: ScheduleTask; canEdit: boolean; canPlan: boolean }> {
  authorize(actor, canViewSchedule)
  const [task] = await selectTasks(db, todayInTokyo(), { id })
  if (!task) throw notFound()
  const editable = !task.source && canEditTask(actor, await selectUnitPath(db, task.ownerUnitId))
  return { task, canEdit: editable, canPlan: !task.source && canPlanSchedule(actor) }
}

/** Would `taskId` depending on `dependsOn` close a loop? Walks the graph from each dependency. */
function closesCycle(
  edges: { task_id: string; depends_on_id: string }[],
  taskId: string,
  dependsOn: string[],
): boolean {
  const next = new Map<string, string[]>()
  for (const e of edges) {
    if (e.task_id === taskId) continue
    next.set(e.task_id, [...(next.get(e.task_id) ?? []), e.depends_on_id])
  }
  const seen = new Set<string>()
  const stack = [...dependsOn]
  while (stack.length) {
    const id = stack.pop()!
    if (id === taskId) return true
    if (seen.has(id)) continue
    seen.add(id)
    stack.push(...(next.get(id) ?? []))
  }
  return false
}

async function checkReferences(trx: Db, input: TaskInput, taskId: string | null) {
  const stream = await trx
    .selectFrom('schedule_workstreams')
    .select('code')
    .where('code', '=', input.workstreamCode)
    .executeTakeFirst()
  if (!stream) throw invalidField('workstreamCode', 'validation.choice')
  if (input.ownerUnitId && !(await selectUnitPath(trx, input.ownerUnitId)))
    throw invalidField('ownerUnitId', 'validation.choice')
  if (input.dependsOn.length) {
    const found = await trx
      .selectFrom('schedule_tasks')
      .select('id')
      .where('id', 'in', input.dependsOn)
      .execute()
    if (found.length !== input.dependsOn.length)
      throw invalidField('dependsOn', 'validation.choice')
    if (taskId && input.dependsOn.includes(taskId))
      throw invalidField('dependsOn', 'schedule.errors.cycle')
    if (taskId && closesCycle(await selectDependencyEdges(trx), taskId, input.dependsOn))
      throw invalidField('dependsOn', 'schedule.errors.cycle')
  }
}

async function writeDependencies(trx: Db, taskId: string, dependsOn: string[]) {
  await trx.deleteFrom('schedule_task_dependencies').where('task_id', '=', taskId).execute()
  if (dependsOn.length)
    await trx
      .insertInto('schedule_task_dependencies')
      .values(dependsOn.map((d) => ({ task_id: taskId, depends_on_id: d })))
      .execute()
}

/** A milestone that reaches 100 % is news: the newsletter proposes it. */
async function recordMilestone(trx: Db, actor: Actor | null, task: ScheduleTask) {
  await recordAudit(trx, {
    actorId: actor?.userId ?? null,
    action: 'schedule.milestone.reached',
    entity: 'schedule_task',
    entityId: task.id,
    data: { title: task.title, href: `/schedule/tasks/${task.id}` },
  })
}

export async function createTask(
  db: Db,
  actor: Actor | null,
  input: TaskInput,
): Promise<ScheduleTask> {
  authorize(actor, canPlanSchedule)
  return withTransaction(db, async (trx) => {
    await checkReferences(trx, input, null)
    const row = await trx
      .insertInto('schedule_tasks')
      .values({
        workstream_code: input.workstreamCode,
        theme: input.theme,
        title: input.title,
        starts_on: input.startsOn,
        ends_on: input.endsOn,
        milestone: input.milestone,
        owner_unit_id: input.ownerUnitId,
        progress: input.progress,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await writeDependencies(trx, row.id, input.dependsOn)
    await recordAudit(trx, {
      actorId: actor.userId,
      action: 'schedule.task.create',
      entity: 'schedule_task',
      entityId: row.id,
      data: { ...input },
    })
    const [task] = await selectTasks(trx, todayInTokyo(), { id: row.id })
    if (task!.milestone && task!.progress === 100) await recordMilestone(trx, actor, task!)
    return task!
  })
}

async function lockedTask(trx: Db, id: string): Promise<ScheduleTask> {
  const [task] = await selectTasks(trx, todayInTokyo(), { id })
  if (!task) throw notFound()
  // Tasks of other modules follow their source; they are changed there, not here.
  if (task.source) throw forbidden()
  return task
}

export async function updateTask(
  db: Db,
  actor: Actor | null,
  id: string,
  input: TaskUpdate,
): Promise<ScheduleTask> {
  authorize(actor, canPlanSchedule)
  return withTransaction(db, async (trx) => {
    const before = await lockedTask(trx, id)
    await checkReferences(trx, input, id)
    const row = await trx
      .updateTable('schedule_tasks')
      .set({
        workstream_code: input.workstreamCode,
        theme: input.theme,
        title: input.title,
        starts_on: input.startsOn,
        ends_on: input.endsOn,
        milestone: input.milestone,
        owner_unit_id: input.ownerUnitId,
        progress: input.progress,
        version: sql<number>`version + 1`,
        updated_at: new Date(),
      })
      .where('id', '=', id)
      .where('version', '=', input.version)
      .returning('id')
      .executeTakeFirst()
    if (!row) throw conflict()
    await writeDependencies(trx, id, input.dependsOn)
    await recordAudit(trx, {
      actorId: actor.userId,
      action: 'schedule.task.update',
      entity: 'schedule_task',
      entityId: id,
      data: { ...input },
    })
    const [task] = await selectTasks(trx, todayInTokyo(), { id })
    if (task!.milestone && task!.progress === 100 && before.progress < 100)
      await recordMilestone(trx, actor, task!)
    return task!
  })
}

/** The owner's own update: how far the task has got. */
export async function reportProgress(
  db: Db,
  actor: Actor | null,
  id: string,
  input: ProgressUpdate,
): Promise<ScheduleTask> {
  authorize(actor, canViewSchedule)
  return withTransaction(db, async (trx) => {
    const before = await lockedTask(trx, id)
    if (!canEditTask(actor, await selectUnitPath(trx, before.ownerUnitId))) throw forbidden()
    const row = await trx
      .updateTable('schedule_tasks')
      .set({ progress: input.progress, version: sql<number>`version + 1`, updated_at: new Date() })
      .where('id', '=', id)
      .where('version', '=', input.version)
      .returning('id')
      .executeTakeFirst()
    if (!row) throw conflict()
    await recordAudit(trx, {
      actorId: actor.userId,
      action: 'schedule.task.progress',
      entity: 'schedule_task',
      entityId: id,
      data: { progress: input.progress },
    })
    const [task] = await selectTasks(trx, todayInTokyo(), { id })
    if (task!.milestone && task!.progress === 100 && before.progress < 100)
      await recordMilestone(trx, actor, task!)
    return task!
  })
}
