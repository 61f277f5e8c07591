import type { Selectable } from 'kysely'
import type { Db } from '../../db/schema.ts'
import { FILE_KINDS } from '../../files/index.ts'
import type { ProposalCampaignsTable } from './proposals.tables.ts'
import type {
  BlindAttachment,
  BlindProposal,
  Campaign,
  Decision,
  ProgressUpdate,
  ProposalAuthor,
  ProposalEvent,
  ProposalSummary,
  Review,
} from './proposals.types.ts'

export function toCampaign(row: Selectable<ProposalCampaignsTable>): Campaign {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    description: row.description,
    audience: row.audience,
    opensOn: row.opens_on,
    closesOn: row.closes_on,
    requiresAdvice: row.requires_advice,
    rubric: row.rubric,
    reviewGroupId: row.review_group_id,
    reviewersPerProposal: row.reviewers_per_proposal,
    version: row.version,
  }
}

export async function selectCampaigns(db: Db): Promise<Campaign[]> {
  const rows = await db
    .selectFrom('proposal_campaigns')
    .selectAll()
    .orderBy('opens_on', 'desc')
    .orderBy('title')
    .execute()
  return rows.map(toCampaign)
}

export async function selectCampaign(db: Db, id: string): Promise<Campaign | undefined> {
  const row = await db
    .selectFrom('proposal_campaigns')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst()
  return row && toCampaign(row)
}

/** The neutral name a blind viewer sees: 添付1.pdf, never the uploaded name. */
export function attachmentLabel(position: number, contentType: string): string {
  const kind = Object.values(FILE_KINDS).find((k) => k.contentType === contentType)
  return `添付${position}.${kind?.extensions[0] ?? 'bin'}`
}

/** Proposals with their campaign and the unit they concern; never who proposed. */
function proposalsInCampaigns(db: Db) {
  return db
    .selectFrom('proposals as p')
    .innerJoin('proposal_campaigns as c', 'c.id', 'p.campaign_id')
    .leftJoin('units as area', 'area.id', 'p.area_unit_id')
}

/**
 * The blind columns of proposals. Deliberately no join to proposal_authors, users or
 * people: nothing here can carry who proposed.
 */
export function blindQuery(db: Db) {
  return proposalsInCampaigns(db).select([
    'p.id',
    'p.campaign_id',
    'c.title as campaign_title',
    'p.title',
    'p.area_unit_id',
    'area.name as area_name',
    'p.problem',
    'p.solution',
    'p.method',
    'p.caveats',
    'p.status',
    'p.advice',
    'p.merged_into',
    'p.submitted_at',
    'p.updated_at',
    'p.version',
  ])
}

type BlindRow = Awaited<ReturnType<ReturnType<typeof blindQuery>['executeTakeFirstOrThrow']>>

export function toBlindProposal(row: BlindRow, attachments: BlindAttachment[] = []): BlindProposal {
  return {
    id: row.id,
    campaignId: row.campaign_id,
    campaignTitle: row.campaign_title,
    title: row.title,
    areaUnitId: row.area_unit_id,
    areaName: row.area_name,
    problem: row.problem,
    solution: row.solution,
    method: row.method,
    caveats: row.caveats,
    status: row.status,
    advice: row.advice,
    mergedInto: row.merged_into,
    submittedAt: row.submitted_at,
    updatedAt: row.updated_at,
    version: row.version,
    attachments,
  }
}

/**
 * The list columns of proposals: `blindQuery` without the four text fields, advice and merge
 * target. The same rule holds: no join to proposal_authors, users or people.
 */
export function summaryQuery(db: Db) {
  return proposalsInCampaigns(db).select([
    'p.id',
    'p.campaign_id',
    'c.title as campaign_title',
    'p.title',
    'area.name as area_name',
    'p.status',
    'p.submitted_at',
    'p.updated_at',
    'p.version',
  ])
}

type SummaryRow = Awaited<ReturnType<ReturnType<typeof summaryQuery>['executeTakeFirstOrThrow']>>

export function toProposalSummary(row: SummaryRow): ProposalSummary {
  return {
    id: row.id,
    campaignId: row.campaign_id,
    campaignTitle: row.campaign_title,
    title: row.title,
    areaName: row.area_name,
    status: row.status,
    submittedAt: row.submitted_at,
    updatedAt: row.updated_at,
    version: row.version,
  }
}

export async function selectBlindAttachments(db: Db, proposalId: string) {
  const rows = await db
    .selectFrom('proposal_attachments as a')
    .innerJoin('stored_files as f', 'f.id', 'a.file_id')
    .select(['a.position', 'f.content_type', 'f.size'])
    .where('a.proposal_id', '=', proposalId)
    .orderBy('a.position')
    .execute()
  return rows.map(
    (r): BlindAttachment => ({
      position: r.position,
      label: attachmentLabel(r.position, r.content_type),
      contentType: r.content_type,
      size: r.size,
    }),
  )
}

export async function selectBlindProposal(db: Db, id: string): Promise<BlindProposal | undefined> {
  const row = await blindQuery(db).where('p.id', '=', id).executeTakeFirst()
  return row && toBlindProposal(row, await selectBlindAttachments(db, id))
}

/** Identity: read only after the policy has said the viewer is not blind. */
export async function selectAuthors(db: Db, proposalId: string): Promise<ProposalAuthor[]> {
  const rows = await db
    .selectFrom('proposal_authors as a')
    .innerJoin('users as u', 'u.id', 'a.user_id')
    .leftJoin('units', 'units.id', 'a.unit_id')
    .select(['a.user_id', 'a.person_id', 'u.display_name', 'units.name as unit_name', 'a.is_lead'])
    .where('a.proposal_id', '=', proposalId)
    .orderBy('a.is_lead', 'desc')
    .orderBy('u.display_name')
    .execute()
  return rows.map((r) => ({
    userId: r.user_id,
    personId: r.person_id,
    name: r.display_name,
    unitName: r.unit_name,
    isLead: r.is_lead,
  }))
}

export async function isAuthorOf(db: Db, proposalId: string, userId: string): Promise<boolean> {
  const row = await db
    .selectFrom('proposal_authors')
    .select('user_id')
    .where('proposal_id', '=', proposalId)
    .where('user_id', '=', userId)
    .executeTakeFirst()
  return !!row
}

export async function isAssignedTo(db: Db, proposalId: string, userId: string): Promise<boolean> {
  const row = await db
    .selectFrom('proposal_assignments')
    .select('reviewer_id')
    .where('proposal_id', '=', proposalId)
    .where('reviewer_id', '=', userId)
    .executeTakeFirst()
  return !!row
}

export async function selectHistory(db: Db, proposalId: string): Promise<ProposalEvent[]> {
  const rows = await db
    .selectFrom('proposal_events')
    .select(['status', 'note', 'at'])
    .where('proposal_id', '=', proposalId)
    .orderBy('at')
    .execute()
  return rows
}

export async function selectDecision(db: Db, proposalId: string): Promise<Decision | null> {
  const row = await db
    .selectFrom('proposal_decisions as d')
    .leftJoin('units', 'units.id', 'd.owner_unit_id')
    .select([
      'd.decision',
      'd.reason',
      'd.owner_unit_id',
      'units.name as owner_unit_name',
      'units.path as owner_unit_path',
      'd.due_on',
      'd.becomes',
      'd.decided_at',
    ])
    .where('d.proposal_id', '=', proposalId)
    .executeTakeFirst()
  if (!row) return null
  return {
    decision: row.decision,
    reason: row.reason,
    ownerUnitId: row.owner_unit_id,
    ownerUnitName: row.owner_unit_name,
    dueOn: row.due_on,
    becomes: row.becomes,
    decidedAt: row.decided_at,
  }
}

export async function selectOwnerPath(db: Db, proposalId: string): Promise<string | null> {
  const row = await db
    .selectFrom('proposal_decisions as d')
    .innerJoin('units', 'units.id', 'd.owner_unit_id')
    .select('units.path')
    .where('d.proposal_id', '=', proposalId)
    .executeTakeFirst()
  return row?.path ?? null
}

export async function selectProgress(db: Db, proposalId: string): Promise<ProgressUpdate[]> {
  const rows = await db
    .selectFrom('proposal_progress')
    .select(['percent', 'note', 'on_date'])
    .where('proposal_id', '=', proposalId)
    .orderBy('on_date')
    .orderBy('created_at')
    .execute()
  return rows.map((r) => ({ percent: r.percent, note: r.note, onDate: r.on_date }))
}

export async function selectReview(
  db: Db,
  proposalId: string,
  reviewerId: string,
): Promise<Review | null> {
  const row = await db
    .selectFrom('proposal_reviews')
    .select(['scores', 'note', 'duplicate_of', 'version', 'updated_at'])
    .where('proposal_id', '=', proposalId)
    .where('reviewer_id', '=', reviewerId)
    .executeTakeFirst()
  return row
    ? {
        scores: row.scores,
        note: row.note,
        duplicateOf: row.duplicate_of,
        version: row.version,
        updatedAt: row.updated_at,
      }
    : null
}

/** The user and unit of an actor's own person record, for the author row. */
export async function selectUnitOfPerson(db: Db, personId: string | null) {
  if (!personId) return null
  const row = await db
    .selectFrom('people')
    .innerJoin('units', 'units.id', 'people.unit_id')
    .select(['units.id', 'units.path'])
    .where('people.id', '=', personId)
    .executeTakeFirst()
  return row ?? null
}
