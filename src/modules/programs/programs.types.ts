import type { ReviewStatus } from './programs.tables.ts'

export type { ReviewStatus }

export interface Program {
  id: string
  code: string
  name: string
  departmentId: string
  departmentName: string
  sectionId: string | null
  sectionName: string | null
  policyArea: string | null
  policyAreaName: string | null
  startYear: number | null
  originEvent: string | null
  endYear: number | null
  version: number
}

export interface ProgramYear {
  fiscalYear: number
  initialBudget: number | null
  supplementaryBudget: number | null
  currentBudget: number | null
  executedAmount: number | null
  /** 執行額 ÷ 歳出予算現額, 0–1 (null without a budget) */
  executionRate: number | null
  nextYearRequest: number | null
  outcomeIndicator: string | null
  outcomeTarget: number | null
  outcomeActual: number | null
  activityIndicator: string | null
  activityTarget: number | null
  activityActual: number | null
  roleNote: string | null
}

/** A programme with one year's figures (a row of the registry). */
export interface ProgramYearRow extends Program {
  year: ProgramYear
  reviewStatus: ReviewStatus | null
  verdictName: string | null
}

export interface Review {
  id: string
  programId: string
  programName: string
  programCode: string
  departmentId: string
  departmentName: string
  fiscalYear: number
  status: ReviewStatus
  deadline: string
  outlived: string
  needs: string
  publicPrivate: string
  effect: string
  efficiency: string
  future: string
  proposal: string
  verdict: string | null
  verdictName: string | null
  verdictNote: string | null
  reflectedAmount: number | null
  submittedAt: Date | null
  decidedAt: Date | null
  version: number
  updatedAt: Date
}

export interface ReviewHistoryEntry {
  version: number
  action: string
  actorName: string | null
  at: Date
  data: Record<string, unknown>
}

export interface Choice {
  code: string
  name: string
}

export interface Verdict extends Choice {
  verdictSet: string
}

export const num = (v: string | number | bigint | null | undefined): number | null =>
  v === null || v === undefined ? null : Number(v)

export const executionRate = (executed: number | null, budget: number | null) =>
  executed === null || !budget ? null : executed / budget

/** The seed: 見直し案を10月上旬までに策定. The default deadline is 10 October of the fiscal year. */
export const defaultDeadline = (fiscalYear: number) => `${fiscalYear}-10-10`
