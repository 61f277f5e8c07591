import { recordAudit } from '../../audit/audit.ts'
import type { Actor } from '../../auth/actor.ts'
import { authorize } from '../../auth/authorize.ts'
import type { Db } from '../../db/schema.ts'
import { withTransaction } from '../../db/transaction.ts'
import { conflict, invalidField, notFound } from '../../http/errors.ts'
import { translator } from '../../i18n/index.ts'
import { notify } from '../../notifications/notify.ts'
import { listUsersInChargeOf } from '../accounts/index.ts'
import type { AgendaDecision, AgendaSource } from '../hq/index.ts'
import { upsertLinkedTask } from '../schedule/index.ts'
import { canCoordinate, canViewInitiatives } from './initiatives.policy.ts'
import { selectHqReports, selectInitiatives, selectReportMeetings } from './initiatives.queries.ts'
import type { HqReportInput, ReportMeetingInput } from './initiatives.schemas.ts'
import type { HqReport, ReportMeeting } from './initiatives.types.ts'

const ja = translator('ja')

export const REPORT_MEETING_SOURCE = 'initiatives.report-meeting'

export async function listReportMeetings(db: Db, actor: Actor | null) {
  authorize(actor, canViewInitiatives)
  return { meetings: await selectReportMeetings(db), canCoordinate: canCoordinate(actor) }
}

export async function getReportMeeting(
  db: Db,
  actor: Actor | null,
  id: string,
): Promise<ReportMeeting> {
  authorize(actor, canViewInitiatives)
  const [meeting] = await selectReportMeetings(db, id)
  if (!meeting) throw notFound()
  return meeting
}

/**
 * 報告会: where office staff present their initiatives to each other. It goes on the overall
 * schedule as a ★ of workstream ④, linked back here.
 */
export async function createReportMeeting(
  db: Db,
  actor: Actor | null,
  fiscalYear: number,
  input: ReportMeetingInput,
) {
  authorize(actor, canCoordinate)
  return withTransaction(db, async (trx) => {
    const known = input.initiativeIds.length
      ? await trx
          .selectFrom('initiatives')
          .select('id')
          .where('id', 'in', input.initiativeIds)
          .execute()
      : []
    if (known.length !== input.initiativeIds.length)
      throw invalidField('initiativeIds', 'validation.choice')
    const row = await trx
      .insertInto('initiative_report_meetings')
      .values({
        fiscal_year: fiscalYear,
        title: input.title,
        held_on: input.heldOn,
        place: input.place,
        notes: input.notes,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    if (input.initiativeIds.length)
      await trx
        .insertInto('initiative_report_meeting_items')
        .values(input.initiativeIds.map((initiative_id) => ({ meeting_id: row.id, initiative_id })))
        .execute()
    await upsertLinkedTask(trx, {
      source: REPORT_MEETING_SOURCE,
      sourceId: row.id,
      workstream: '④',
      title: input.title,
      startsOn: input.heldOn,
      endsOn: input.heldOn,
      milestone: true,
      href: `/initiatives/report-meetings/${row.id}`,
    })
    await recordAudit(trx, {
      actorId: actor.userId,
      action: 'initiative.report-meeting.create',
      entity: 'initiative_report_meeting',
      entityId: row.id,
      data: { ...input },
    })
    return row.id
  })
}

export async function listHqReports(db: Db, actor: Actor | null) {
  authorize(actor, canViewInitiatives)
  return { reports: await selectHqReports(db), canCoordinate: canCoordinate(actor) }
}

export async function getHqReport(db: Db, actor: Actor | null, id: string): Promise<HqReport> {
  authorize(actor, canViewInitiatives)
  const [report] = await selectHqReports(db, { id })
  if (!report) throw notFound()
  return report
}

/**
 * The report to HQ (中間報告は局の推進本部に報告): every initiative of the year whose mid-term
 * check is filed and not yet reported goes into it; it then awaits HQ's decision.
 */
export async function submitHqReport(
  db: Db,
  actor: Actor | null,
  input: HqReportInput,
): Promise<string> {
  authorize(actor, canCoordinate)
  return withTransaction(db, async (trx) => {
    const ready = (await selectInitiatives(trx, { fiscalYear: input.fiscalYear })).filter(
      (i) => i.check && !i.hqReportId,
    )
    if (ready.length === 0) throw invalidField('fiscalYear', 'initiatives.errors.nothingToReport')
    const row = await trx
      .insertInto('initiative_hq_reports')
      .values({
        fiscal_year: input.fiscalYear,
        title: input.title,
        summary: input.summary,
        submitted_by: actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await trx
      .updateTable('initiatives')
      .set({ hq_report_id: row.id })
      .where(
        'id',
        'in',
        ready.map((i) => i.id),
      )
      .execute()
    await recordAudit(trx, {
      actorId: actor.userId,
      action: 'initiative.report.submit',
      entity: 'initiative_hq_report',
      entityId: row.id,
      data: { title: input.title, initiatives: ready.length },
    })
    return row.id
  })
}

/**
 * HQ's decision on a report flows back: the report is decided, and each office's initiative
 * in it carries HQ's outcome and feedback, shown on its page. Recorded as
 * `initiative.reported` for the newsletter.
 */
export async function applyHqDecision(
  trx: Db,
  actor: Actor,
  reportId: string,
  decision: AgendaDecision,
) {
  const updated = await trx
    .updateTable('initiative_hq_reports')
    .set({
      status: 'decided',
      outcome: decision.outcome,
      note: decision.note,
      decided_at: new Date(),
    })
    .where('id', '=', reportId)
    .where('status', '=', 'awaiting')
    .returning(['id', 'title'])
    .executeTakeFirst()
  if (!updated) throw conflict('hq.errors.alreadyDecided')
  await trx
    .updateTable('initiatives')
    .set({
      hq_outcome: decision.outcome,
      hq_feedback: decision.note || null,
      hq_feedback_at: new Date(),
    })
    .where('hq_report_id', '=', reportId)
    .execute()
  await tellOfficesOfFeedback(trx, reportId, decision)
  await recordAudit(trx, {
    actorId: actor.userId,
    action: 'initiative.reported',
    entity: 'initiative_hq_report',
    entityId: reportId,
    data: {
      title: updated.title,
      outcome: decision.outcome,
      href: `/initiatives/reports/${reportId}`,
    },
  })
}

/** Each office whose initiative was in the report hears of HQ's feedback, in the inbox and by mail. */
async function tellOfficesOfFeedback(trx: Db, reportId: string, decision: AgendaDecision) {
  const initiatives = await trx
    .selectFrom('initiatives')
    .select(['id', 'title', 'unit_id'])
    .where('hq_report_id', '=', reportId)
    .execute()
  for (const initiative of initiatives) {
    for (const userId of await listUsersInChargeOf(trx, initiative.unit_id, ['office_manager'])) {
      await notify(
        trx,
        {
          userId,
          title: ja('initiatives.feedbackArrived', { title: initiative.title }),
          body: [ja(`hq.outcome.${decision.outcome}`), decision.note].filter(Boolean).join('\n'),
          link: `/initiatives/${initiative.id}`,
        },
        { email: true },
      )
    }
  }
}

/** The initiatives' reports as an HQ agenda source. */
export const initiativesAgendaSource: AgendaSource = {
  kind: 'initiatives.report',
  label: 'initiatives.agendaSource',
  async listAwaiting(db) {
    const reports = await selectHqReports(db, { status: 'awaiting' })
    return reports.map((r) => ({
      refId: r.id,
      title: r.title,
      href: `/initiatives/reports/${r.id}`,
      summary: r.summary,
    }))
  },
  applyDecision: applyHqDecision,
}
