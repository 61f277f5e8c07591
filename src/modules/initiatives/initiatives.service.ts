import { sql } from 'kysely'
import { recordAudit } from '../../audit/audit.ts'
import type { Actor } from '../../auth/actor.ts'
import { authorize } from '../../auth/authorize.ts'
import type { Db } from '../../db/schema.ts'
import { withTransaction } from '../../db/transaction.ts'
import { conflict, forbidden, notFound } from '../../http/errors.ts'
import { canEditForUnit, canGiveFeedback, canViewInitiatives } from './initiatives.policy.ts'
import { selectInitiatives } from './initiatives.queries.ts'
import type { FeedbackInput, InitiativeUpdate, MidtermCheckInput } from './initiatives.schemas.ts'
import type { Initiative } from './initiatives.types.ts'

export async function listInitiatives(
  db: Db,
  actor: Actor | null,
  filter: { fiscalYear?: number; unitId?: string } = {},
): Promise<Initiative[]> {
  authorize(actor, canViewInitiatives)
  return selectInitiatives(db, filter)
}

export async function fiscalYears(db: Db): Promise<number[]> {
  const rows = await db
    .selectFrom('initiatives')
    .select('fiscal_year')
    .distinct()
    .orderBy('fiscal_year', 'desc')
    .execute()
  return rows.map((r) => r.fiscal_year)
}

export async function getInitiative(db: Db, actor: Actor | null, id: string) {
  authorize(actor, canViewInitiatives)
  const [initiative] = await selectInitiatives(db, { id })
  if (!initiative) throw notFound()
  return {
    initiative,
    canEdit: canEditForUnit(actor, initiative.unitPath),
    canGiveFeedback: canGiveFeedback(actor) && initiative.hqOutcome !== null,
  }
}

async function initiativeFor(trx: Db, actor: Actor, id: string): Promise<Initiative> {
  const [initiative] = await selectInitiatives(trx, { id })
  if (!initiative) throw notFound()
  if (!canEditForUnit(actor, initiative.unitPath)) throw forbidden()
  return initiative
}

/** The office's goal and measure, and at the year's end its summary and next year's plan. */
export async function updateInitiative(
  db: Db,
  actor: Actor | null,
  id: string,
  input: InitiativeUpdate,
) {
  authorize(actor, canViewInitiatives)
  return withTransaction(db, async (trx) => {
    await initiativeFor(trx, actor, id)
    const row = await trx
      .updateTable('initiatives')
      .set({
        goal: input.goal,
        indicator: input.indicator,
        target_value: input.targetValue,
        actual_value: input.actualValue,
        year_end_summary: input.yearEndSummary,
        next_year_plan: input.nextYearPlan,
        version: sql<number>`version + 1`,
        updated_at: new Date(),
      })
      .where('id', '=', id)
      .where('version', '=', input.version)
      .returning('id')
      .executeTakeFirst()
    if (!row) throw conflict()
    await recordAudit(trx, {
      actorId: actor.userId,
      action: 'initiative.update',
      entity: 'initiative',
      entityId: id,
      data: { ...input },
    })
  })
}

/** 中間点検: filed once by the office, then revised on the version it was read at. */
export async function fileMidtermCheck(
  db: Db,
  actor: Actor | null,
  id: string,
  input: MidtermCheckInput,
) {
  authorize(actor, canViewInitiatives)
  return withTransaction(db, async (trx) => {
    const initiative = await initiativeFor(trx, actor, id)
    const values = {
      status: input.status,
      progress_note: input.progressNote,
      young_staff_views: input.youngStaffViews,
      issues: input.issues,
      next_steps: input.nextSteps,
      filed_by: actor.userId,
      filed_at: new Date(),
    }
    if (!initiative.check) {
      if (input.version !== undefined) throw conflict()
      await trx
        .insertInto('initiative_midterm_checks')
        .values({ initiative_id: id, ...values })
        .execute()
    } else {
      const row = await trx
        .updateTable('initiative_midterm_checks')
        .set({ ...values, version: sql<number>`version + 1` })
        .where('initiative_id', '=', id)
        .where('version', '=', input.version ?? 0)
        .returning('initiative_id')
        .executeTakeFirst()
      if (!row) throw conflict()
    }
    await recordAudit(trx, {
      actorId: actor.userId,
      action: 'initiative.midterm.filed',
      entity: 'initiative',
      entityId: id,
      data: { title: initiative.title, status: input.status },
    })
  })
}

/** HQ's word to one office, shown on the initiative's page. */
export async function writeFeedback(db: Db, actor: Actor | null, id: string, input: FeedbackInput) {
  authorize(actor, canGiveFeedback)
  return withTransaction(db, async (trx) => {
    const row = await trx
      .updateTable('initiatives')
      .set({
        hq_feedback: input.feedback,
        hq_feedback_at: new Date(),
        version: sql<number>`version + 1`,
        updated_at: new Date(),
      })
      .where('id', '=', id)
      .where('version', '=', input.version)
      .returning('id')
      .executeTakeFirst()
    if (!row) {
      const [exists] = await selectInitiatives(trx, { id })
      throw exists ? conflict() : notFound()
    }
    await recordAudit(trx, {
      actorId: actor.userId,
      action: 'initiative.feedback',
      entity: 'initiative',
      entityId: id,
      data: { feedback: input.feedback },
    })
  })
}
