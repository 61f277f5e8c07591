import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import ExcelJS from 'exceljs'
import { createTestApp, type TestApp } from '../../testing/app.ts'
import { insertUser } from '../accounts/index.ts'
import { createPerson } from '../org/index.ts'
import { listAwaitingDecision, recordDecision } from './decisions.service.ts'
import { createProposal } from './proposals.service.ts'
import { actorFor, FOUR_FIELDS, openCampaign } from './proposals.testing.ts'
import type { Campaign } from './proposals.types.ts'
import { assignReviewers, saveReview } from './review.service.ts'

let t: TestApp
let campaign: Campaign
const ids: string[] = []

async function propose(role: string, title: string, into: Campaign = campaign) {
  const { db } = t.database
  const p = await createProposal(
    db,
    await actorFor(db, role),
    into.id,
    { title, areaUnitId: null, ...FOUR_FIELDS, coAuthors: '' },
    { submit: true },
  )
  return p.id
}

before(async () => {
  t = await createTestApp()
  const { db } = t.database
  campaign = await openCampaign(db, { title: '評価テストの募集', reviewersPerProposal: 2 })
  // A reviewer who works in the staff member's own section (振興課) must never get their proposal.
  const secretariat = await actorFor(db, 'hq_secretariat')
  const section = await db
    .selectFrom('units')
    .select('id')
    .where('code', '=', 'kanko-shinko')
    .executeTakeFirstOrThrow()
  const colleague = await createPerson(db, secretariat, {
    unitId: section.id,
    name: '同僚 次郎',
    nameKana: null,
    email: null,
    title: null,
    grade: 'deputy_section_head',
    jobFamily: 'administrative',
  })
  await insertUser(db, null, {
    email: 'colleague@demo.kaikaku.example',
    displayName: '同僚 次郎',
    password: 'test-demo-password',
    role: 'reviewer',
    scopeUnitId: null,
    personId: colleague.id,
  })
  ids.push(await propose('staff', '窓口の案内表示の改善'))
  ids.push(await propose('pr_team', 'SNS投稿の予約機能の活用'))
  ids.push(await propose('staff-2', '会議資料のペーパーレス化'))
})
after(() => t.close())

describe('assignment and review', () => {
  test('assignment is balanced and avoids the proposer’s own section', async () => {
    const { db } = t.database
    const staffCampaign = await actorFor(db, 'staff')
    await assert.rejects(assignReviewers(db, staffCampaign, campaign.id), { status: 403 })
    const result = await assignReviewers(db, await actorFor(db, 'hq_secretariat'), campaign.id)
    assert.equal(result.assigned, 6)
    const colleague = await t.userId('colleague@demo.kaikaku.example')
    const rows = await db
      .selectFrom('proposal_assignments')
      .select(['proposal_id', 'reviewer_id'])
      .where('proposal_id', 'in', ids)
      .execute()
    assert.ok(
      !rows.some((r) => r.proposal_id === ids[0] && r.reviewer_id === colleague),
      'no conflict of interest',
    )
    const load = new Map<string, number>()
    for (const r of rows) load.set(r.reviewer_id, (load.get(r.reviewer_id) ?? 0) + 1)
    assert.ok(
      Math.max(...load.values()) - Math.min(...load.values()) <= 1,
      'balanced within this campaign',
    )
    const status = await db
      .selectFrom('proposals')
      .select('status')
      .where('id', '=', ids[0]!)
      .executeTakeFirstOrThrow()
    assert.equal(status.status, 'under_review')
  })

  test('only an assigned reviewer may score; bad scores are 400; two reviewers saving at once keep both', async () => {
    const { db } = t.database
    const assigned = await db
      .selectFrom('proposal_assignments')
      .select('reviewer_id')
      .where('proposal_id', '=', ids[1]!)
      .execute()
    const [a, b] = assigned.map((r) => r.reviewer_id)
    const stranger = await db
      .selectFrom('user_roles')
      .select('user_id')
      .where('role', '=', 'reviewer')
      .where('user_id', 'not in', [a!, b!])
      .executeTakeFirstOrThrow()
    const load = async (id: string) =>
      (await import('../accounts/index.ts')).loadActor(db, id).then((x) => x!)
    const input = { scores: { effect: 4, cost: 3 }, note: '', duplicateOf: null, version: 0 }
    await assert.rejects(saveReview(db, await load(stranger.user_id), ids[1]!, input), {
      status: 403,
    })
    await assert.rejects(saveReview(db, await actorFor(db, 'hq_secretariat'), ids[1]!, input), {
      status: 403,
    })
    await assert.rejects(
      saveReview(db, await load(a!), ids[1]!, { ...input, scores: { effect: 9, cost: 3 } }),
      { status: 400 },
    )
    await assert.rejects(
      saveReview(db, await load(a!), ids[1]!, { ...input, scores: { effect: 3 } }),
      { status: 400 },
    )
    await assert.rejects(
      saveReview(db, await load(a!), ids[1]!, {
        ...input,
        scores: { effect: 3, cost: 2, bogus: 1 },
      }),
      { status: 400 },
    )
    await Promise.all([
      saveReview(db, await load(a!), ids[1]!, { ...input, scores: { effect: 5, cost: 4 } }),
      saveReview(db, await load(b!), ids[1]!, { ...input, scores: { effect: 2, cost: 1 } }),
    ])
    const reviews = await db
      .selectFrom('proposal_reviews')
      .select(['reviewer_id', 'scores'])
      .where('proposal_id', '=', ids[1]!)
      .execute()
    assert.equal(reviews.length, 2, 'neither score is lost')
    // The same reviewer from a stale tab: 409, nothing changed.
    await assert.rejects(
      saveReview(db, await load(a!), ids[1]!, { ...input, scores: { effect: 1, cost: 1 } }),
      { status: 409 },
    )
    const again = await saveReview(db, await load(a!), ids[1]!, {
      ...input,
      scores: { effect: 4, cost: 4 },
      version: 1,
    })
    assert.equal(again.version, 2)
  })

  test('over HTTP: the queue, the review form, and a 409 that keeps the typed scores', async () => {
    // A campaign of its own that every reviewer reviews, so that this reviewer's scores
    // never touch the proposals the ranking test below counts on.
    const { db } = t.database
    const own = await openCampaign(db, { title: 'HTTP評価の募集', reviewersPerProposal: 10 })
    const id = await propose('staff-2', '庁内掲示板の整理', own)
    await assignReviewers(db, await actorFor(db, 'hq_secretariat'), own.id)
    const reviewer = await t.signIn('reviewer')
    const queue = await reviewer.get('/proposals/review')
    assert.equal(queue.status, 200)
    assert.ok((await queue.text()).includes('庁内掲示板の整理'), 'the proposal is in the queue')
    const v = 0
    assert.equal((await reviewer.get(`/proposals/${id}/review`)).status, 200)
    const ok = await reviewer.postForm(`/proposals/${id}/review`, {
      'scores.effect': '4',
      'scores.cost': '2',
      note: '私的なメモ',
      version: String(v),
    })
    assert.equal(ok.status, 303)
    const stale = await reviewer.postForm(`/proposals/${id}/review`, {
      'scores.effect': '1',
      'scores.cost': '1',
      version: String(v),
    })
    assert.equal(stale.status, 409)
    assert.match(await stale.text(), /id="field-scores-effect"[^>]*value="1"/)
    const bad = await reviewer.postForm(`/proposals/${id}/review`, {
      'scores.effect': '',
      'scores.cost': '1',
      version: String(v + 1),
    })
    assert.equal(bad.status, 400)
    const staff = await t.signIn('staff')
    assert.equal(
      (
        await staff.postForm(`/proposals/${id}/review`, {
          'scores.effect': '4',
          'scores.cost': '2',
          version: '0',
        })
      ).status,
      403,
    )
    // Private notes stay private: the secretariat's view of the proposal does not show them.
    const secretariat = await t.signIn('hq_secretariat')
    assert.ok(!(await (await secretariat.get(`/proposals/${id}`)).text()).includes('私的なメモ'))
  })
})

describe('ranking, report and decision', () => {
  test('ranking with alpha for HQ and the secretariat, 403 for staff', async () => {
    const staff = await t.signIn('staff')
    assert.equal((await staff.get(`/proposals/campaigns/${campaign.id}/ranking`)).status, 403)
    const hq = await t.signIn('hq_member')
    const page = await hq.get(`/proposals/campaigns/${campaign.id}/ranking`)
    assert.equal(page.status, 200)
    const html = await page.text()
    assert.ok(html.includes('クリッペンドルフのα'))
    const api = await hq.get(`/api/v1/campaigns/${campaign.id}/ranking`)
    const { ranking } = (await api.json()) as {
      ranking: {
        rows: { proposal: { id: string }; score: number | null; spread: number | null }[]
        alpha: number | null
      }
    }
    const row = ranking.rows.find((r) => r.proposal.id === ids[1])!
    // Reviewer a: (2·4+1·4)/15·100 = 80; reviewer b: (2·2+1·1)/15·100 = 33.3 → mean 56.7, spread 46.7.
    assert.equal(row.score, 56.7)
    assert.equal(row.spread, 46.7)
  })

  test('shortlist → report (printable and xlsx) → HQ decides once; the proposer sees it all', async () => {
    const { db } = t.database
    const secretariat = await t.signIn('hq_secretariat')
    const shortlist = await secretariat.postForm(`/proposals/campaigns/${campaign.id}/shortlist`, {
      proposalIds: ids[1]!,
    })
    assert.equal(shortlist.status, 303)
    const printable = await secretariat.get(`/proposals/campaigns/${campaign.id}/report`)
    assert.ok((await printable.text()).includes('SNS投稿の予約機能の活用'))
    const xlsx = await secretariat.get(`/proposals/campaigns/${campaign.id}/report.xlsx`)
    assert.equal(xlsx.status, 200)
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(await xlsx.arrayBuffer())
    const sheet = workbook.getWorksheet('報告')!
    assert.equal(sheet.getRow(1).getCell(2).value, '件名')
    assert.equal(sheet.getRow(2).getCell(2).value, 'SNS投稿の予約機能の活用')
    assert.equal(sheet.getRow(2).getCell(4).value, 56.7)
    assert.equal(sheet.rowCount, 2, 'one row per shortlisted proposal')

    const awaiting = await listAwaitingDecision(db, await actorFor(db, 'hq_chief'))
    assert.ok(awaiting.some((p) => p.id === ids[1]))
    const staff = await t.signIn('staff')
    assert.equal(
      (await staff.postForm(`/proposals/${ids[1]}/decision`, { decision: 'adopt' })).status,
      403,
    )
    const chief = await t.signIn('hq_chief')
    const missing = await chief.postForm(`/proposals/${ids[1]}/decision`, { decision: 'adopt' })
    assert.equal(missing.status, 400, 'adoption needs an owner, a due date and what it becomes')
    const declineNoReason = await chief.postForm(`/proposals/${ids[1]}/decision`, {
      decision: 'decline',
    })
    assert.equal(declineNoReason.status, 400)
    const owner = await db
      .selectFrom('units')
      .select('id')
      .where('code', '=', 'kanko-kikaku')
      .executeTakeFirstOrThrow()
    const adopt = {
      decision: 'adopt',
      ownerUnitId: owner.id,
      dueOn: '2027-03-31',
      becomes: 'office_initiative',
    }
    assert.equal((await chief.postForm(`/proposals/${ids[1]}/decision`, adopt)).status, 303)
    const second = await chief.postForm(`/proposals/${ids[1]}/decision`, {
      decision: 'decline',
      reason: '再考',
    })
    assert.equal(second.status, 409)
    await assert.rejects(
      db.transaction().execute((trx) =>
        recordDecision(trx, null, ids[1]!, {
          decision: 'defer',
          reason: 'x',
          ownerUnitId: null,
          dueOn: null,
          becomes: null,
        }),
      ),
      { status: 401 },
    )
    const audit = await db
      .selectFrom('audit_log')
      .select(['action', 'data'])
      .where('action', '=', 'proposal.adopted')
      .where('entity_id', '=', ids[1]!)
      .execute()
    assert.equal(audit.length, 1)
    assert.deepEqual((audit[0]!.data as { title: string }).title, 'SNS投稿の予約機能の活用')
    assert.ok(!JSON.stringify(audit[0]!.data).includes('池田'), 'never the proposer')

    // The proposer (the PR team member) sees the decision and every status change.
    const proposer = await t.signIn('pr_team')
    const page = await (await proposer.get(`/proposals/${ids[1]}`)).text()
    for (const s of ['提出済み', '評価中', '本部へ報告', '採用']) assert.ok(page.includes(s), s)
    const inbox = await db
      .selectFrom('notifications')
      .select('title')
      .where('user_id', '=', await t.userId('pr-team@demo.kaikaku.example'))
      .execute()
    for (const s of ['提出済み', '評価中', '本部へ報告', '採用'])
      assert.ok(
        inbox.some((n) => n.title === `提案「SNS投稿の予約機能の活用」：${s}`),
        s,
      )
  })

  test('progress on an adopted proposal, visible to all staff until done', async () => {
    const staff = await t.signIn('staff')
    assert.equal(
      (
        await staff.postForm(`/proposals/${ids[1]}/progress`, {
          percent: '50',
          note: 'x',
          onDate: '2026-12-01',
        })
      ).status,
      403,
    )
    const lead = await t.signIn('dept_lead')
    assert.equal(
      (
        await lead.postForm(`/proposals/${ids[1]}/progress`, {
          percent: '50',
          note: 'x',
          onDate: '2026-12-01',
        })
      ).status,
      403,
      'the owner is in 観光部, not 商工部',
    )
    const secretariat = await t.signIn('hq_secretariat')
    assert.equal(
      (
        await secretariat.postForm(`/proposals/${ids[1]}/progress`, {
          percent: '140',
          note: 'x',
          onDate: '2026-12-01',
        })
      ).status,
      400,
    )
    assert.equal(
      (
        await secretariat.postForm(`/proposals/${ids[1]}/progress`, {
          percent: '50',
          note: '試行を開始しました。',
          onDate: '2026-12-01',
        })
      ).status,
      303,
    )
    const adopted = await (await staff.get('/proposals/adopted')).text()
    assert.ok(adopted.includes('SNS投稿の予約機能の活用') && adopted.includes('50%'))
    assert.equal(
      (
        await secretariat.postForm(`/proposals/${ids[1]}/progress`, {
          percent: '100',
          note: '全課で実施。',
          onDate: '2027-01-15',
        })
      ).status,
      303,
    )
    const page = await (await staff.get(`/proposals/${ids[1]}`)).text()
    assert.ok(page.includes('実施済み') && page.includes('全課で実施。'))
  })

  test('merging a duplicate keeps its authors and scores', async () => {
    const { db } = t.database
    const secretariat = await t.signIn('hq_secretariat')
    assert.equal(
      (await (await t.signIn('staff')).postForm(`/proposals/${ids[2]}/merge`, { into: ids[0]! }))
        .status,
      403,
    )
    assert.equal(
      (await secretariat.postForm(`/proposals/${ids[2]}/merge`, { into: ids[2]! })).status,
      400,
    )
    const reviewsBefore = await db
      .selectFrom('proposal_reviews')
      .select('reviewer_id')
      .where('proposal_id', '=', ids[2]!)
      .execute()
    assert.equal(
      (await secretariat.postForm(`/proposals/${ids[2]}/merge`, { into: ids[0]! })).status,
      303,
    )
    const authors = await db
      .selectFrom('proposal_authors')
      .select('user_id')
      .where('proposal_id', '=', ids[0]!)
      .execute()
    const staff2 = await t.userId('staff-2@demo.kaikaku.example')
    assert.ok(
      authors.some((a) => a.user_id === staff2),
      'the duplicate’s author is now a co-author',
    )
    assert.equal(authors.length, 2)
    const reviewsAfter = await db
      .selectFrom('proposal_reviews')
      .select('reviewer_id')
      .where('proposal_id', '=', ids[0]!)
      .execute()
    for (const r of reviewsBefore)
      assert.ok(reviewsAfter.some((x) => x.reviewer_id === r.reviewer_id))
    const merged = await db
      .selectFrom('proposals')
      .select(['status', 'merged_into'])
      .where('id', '=', ids[2]!)
      .executeTakeFirstOrThrow()
    assert.deepEqual(merged, { status: 'merged', merged_into: ids[0] })
  })

  test('the dashboard draws each funnel as SVG with a title and a table', async () => {
    const hq = await t.signIn('hq_chief')
    const html = await (await hq.get('/proposals/dashboard')).text()
    assert.match(html, /<svg role="img" aria-labelledby="funnel-c0-title"/)
    assert.ok(html.includes('<title id="funnel-c0-title">'))
    assert.ok(html.includes('<caption>募集ごと</caption>'))
    assert.equal((await (await t.signIn('staff')).get('/proposals/dashboard')).status, 403)
  })
})
