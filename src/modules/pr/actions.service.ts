/**
 * Improvement actions (改善策): what a finding of the matrix becomes — merge, stop, start or
 * change channel — with an owner unit, a due date and a status, kept on the overall schedule
 * (workstream ②) in the same transaction.
 */
import { sql } from 'kysely'
import { recordAudit } from '../../audit/audit.ts'
import type { Actor } from '../../auth/actor.ts'
import { authorize } from '../../auth/authorize.ts'
import type { Db } from '../../db/schema.ts'
import { withTransaction } from '../../db/transaction.ts'
import { conflict, forbidden, invalidField, notFound } from '../../http/errors.ts'
import { translator } from '../../i18n/index.ts'
import { removeLinkedTask, todayInTokyo, upsertLinkedTask } from '../schedule/index.ts'
import { programCatalogue, unitDirectory } from './pr.lookups.ts'
import { canCreateAction, canEditAction, canViewPr } from './pr.policy.ts'
import type { ActionInput, ActionUpdate } from './pr.schemas.ts'
import type { ActionStatus, ImprovementAction } from './pr.types.ts'

export const ACTION_SOURCE = 'pr.action'
export const PR_WORKSTREAM = '②'
const PROGRESS: Record<ActionStatus, number> = {
  planned: 0,
  in_progress: 50,
  done: 100,
  dropped: 0,
}

function actionBase(db: Db) {
  return db
    .selectFrom('pr_actions as x')
    .innerJoin('units as u', 'u.id', 'x.owner_unit_id')
    .leftJoin('pr_audiences as a', 'a.id', 'x.audience_id')
    .selectAll('x')
    .select([
      'u.name as owner_unit_name',
      'u.path as owner_unit_path',
      'a.name as audience_name',
      sql<string>`to_char(x.due_on, 'YYYY-MM-DD')`.as('due_text'),
    ])
}

type ActionRow = Awaited<ReturnType<ReturnType<typeof actionBase>['execute']>>[number]

function toAction(r: ActionRow, programNames: Map<string, string>): ImprovementAction {
  return {
    id: r.id,
    kind: r.kind,
    title: r.title,
    finding: r.finding,
    programId: r.program_id,
    programName: r.program_id ? (programNames.get(r.program_id) ?? null) : null,
    audienceId: r.audience_id,
    audienceName: r.audience_name,
    ownerUnitId: r.owner_unit_id,
    ownerUnitName: r.owner_unit_name,
    dueOn: r.due_text,
    status: r.status,
    version: r.version,
    updatedAt: r.updated_at,
  }
}

async function programNames(db: Db, actor: Actor) {
  const { programs } = await programCatalogue(db, actor)
  return new Map(programs.map((p) => [p.id, p.name]))
}

export async function listActions(db: Db, actor: Actor | null): Promise<ImprovementAction[]> {
  authorize(actor, canViewPr)
  const rows = await actionBase(db).orderBy('x.due_on').orderBy('x.created_at').execute()
  const names = await programNames(db, actor)
  return rows.map((r) => toAction(r, names))
}

export async function getAction(db: Db, actor: Actor | null, id: string) {
  authorize(actor, canViewPr)
  const row = await actionBase(db).where('x.id', '=', id).executeTakeFirst()
  if (!row) throw notFound()
  return {
    action: toAction(row, await programNames(db, actor)),
    canEdit: canEditAction(actor, row.owner_unit_path),
  }
}

async function checkInput(trx: Db, actor: Actor, input: ActionInput) {
  const dir = await unitDirectory(trx, actor)
  const owner = dir.byId.get(input.ownerUnitId)
  if (!owner || !dir.owners.includes(owner)) throw invalidField('ownerUnitId', 'validation.choice')
  if (input.programId) {
    const { programs } = await programCatalogue(trx, actor)
    if (!programs.some((p) => p.id === input.programId))
      throw invalidField('programId', 'validation.choice')
  }
  if (input.audienceId) {
    const audience = await trx
      .selectFrom('pr_audiences')
      .select('id')
      .where('id', '=', input.audienceId)
      .executeTakeFirst()
    if (!audience) throw invalidField('audienceId', 'validation.choice')
  }
  return owner
}

/** Puts the action on the schedule, from the day it was agreed to its due date; dropped ones leave it. */
async function syncSchedule(trx: Db, id: string, input: ActionInput, startsOn: string) {
  if (input.status === 'dropped') return removeLinkedTask(trx, ACTION_SOURCE, id)
  const t = translator('ja')
  await upsertLinkedTask(trx, {
    source: ACTION_SOURCE,
    sourceId: id,
    workstream: PR_WORKSTREAM,
    title: `${t(`pr.actionKind.${input.kind}`)}: ${input.title}`,
    startsOn: startsOn <= input.dueOn ? startsOn : input.dueOn,
    endsOn: input.dueOn,
    ownerUnitId: input.ownerUnitId,
    href: `/pr/actions/${id}`,
    progress: PROGRESS[input.status],
  })
}

export async function insertAction(
  trx: Db,
  actorId: string | null,
  input: ActionInput,
  today = todayInTokyo(),
): Promise<string> {
  const row = await trx
    .insertInto('pr_actions')
    .values({
      kind: input.kind,
      title: input.title,
      finding: input.finding,
      program_id: input.programId,
      audience_id: input.audienceId,
      owner_unit_id: input.ownerUnitId,
      due_on: input.dueOn,
      status: input.status,
      created_by: actorId,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  await syncSchedule(trx, row.id, input, today)
  await recordAudit(trx, {
    actorId,
    action: 'pr.action.created',
    entity: 'pr_action',
    entityId: row.id,
    data: { ...input },
  })
  return row.id
}

export async function createAction(db: Db, actor: Actor | null, input: ActionInput) {
  authorize(actor, canCreateAction)
  return withTransaction(db, async (trx) => {
    await checkInput(trx, actor, input)
    return insertAction(trx, actor.userId, input)
  })
}

export async function updateAction(db: Db, actor: Actor | null, id: string, input: ActionUpdate) {
  authorize(actor, canViewPr)
  await withTransaction(db, async (trx) => {
    const current = await actionBase(trx).where('x.id', '=', id).executeTakeFirst()
    if (!current) throw notFound()
    if (!canEditAction(actor, current.owner_unit_path)) throw forbidden()
    const owner = await checkInput(trx, actor, input)
    if (!canEditAction(actor, owner.path)) throw forbidden()
    const row = await trx
      .updateTable('pr_actions')
      .set({
        kind: input.kind,
        title: input.title,
        finding: input.finding,
        program_id: input.programId,
        audience_id: input.audienceId,
        owner_unit_id: input.ownerUnitId,
        due_on: input.dueOn,
        status: input.status,
        version: sql<number>`version + 1`,
        updated_at: new Date(),
      })
      .where('id', '=', id)
      .where('version', '=', input.version)
      .returning('id')
      .executeTakeFirst()
    if (!row) throw conflict()
    await syncSchedule(trx, id, input, current.created_at.toISOString().slice(0, 10))
    await recordAudit(trx, {
      actorId: actor.userId,
      action: 'pr.action.updated',
      entity: 'pr_action',
      entityId: id,
      data: { ...input },
    })
  })
}
