import { sql } from 'kysely'
import type { Db } from '../../db/schema.ts'
import type { CheckStatus, HqReport, Initiative, ReportMeeting } from './initiatives.types.ts'

export async function selectInitiatives(
  db: Db,
  filter: { fiscalYear?: number; unitId?: string; id?: string; hqReportId?: string } = {},
): Promise<Initiative[]> {
  let query = db
    .selectFrom('initiatives as i')
    .innerJoin('units as u', 'u.id', 'i.unit_id')
    .leftJoin('initiative_midterm_checks as c', 'c.initiative_id', 'i.id')
    .selectAll('i')
    .select([
      'u.path as unit_path',
      'c.status as check_status',
      'c.progress_note',
      'c.young_staff_views',
      'c.issues',
      'c.next_steps',
      'c.filed_at',
      'c.version as check_version',
    ])
    .orderBy('i.fiscal_year', 'desc')
    .orderBy('i.no')
  if (filter.fiscalYear) query = query.where('i.fiscal_year', '=', filter.fiscalYear)
  if (filter.unitId) query = query.where('i.unit_id', '=', filter.unitId)
  if (filter.id) query = query.where('i.id', '=', filter.id)
  if (filter.hqReportId) query = query.where('i.hq_report_id', '=', filter.hqReportId)
  const rows = await query.execute()
  return rows.map((r) => ({
    id: r.id,
    fiscalYear: r.fiscal_year,
    no: r.no,
    title: r.title,
    unitId: r.unit_id,
    unitPath: r.unit_path,
    unitLabel: r.unit_label,
    goal: r.goal,
    indicator: r.indicator,
    targetValue: r.target_value,
    actualValue: r.actual_value,
    hqReportId: r.hq_report_id,
    hqOutcome: r.hq_outcome,
    hqFeedback: r.hq_feedback,
    hqFeedbackAt: r.hq_feedback_at,
    yearEndSummary: r.year_end_summary,
    nextYearPlan: r.next_year_plan,
    version: r.version,
    check: r.check_status
      ? {
          status: r.check_status as CheckStatus,
          progressNote: r.progress_note ?? '',
          youngStaffViews: r.young_staff_views ?? '',
          issues: r.issues ?? '',
          nextSteps: r.next_steps ?? '',
          filedAt: r.filed_at!,
          version: r.check_version ?? 1,
        }
      : null,
  }))
}

export async function selectUnit(db: Db, id: string) {
  return db
    .selectFrom('units')
    .select(['id', 'name', 'path', 'kind'])
    .where('id', '=', id)
    .executeTakeFirst()
}

const short = (i: { id: string; no: number; title: string; unit_label: string }) => ({
  id: i.id,
  no: i.no,
  title: i.title,
  unitLabel: i.unit_label,
})

export async function selectReportMeetings(db: Db, id?: string): Promise<ReportMeeting[]> {
  let query = db
    .selectFrom('initiative_report_meetings')
    .select([
      'id',
      'fiscal_year',
      'title',
      sql<string>`held_on::text`.as('held_on'),
      'place',
      'notes',
    ])
    .orderBy('held_on', 'desc')
  if (id) query = query.where('id', '=', id)
  const meetings = await query.execute()
  const items = meetings.length
    ? await db
        .selectFrom('initiative_report_meeting_items as m')
        .innerJoin('initiatives as i', 'i.id', 'm.initiative_id')
        .select(['m.meeting_id', 'i.id', 'i.no', 'i.title', 'i.unit_label'])
        .where(
          'm.meeting_id',
          'in',
          meetings.map((m) => m.id),
        )
        .orderBy('i.no')
        .execute()
    : []
  return meetings.map((m) => ({
    id: m.id,
    fiscalYear: m.fiscal_year,
    title: m.title,
    heldOn: m.held_on,
    place: m.place,
    notes: m.notes,
    initiatives: items.filter((i) => i.meeting_id === m.id).map(short),
  }))
}

export async function selectHqReports(
  db: Db,
  filter: { id?: string; status?: 'awaiting' | 'decided' } = {},
): Promise<HqReport[]> {
  let query = db.selectFrom('initiative_hq_reports').selectAll().orderBy('submitted_at', 'desc')
  if (filter.id) query = query.where('id', '=', filter.id)
  if (filter.status) query = query.where('status', '=', filter.status)
  const reports = await query.execute()
  const items = reports.length
    ? await db
        .selectFrom('initiatives')
        .select(['id', 'no', 'title', 'unit_label', 'hq_report_id'])
        .where(
          'hq_report_id',
          'in',
          reports.map((r) => r.id),
        )
        .orderBy('no')
        .execute()
    : []
  return reports.map((r) => ({
    id: r.id,
    fiscalYear: r.fiscal_year,
    title: r.title,
    summary: r.summary,
    status: r.status as HqReport['status'],
    outcome: r.outcome,
    note: r.note,
    submittedAt: r.submitted_at,
    decidedAt: r.decided_at,
    initiatives: items.filter((i) => i.hq_report_id === r.id).map(short),
  }))
}
