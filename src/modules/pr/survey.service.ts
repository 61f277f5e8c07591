/**
 * The inventory survey (局内現状調査): the secretariat opens it for every department and office,
 * each unit lists its media and answers, the page shows who has and who has not, and reminders
 * go to those who have not (inbox and e-mail). The survey period is on the schedule (②).
 */
import { sql } from 'kysely'
import { recordAudit } from '../../audit/audit.ts'
import type { Actor } from '../../auth/actor.ts'
import { authorize } from '../../auth/authorize.ts'
import type { Db } from '../../db/schema.ts'
import { withTransaction } from '../../db/transaction.ts'
import { AppError, forbidden, notFound } from '../../http/errors.ts'
import { translator } from '../../i18n/index.ts'
import { notify } from '../../notifications/notify.ts'
import { upsertLinkedTask } from '../schedule/index.ts'
import { PR_WORKSTREAM } from './actions.service.ts'
import { type UnitDirectory, unitDirectory } from './pr.lookups.ts'
import { canEditMediaOf, canRunSurvey, canViewPr } from './pr.policy.ts'
import type { SurveyInput } from './pr.schemas.ts'
import type { Survey, SurveyUnit } from './pr.types.ts'

export const SURVEY_SOURCE = 'pr.survey'

const surveyClosed = () => new AppError('conflict', 'pr.errors.surveyClosed')

function surveyBase(db: Db) {
  return db
    .selectFrom('pr_surveys as s')
    .select([
      's.id',
      's.title',
      's.status',
      's.version',
      sql<string>`to_char(s.opens_on, 'YYYY-MM-DD')`.as('opens_text'),
      sql<string>`to_char(s.closes_on, 'YYYY-MM-DD')`.as('closes_text'),
      sql<number>`(select count(*) from pr_survey_units su where su.survey_id = s.id)`.as('units'),
      sql<number>`(select count(*) from pr_survey_units su where su.survey_id = s.id and su.answered_at is not null)`.as(
        'answered',
      ),
    ])
}

type SurveyRow = Awaited<ReturnType<ReturnType<typeof surveyBase>['execute']>>[number]
const toSurvey = (r: SurveyRow): Survey => ({
  id: r.id,
  title: r.title,
  opensOn: r.opens_text,
  closesOn: r.closes_text,
  status: r.status,
  version: r.version,
  unitCount: Number(r.units),
  answeredCount: Number(r.answered),
})

export async function listSurveys(db: Db, actor: Actor | null): Promise<Survey[]> {
  authorize(actor, canViewPr)
  const rows = await surveyBase(db).orderBy('s.created_at', 'desc').execute()
  return rows.map(toSurvey)
}

/** Opens a survey of every department and office, and puts its period on the schedule. */
export async function insertSurvey(
  trx: Db,
  actorId: string | null,
  dir: UnitDirectory,
  input: SurveyInput,
) {
  const row = await trx
    .insertInto('pr_surveys')
    .values({
      title: input.title,
      opens_on: input.opensOn,
      closes_on: input.closesOn,
      created_by: actorId,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  await trx
    .insertInto('pr_survey_units')
    .values(dir.respondents.map((u) => ({ survey_id: row.id, unit_id: u.id })))
    .execute()
  await upsertLinkedTask(trx, {
    source: SURVEY_SOURCE,
    sourceId: row.id,
    workstream: PR_WORKSTREAM,
    title: input.title,
    startsOn: input.opensOn,
    endsOn: input.closesOn,
    href: `/pr/surveys/${row.id}`,
  })
  await recordAudit(trx, {
    actorId,
    action: 'pr.survey.opened',
    entity: 'pr_survey',
    entityId: row.id,
    data: { ...input, units: dir.respondents.length },
  })
  return row.id
}

export async function openSurvey(db: Db, actor: Actor | null, input: SurveyInput) {
  authorize(actor, canRunSurvey)
  return withTransaction(db, async (trx) =>
    insertSurvey(trx, actor.userId, await unitDirectory(trx, actor), input),
  )
}

async function surveyUnits(db: Db, dir: UnitDirectory, surveyId: string): Promise<SurveyUnit[]> {
  const rows = await db
    .selectFrom('pr_survey_units as su')
    .innerJoin('units as u', 'u.id', 'su.unit_id')
    .leftJoin('users as w', 'w.id', 'su.answered_by')
    .selectAll('su')
    .select([
      'u.name as unit_name',
      'u.kind as unit_kind',
      'w.display_name as answered_by_name',
      sql<number>`(select count(*) from pr_media m join units mu on mu.id = m.unit_id where mu.path like u.path || '%' and (u.kind <> 'department' or mu.kind <> 'office'))`.as(
        'media',
      ),
    ])
    .where('su.survey_id', '=', surveyId)
    .orderBy('u.sort_order')
    .execute()
  return rows.map((r) => ({
    unitId: r.unit_id,
    unitName: r.unit_name,
    unitKind: r.unit_kind,
    departmentName: dir.departmentOf(r.unit_id)?.name ?? null,
    answeredAt: r.answered_at,
    answeredByName: r.answered_by_name,
    note: r.note,
    remindedAt: r.reminded_at,
    reminders: r.reminders,
    mediaCount: Number(r.media),
  }))
}

export async function getSurvey(db: Db, actor: Actor | null, id: string) {
  authorize(actor, canViewPr)
  const row = await surveyBase(db).where('s.id', '=', id).executeTakeFirst()
  if (!row) throw notFound()
  const dir = await unitDirectory(db, actor)
  const units = await surveyUnits(db, dir, id)
  return {
    survey: toSurvey(row),
    units,
    canRun: canRunSurvey(actor),
    answerable: units
      .filter((u) => canEditMediaOf(actor, dir.byId.get(u.unitId)?.path ?? '-'))
      .map((u) => u.unitId),
  }
}

/** One unit's page of the survey: its answer and whether this person may give it. */
export async function getSurveyUnit(db: Db, actor: Actor | null, id: string, unitId: string) {
  const detail = await getSurvey(db, actor, id)
  const unit = detail.units.find((u) => u.unitId === unitId)
  if (!unit) throw notFound()
  return { survey: detail.survey, unit, canAnswer: detail.answerable.includes(unitId) }
}

/** A unit answers: its media are listed (possibly none); answering again updates the note. */
export async function answerSurvey(
  db: Db,
  actor: Actor | null,
  id: string,
  unitId: string,
  input: { note: string },
) {
  authorize(actor, canViewPr)
  await withTransaction(db, async (trx) => {
    const survey = await trx
      .selectFrom('pr_surveys')
      .select('status')
      .where('id', '=', id)
      .executeTakeFirst()
    if (!survey) throw notFound()
    const dir = await unitDirectory(trx, actor)
    const unit = dir.byId.get(unitId)
    const entry = await trx
      .selectFrom('pr_survey_units')
      .select('unit_id')
      .where('survey_id', '=', id)
      .where('unit_id', '=', unitId)
      .executeTakeFirst()
    if (!entry || !unit) throw notFound()
    if (!canEditMediaOf(actor, unit.path)) throw forbidden()
    if (survey.status !== 'open') throw surveyClosed()
    await trx
      .updateTable('pr_survey_units')
      .set({ answered_at: new Date(), answered_by: actor.userId, note: input.note })
      .where('survey_id', '=', id)
      .where('unit_id', '=', unitId)
      .execute()
    await recordAudit(trx, {
      actorId: actor.userId,
      action: 'pr.survey.answered',
      entity: 'pr_survey',
      entityId: id,
      data: { unitId, note: input.note },
    })
  })
}

/**
 * Reminds every unit that has not answered: the people who answer for it (its department
 * chair or office manager) get a notice in their inbox and by e-mail. Returns the count sent.
 */
export async function remindUnanswered(db: Db, actor: Actor | null, id: string) {
  authorize(actor, canRunSurvey)
  return withTransaction(db, async (trx) => {
    const survey = await surveyBase(trx).where('s.id', '=', id).executeTakeFirst()
    if (!survey) throw notFound()
    if (survey.status !== 'open') throw surveyClosed()
    const pending = await trx
      .selectFrom('pr_survey_units as su')
      .innerJoin('units as u', 'u.id', 'su.unit_id')
      .select(['su.unit_id', 'u.name', 'u.path'])
      .where('su.survey_id', '=', id)
      .where('su.answered_at', 'is', null)
      .execute()
    const grants = await trx
      .selectFrom('user_roles as r')
      .innerJoin('users as us', 'us.id', 'r.user_id')
      .innerJoin('units as scope', 'scope.id', 'r.scope_unit_id')
      .select(['r.user_id', 'scope.path'])
      .where('r.role', 'in', ['dept_lead', 'office_manager'])
      .where('us.active', '=', true)
      .execute()
    const t = translator('ja')
    let sent = 0
    for (const unit of pending) {
      const users = new Set(
        grants.filter((g) => unit.path.startsWith(g.path)).map((g) => g.user_id),
      )
      for (const userId of users) {
        await notify(
          trx,
          {
            userId,
            title: t('pr.survey.reminderTitle', { title: survey.title }),
            body: t('pr.survey.reminderBody', { unit: unit.name, closesOn: survey.closes_text }),
            link: `/pr/surveys/${id}/units/${unit.unit_id}`,
          },
          { email: true },
        )
        sent++
      }
      await trx
        .updateTable('pr_survey_units')
        .set({ reminded_at: new Date(), reminders: sql<number>`reminders + 1` })
        .where('survey_id', '=', id)
        .where('unit_id', '=', unit.unit_id)
        .execute()
    }
    await recordAudit(trx, {
      actorId: actor.userId,
      action: 'pr.survey.reminded',
      entity: 'pr_survey',
      entityId: id,
      data: { units: pending.length, notices: sent },
    })
    return { units: pending.length, notices: sent }
  })
}

export async function closeSurvey(db: Db, actor: Actor | null, id: string) {
  authorize(actor, canRunSurvey)
  await withTransaction(db, async (trx) => {
    const row = await trx
      .updateTable('pr_surveys')
      .set({ status: 'closed', version: sql<number>`version + 1` })
      .where('id', '=', id)
      .where('status', '=', 'open')
      .returning('id')
      .executeTakeFirst()
    if (!row) {
      const exists = await trx
        .selectFrom('pr_surveys')
        .select('id')
        .where('id', '=', id)
        .executeTakeFirst()
      throw exists ? surveyClosed() : notFound()
    }
    await recordAudit(trx, {
      actorId: actor.userId,
      action: 'pr.survey.closed',
      entity: 'pr_survey',
      entityId: id,
    })
  })
}
