import type {
  AdoptedAs,
  CampaignAudience,
  CampaignKind,
  DecisionKind,
  ProposalStatus,
  Rubric,
} from './proposals.tables.ts'

export type { AdoptedAs, CampaignAudience, CampaignKind, DecisionKind, ProposalStatus, Rubric }

export const CAMPAIGN_KINDS = ['staff', 'training', 'pr_team'] as const satisfies CampaignKind[]
export const AUDIENCES = ['all', 'training', 'pr_team'] as const satisfies CampaignAudience[]
export const DECISIONS = ['adopt', 'defer', 'decline'] as const satisfies DecisionKind[]
export const ADOPTED_AS = ['program_change', 'office_initiative'] as const satisfies AdoptedAs[]
export const STATUSES = [
  'draft',
  'submitted',
  'under_review',
  'shortlisted',
  'adopted',
  'deferred',
  'declined',
  'merged',
  'done',
] as const satisfies ProposalStatus[]

/** The four fields seed ⑤ asks every proposal to fill in. */
export const PROPOSAL_FIELDS = ['problem', 'solution', 'method', 'caveats'] as const
export type ProposalField = (typeof PROPOSAL_FIELDS)[number]

export interface Campaign {
  id: string
  kind: CampaignKind
  title: string
  description: string
  audience: CampaignAudience
  opensOn: string
  closesOn: string
  requiresAdvice: boolean
  rubric: Rubric
  reviewGroupId: string | null
  reviewersPerProposal: number
  version: number
}

/** What a reviewer may see of an attachment: a neutral name, no uploader, no original name. */
export interface BlindAttachment {
  position: number
  label: string
  contentType: string
  size: number
}

/**
 * A proposal as anyone may see it who must not learn who proposed it. It has no author
 * fields at all: identity is a separate `ProposalAuthor[]`, loaded only for those who may.
 */
export interface BlindProposal {
  id: string
  campaignId: string
  campaignTitle: string
  title: string
  areaUnitId: string | null
  areaName: string | null
  problem: string
  solution: string
  method: string
  caveats: string
  status: ProposalStatus
  advice: string | null
  mergedInto: string | null
  submittedAt: Date | null
  updatedAt: Date
  version: number
  attachments: BlindAttachment[]
}

/**
 * A proposal as a list shows it: no text fields (a list of 50 never loads 50 × four essays)
 * and, like `BlindProposal`, nothing that could name who proposed.
 */
export interface ProposalSummary {
  id: string
  campaignId: string
  campaignTitle: string
  title: string
  areaName: string | null
  status: ProposalStatus
  submittedAt: Date | null
  updatedAt: Date
  version: number
}

/** A window on a list: at most `limit` items from `offset` on. */
export interface Window {
  limit: number
  offset: number
}

/** One page of a list: the items, how many there are in all, and the window asked for. */
export interface Slice<T> {
  items: T[]
  total: number
  limit: number
  offset: number
}

export interface ProposalAuthor {
  userId: string
  personId: string | null
  name: string
  unitName: string | null
  isLead: boolean
}

export interface ProposalEvent {
  status: string
  note: string
  at: Date
}

export interface ProgressUpdate {
  percent: number
  note: string
  onDate: string
}

export interface Decision {
  decision: DecisionKind
  reason: string
  ownerUnitId: string | null
  ownerUnitName: string | null
  dueOn: string | null
  becomes: AdoptedAs | null
  decidedAt: Date
}

export interface Review {
  scores: Record<string, number>
  note: string
  duplicateOf: string | null
  version: number
  updatedAt: Date
}

export interface ProposalDetail {
  proposal: BlindProposal
  campaign: Campaign
  /** Null for a viewer the proposal is blind to. */
  authors: ProposalAuthor[] | null
  history: ProposalEvent[]
  decision: Decision | null
  progress: ProgressUpdate[]
  myReview: Review | null
  can: {
    edit: boolean
    review: boolean
    advise: boolean
    decide: boolean
    progress: boolean
    merge: boolean
  }
}

export interface RankedProposal {
  proposal: Pick<BlindProposal, 'id' | 'title' | 'status' | 'areaName'>
  reviews: number
  /** Mean weighted score of the reviewers, 0–100. */
  score: number | null
  /** Highest minus lowest reviewer total: where reviewers disagree. */
  spread: number | null
  criterionMeans: Record<string, number | null>
  rank: number | null
}

export interface Ranking {
  campaign: Campaign
  rows: RankedProposal[]
  /** Krippendorff's alpha (interval) over the reviewers' weighted totals; null if undefined. */
  alpha: number | null
  reviewers: number
}

export interface FunnelCounts {
  submitted: number
  reviewed: number
  shortlisted: number
  adopted: number
  implemented: number
}
