import { recordAudit } from '../../audit/audit.ts'
import type { Actor } from '../../auth/actor.ts'
import { authorize } from '../../auth/authorize.ts'
import type { Db } from '../../db/schema.ts'
import { withTransaction } from '../../db/transaction.ts'
import { forbidden, invalidField, notFound } from '../../http/errors.ts'
import { canCoordinate, canEditForUnit, canViewInitiatives } from './initiatives.policy.ts'
import { selectUnit } from './initiatives.queries.ts'
import type { WlbFigureInput, WlbTargetInput } from './initiatives.schemas.ts'
import type { WlbView } from './initiatives.types.ts'

const monthsOf = (fiscalYear: number) => [`${fiscalYear}-04-01`, `${fiscalYear + 1}-03-31`]

/** A unit's monthly work–life balance figures for a fiscal year, and its targets. */
export async function getWlb(
  db: Db,
  actor: Actor | null,
  unitId: string,
  fiscalYear: number,
): Promise<WlbView> {
  authorize(actor, canViewInitiatives)
  const unit = await selectUnit(db, unitId)
  if (!unit) throw notFound()
  const [from, to] = monthsOf(fiscalYear)
  const figures = await db
    .selectFrom('initiative_wlb_figures')
    .select(['month', 'overtime_hours', 'leave_days'])
    .select((eb) => eb.cast<string>('month', 'text').as('month_text'))
    .where('unit_id', '=', unitId)
    .where('month', '>=', from!)
    .where('month', '<=', to!)
    .orderBy('month')
    .execute()
  const target = await db
    .selectFrom('initiative_wlb_targets')
    .select(['overtime_hours', 'leave_days'])
    .where('unit_id', '=', unitId)
    .where('fiscal_year', '=', fiscalYear)
    .executeTakeFirst()
  return {
    unit: { id: unit.id, name: unit.name, path: unit.path },
    fiscalYear,
    figures: figures.map((f) => ({
      month: f.month_text,
      overtimeHours: f.overtime_hours,
      leaveDays: f.leave_days,
    })),
    target: target ? { overtimeHours: target.overtime_hours, leaveDays: target.leave_days } : null,
    canEnter: canEditForUnit(actor, unit.path),
    canSetTarget: canEditForUnit(actor, unit.path) || canCoordinate(actor),
  }
}

/** One month's figures, entered once: a month already entered is refused (400). */
export async function enterWlbFigures(
  db: Db,
  actor: Actor | null,
  unitId: string,
  input: WlbFigureInput,
) {
  authorize(actor, canViewInitiatives)
  return withTransaction(db, async (trx) => {
    const unit = await selectUnit(trx, unitId)
    if (!unit) throw notFound()
    if (!canEditForUnit(actor, unit.path)) throw forbidden()
    const month = `${input.month}-01`
    const existing = await trx
      .selectFrom('initiative_wlb_figures')
      .select('unit_id')
      .where('unit_id', '=', unitId)
      .where('month', '=', month)
      .executeTakeFirst()
    if (existing) throw invalidField('month', 'initiatives.errors.duplicateMonth')
    await trx
      .insertInto('initiative_wlb_figures')
      .values({
        unit_id: unitId,
        month,
        overtime_hours: input.overtimeHours,
        leave_days: input.leaveDays,
        entered_by: actor.userId,
      })
      .execute()
    await recordAudit(trx, {
      actorId: actor.userId,
      action: 'initiative.wlb.enter',
      entity: 'unit',
      entityId: unitId,
      data: { ...input },
    })
  })
}

export async function setWlbTarget(
  db: Db,
  actor: Actor | null,
  unitId: string,
  input: WlbTargetInput,
) {
  authorize(actor, canViewInitiatives)
  return withTransaction(db, async (trx) => {
    const unit = await selectUnit(trx, unitId)
    if (!unit) throw notFound()
    if (!canEditForUnit(actor, unit.path) && !canCoordinate(actor)) throw forbidden()
    await trx
      .insertInto('initiative_wlb_targets')
      .values({
        unit_id: unitId,
        fiscal_year: input.fiscalYear,
        overtime_hours: input.overtimeHours,
        leave_days: input.leaveDays,
      })
      .onConflict((oc) =>
        oc
          .columns(['unit_id', 'fiscal_year'])
          .doUpdateSet({ overtime_hours: input.overtimeHours, leave_days: input.leaveDays }),
      )
      .execute()
    await recordAudit(trx, {
      actorId: actor.userId,
      action: 'initiative.wlb.target',
      entity: 'unit',
      entityId: unitId,
      data: { ...input },
    })
  })
}
