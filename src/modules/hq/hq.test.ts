import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { after, before, describe, test } from 'node:test'
import { createTestApp, type TestApp } from '../../testing/app.ts'

let t: TestApp

before(async () => {
  t = await createTestApp()
})
after(() => t.close())

interface Detail {
  meeting: { id: string; title: string; heldOn: string }
  agenda: { id: string; title: string; outcome: string | null }[]
  attendance: { personId: string; name: string; present: boolean | null }[]
  materials: { id: string; title: string }[]
}

describe('hq', () => {
  test("the seed's meetings of 9/2 and 9/16, the policy decided at the second", async () => {
    const member = await t.signIn('hq_member')
    const { meetings } = (await (await member.get('/api/v1/hq/meetings')).json()) as {
      meetings: { id: string; heldOn: string; title: string }[]
    }
    assert.deepEqual(
      meetings.map((m) => m.heldOn.slice(5)),
      ['09-16', '09-02'],
    )
    const second = (await (
      await member.get(`/api/v1/hq/meetings/${meetings[0]!.id}`)
    ).json()) as Detail
    assert.deepEqual(
      second.agenda.map((a) => [a.title, a.outcome]),
      [['産業労働局の自律改革の推進方針', 'approved']],
    )
    assert.equal(second.attendance.length, 7)
    assert.ok(second.attendance.every((a) => a.present))
    const page = await (await member.get(`/hq/meetings/${meetings[0]!.id}`)).text()
    assert.ok(page.includes('第2回 産業労働局業務改革推進本部'))
  })

  test('who may see and run HQ: 401 signed out, 403 for staff and office managers', async () => {
    assert.equal((await t.client().get('/hq')).status, 401)
    assert.equal((await (await t.signIn('staff')).get('/hq')).status, 403)
    assert.equal((await (await t.signIn('office_manager')).get('/api/v1/hq/meetings')).status, 403)
    assert.equal((await (await t.signIn('dept_lead')).get('/hq')).status, 200)
    const member = await t.signIn('hq_member')
    assert.equal(
      (await member.postForm('/hq/meetings', { title: '臨時会議', heldOn: '2026-12-01' })).status,
      403,
    )
  })

  test('the secretariat convenes a meeting, sets its agenda, files materials, takes attendance; the chief decides', async () => {
    const secretariat = await t.signIn('hq_secretariat')
    assert.equal(
      (await secretariat.postForm('/hq/meetings', { title: '', heldOn: '2026-12-01' })).status,
      400,
    )
    assert.equal(
      (await secretariat.postForm('/hq/meetings', { title: '第3回', heldOn: '2026-12-32' })).status,
      400,
    )
    const res = await secretariat.postForm('/hq/meetings', {
      title: '第3回 産業労働局業務改革推進本部',
      heldOn: '2026-12-02',
      place: '第一本庁舎',
    })
    assert.equal(res.status, 303)
    const id = res.headers.get('location')!.split('/').pop()!.split('?')[0]!
    assert.equal(
      (
        await secretariat.postForm(`/hq/meetings/${id}/agenda-free`, {
          title: '若手職員グループの政策提案について',
          summary: '報告',
        })
      ).status,
      303,
    )
    assert.equal(
      (await secretariat.postForm(`/hq/meetings/${id}/agenda-free`, { title: '' })).status,
      400,
    )
    assert.equal(
      (await secretariat.postForm(`/hq/meetings/${id}/agenda`, { sourceKind: 'nope', refId: 'x' }))
        .status,
      400,
    )
    assert.equal(
      (
        await secretariat.postForm(`/hq/meetings/${id}/materials`, {
          materialTitle: '資料1 提案一覧',
          body: '…',
        })
      ).status,
      303,
    )
    let detail = (await (await secretariat.get(`/api/v1/hq/meetings/${id}`)).json()) as Detail
    const [chief, ...rest] = detail.attendance
    assert.equal(
      (await secretariat.postForm(`/hq/meetings/${id}/attendance`, { present: randomUUID() }))
        .status,
      400,
    )
    const body = new URLSearchParams([
      ['_csrf', secretariat.csrf],
      ['present', chief!.personId],
      ['present', rest[0]!.personId],
    ])
    const attendance = await secretariat.request(`/hq/meetings/${id}/attendance`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: body.toString(),
    })
    assert.equal(attendance.status, 303)
    detail = (await (await secretariat.get(`/api/v1/hq/meetings/${id}`)).json()) as Detail
    assert.deepEqual(
      detail.attendance.map((a) => a.present),
      [true, true, false, false, false, false, false],
    )
    assert.deepEqual(
      detail.materials.map((m) => m.title),
      ['資料1 提案一覧'],
    )
    // A material may be a file: kept in the file store, refused when it is not a document.
    const pdf = new File(['%PDF-1.4\n%%EOF\n'], '資料2_見直し案.pdf', { type: 'application/pdf' })
    const upload = await secretariat.postMultipart(`/hq/meetings/${id}/materials`, {
      materialTitle: '資料2 見直し案',
      materialFile: pdf,
    })
    assert.equal(upload.status, 303)
    const exe = new File(['MZ\x90\x00'], 'tool.exe', { type: 'application/octet-stream' })
    const refused = await secretariat.postMultipart(`/hq/meetings/${id}/materials`, {
      materialTitle: '実行ファイル',
      materialFile: exe,
    })
    assert.equal(refused.status, 400)
    assert.match(await refused.text(), /id="error-materialFile"/)
    detail = (await (await secretariat.get(`/api/v1/hq/meetings/${id}`)).json()) as Detail
    const filed = detail.materials.find((m) => m.title === '資料2 見直し案')!
    assert.equal(detail.materials.length, 2, 'the refused file left nothing behind')
    const lead = await t.signIn('dept_lead')
    const download = await lead.get(`/hq/meetings/${id}/materials/${filed.id}/file`)
    assert.equal(download.status, 200)
    assert.match(download.headers.get('content-disposition') ?? '', /filename\*=UTF-8''/)
    assert.equal((await download.text()).slice(0, 8), '%PDF-1.4')
    const staff = await t.signIn('staff')
    assert.equal((await staff.get(`/hq/meetings/${id}/materials/${filed.id}/file`)).status, 403)

    const item = detail.agenda[0]!
    const chiefClient = await t.signIn('hq_chief')
    assert.equal(
      (
        await chiefClient.postForm(`/hq/agenda/${item.id}/decision`, {
          outcome: 'noted',
          note: '了承',
        })
      ).status,
      303,
    )
    const again = await chiefClient.postForm(`/hq/agenda/${item.id}/decision`, {
      outcome: 'approved',
    })
    assert.equal(again.status, 409)
    assert.match(await again.text(), /すでに決定されています/)
    assert.equal(
      (await chiefClient.postForm(`/hq/agenda/${randomUUID()}/decision`, { outcome: 'approved' }))
        .status,
      404,
    )
  })
})
