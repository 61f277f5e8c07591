import type { ColumnType, Generated } from 'kysely'

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>
type DateText = ColumnType<Date | string, string, string>
type BigNumber = ColumnType<string | number, number | bigint | null, number | bigint | null>

export type Channel =
  | 'web'
  | 'sns'
  | 'print'
  | 'mail_magazine'
  | 'event'
  | 'video'
  | 'advertisement'
  | 'press_release'
export type ReachMetric =
  | 'page_views'
  | 'followers'
  | 'copies'
  | 'attendees'
  | 'subscribers'
  | 'views'
export type ActionKind = 'merge' | 'stop' | 'start' | 'change_channel'
export type ActionStatus = 'planned' | 'in_progress' | 'done' | 'dropped'

export interface PrAudiencesTable {
  id: Generated<string>
  name: string
  sort_order: Generated<number>
  active: Generated<boolean>
  version: Generated<number>
  created_at: Timestamp
}

export interface PrProgramAudiencesTable {
  program_id: string
  audience_id: string
}

export interface PrSurveysTable {
  id: Generated<string>
  title: string
  opens_on: DateText
  closes_on: DateText
  status: Generated<'open' | 'closed'>
  version: Generated<number>
  created_by: string | null
  created_at: Timestamp
}

export interface PrSurveyUnitsTable {
  survey_id: string
  unit_id: string
  answered_at: Date | null
  answered_by: string | null
  note: Generated<string>
  reminded_at: Date | null
  reminders: Generated<number>
}

export interface PrMediaTable {
  id: Generated<string>
  unit_id: string
  name: string
  channel: Channel
  url: string | null
  description: Generated<string>
  cost_per_year: BigNumber | null
  print_run: number | null
  stock: number | null
  reach_metric: ReachMetric | null
  reach_value: BigNumber | null
  reach_from: DateText | null
  reach_to: DateText | null
  survey_id: string | null
  version: Generated<number>
  created_at: Timestamp
  updated_at: Timestamp
}

export interface PrMediaAudiencesTable {
  medium_id: string
  audience_id: string
}

export interface PrMediaProgramsTable {
  medium_id: string
  program_id: string
}

export interface PrImportsTable {
  id: Generated<string>
  survey_id: string
  unit_id: string
  file_id: string
  job_id: string | null
  result: unknown
  created_by: string | null
  created_at: Timestamp
}

export interface PrActionsTable {
  id: Generated<string>
  kind: ActionKind
  title: string
  finding: Generated<string>
  program_id: string | null
  audience_id: string | null
  owner_unit_id: string
  due_on: DateText
  status: Generated<ActionStatus>
  version: Generated<number>
  created_by: string | null
  created_at: Timestamp
  updated_at: Timestamp
}

export interface PrTables {
  pr_audiences: PrAudiencesTable
  pr_program_audiences: PrProgramAudiencesTable
  pr_surveys: PrSurveysTable
  pr_survey_units: PrSurveyUnitsTable
  pr_media: PrMediaTable
  pr_media_audiences: PrMediaAudiencesTable
  pr_media_programs: PrMediaProgramsTable
  pr_imports: PrImportsTable
  pr_actions: PrActionsTable
}
