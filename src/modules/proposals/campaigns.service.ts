import { recordAudit } from '../../audit/audit.ts'
import type { Actor } from '../../auth/actor.ts'
import { authorize } from '../../auth/authorize.ts'
import type { Db } from '../../db/schema.ts'
import { withTransaction } from '../../db/transaction.ts'
import { invalidField, notFound } from '../../http/errors.ts'
import { upsertLinkedTask } from '../schedule/index.ts'
import { canManageCampaigns } from './proposals.policy.ts'
import { selectCampaign, selectCampaigns, toCampaign } from './proposals.queries.ts'
import type { CampaignInput } from './proposals.schemas.ts'
import type { Campaign, CampaignKind } from './proposals.types.ts'

export async function listCampaigns(db: Db, actor: Actor | null): Promise<Campaign[]> {
  authorize(actor)
  return selectCampaigns(db)
}

export async function getCampaign(db: Db, actor: Actor | null, id: string): Promise<Campaign> {
  authorize(actor)
  const campaign = await selectCampaign(db, id)
  if (!campaign) throw notFound()
  return campaign
}

/** The seed's workstreams: ⑤ staff proposals, ④ the young staff's training groups, ② the PR team. */
const WORKSTREAM_OF: Record<CampaignKind, string> = { staff: '⑤', training: '④', pr_team: '②' }

export async function createCampaign(
  db: Db,
  actor: Actor | null,
  input: CampaignInput,
): Promise<Campaign> {
  authorize(actor, canManageCampaigns)
  return withTransaction(db, async (trx) => {
    if (input.reviewGroupId) {
      const group = await trx
        .selectFrom('org_groups')
        .select('id')
        .where('id', '=', input.reviewGroupId)
        .executeTakeFirst()
      if (!group) throw invalidField('reviewGroupId', 'validation.choice')
    }
    const row = await trx
      .insertInto('proposal_campaigns')
      .values({
        kind: input.kind,
        title: input.title,
        description: input.description,
        audience: input.audience,
        opens_on: input.opensOn,
        closes_on: input.closesOn,
        requires_advice: input.requiresAdvice,
        rubric: JSON.stringify(input.rubric),
        review_group_id: input.reviewGroupId,
        reviewers_per_proposal: input.reviewersPerProposal,
      })
      .returningAll()
      .executeTakeFirstOrThrow()
    await recordAudit(trx, {
      actorId: actor.userId,
      action: 'proposal_campaign.create',
      entity: 'proposal_campaign',
      entityId: row.id,
      data: { title: input.title, opensOn: input.opensOn, closesOn: input.closesOn },
    })
    const campaign = toCampaign(row)
    await upsertLinkedTask(trx, {
      source: 'proposals.campaign',
      sourceId: campaign.id,
      workstream: WORKSTREAM_OF[campaign.kind],
      title: `${campaign.title}（募集期間）`,
      startsOn: campaign.opensOn,
      endsOn: campaign.closesOn,
      milestone: false,
      ownerUnitId: null,
      href: `/proposals/campaigns/${campaign.id}`,
    })
    return campaign
  })
}

/** Review-team groups a campaign may name (the org module's review_team groups). */
export async function reviewGroupChoices(db: Db): Promise<{ id: string; name: string }[]> {
  return db
    .selectFrom('org_groups')
    .select(['id', 'name'])
    .where('kind', 'in', ['review_team', 'pr_team'])
    .orderBy('name')
    .execute()
}
