import { sql } from 'kysely'
import { recordAudit } from '../../audit/audit.ts'
import { type Actor, hasRole } from '../../auth/actor.ts'
import { authorize } from '../../auth/authorize.ts'
import type { Db } from '../../db/schema.ts'
import { withTransaction } from '../../db/transaction.ts'
import { conflict, type FieldIssue, forbidden, invalid, notFound } from '../../http/errors.ts'
import { changeStatus, notifyAssignment } from './proposals.events.ts'
import { canManageCampaigns, canReview } from './proposals.policy.ts'
import {
  selectBlindProposal,
  selectCampaign,
  selectReview,
  summaryQuery,
  toProposalSummary,
} from './proposals.queries.ts'
import { PAGE_SIZE, type ReviewInput } from './proposals.schemas.ts'
import { relationTo } from './proposals.service.ts'
import type { ProposalSummary, Review, Slice, Window } from './proposals.types.ts'

interface Reviewer {
  userId: string
  unitPath: string | null
  load: number
}

/** Units conflict when one contains the other: the same section, or a section and its office. */
const unitsConflict = (a: string | null, b: string | null) =>
  !!a && !!b && (a.startsWith(b) || b.startsWith(a))

/**
 * The review pool: active users with the reviewer role, limited to the campaign's review
 * group when it names one, with how many proposals each already has.
 */
async function reviewerPool(db: Db, groupId: string | null): Promise<Reviewer[]> {
  let q = db
    .selectFrom('users as u')
    .innerJoin('user_roles as r', 'r.user_id', 'u.id')
    .leftJoin('people', 'people.id', 'u.person_id')
    .leftJoin('units', 'units.id', 'people.unit_id')
    .select([
      'u.id',
      'units.path',
      (eb) =>
        eb
          .selectFrom('proposal_assignments as a')
          .select((e) => e.fn.countAll<number>().as('n'))
          .whereRef('a.reviewer_id', '=', 'u.id')
          .as('load'),
    ])
    .where('r.role', '=', 'reviewer')
    .where('u.active', '=', true)
  if (groupId) {
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('org_group_members as m')
          .select('m.person_id')
          .whereRef('m.person_id', '=', 'u.person_id')
          .where('m.group_id', '=', groupId),
      ),
    )
  }
  const rows = await q.distinct().execute()
  return rows.map((r) => ({ userId: r.id, unitPath: r.path, load: Number(r.load ?? 0) }))
}

/**
 * Assigns every submitted proposal of a campaign that lacks reviewers: the least-loaded
 * reviewers first (balanced), never a reviewer whose unit is, contains or lies in an author's
 * unit, never an author. Returns how many assignments were made.
 */
export async function assignReviewers(
  db: Db,
  actor: Actor | null,
  campaignId: string,
): Promise<{ assigned: number; unassignable: number }> {
  authorize(actor, canManageCampaigns)
  return withTransaction(db, async (trx) => {
    const campaign = await selectCampaign(trx, campaignId)
    if (!campaign) throw notFound()
    const pool = await reviewerPool(trx, campaign.reviewGroupId)
    const proposals = await trx
      .selectFrom('proposals')
      .select('id')
      .where('campaign_id', '=', campaignId)
      .where('status', 'in', ['submitted', 'under_review'])
      .orderBy('submitted_at')
      .execute()
    let assigned = 0
    let unassignable = 0
    const perReviewer = new Map<string, number>()
    for (const { id } of proposals) {
      const [authors, existing] = await Promise.all([
        trx
          .selectFrom('proposal_authors as a')
          .leftJoin('units', 'units.id', 'a.unit_id')
          .select(['a.user_id', 'units.path'])
          .where('a.proposal_id', '=', id)
          .execute(),
        trx
          .selectFrom('proposal_assignments')
          .select('reviewer_id')
          .where('proposal_id', '=', id)
          .execute(),
      ])
      const have = new Set(existing.map((e) => e.reviewer_id))
      const candidates = pool
        .filter(
          (r) =>
            !have.has(r.userId) &&
            !authors.some((a) => a.user_id === r.userId || unitsConflict(a.path, r.unitPath)),
        )
        .sort((a, b) => a.load - b.load || a.userId.localeCompare(b.userId))
      const needed = campaign.reviewersPerProposal - have.size
      if (needed <= 0) continue
      const chosen = candidates.slice(0, needed)
      if (chosen.length < needed) unassignable++
      for (const reviewer of chosen) {
        await trx
          .insertInto('proposal_assignments')
          .values({ proposal_id: id, reviewer_id: reviewer.userId })
          .execute()
        reviewer.load++
        assigned++
        perReviewer.set(reviewer.userId, (perReviewer.get(reviewer.userId) ?? 0) + 1)
      }
      if (chosen.length > 0) {
        const status = await trx
          .selectFrom('proposals')
          .select('status')
          .where('id', '=', id)
          .executeTakeFirstOrThrow()
        if (status.status === 'submitted') await changeStatus(trx, id, 'under_review')
      }
    }
    for (const [reviewerId, count] of perReviewer)
      await notifyAssignment(trx, reviewerId, count, campaign.title)
    await recordAudit(trx, {
      actorId: actor.userId,
      action: 'proposal.assign',
      entity: 'proposal_campaign',
      entityId: campaignId,
      data: { assigned, unassignable },
    })
    return { assigned, unassignable }
  })
}

export interface QueueItem {
  proposal: ProposalSummary
  reviewed: boolean
}

/** One window of a reviewer's queue, with how many are assigned in all and how many await review. */
export interface ReviewQueue extends Slice<QueueItem> {
  unreviewed: number
}

/** How many proposals a reviewer has, and how many of them they have reviewed. */
async function queueCounts(db: Db, reviewerId: string) {
  const row = await db
    .selectFrom('proposal_assignments as pa')
    .leftJoin('proposal_reviews as r', (join) =>
      join
        .onRef('r.proposal_id', '=', 'pa.proposal_id')
        .onRef('r.reviewer_id', '=', 'pa.reviewer_id'),
    )
    .select((eb) => [
      eb.fn.countAll<string>().as('total'),
      eb.fn.count<string>('r.version').as('reviewed'),
    ])
    .where('pa.reviewer_id', '=', reviewerId)
    .executeTakeFirstOrThrow()
  return { total: Number(row.total), reviewed: Number(row.reviewed) }
}

/**
 * A reviewer's queue: summaries of the proposals assigned to them, ordered in SQL so that
 * pages are stable: unreviewed first, then the earliest submitted, then by id.
 */
export async function reviewQueue(
  db: Db,
  actor: Actor | null,
  window: Window = { limit: PAGE_SIZE, offset: 0 },
): Promise<ReviewQueue> {
  authorize(actor, (a) => hasRole(a, 'reviewer'))
  const reviewed = sql<boolean>`(r.version is not null)`
  // The counts ride along as window aggregates: the sort reads every assigned row anyway, so a
  // separate count query would only read them again.
  const rows = await summaryQuery(db)
    .innerJoin('proposal_assignments as pa', 'pa.proposal_id', 'p.id')
    .leftJoin('proposal_reviews as r', (join) =>
      join.onRef('r.proposal_id', '=', 'p.id').onRef('r.reviewer_id', '=', 'pa.reviewer_id'),
    )
    .select([
      reviewed.as('reviewed'),
      sql<string>`count(*) over ()`.as('total'),
      sql<string>`count(r.version) over ()`.as('reviewed_total'),
    ])
    .where('pa.reviewer_id', '=', actor.userId)
    .orderBy(reviewed)
    .orderBy('p.submitted_at')
    .orderBy('p.id')
    .limit(window.limit)
    .offset(window.offset)
    .execute()
  const first = rows[0]
  const counts = first
    ? { total: Number(first.total), reviewed: Number(first.reviewed_total) }
    : window.offset > 0
      ? await queueCounts(db, actor.userId)
      : { total: 0, reviewed: 0 }
  const items = rows.map((r) => ({ proposal: toProposalSummary(r), reviewed: r.reviewed }))
  const { total } = counts
  const unreviewed = total - counts.reviewed
  return { items, total, unreviewed, ...window }
}

/**
 * Saves one reviewer's scores. Each reviewer has their own row, so two reviewers saving at
 * once never touch each other's; the same reviewer saving from two tabs gets 409 on the stale one.
 */
export async function saveReview(
  db: Db,
  actor: Actor | null,
  proposalId: string,
  input: ReviewInput,
): Promise<Review> {
  authorize(actor)
  return withTransaction(db, async (trx) => {
    const proposal = await selectBlindProposal(trx, proposalId)
    if (!proposal) throw notFound()
    const relation = await relationTo(trx, actor, proposalId)
    if (!canReview(actor, proposal.status, relation)) throw forbidden()
    const { rubric } = (await selectCampaign(trx, proposal.campaignId))!
    const fields: Record<string, FieldIssue[]> = {}
    for (const c of rubric.criteria) {
      const score = input.scores[c.key]
      if (score === undefined) fields[`scores.${c.key}`] = [{ key: 'validation.required' }]
      else if (score > rubric.scaleMax)
        fields[`scores.${c.key}`] = [{ key: 'validation.tooBig', params: { max: rubric.scaleMax } }]
    }
    for (const key of Object.keys(input.scores))
      if (!rubric.criteria.some((c) => c.key === key))
        fields[`scores.${key}`] = [{ key: 'validation.unknownField' }]
    if (input.duplicateOf === proposalId) fields.duplicateOf = [{ key: 'validation.invalid' }]
    if (input.duplicateOf && !(await selectBlindProposal(trx, input.duplicateOf)))
      fields.duplicateOf = [{ key: 'validation.choice' }]
    if (Object.keys(fields).length) throw invalid(fields)
    const values = {
      scores: JSON.stringify(input.scores),
      note: input.note,
      duplicate_of: input.duplicateOf,
      updated_at: new Date(),
    }
    const existing = await selectReview(trx, proposalId, actor.userId)
    if (!existing) {
      if (input.version !== 0) throw conflict()
      const inserted = await trx
        .insertInto('proposal_reviews')
        .values({ proposal_id: proposalId, reviewer_id: actor.userId, ...values })
        .onConflict((oc) => oc.columns(['proposal_id', 'reviewer_id']).doNothing())
        .returning('version')
        .executeTakeFirst()
      if (!inserted) throw conflict()
    } else {
      const updated = await trx
        .updateTable('proposal_reviews')
        .set({ ...values, version: sql<number>`version + 1` })
        .where('proposal_id', '=', proposalId)
        .where('reviewer_id', '=', actor.userId)
        .where('version', '=', input.version)
        .returning('version')
        .executeTakeFirst()
      if (!updated) throw conflict()
    }
    await recordAudit(trx, {
      actorId: actor.userId,
      action: 'proposal.review',
      entity: 'proposal',
      entityId: proposalId,
      data: { scores: input.scores, duplicateOf: input.duplicateOf },
    })
    return (await selectReview(trx, proposalId, actor.userId))!
  })
}
