import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { createTestApp, type TestApp } from '../../testing/app.ts'
import { createMeeting, decideAgendaItem, getMeeting, pullAgendaItem } from '../hq/index.ts'
import { shortlistProposals } from './decisions.service.ts'
import { endOfFiscalYear, proposalsAgendaSource } from './proposals.agenda.ts'
import { createProposal } from './proposals.service.ts'
import { actorFor, FOUR_FIELDS, openCampaign } from './proposals.testing.ts'

let t: TestApp
const sources = [proposalsAgendaSource]
const ids: Record<string, string> = {}

before(async () => {
  t = await createTestApp()
  const { db } = t.database
  const campaign = await openCampaign(db, { title: '本部会議テストの募集' })
  const unit = await db
    .selectFrom('units')
    .select('id')
    .where('code', '=', 'kanko-shinko')
    .executeTakeFirstOrThrow()
  for (const [key, title, areaUnitId] of [
    ['adopt', '観光案内の多言語化', unit.id],
    ['decline', '庁舎の照明の自動化', unit.id],
    ['back', '窓口の待ち時間の表示', null],
  ] as const) {
    const p = await createProposal(
      db,
      await actorFor(db, 'staff'),
      campaign.id,
      { title, areaUnitId, ...FOUR_FIELDS, coAuthors: '' },
      { submit: true },
    )
    ids[key] = p.id
  }
  await shortlistProposals(
    db,
    await actorFor(db, 'hq_secretariat'),
    campaign.id,
    Object.values(ids),
  )
})
after(() => t.close())

const statusOf = async (id: string) =>
  (
    await t.database.db
      .selectFrom('proposals')
      .select('status')
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
  ).status

describe('shortlisted proposals on the HQ agenda', () => {
  test('the fiscal year ends on 31 March', () => {
    assert.equal(endOfFiscalYear('2026-11-26'), '2027-03-31')
    assert.equal(endOfFiscalYear('2027-02-01'), '2027-03-31')
    assert.equal(endOfFiscalYear('2027-04-01'), '2028-03-31')
  })

  test('HQ adopts, declines with a reason, or returns to review; the proposer is never named', async () => {
    const { db } = t.database
    const secretariat = await actorFor(db, 'hq_secretariat')
    const chief = await actorFor(db, 'hq_chief')
    const meeting = await createMeeting(db, secretariat, {
      title: '第4回 業務改革推進本部',
      heldOn: '2026-12-10',
      place: '',
      summary: '',
    })
    const detail = await getMeeting(db, secretariat, sources, meeting.id)
    const offered = detail.awaiting[0]!.items
    for (const id of Object.values(ids)) assert.ok(offered.some((i) => i.refId === id))
    assert.ok(
      !JSON.stringify(offered).includes('佐藤'),
      'the agenda item does not name the proposer',
    )
    assert.ok(
      detail.choicesByKind['proposals.proposal']!.some(
        (c) => c.value === 'adopt:office_initiative',
      ),
    )
    // A department chair may read the meeting but is not offered what could be pulled onto it.
    const lead = await getMeeting(db, await actorFor(db, 'dept_lead'), sources, meeting.id)
    assert.deepEqual(lead.awaiting, [])

    const item: Record<string, string> = {}
    for (const [key, refId] of Object.entries(ids))
      item[key] = await pullAgendaItem(db, secretariat, sources, meeting.id, {
        sourceKind: 'proposals.proposal',
        refId,
      })

    const decide = (key: string, decision: Parameters<typeof decideAgendaItem>[4]) =>
      decideAgendaItem(db, chief, sources, item[key]!, decision)
    await assert.rejects(decide('adopt', { outcome: 'approved', note: '', choice: undefined }), {
      status: 400,
    })
    await assert.rejects(decide('decline', { outcome: 'approved', note: ' ', choice: 'decline' }), {
      status: 400,
    })
    // Adopting one that names no unit needs its own page, where HQ names the owner.
    await assert.rejects(
      decide('back', { outcome: 'approved', note: '', choice: 'adopt:program_change' }),
      { status: 400 },
    )
    assert.equal(await statusOf(ids.back!), 'shortlisted', 'nothing changed')

    await decide('adopt', { outcome: 'approved', note: '', choice: 'adopt:office_initiative' })
    await decide('decline', {
      outcome: 'approved',
      note: '既存の改修計画に含まれるため',
      choice: 'decline',
    })
    await decide('back', { outcome: 'returned', note: '効果の見積りを再評価', choice: undefined })

    assert.equal(await statusOf(ids.adopt!), 'adopted')
    assert.equal(await statusOf(ids.decline!), 'declined')
    assert.equal(await statusOf(ids.back!), 'under_review')
    const adopted = await db
      .selectFrom('proposal_decisions')
      .select(['owner_unit_id', 'due_on', 'becomes', 'reason'])
      .where('proposal_id', '=', ids.adopt!)
      .executeTakeFirstOrThrow()
    assert.equal(adopted.becomes, 'office_initiative')
    assert.ok(adopted.owner_unit_id)
    assert.match(String(adopted.due_on), /03-31|Mar 31/)
    const declined = await db
      .selectFrom('proposal_decisions')
      .select('reason')
      .where('proposal_id', '=', ids.decline!)
      .executeTakeFirstOrThrow()
    assert.equal(declined.reason, '既存の改修計画に含まれるため')
    // The proposer sees it in the inbox.
    const staff = await t.signIn('staff')
    assert.ok((await (await staff.get('/inbox')).text()).includes('観光案内の多言語化'))
  })
})
