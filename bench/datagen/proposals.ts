import type { Actor } from '../../src/auth/actor.ts'
import { withTransaction } from '../../src/db/transaction.ts'
import { todayInTokyo } from '../../src/i18n/dates.ts'
import { loadActor } from '../../src/modules/accounts/index.ts'
import { demoEmail } from '../../src/modules/org/index.ts'
import { createCampaign } from '../../src/modules/proposals/campaigns.service.ts'
import { STAFF_RUBRIC } from '../../src/modules/proposals/proposals.seed-data.ts'
import { createProposal } from '../../src/modules/proposals/proposals.service.ts'
import { assignReviewers, saveReview } from '../../src/modules/proposals/review.service.ts'
import type { Context } from './generate.ts'
import { int, paragraph, pick, prng, TOPICS } from './japanese.ts'
import { GENERATED_USER } from './people.ts'

export const GENERATED_CAMPAIGN = 'ベンチマーク募集'
const BATCH = 200
const AUTHORS = 500
const IDEAS = [
  'の手続をオンライン化する',
  'の周知にSNSを活用する',
  'の窓口を一本化する',
  'の対象を拡大する',
  'の審査を迅速化する',
  'のデータを公開する',
  'に民間の知見を取り入れる',
  'の成果を見える化する',
]

const shiftDays = (iso: string, days: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10)

/**
 * Campaigns of `proposalsPerCampaign` submitted proposals each (campaigns and proposals through
 * their services, by generated staff). The first campaign is reviewed by the review team:
 * reviewers are assigned by the service and each reviewer scores half of their queue.
 */
export async function generateProposals(ctx: Context) {
  const { db, scale } = ctx
  const target = scale.proposals
  const secretariat = await ctx.actor('hq_secretariat')
  const count = async () =>
    Number(
      (
        await db
          .selectFrom('proposals as p')
          .innerJoin('proposal_campaigns as c', 'c.id', 'p.campaign_id')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('c.title', 'like', `${GENERATED_CAMPAIGN}%`)
          .executeTakeFirstOrThrow()
      ).n,
    )
  const existing = await count()
  const authorRows = await db
    .selectFrom('users')
    .select('id')
    .where('email', 'like', `${GENERATED_USER}%`)
    .orderBy('email')
    .limit(AUTHORS)
    .execute()
  if (authorRows.length === 0)
    authorRows.push(
      await db
        .selectFrom('users')
        .select('id')
        .where('email', '=', demoEmail('staff'))
        .executeTakeFirstOrThrow(),
    )
  const authors: Actor[] = []
  for (const a of authorRows) authors.push((await loadActor(db, a.id))!)
  const departments = await db
    .selectFrom('units')
    .select('id')
    .where('kind', '=', 'department')
    .execute()
  const reviewTeam = await db
    .selectFrom('org_groups')
    .select('id')
    .where('kind', '=', 'review_team')
    .executeTakeFirst()
  const campaigns = Math.ceil(target / scale.proposalsPerCampaign)
  const today = todayInTokyo()
  let done = existing
  for (let c = 0; c < campaigns; c++) {
    const title = `${GENERATED_CAMPAIGN} ${c + 1}`
    let campaign = await db
      .selectFrom('proposal_campaigns')
      .select('id')
      .where('title', '=', title)
      .executeTakeFirst()
    if (!campaign)
      campaign = await createCampaign(db, secretariat, {
        kind: 'staff',
        title,
        description: `${pick(prng(c), TOPICS)}をはじめ、局事業全般の改善提案を募集します。`,
        audience: 'all',
        opensOn: shiftDays(today, -30),
        closesOn: shiftDays(today, 90),
        requiresAdvice: false,
        rubric: STAFF_RUBRIC,
        reviewGroupId: c === 0 ? (reviewTeam?.id ?? null) : null,
        reviewersPerProposal: 3,
      })
    const campaignId = campaign.id
    const want = Math.min(scale.proposalsPerCampaign, target - c * scale.proposalsPerCampaign)
    const has = Number(
      (
        await db
          .selectFrom('proposals')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('campaign_id', '=', campaignId)
          .executeTakeFirstOrThrow()
      ).n,
    )
    for (let start = has; start < want; start += BATCH) {
      await withTransaction(db, async (trx) => {
        for (let k = start; k < Math.min(want, start + BATCH); k++) {
          const i = c * scale.proposalsPerCampaign + k
          const rnd = prng(4_000_000 + i)
          const topic = pick(rnd, TOPICS)
          await createProposal(
            trx,
            authors[i % authors.length]!,
            campaignId,
            {
              title: `${topic}${pick(rnd, IDEAS)}（${i}）`,
              areaUnitId: rnd() < 0.7 ? pick(rnd, departments).id : null,
              problem: paragraph(rnd, int(rnd, 2, 5)),
              solution: paragraph(rnd, int(rnd, 2, 5)),
              method: paragraph(rnd, int(rnd, 1, 3)),
              caveats: paragraph(rnd, 1),
              coAuthors: '',
            },
            { submit: true },
          )
        }
      })
      done += Math.min(want, start + BATCH) - start
      ctx.progress('proposals', done, target)
    }
    if (c === 0 && reviewTeam) await reviewFirstCampaign(ctx, campaignId, secretariat)
  }
  return { kind: 'proposals', target, existing, made: Math.max(0, target - existing) }
}

async function reviewFirstCampaign(ctx: Context, campaignId: string, secretariat: Actor) {
  const { db } = ctx
  const assigned = await db
    .selectFrom('proposal_assignments as a')
    .innerJoin('proposals as p', 'p.id', 'a.proposal_id')
    .select('a.proposal_id')
    .where('p.campaign_id', '=', campaignId)
    .limit(1)
    .executeTakeFirst()
  if (!assigned) await assignReviewers(db, secretariat, campaignId)
  const reviewers = await db
    .selectFrom('proposal_assignments as a')
    .innerJoin('proposals as p', 'p.id', 'a.proposal_id')
    .select('a.reviewer_id')
    .distinct()
    .where('p.campaign_id', '=', campaignId)
    .execute()
  for (const { reviewer_id } of reviewers) {
    const actor = (await loadActor(db, reviewer_id))!
    const queue = await db
      .selectFrom('proposal_assignments as a')
      .innerJoin('proposals as p', 'p.id', 'a.proposal_id')
      .leftJoin('proposal_reviews as r', (j) =>
        j.onRef('r.proposal_id', '=', 'a.proposal_id').onRef('r.reviewer_id', '=', 'a.reviewer_id'),
      )
      .select(['a.proposal_id', 'r.version'])
      .where('a.reviewer_id', '=', reviewer_id)
      .where('p.campaign_id', '=', campaignId)
      .orderBy('p.submitted_at')
      .orderBy('p.id')
      .execute()
    const half = queue.slice(0, Math.floor(queue.length / 2)).filter((q) => q.version === null)
    for (let s = 0; s < half.length; s += BATCH) {
      await withTransaction(db, async (trx) => {
        for (const q of half.slice(s, s + BATCH)) {
          const rnd = prng(q.proposal_id.charCodeAt(0) * 7919 + s)
          await saveReview(trx, actor, q.proposal_id, {
            scores: {
              c1: int(rnd, 1, 5),
              c2: int(rnd, 1, 5),
              c3: int(rnd, 1, 5),
              c4: int(rnd, 1, 5),
            },
            note: '',
            duplicateOf: null,
            version: 0,
          })
        }
      })
    }
    ctx.progress('reviews', queue.length, queue.length)
  }
}
