import type { ColumnType, Generated, JSONColumnType } from 'kysely'

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>
/** bigint and numeric come back as strings (pg) or numbers (PGlite); we write numbers. */
type Amount = ColumnType<string | number | bigint | null, number | null, number | null>

export type ReviewStatus = 'draft' | 'submitted' | 'decided'

export interface ProgramPolicyAreasTable {
  code: string
  name: string
  sort_order: number
}

export interface ProgramVerdictsTable {
  code: string
  name: string
  verdict_set: string
  sort_order: number
}

export interface ProgramsTable {
  id: Generated<string>
  code: string
  name: string
  department_id: string
  section_id: string | null
  policy_area: string | null
  start_year: number | null
  origin_event: string | null
  end_year: number | null
  version: Generated<number>
  created_at: Timestamp
  updated_at: Timestamp
}

export interface ProgramYearsTable {
  program_id: string
  fiscal_year: number
  initial_budget: Amount
  supplementary_budget: Amount
  current_budget: Amount
  executed_amount: Amount
  next_year_request: Amount
  outcome_indicator: string | null
  outcome_target: Amount
  outcome_actual: Amount
  activity_indicator: string | null
  activity_target: Amount
  activity_actual: Amount
  role_note: string | null
  updated_at: Timestamp
}

export interface ProgramReviewsTable {
  id: Generated<string>
  program_id: string
  fiscal_year: number
  status: Generated<ReviewStatus>
  deadline: ColumnType<Date | string, string, string>
  outlived: Generated<string>
  needs: Generated<string>
  public_private: Generated<string>
  effect: Generated<string>
  efficiency: Generated<string>
  future: Generated<string>
  proposal: Generated<string>
  verdict: string | null
  verdict_note: string | null
  reflected_amount: Amount
  submitted_at: Date | null
  decided_at: Date | null
  decided_by: string | null
  version: Generated<number>
  created_at: Timestamp
  updated_at: Timestamp
}

export interface ProgramReviewHistoryTable {
  id: Generated<string>
  review_id: string
  version: number
  action: string
  actor_id: string | null
  data: JSONColumnType<Record<string, unknown>>
  at: Timestamp
}

export interface ProgramImportsTable {
  id: Generated<string>
  filename: string
  content: Uint8Array
  sha256: string
  fiscal_year: number | null
  partial: Generated<boolean>
  job_id: string | null
  result: JSONColumnType<Record<string, unknown>> | null
  created_by: string | null
  created_at: Timestamp
}

/** Sums per department and year, kept by the bulk writer for the dashboard's trend. */
export interface ProgramDepartmentTotalsTable {
  department_id: string
  fiscal_year: number
  programs: number
  current_budget: string | number
  executed_amount: string | number
}

export interface ProgramsTables {
  program_department_totals: ProgramDepartmentTotalsTable
  program_policy_areas: ProgramPolicyAreasTable
  program_verdicts: ProgramVerdictsTable
  programs: ProgramsTable
  program_years: ProgramYearsTable
  program_reviews: ProgramReviewsTable
  program_review_history: ProgramReviewHistoryTable
  program_imports: ProgramImportsTable
}
