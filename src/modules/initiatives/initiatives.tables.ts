import type { ColumnType, Generated } from 'kysely'

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>
type DateColumn = ColumnType<string, string, string>

export interface InitiativesTable {
  id: Generated<string>
  fiscal_year: number
  no: number
  title: string
  unit_id: string
  unit_label: string
  goal: Generated<string>
  indicator: Generated<string>
  target_value: number | null
  actual_value: number | null
  hq_report_id: string | null
  hq_outcome: string | null
  hq_feedback: string | null
  hq_feedback_at: Date | null
  year_end_summary: Generated<string>
  next_year_plan: Generated<string>
  version: Generated<number>
  created_at: Timestamp
  updated_at: Timestamp
}

export interface InitiativeMidtermChecksTable {
  initiative_id: string
  status: string
  progress_note: string
  young_staff_views: Generated<string>
  issues: Generated<string>
  next_steps: Generated<string>
  filed_by: string | null
  filed_at: Timestamp
  version: Generated<number>
}

export interface InitiativeReportMeetingsTable {
  id: Generated<string>
  fiscal_year: number
  title: string
  held_on: DateColumn
  place: Generated<string>
  notes: Generated<string>
  created_at: Timestamp
}

export interface InitiativeReportMeetingItemsTable {
  meeting_id: string
  initiative_id: string
}

export interface InitiativeHqReportsTable {
  id: Generated<string>
  fiscal_year: number
  title: string
  summary: string
  status: Generated<string>
  outcome: string | null
  note: string | null
  submitted_by: string | null
  submitted_at: Timestamp
  decided_at: Date | null
}

export interface InitiativeWlbFiguresTable {
  unit_id: string
  month: DateColumn
  overtime_hours: number
  leave_days: number
  entered_by: string | null
  entered_at: Timestamp
}

export interface InitiativeWlbTargetsTable {
  unit_id: string
  fiscal_year: number
  overtime_hours: number
  leave_days: number
}

export interface InitiativesTables {
  initiatives: InitiativesTable
  initiative_midterm_checks: InitiativeMidtermChecksTable
  initiative_report_meetings: InitiativeReportMeetingsTable
  initiative_report_meeting_items: InitiativeReportMeetingItemsTable
  initiative_hq_reports: InitiativeHqReportsTable
  initiative_wlb_figures: InitiativeWlbFiguresTable
  initiative_wlb_targets: InitiativeWlbTargetsTable
}
