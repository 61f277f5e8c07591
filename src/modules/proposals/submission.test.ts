import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { createTestApp, type TestApp } from '../../testing/app.ts'
import { recordAdvice } from './proposals.service.ts'
import {
  actorFor,
  enc,
  FOUR_FIELDS,
  openCampaign,
  postMultipart,
  shift,
} from './proposals.testing.ts'
import type { Campaign } from './proposals.types.ts'

let t: TestApp
let campaign: Campaign
before(async () => {
  t = await createTestApp()
  campaign = await openCampaign(t.database.db)
})
after(() => t.close())

const count = async () =>
  Number(
    (
      await t.database.db
        .selectFrom('proposals')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  )

describe('submitting a proposal', () => {
  test('anonymous is 401; the form and the similar check render for staff', async () => {
    const anonymous = t.client()
    assert.equal((await anonymous.get('/proposals')).status, 401)
    assert.equal((await anonymous.get(`/proposals/campaigns/${campaign.id}/new`)).status, 401)
    const staff = await t.signIn('staff')
    const form = await staff.get(`/proposals/campaigns/${campaign.id}/new`)
    assert.equal(form.status, 200)
    const html = await form.text()
    for (const label of [
      '課題と考える内容とその背景',
      '考えられる改善策',
      '実現に向けた手法',
      '留意すべき点',
    ])
      assert.ok(html.includes(label), label)
    // Without JavaScript: the "check for similar proposals" button lists the seeded one.
    const res = await postMultipart(staff, `/proposals/campaigns/${campaign.id}/proposals`, {
      title: '補助金の申請をオンラインで',
      problem: '補助金の申請書を郵送するのが事業者の負担',
      action: 'similar',
    })
    assert.equal(res.status, 200)
    assert.ok((await res.text()).includes('中小企業向け補助金の電子申請'))
    const json = await staff.get(
      `/proposals/similar?text=${encodeURIComponent('観光案内所の多言語対応')}`,
      {
        accept: 'application/json',
      },
    )
    const body = (await json.json()) as { similar: { title: string }[] }
    assert.equal(body.similar[0]?.title, '観光案内所の多言語対応の強化')
  })

  test('missing and over-long fields: 400 per field, nothing stored', async () => {
    const staff = await t.signIn('staff')
    const before = await count()
    const missing = await postMultipart(staff, `/proposals/campaigns/${campaign.id}/proposals`, {
      title: '件名だけ',
      action: 'submit',
    })
    assert.equal(missing.status, 400)
    const html = await missing.text()
    assert.ok(
      html.includes('① 課題と考える内容とその背景: 入力してください。'),
      'per-field message',
    )
    assert.ok(html.includes('value="件名だけ"'), 'the form keeps what was typed')
    const long = await postMultipart(staff, `/proposals/campaigns/${campaign.id}/proposals`, {
      title: 'x'.repeat(121),
      ...FOUR_FIELDS,
      action: 'draft',
    })
    assert.equal(long.status, 400)
    assert.ok((await long.text()).includes('120文字以内'))
    const unknown = await postMultipart(staff, `/proposals/campaigns/${campaign.id}/proposals`, {
      title: '共同提案',
      ...FOUR_FIELDS,
      coAuthors: 'nobody@example.com',
      action: 'submit',
    })
    assert.equal(unknown.status, 400)
    assert.equal(await count(), before)
  })

  test('attachments: wrong type or too many are refused cleanly', async () => {
    const staff = await t.signIn('staff')
    const before = await count()
    const files = await t.database.db.selectFrom('stored_files').select('id').execute()
    const exe = await postMultipart(
      staff,
      `/proposals/campaigns/${campaign.id}/proposals`,
      { title: '添付あり', ...FOUR_FIELDS, action: 'submit' },
      [{ name: 'attachments', filename: 'tool.pdf', bytes: new Uint8Array([0x4d, 0x5a, 0, 0]) }],
    )
    assert.equal(exe.status, 400)
    assert.ok((await exe.text()).includes('このファイル形式は受け付けていません'))
    const pdf = enc('%PDF-1.4\n%%EOF\n')
    const six = Array.from({ length: 6 }, (_, i) => ({
      name: 'attachments',
      filename: `${i}.pdf`,
      bytes: pdf,
    }))
    const many = await postMultipart(
      staff,
      `/proposals/campaigns/${campaign.id}/proposals`,
      { title: '添付多数', ...FOUR_FIELDS, action: 'submit' },
      six,
    )
    assert.equal(many.status, 400)
    assert.equal(await count(), before)
    assert.equal(
      (await t.database.db.selectFrom('stored_files').select('id').execute()).length,
      files.length,
    )
  })

  test('a draft is saved, edited on its version (409 when stale), then submitted and the author is told', async () => {
    const staff = await t.signIn('staff')
    const created = await postMultipart(staff, `/proposals/campaigns/${campaign.id}/proposals`, {
      title: '記入例の公開',
      problem: FOUR_FIELDS.problem,
      action: 'draft',
    })
    assert.equal(created.status, 303)
    const location = created.headers.get('location')!
    assert.match(location, /\/proposals\/[0-9a-f-]+\/edit\?notice=proposals\.notice\.draftSaved/)
    const id = location.split('/')[2]!
    const edit = await staff.get(`/proposals/${id}/edit`)
    assert.ok((await edit.text()).includes('似ている提案'))
    const saved = await postMultipart(staff, `/proposals/${id}`, {
      title: '記入例の公開',
      ...FOUR_FIELDS,
      version: '1',
      action: 'draft',
    })
    assert.equal(saved.status, 303)
    const stale = await postMultipart(staff, `/proposals/${id}`, {
      title: '古い版からの保存',
      ...FOUR_FIELDS,
      version: '1',
      action: 'draft',
    })
    assert.equal(stale.status, 409)
    const staleHtml = await stale.text()
    assert.ok(staleHtml.includes('古い版からの保存'), 'what was typed is kept')
    assert.ok(
      staleHtml.includes('name="version" value="2"'),
      'and the form now carries the newer version',
    )
    // Someone else's draft does not exist for them.
    const other = await t.signIn('pr_team')
    assert.equal((await other.get(`/proposals/${id}`)).status, 404)
    const submitted = await postMultipart(staff, `/proposals/${id}`, {
      title: '記入例の公開',
      ...FOUR_FIELDS,
      version: '2',
      action: 'submit',
    })
    assert.equal(submitted.status, 303)
    assert.equal(
      submitted.headers.get('location'),
      `/proposals/${id}?notice=proposals.notice.submitted`,
    )
    const again = await postMultipart(staff, `/proposals/${id}`, {
      title: '提出後の編集',
      ...FOUR_FIELDS,
      version: '3',
      action: 'draft',
    })
    assert.equal(again.status, 409)
    const staffId = await t.userId('staff@demo.kaikaku.example')
    const inbox = await t.database.db
      .selectFrom('notifications')
      .select('title')
      .where('user_id', '=', staffId)
      .execute()
    assert.ok(inbox.some((n) => n.title === '提案「記入例の公開」：提出済み'))
    const mail = await t.database.db
      .selectFrom('jobs')
      .select('kind')
      .where('kind', '=', 'notification.email')
      .execute()
    assert.ok(mail.length > 0, 'an e-mail is queued too')
  })

  test('a closed campaign refuses submissions (400) and stores nothing', async () => {
    const closed = await openCampaign(t.database.db, {
      title: '終了した募集',
      opensOn: shift(-30),
      closesOn: shift(-1),
    })
    const staff = await t.signIn('staff')
    const before = await count()
    const res = await postMultipart(staff, `/proposals/campaigns/${closed.id}/proposals`, {
      title: '遅れた提案',
      ...FOUR_FIELDS,
      action: 'submit',
    })
    assert.equal(res.status, 400)
    assert.ok((await res.text()).includes('この募集は受付期間外です。'))
    assert.equal(await count(), before)
  })

  test("a training group's proposal needs a manager's advice before submission", async () => {
    const { db } = t.database
    const training = await openCampaign(db, {
      kind: 'training',
      audience: 'training',
      requiresAdvice: true,
      title: '研修グループ',
    })
    const staff = await t.signIn('staff')
    const created = await postMultipart(staff, `/proposals/campaigns/${training.id}/proposals`, {
      title: 'グループ提案',
      ...FOUR_FIELDS,
      coAuthors: 'staff-2@demo.kaikaku.example',
      action: 'draft',
    })
    const id = created.headers.get('location')!.split('/')[2]!
    const early = await postMultipart(staff, `/proposals/${id}`, {
      title: 'グループ提案',
      ...FOUR_FIELDS,
      coAuthors: 'staff-2@demo.kaikaku.example',
      version: '1',
      action: 'submit',
    })
    assert.equal(early.status, 400)
    assert.ok((await early.text()).includes('管理職のアドバイスが必要'))
    // A reviewer is not a manager: 403. The office manager records advice.
    await assert.rejects(recordAdvice(db, await actorFor(db, 'reviewer'), id, '助言'), {
      status: 403,
    })
    const manager = await t.signIn('office_manager')
    const advise = await manager.postForm(`/proposals/${id}/advice`, {
      advice: '効果を数値で示すとよい。',
    })
    assert.equal(advise.status, 303)
    const ok = await postMultipart(staff, `/proposals/${id}`, {
      title: 'グループ提案',
      ...FOUR_FIELDS,
      coAuthors: 'staff-2@demo.kaikaku.example',
      version: '2',
      action: 'submit',
    })
    assert.equal(ok.status, 303)
    const authors = await db
      .selectFrom('proposal_authors')
      .select('is_lead')
      .where('proposal_id', '=', id)
      .execute()
    assert.equal(authors.length, 2, 'group authorship')
  })

  test('campaigns: only the secretariat creates them; bad periods and rubrics are 400', async () => {
    const staff = await t.signIn('staff')
    assert.equal((await staff.get('/proposals/campaigns/new')).status, 403)
    assert.equal((await staff.postForm('/proposals/campaigns', { title: 'x' })).status, 403)
    const secretariat = await t.signIn('hq_secretariat')
    const fields = {
      title: '新しい募集',
      kind: 'staff',
      audience: 'all',
      opensOn: shift(0),
      closesOn: shift(30),
      criteria: '効果:2\n実現性:1',
      scaleMax: '5',
      reviewersPerProposal: '2',
    }
    const badPeriod = await secretariat.postForm('/proposals/campaigns', {
      ...fields,
      closesOn: shift(-5),
    })
    assert.equal(badPeriod.status, 400)
    assert.ok((await badPeriod.text()).includes('受付終了日は開始日以降にしてください。'))
    const badRubric = await secretariat.postForm('/proposals/campaigns', {
      ...fields,
      criteria: '効果',
    })
    assert.equal(badRubric.status, 400)
    assert.ok((await badRubric.text()).includes('評価項目（1行に「項目:重み」）: '))
    const good = await secretariat.postForm('/proposals/campaigns', fields)
    assert.equal(good.status, 303)
  })
})
