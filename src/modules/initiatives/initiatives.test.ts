import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { createTestApp, type TestApp } from '../../testing/app.ts'

let t: TestApp

before(async () => {
  t = await createTestApp()
})
after(() => t.close())

interface Item {
  id: string
  no: number
  title: string
  unitLabel: string
  unitId: string
  version: number
  check: { version: number } | null
  hqOutcome: string | null
  hqFeedback: string | null
}

async function initiatives(): Promise<Item[]> {
  const client = await t.signIn('staff')
  return ((await (await client.get('/api/v1/initiatives')).json()) as { initiatives: Item[] })
    .initiatives
}
const ikebukuroInitiative = async () => (await initiatives()).find((i) => i.no === 7)!

describe('initiatives', () => {
  test("the seed's 32 initiatives with their titles and units as written", async () => {
    const list = await initiatives()
    assert.equal(list.length, 32)
    assert.equal(list[0]!.title, '事務所内での職場交流体験等を通じた意識啓発・相互理解の促進')
    assert.equal(list.find((i) => i.no === 5)!.unitLabel, '労働相談情報センター（飯田橋）等')
    assert.equal(list.find((i) => i.no === 32)!.unitLabel, '雇用就業部')
    const staff = await t.signIn('staff')
    const page = await (await staff.get('/initiatives')).text()
    assert.ok(page.includes('「しごとダイエット2016」プロジェクト'))
    assert.equal((await t.client().get('/initiatives')).status, 401)
  })

  test('the office files its mid-term check; others may not; a stale revision is 409', async () => {
    const item = await ikebukuroInitiative()
    assert.equal(item.check, null)
    const staff = await t.signIn('staff')
    const check = { status: 'on_track', progressNote: '防災訓練を2回実施した。' }
    assert.equal((await staff.postForm(`/initiatives/${item.id}/midterm`, check)).status, 403)
    const lead = await t.signIn('dept_lead') // 商工部: not 池袋事務所's department
    assert.equal(
      (await lead.sendJson('PUT', `/api/v1/initiatives/${item.id}/midterm`, check)).status,
      403,
    )
    const manager = await t.signIn('office_manager')
    const empty = await manager.postForm(`/initiatives/${item.id}/midterm`, {
      status: 'on_track',
      progressNote: ' ',
    })
    assert.equal(empty.status, 400)
    assert.match(await empty.text(), /入力内容を確認してください/)
    assert.equal(
      (await manager.postForm(`/initiatives/${item.id}/midterm`, { ...check, status: 'done' }))
        .status,
      400,
    )
    const res = await manager.postForm(`/initiatives/${item.id}/midterm`, check)
    assert.equal(res.status, 303)
    const filed = await ikebukuroInitiative()
    assert.equal(filed.check!.version, 1)
    // Filing again as if for the first time, or on an old version, is a conflict.
    assert.equal((await manager.postForm(`/initiatives/${item.id}/midterm`, check)).status, 409)
    assert.equal(
      (await manager.postForm(`/initiatives/${item.id}/midterm`, { ...check, version: '1' }))
        .status,
      303,
    )
    assert.equal(
      (await manager.postForm(`/initiatives/${item.id}/midterm`, { ...check, version: '1' }))
        .status,
      409,
    )
  })

  test('monthly work–life balance figures: entered once per month, drawn against the target', async () => {
    const item = await ikebukuroInitiative()
    const manager = await t.signIn('office_manager')
    const url = `/api/v1/initiatives/units/${item.unitId}/wlb`
    const before = (await (await manager.get(url)).json()) as {
      figures: unknown[]
      fiscalYear: number
      target: { overtimeHours: number }
    }
    assert.equal(before.target.overtimeHours, 12)
    const month = `${before.fiscalYear + 1}-03`
    assert.equal(
      (await manager.sendJson('POST', url, { month, overtimeHours: 9.5, leaveDays: 2 })).status,
      201,
    )
    const twice = await manager.sendJson('POST', url, { month, overtimeHours: 8, leaveDays: 1 })
    assert.equal(twice.status, 400)
    assert.match(JSON.stringify(await twice.json()), /すでに入力されています/)
    assert.equal(
      (await manager.sendJson('POST', url, { month: '2026-13', overtimeHours: 1, leaveDays: 1 }))
        .status,
      400,
    )
    assert.equal(
      (await manager.sendJson('POST', url, { month: '2026-12', overtimeHours: -1, leaveDays: 1 }))
        .status,
      400,
    )
    assert.equal((await manager.sendJson('POST', url, '{bad')).status, 400)
    const staff = await t.signIn('staff')
    assert.equal(
      (await staff.sendJson('POST', url, { month: '2026-12', overtimeHours: 1, leaveDays: 1 }))
        .status,
      403,
    )
    const after = (await (await manager.get(url)).json()) as {
      figures: { overtimeHours: number }[]
    }
    assert.equal(after.figures.length, before.figures.length + 1)
    assert.equal(after.figures.at(-1)!.overtimeHours, 9.5)
    const page = await (await manager.get(`/initiatives/units/${item.unitId}/wlb`)).text()
    assert.equal((page.match(/<svg[^>]*role="img"/g) ?? []).length, 2)
    assert.match(page, /<caption>月別実績/)
    const form = await manager.postForm(`/initiatives/units/${item.unitId}/wlb`, {
      month,
      overtimeHours: '1',
      leaveDays: '1',
    })
    assert.equal(form.status, 400)
    assert.match(await form.text(), /この月の実績はすでに入力されています/)
  })

  test("the year's targets are set on the page by the office, refused per field when out of range", async () => {
    const item = await ikebukuroInitiative()
    const manager = await t.signIn('office_manager')
    const page = `/initiatives/units/${item.unitId}/wlb`
    const html = await (await manager.get(page)).text()
    assert.match(html, /<h2 id="target-title">年度の目標を設定する<\/h2>/)
    const fiscalYear = /name="fiscalYear" value="(\d{4})"/.exec(html)![1]!
    const target = `${page}-target`
    const bad = await manager.postForm(target, {
      fiscalYear,
      targetForm: '1',
      targetOvertimeHours: '-3',
      targetLeaveDays: '15',
    })
    assert.equal(bad.status, 400)
    const badHtml = await bad.text()
    assert.match(badHtml, /id="field-targetOvertimeHours"[^>]*aria-invalid="true"/)
    assert.match(badHtml, /value="-3"/, 'what was typed is kept')
    const ok = await manager.postForm(target, {
      fiscalYear,
      targetForm: '1',
      targetOvertimeHours: '10',
      targetLeaveDays: '16',
    })
    assert.equal(ok.status, 303)
    const api = (await (
      await manager.get(`/api/v1/initiatives/units/${item.unitId}/wlb?fy=${fiscalYear}`)
    ).json()) as {
      target: { overtimeHours: number; leaveDays: number }
    }
    assert.deepEqual(api.target, { overtimeHours: 10, leaveDays: 16 })
    const staff = await t.signIn('staff')
    const refused = await staff.postForm(target, {
      fiscalYear,
      targetOvertimeHours: '1',
      targetLeaveDays: '1',
    })
    assert.equal(refused.status, 403)
  })

  test('report meetings go on the schedule as ★ of workstream ④', async () => {
    const item = await ikebukuroInitiative()
    const secretariat = await t.signIn('hq_secretariat')
    const staff = await t.signIn('staff')
    const fields = {
      title: '第2回報告会',
      heldOn: '2027-01-20',
      place: '会議室',
      initiativeIds: item.id,
    }
    assert.equal((await staff.postForm('/initiatives/report-meetings', fields)).status, 403)
    assert.equal(
      (
        await secretariat.postForm('/initiatives/report-meetings', {
          ...fields,
          heldOn: '2027-02-30',
        })
      ).status,
      400,
    )
    const res = await secretariat.postForm('/initiatives/report-meetings', fields)
    assert.equal(res.status, 303)
    const meetingId = res.headers.get('location')!.split('/').pop()!.split('?')[0]!
    const schedule = (await (await staff.get('/api/v1/schedule/tasks')).json()) as {
      tasks: {
        title: string
        source: string | null
        sourceId: string | null
        milestone: boolean
        startsOn: string
        workstreamCode: string
      }[]
    }
    const task = schedule.tasks.find((x) => x.sourceId === meetingId)!
    assert.deepEqual(
      [task.title, task.milestone, task.startsOn, task.workstreamCode],
      ['第2回報告会', true, '2027-01-20', '④'],
    )
    assert.ok(
      (await (await staff.get(`/initiatives/report-meetings/${meetingId}`)).text()).includes(
        item.title,
      ),
    )
  })

  test('the report to HQ: decided at an HQ meeting, with feedback flowing back to each office', async () => {
    const secretariat = await t.signIn('hq_secretariat')
    const staff = await t.signIn('staff')
    const fy = (await (await staff.get('/api/v1/schedule/tasks')).json()) as { today: string }
    const fiscalYear = Number(fy.today.slice(0, 4)) - (Number(fy.today.slice(5, 7)) < 4 ? 1 : 0)
    const input = { fiscalYear, title: '中間報告', summary: '各事業所の中間点検の結果' }
    assert.equal((await staff.sendJson('POST', '/api/v1/initiatives/reports', input)).status, 403)
    assert.equal(
      (await secretariat.sendJson('POST', '/api/v1/initiatives/reports', { ...input, summary: '' }))
        .status,
      400,
    )
    const created = await secretariat.sendJson('POST', '/api/v1/initiatives/reports', input)
    assert.equal(created.status, 201)
    const { id: reportId } = (await created.json()) as { id: string }
    // Nothing is left to report until another check is filed.
    assert.equal(
      (await secretariat.sendJson('POST', '/api/v1/initiatives/reports', input)).status,
      400,
    )

    const meeting = (await (
      await secretariat.sendJson('POST', '/api/v1/hq/meetings', {
        title: '第3回本部会議',
        heldOn: '2026-11-30',
      })
    ).json()) as { meeting: { id: string } }
    const detail = (await (
      await secretariat.get(`/api/v1/hq/meetings/${meeting.meeting.id}`)
    ).json()) as { awaiting: { source: { kind: string }; items: { refId: string }[] }[] }
    assert.deepEqual(
      detail.awaiting[0]!.items.map((i) => i.refId),
      [reportId],
    )
    const pull = { sourceKind: 'initiatives.report', refId: reportId }
    const member = await t.signIn('hq_member')
    assert.equal(
      (await member.sendJson('POST', `/api/v1/hq/meetings/${meeting.meeting.id}/agenda`, pull))
        .status,
      403,
    )
    const added = await secretariat.sendJson(
      'POST',
      `/api/v1/hq/meetings/${meeting.meeting.id}/agenda`,
      pull,
    )
    assert.equal(added.status, 201)
    assert.equal(
      (await secretariat.sendJson('POST', `/api/v1/hq/meetings/${meeting.meeting.id}/agenda`, pull))
        .status,
      400,
    )
    const { id: itemId } = (await added.json()) as { id: string }

    const decision = { outcome: 'approved', note: '防災の取組を他の事業所にも広げてください。' }
    assert.equal(
      (await member.sendJson('POST', `/api/v1/hq/agenda/${itemId}/decision`, decision)).status,
      403,
    )
    assert.equal(
      (
        await secretariat.sendJson('POST', `/api/v1/hq/agenda/${itemId}/decision`, {
          ...decision,
          outcome: 'maybe',
        })
      ).status,
      400,
    )
    const chief = await t.signIn('hq_chief')
    assert.equal(
      (await chief.sendJson('POST', `/api/v1/hq/agenda/${itemId}/decision`, decision)).status,
      200,
    )
    assert.equal(
      (await chief.sendJson('POST', `/api/v1/hq/agenda/${itemId}/decision`, decision)).status,
      409,
    )

    const reported = (await initiatives()).filter((i) => i.hqOutcome)
    assert.equal(reported.length, 5)
    assert.ok(reported.every((i) => i.hqFeedback === decision.note))
    const manager = await t.signIn('office_manager')
    const page = await (
      await manager.get(`/initiatives/${(await ikebukuroInitiative()).id}`)
    ).text()
    assert.ok(page.includes(decision.note))
    // The office's manager is told in the inbox; the member of staff, who is not in charge, is not.
    const inbox = await (await manager.get('/inbox')).text()
    assert.ok(inbox.includes('本部からのフィードバック'))
    assert.ok(!(await (await staff.get('/inbox')).text()).includes('本部からのフィードバック'))
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select('data')
      .where('action', '=', 'initiative.reported')
      .execute()
    assert.deepEqual(
      audit.map((a) => a.data.title),
      ['中間報告'],
    )

    // HQ's word to one office in particular.
    const item = await ikebukuroInitiative()
    const fb = { feedback: '池袋事務所の訓練は好事例として共有します。', version: item.version }
    assert.equal(
      (
        await manager.postForm(`/initiatives/${item.id}/feedback`, {
          ...fb,
          version: String(fb.version),
        })
      ).status,
      403,
    )
    assert.equal(
      (
        await secretariat.postForm(`/initiatives/${item.id}/feedback`, {
          ...fb,
          version: String(fb.version),
        })
      ).status,
      303,
    )
    assert.equal(
      (
        await secretariat.postForm(`/initiatives/${item.id}/feedback`, {
          ...fb,
          version: String(fb.version),
        })
      ).status,
      409,
    )
    assert.equal((await ikebukuroInitiative()).hqFeedback, fb.feedback)
  })
})
