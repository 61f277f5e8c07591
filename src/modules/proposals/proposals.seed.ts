import type { Actor } from '../../auth/actor.ts'
import type { Db } from '../../db/schema.ts'
import { withTransaction } from '../../db/transaction.ts'
import { EMAIL_JOB } from '../../notifications/notify.ts'
import { insertUser, loadActor } from '../accounts/index.ts'
import { demoEmail } from '../org/index.ts'
import { createCampaign } from './campaigns.service.ts'
import { recordDecision, reportProgress, shortlistProposals } from './decisions.service.ts'
import { todayInTokyo } from './proposals.events.ts'
import {
  PR_PROPOSALS,
  PR_RUBRIC,
  type SeedProposal,
  STAFF_PROPOSALS,
  STAFF_RUBRIC,
  TRAINING_PROPOSALS,
} from './proposals.seed-data.ts'
import { createProposal, recordAdvice } from './proposals.service.ts'
import { assignReviewers, saveReview } from './review.service.ts'

/** Extra demo accounts: reviewers 2–4 of the review team and three more proposers. */
const EXTRA_ACCOUNTS = [
  { key: 'reviewer-2', role: 'reviewer' },
  { key: 'reviewer-3', role: 'reviewer' },
  { key: 'reviewer-4', role: 'reviewer' },
  { key: 'staff-2', person: 'pr-somu-1', role: 'staff' },
  { key: 'staff-3', person: 'pr-koyo-1', role: 'staff' },
  { key: 'staff-4', person: 'pr-norin-1', role: 'staff' },
] as const

const shiftDays = (iso: string, days: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10)

async function actorOf(db: Db, email: string): Promise<Actor> {
  const user = await db
    .selectFrom('users')
    .select('id')
    .where('email', '=', email)
    .executeTakeFirstOrThrow()
  return (await loadActor(db, user.id))!
}

/**
 * The three campaigns of the seed document with demo proposals, reviews, a shortlist and HQ
 * decisions, all made through the services. Periods are placed around today so that the demo
 * campaigns are open whenever the demo is started.
 */
export async function seedProposals(
  db: Db,
  org: { unitIdByCode: Map<string, string>; personIdByKey: Map<string, string> },
  password: string,
): Promise<void> {
  await withTransaction(db, async (trx) => {
    for (const account of EXTRA_ACCOUNTS) {
      const personKey = 'person' in account ? account.person : account.key
      const person = await trx
        .selectFrom('people')
        .select('name')
        .where('id', '=', org.personIdByKey.get(personKey)!)
        .executeTakeFirstOrThrow()
      await insertUser(trx, null, {
        email: demoEmail(account.key),
        displayName: person.name,
        password,
        role: account.role,
        scopeUnitId: null,
        personId: org.personIdByKey.get(personKey)!,
      })
    }
    const email = (key: string) => demoEmail(key)
    const secretariat = await actorOf(trx, email('hq_secretariat'))
    const chief = await actorOf(trx, email('hq_chief'))
    const reviewTeam = await trx
      .selectFrom('org_groups')
      .select('id')
      .where('kind', '=', 'review_team')
      .executeTakeFirst()
    const today = todayInTokyo()
    const staffCampaign = await createCampaign(trx, secretariat, {
      kind: 'staff',
      title: '職員からの改善提案等の募集',
      description:
        '局事業全般について、担当分野にとらわれず、改善提案や新規施策を募集します。若手のフレッシュな感性や、ベテラン職員の知見を活かした提案をお寄せください。提案は事業所の若手管理職による検討チームが評価し、局推進本部に報告します。',
      audience: 'all',
      opensOn: shiftDays(today, -56),
      closesOn: shiftDays(today, 35),
      requiresAdvice: false,
      rubric: STAFF_RUBRIC,
      reviewGroupId: reviewTeam?.id ?? null,
      reviewersPerProposal: 3,
    })
    const trainingCampaign = await createCampaign(trx, secretariat, {
      kind: 'training',
      title: '若手職員グループの業務改善・政策提案（局研修）',
      description:
        '局研修のグループで議論した提案を、若手管理職のアドバイスを踏まえてレベルアップし、局推進本部に報告します。',
      audience: 'training',
      opensOn: shiftDays(today, -80),
      closesOn: shiftDays(today, 35),
      requiresAdvice: true,
      rubric: STAFF_RUBRIC,
      reviewGroupId: reviewTeam?.id ?? null,
      reviewersPerProposal: 2,
    })
    const prCampaign = await createCampaign(trx, secretariat, {
      kind: 'pr_team',
      title: '情報発信PTのアイデア',
      description:
        'スマートフォンやSNSを活用した効果的な情報発信に向けた、情報発信PTのアイデアです。短期的に実現可能な改善策を中心に検討します。',
      audience: 'pr_team',
      opensOn: shiftDays(today, -66),
      closesOn: shiftDays(today, 7),
      requiresAdvice: false,
      rubric: PR_RUBRIC,
      reviewGroupId: null,
      reviewersPerProposal: 2,
    })
    const submit = async (campaignId: string, p: SeedProposal, asDraft = false) => {
      const author = await actorOf(trx, email(p.author))
      return createProposal(
        trx,
        author,
        campaignId,
        {
          title: p.title,
          areaUnitId: p.area ? org.unitIdByCode.get(p.area)! : null,
          problem: p.problem,
          solution: p.solution,
          method: p.method,
          caveats: p.caveats,
          coAuthors: '',
        },
        { submit: !asDraft },
      )
    }
    const staffIds: string[] = []
    for (const p of STAFF_PROPOSALS) staffIds.push((await submit(staffCampaign.id, p)).id)
    await assignReviewers(trx, secretariat, staffCampaign.id)
    for (const [i, p] of STAFF_PROPOSALS.entries()) {
      for (const [reviewer, values] of Object.entries(p.scores ?? {})) {
        const actor = await actorOf(trx, email(reviewer))
        const assigned = await trx
          .selectFrom('proposal_assignments')
          .select('reviewer_id')
          .where('proposal_id', '=', staffIds[i]!)
          .where('reviewer_id', '=', actor.userId)
          .executeTakeFirst()
        if (!assigned)
          await trx
            .insertInto('proposal_assignments')
            .values({ proposal_id: staffIds[i]!, reviewer_id: actor.userId })
            .execute()
        const scores = Object.fromEntries(values.map((v, k) => [`c${k + 1}`, v]))
        await saveReview(trx, actor, staffIds[i]!, {
          scores,
          note: '',
          duplicateOf: null,
          version: 0,
        })
      }
    }
    await shortlistProposals(trx, secretariat, staffCampaign.id, [
      staffIds[0]!,
      staffIds[1]!,
      staffIds[2]!,
    ])
    await recordDecision(trx, chief, staffIds[0]!, {
      decision: 'adopt',
      reason: '',
      ownerUnitId: org.unitIdByCode.get('shoko-keiei')!,
      dueOn: shiftDays(today, 120),
      becomes: 'program_change',
    })
    await reportProgress(trx, secretariat, staffIds[0]!, {
      percent: 30,
      note: '電子申請サービスでの受付様式を作成しました。',
      onDate: today,
    })
    await recordDecision(trx, chief, staffIds[2]!, {
      decision: 'defer',
      reason: '各事業所の業務改善の取組（④）の中間報告を待って判断する。',
      ownerUnitId: null,
      dueOn: null,
      becomes: null,
    })
    const draft = await submit(trainingCampaign.id, TRAINING_PROPOSALS[0]!, true)
    await recordAdvice(
      trx,
      await actorOf(trx, email('office_manager')),
      draft.id,
      '相談者の待ち時間を数値で把握し、導入後の効果を測れるようにするとよい。',
    )
    for (const p of PR_PROPOSALS) await submit(prCampaign.id, p)
    // The demo's past is history, not news: its notices are read and send no e-mail.
    await trx
      .updateTable('notifications')
      .set({ read_at: new Date() })
      .where('read_at', 'is', null)
      .execute()
    await trx
      .deleteFrom('jobs')
      .where('kind', '=', EMAIL_JOB)
      .where('status', '=', 'queued')
      .execute()
  })
}
