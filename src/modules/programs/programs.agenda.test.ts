import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { createTestApp, type TestApp } from '../../testing/app.ts'
import { loadActor } from '../accounts/index.ts'
import { createMeeting, decideAgendaItem, getMeeting, pullAgendaItem } from '../hq/index.ts'
import { programsAgendaSource } from './programs.agenda.ts'
import { getReview } from './programs.reviews.ts'

let t: TestApp
before(async () => {
  t = await createTestApp()
})
after(() => t.close())

const sources = [programsAgendaSource]

async function submittedSheet(code: string): Promise<string> {
  const program = await t.database.db
    .selectFrom('programs')
    .select('id')
    .where('code', '=', code)
    .executeTakeFirstOrThrow()
  const secretariat = await t.signIn('hq_secretariat')
  const path = `/programs/${program.id}/reviews/2015`
  await secretariat.postForm(path, {
    outlived: '役割は縮小',
    needs: '相談件数は半減',
    publicPrivate: '民間と重複',
    effect: '改善率41%',
    efficiency: '費用増',
    future: '再構築',
    proposal: '縮小して統合する',
    version: '0',
  })
  assert.equal((await secretariat.postForm(`${path}/submit`, { version: '1' })).status, 303)
  const sheet = await t.database.db
    .selectFrom('program_reviews')
    .select(['id', 'status'])
    .where('program_id', '=', program.id)
    .where('fiscal_year', '=', 2015)
    .executeTakeFirstOrThrow()
  assert.equal(sheet.status, 'submitted')
  return sheet.id
}

describe('review sheets on the HQ agenda', () => {
  test('HQ decides a sheet with a verdict, or returns it to its subcommittee', async () => {
    const decided = await submittedSheet('SR-KOYO-005')
    const returned = await submittedSheet('SR-KOYO-004')
    const chief = await loadActor(t.database.db, await t.userId('hq-chief@demo.kaikaku.example'))
    const secretariat = await loadActor(
      t.database.db,
      await t.userId('hq-secretariat@demo.kaikaku.example'),
    )
    const meeting = await createMeeting(t.database.db, secretariat, {
      title: '第3回 業務改革推進本部',
      heldOn: '2026-12-01',
      place: '',
      summary: '',
    })
    const before = await getMeeting(t.database.db, secretariat, sources, meeting.id)
    const offered = before.awaiting[0]!.items.map((i) => i.refId)
    assert.ok(offered.includes(decided) && offered.includes(returned))
    assert.ok(before.choicesByKind['programs.review']!.some((c) => c.value === 'abolish'))

    const itemOf = async (refId: string) =>
      pullAgendaItem(t.database.db, secretariat, sources, meeting.id, {
        sourceKind: 'programs.review',
        refId,
      })
    const decidedItem = await itemOf(decided)
    const returnedItem = await itemOf(returned)

    // Approving without a verdict is refused for the field, and nothing is recorded.
    await assert.rejects(
      decideAgendaItem(t.database.db, chief, sources, decidedItem, {
        outcome: 'approved',
        note: '',
        choice: undefined,
      }),
      (e: { status: number; fields: Record<string, unknown> }) =>
        e.status === 400 && 'choice' in e.fields,
    )
    const stillOpen = await getMeeting(t.database.db, chief, sources, meeting.id)
    assert.equal(stillOpen.agenda.find((i) => i.id === decidedItem)?.decidedAt, null)

    await decideAgendaItem(t.database.db, chief, sources, decidedItem, {
      outcome: 'approved',
      note: '終期到来',
      choice: 'abolish',
    })
    await decideAgendaItem(t.database.db, chief, sources, returnedItem, {
      outcome: 'returned',
      note: '効果の根拠を補足すること',
      choice: undefined,
    })
    const decidedSheet = await getReview(t.database.db, chief, decided)
    assert.equal(decidedSheet.review.status, 'decided')
    assert.equal(decidedSheet.review.verdictName, '廃止')
    assert.equal(decidedSheet.review.verdictNote, '終期到来')
    const returnedSheet = await getReview(t.database.db, chief, returned)
    assert.equal(returnedSheet.review.status, 'draft')
    assert.ok(returnedSheet.history.some((h) => h.action === 'return'))
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', 'in', [decided, returned])
      .execute()
    const actions = audit.map((a) => a.action)
    assert.ok(actions.includes('program.review.decided'))
    assert.ok(actions.includes('program.review.returned'))
  })
})
