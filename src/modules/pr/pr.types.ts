import type { ActionKind, ActionStatus, Channel, ReachMetric } from './pr.tables.ts'

export type { ActionKind, ActionStatus, Channel, ReachMetric }

export const CHANNELS = [
  'web',
  'sns',
  'print',
  'mail_magazine',
  'event',
  'video',
  'advertisement',
  'press_release',
] as const satisfies readonly Channel[]
export const REACH_METRICS = [
  'page_views',
  'followers',
  'copies',
  'attendees',
  'subscribers',
  'views',
] as const satisfies readonly ReachMetric[]
export const ACTION_KINDS = [
  'merge',
  'stop',
  'start',
  'change_channel',
] as const satisfies readonly ActionKind[]
export const ACTION_STATUSES = [
  'planned',
  'in_progress',
  'done',
  'dropped',
] as const satisfies readonly ActionStatus[]

export interface Audience {
  id: string
  name: string
  sortOrder: number
  active: boolean
  version: number
}

export interface Ref {
  id: string
  name: string
}

export interface Medium {
  id: string
  unitId: string
  unitName: string
  departmentId: string | null
  departmentName: string | null
  name: string
  channel: Channel
  url: string | null
  description: string
  /** 円 per year */
  costPerYear: number | null
  printRun: number | null
  stock: number | null
  reachMetric: ReachMetric | null
  reachValue: number | null
  reachFrom: string | null
  reachTo: string | null
  audiences: Ref[]
  programs: (Ref & { code: string })[]
  surveyId: string | null
  version: number
  updatedAt: Date
}

export interface Survey {
  id: string
  title: string
  opensOn: string
  closesOn: string
  status: 'open' | 'closed'
  version: number
  unitCount: number
  answeredCount: number
}

export interface SurveyUnit {
  unitId: string
  unitName: string
  unitKind: string
  departmentName: string | null
  answeredAt: Date | null
  answeredByName: string | null
  note: string
  remindedAt: Date | null
  reminders: number
  mediaCount: number
}

export interface ImprovementAction {
  id: string
  kind: ActionKind
  title: string
  finding: string
  programId: string | null
  programName: string | null
  audienceId: string | null
  audienceName: string | null
  ownerUnitId: string
  ownerUnitName: string
  dueOn: string
  status: ActionStatus
  version: number
  updatedAt: Date
}

/** The media reaching one programme and audience, and what the cell means. */
export interface MatrixCell {
  audienceId: string
  targeted: boolean
  media: (Ref & { unitName: string; channel: Channel })[]
  /** several media of different units serve the same programme and audience */
  overlap: boolean
  /** the programme targets the audience and no medium reaches it */
  gap: boolean
}

export interface MatrixRow {
  programId: string
  code: string
  name: string
  departmentName: string
  policyAreaName: string | null
  cells: MatrixCell[]
}

export interface Matrix {
  audiences: Audience[]
  rows: MatrixRow[]
  overlaps: number
  gaps: number
  fiscalYear: number | null
}
