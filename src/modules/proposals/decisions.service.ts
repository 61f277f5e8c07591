import { sql } from 'kysely'
import { recordAudit } from '../../audit/audit.ts'
import type { Actor } from '../../auth/actor.ts'
import { authorize } from '../../auth/authorize.ts'
import type { Db } from '../../db/schema.ts'
import { withTransaction } from '../../db/transaction.ts'
import { conflict, forbidden, invalidField, notFound } from '../../http/errors.ts'
import { changeStatus } from './proposals.events.ts'
import { canDecide, canManageCampaigns, canReportProgress } from './proposals.policy.ts'
import {
  blindQuery,
  selectBlindProposal,
  selectOwnerPath,
  toBlindProposal,
} from './proposals.queries.ts'
import type { DecisionInput, ProgressInput } from './proposals.schemas.ts'
import type { BlindProposal } from './proposals.types.ts'

/** The secretariat puts reviewed proposals on the shortlist for HQ. */
export async function shortlistProposals(
  db: Db,
  actor: Actor | null,
  campaignId: string,
  proposalIds: string[],
): Promise<number> {
  authorize(actor, canManageCampaigns)
  return withTransaction(db, async (trx) => {
    const rows = await trx
      .selectFrom('proposals')
      .select(['id', 'status'])
      .where('campaign_id', '=', campaignId)
      .where('id', 'in', proposalIds)
      .execute()
    if (rows.length !== proposalIds.length) throw invalidField('proposalIds', 'validation.choice')
    if (rows.some((r) => r.status !== 'under_review' && r.status !== 'submitted'))
      throw conflict('proposals.error.notShortlistable')
    for (const row of rows) await changeStatus(trx, row.id, 'shortlisted')
    await recordAudit(trx, {
      actorId: actor.userId,
      action: 'proposal.shortlist',
      entity: 'proposal_campaign',
      entityId: campaignId,
      data: { proposalIds },
    })
    return rows.length
  })
}

/** Shortlisted proposals awaiting HQ's decision, for the HQ meeting agenda. */
export async function listAwaitingDecision(db: Db, actor: Actor | null): Promise<BlindProposal[]> {
  authorize(actor, canDecide)
  const rows = await blindQuery(db)
    .where('p.status', '=', 'shortlisted')
    .orderBy('c.title')
    .orderBy('p.title')
    .execute()
  return rows.map((r) => toBlindProposal(r))
}

const STATUS_OF = { adopt: 'adopted', defer: 'deferred', decline: 'declined' } as const

/**
 * Records HQ's decision on a shortlisted proposal (inside the caller's transaction when
 * given one). A second decision is refused with 409. Adoption is audited as
 * `proposal.adopted` with the title only, never the proposer.
 */
export async function recordDecision(
  trx: Db,
  actor: Actor | null,
  proposalId: string,
  decision: DecisionInput,
): Promise<void> {
  authorize(actor, canDecide)
  await withTransaction(trx, async (tx) => {
    const proposal = await selectBlindProposal(tx, proposalId)
    if (!proposal) throw notFound()
    const inserted = await tx
      .insertInto('proposal_decisions')
      .values({
        proposal_id: proposalId,
        decision: decision.decision,
        reason: decision.reason,
        owner_unit_id: decision.decision === 'adopt' ? decision.ownerUnitId : null,
        due_on: decision.decision === 'adopt' ? decision.dueOn : null,
        becomes: decision.decision === 'adopt' ? decision.becomes : null,
        decided_by: actor.userId,
      })
      .onConflict((oc) => oc.column('proposal_id').doNothing())
      .returning('proposal_id')
      .executeTakeFirst()
    if (!inserted) throw conflict('proposals.error.alreadyDecided')
    if (proposal.status !== 'shortlisted') throw conflict('proposals.error.notShortlisted')
    if (decision.ownerUnitId) {
      const unit = await tx
        .selectFrom('units')
        .select('id')
        .where('id', '=', decision.ownerUnitId)
        .executeTakeFirst()
      if (!unit) throw invalidField('ownerUnitId', 'validation.choice')
    }
    await changeStatus(tx, proposalId, STATUS_OF[decision.decision], decision.reason)
    await recordAudit(tx, {
      actorId: actor.userId,
      action:
        decision.decision === 'adopt'
          ? 'proposal.adopted'
          : `proposal.${STATUS_OF[decision.decision]}`,
      entity: 'proposal',
      entityId: proposalId,
      data: { title: proposal.title, decision: decision.decision, dueOn: decision.dueOn },
    })
  })
}

/** A dated progress update on an adopted proposal; 100 % marks it done. */
export async function reportProgress(
  db: Db,
  actor: Actor | null,
  proposalId: string,
  input: ProgressInput,
): Promise<void> {
  authorize(actor)
  await withTransaction(db, async (trx) => {
    const proposal = await selectBlindProposal(trx, proposalId)
    if (!proposal) throw notFound()
    if (!canReportProgress(actor, await selectOwnerPath(trx, proposalId))) throw forbidden()
    if (proposal.status !== 'adopted') throw conflict('proposals.error.notAdopted')
    await trx
      .insertInto('proposal_progress')
      .values({
        proposal_id: proposalId,
        percent: input.percent,
        note: input.note,
        on_date: input.onDate,
      })
      .execute()
    await trx
      .updateTable('proposals')
      .set({ updated_at: new Date() })
      .where('id', '=', proposalId)
      .execute()
    if (input.percent === 100) await changeStatus(trx, proposalId, 'done', input.note)
    await recordAudit(trx, {
      actorId: actor.userId,
      action: 'proposal.progress',
      entity: 'proposal',
      entityId: proposalId,
      data: { title: proposal.title, percent: input.percent },
    })
  })
}

/**
 * Merges a duplicate into another proposal: its authors become co-authors of the target and
 * its reviewers' scores carry over where they have not reviewed the target themselves.
 */
export async function mergeProposal(
  db: Db,
  actor: Actor | null,
  sourceId: string,
  targetId: string,
): Promise<void> {
  authorize(actor, canManageCampaigns)
  await withTransaction(db, async (trx) => {
    const [source, target] = [
      await selectBlindProposal(trx, sourceId),
      await selectBlindProposal(trx, targetId),
    ]
    if (!source || !target) throw notFound()
    if (sourceId === targetId) throw invalidField('into', 'validation.invalid')
    const closed = ['draft', 'merged', 'adopted', 'done', 'declined', 'deferred']
    if (closed.includes(source.status) || closed.includes(target.status))
      throw conflict('proposals.error.notMergeable')
    await sql`
      insert into proposal_authors (proposal_id, user_id, person_id, unit_id, is_lead)
      select ${targetId}, user_id, person_id, unit_id, false from proposal_authors
      where proposal_id = ${sourceId}
      on conflict do nothing`.execute(trx)
    await sql`
      insert into proposal_reviews (proposal_id, reviewer_id, scores, note, duplicate_of, version, updated_at)
      select ${targetId}, reviewer_id, scores, note, null, 1, updated_at from proposal_reviews
      where proposal_id = ${sourceId}
      on conflict do nothing`.execute(trx)
    await sql`
      insert into proposal_assignments (proposal_id, reviewer_id)
      select ${targetId}, reviewer_id from proposal_assignments where proposal_id = ${sourceId}
      on conflict do nothing`.execute(trx)
    await trx
      .updateTable('proposals')
      .set({ merged_into: targetId })
      .where('id', '=', sourceId)
      .execute()
    await changeStatus(trx, sourceId, 'merged', target.title)
    await recordAudit(trx, {
      actorId: actor.userId,
      action: 'proposal.merge',
      entity: 'proposal',
      entityId: sourceId,
      data: { into: targetId, title: source.title, targetTitle: target.title },
    })
  })
}

/** Adopted proposals with their latest progress: the accountability list, open to all staff. */
export async function listAdopted(db: Db, actor: Actor | null) {
  authorize(actor)
  const rows = await blindQuery(db)
    .innerJoin('proposal_decisions as d', 'd.proposal_id', 'p.id')
    .leftJoin('units as owner', 'owner.id', 'd.owner_unit_id')
    .select([
      'd.due_on',
      'd.becomes',
      'owner.name as owner_name',
      (eb) =>
        eb
          .selectFrom('proposal_progress as g')
          .select('g.percent')
          .whereRef('g.proposal_id', '=', 'p.id')
          .orderBy('g.on_date', 'desc')
          .orderBy('g.created_at', 'desc')
          .limit(1)
          .as('percent'),
    ])
    .where('p.status', 'in', ['adopted', 'done'])
    .orderBy('d.due_on')
    .execute()
  return rows.map((r) => ({
    proposal: toBlindProposal(r),
    dueOn: r.due_on,
    becomes: r.becomes,
    ownerName: r.owner_name,
    percent: r.percent ?? 0,
  }))
}
