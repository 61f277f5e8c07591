import type { ColumnType, Generated, JSONColumnType } from 'kysely'

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>
type DateOnly = ColumnType<string, string, string>

export type CampaignKind = 'staff' | 'training' | 'pr_team'
export type CampaignAudience = 'all' | 'training' | 'pr_team'
export type ProposalStatus =
  | 'draft'
  | 'submitted'
  | 'under_review'
  | 'shortlisted'
  | 'adopted'
  | 'deferred'
  | 'declined'
  | 'merged'
  | 'done'
export type DecisionKind = 'adopt' | 'defer' | 'decline'
export type AdoptedAs = 'program_change' | 'office_initiative'

export interface RubricCriterion {
  key: string
  label: string
  weight: number
}
export interface Rubric {
  scaleMax: number
  criteria: RubricCriterion[]
}

export interface ProposalCampaignsTable {
  id: Generated<string>
  kind: CampaignKind
  title: string
  description: Generated<string>
  audience: CampaignAudience
  opens_on: DateOnly
  closes_on: DateOnly
  requires_advice: Generated<boolean>
  rubric: JSONColumnType<Rubric, string, string>
  review_group_id: string | null
  reviewers_per_proposal: Generated<number>
  version: Generated<number>
  created_at: Timestamp
}

export interface ProposalsTable {
  id: Generated<string>
  campaign_id: string
  title: string
  area_unit_id: string | null
  problem: Generated<string>
  solution: Generated<string>
  method: Generated<string>
  caveats: Generated<string>
  status: Generated<ProposalStatus>
  merged_into: string | null
  advice: string | null
  advised_at: Date | null
  submitted_at: Date | null
  version: Generated<number>
  created_at: Timestamp
  updated_at: Timestamp
}

/** Who proposed: the only place an identity is kept, never read for a blind viewer. */
export interface ProposalAuthorsTable {
  proposal_id: string
  user_id: string
  person_id: string | null
  unit_id: string | null
  is_lead: Generated<boolean>
}

export interface ProposalAdvisorsTable {
  proposal_id: string
  user_id: string
}

export interface ProposalAttachmentsTable {
  proposal_id: string
  file_id: string
  position: number
}

export interface ProposalAssignmentsTable {
  proposal_id: string
  reviewer_id: string
  assigned_at: Timestamp
}

export interface ProposalReviewsTable {
  proposal_id: string
  reviewer_id: string
  scores: JSONColumnType<Record<string, number>, string, string>
  note: Generated<string>
  duplicate_of: string | null
  version: Generated<number>
  updated_at: Timestamp
}

export interface ProposalDecisionsTable {
  proposal_id: string
  decision: DecisionKind
  reason: Generated<string>
  owner_unit_id: string | null
  due_on: DateOnly | null
  becomes: AdoptedAs | null
  decided_by: string | null
  decided_at: Timestamp
}

export interface ProposalEventsTable {
  id: Generated<string>
  proposal_id: string
  status: string
  note: Generated<string>
  at: Timestamp
}

export interface ProposalProgressTable {
  id: Generated<string>
  proposal_id: string
  percent: number
  note: string
  on_date: DateOnly
  created_at: Timestamp
}

export interface ProposalsTables {
  proposal_campaigns: ProposalCampaignsTable
  proposals: ProposalsTable
  proposal_authors: ProposalAuthorsTable
  proposal_advisors: ProposalAdvisorsTable
  proposal_attachments: ProposalAttachmentsTable
  proposal_assignments: ProposalAssignmentsTable
  proposal_reviews: ProposalReviewsTable
  proposal_decisions: ProposalDecisionsTable
  proposal_events: ProposalEventsTable
  proposal_progress: ProposalProgressTable
}
