export const CHECK_STATUSES = ['ahead', 'on_track', 'behind'] as const
export type CheckStatus = (typeof CHECK_STATUSES)[number]

export interface MidtermCheck {
  status: CheckStatus
  progressNote: string
  youngStaffViews: string
  issues: string
  nextSteps: string
  filedAt: Date
  version: number
}

export interface Initiative {
  id: string
  fiscalYear: number
  no: number
  title: string
  unitId: string
  unitPath: string
  /** The unit as the list names it (e.g. 「労働相談情報センター（飯田橋）等」). */
  unitLabel: string
  goal: string
  indicator: string
  targetValue: number | null
  actualValue: number | null
  hqReportId: string | null
  hqOutcome: string | null
  hqFeedback: string | null
  hqFeedbackAt: Date | null
  yearEndSummary: string
  nextYearPlan: string
  version: number
  check: MidtermCheck | null
}

export interface ReportMeeting {
  id: string
  fiscalYear: number
  title: string
  heldOn: string
  place: string
  notes: string
  initiatives: { id: string; no: number; title: string; unitLabel: string }[]
}

export interface HqReport {
  id: string
  fiscalYear: number
  title: string
  summary: string
  status: 'awaiting' | 'decided'
  outcome: string | null
  note: string | null
  submittedAt: Date
  decidedAt: Date | null
  initiatives: { id: string; no: number; title: string; unitLabel: string }[]
}

export interface WlbMonth {
  /** YYYY-MM-01 */
  month: string
  overtimeHours: number
  leaveDays: number
}

export interface WlbView {
  unit: { id: string; name: string; path: string }
  fiscalYear: number
  figures: WlbMonth[]
  target: { overtimeHours: number; leaveDays: number } | null
  canEnter: boolean
  canSetTarget: boolean
}
