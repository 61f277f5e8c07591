import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { findJob } from '../../jobs/queue.ts'
import { createTestApp, type TestApp } from '../../testing/app.ts'
import type { Medium, Survey } from './pr.types.ts'
import { surveyImportJobHandler } from './survey.import.ts'

let t: TestApp
before(async () => {
  t = await createTestApp()
})
after(() => t.close())

interface SurveyJson {
  survey: Survey
  units: { unitId: string; unitName: string; answeredAt: string | null; reminders: number }[]
}
const json = async <T>(res: Response) => (await res.json()) as T

async function demoSurvey() {
  const staff = await t.signIn('staff')
  const { surveys } = await json<{ surveys: Survey[] }>(await staff.get('/api/v1/pr/surveys'))
  return json<SurveyJson>(await staff.get(`/api/v1/pr/surveys/${surveys[0]!.id}`))
}

async function workbook(rows: (string | number)[][]) {
  const { default: Excel } = await import('exceljs')
  const wb = new Excel.Workbook()
  const sheet = wb.addWorksheet('広報媒体')
  sheet.addRow([
    '媒体名',
    '種別',
    'URL',
    '対象者',
    '対象事業',
    '年間経費（円）',
    '到達指標',
    '到達数',
  ])
  for (const row of rows) sheet.addRow(row)
  return new Uint8Array(await wb.xlsx.writeBuffer())
}

async function upload(
  client: ReturnType<TestApp['client']>,
  path: string,
  bytes: Uint8Array,
  name = 'answer.xlsx',
) {
  const form = new FormData()
  form.set('_csrf', client.csrf)
  form.set('file', new File([bytes as Uint8Array<ArrayBuffer>], name))
  return client.request(path, { method: 'POST', body: form })
}

/** Runs the queued import job the way the worker would. */
async function runJob(importPath: string) {
  const importId = importPath.split('/').pop()!
  const row = await t.database.db
    .selectFrom('pr_imports')
    .select('job_id')
    .where('id', '=', importId)
    .executeTakeFirstOrThrow()
  const job = (await findJob(t.database.db, row.job_id!))!
  const seen: number[] = []
  await surveyImportJobHandler({
    db: t.database.db,
    job,
    progress: async (done) => {
      seen.push(done)
    },
  })
  return seen
}

describe('pr survey', () => {
  test("the seed's survey runs mid-September to early October; who has answered and who has not", async () => {
    const { survey, units } = await demoSurvey()
    assert.equal(survey.opensOn.slice(5), '09-12')
    assert.equal(survey.closesOn.slice(5), '10-07')
    assert.equal(survey.unitCount, 6 + 23, 'six departments and 23 offices')
    assert.equal(survey.answeredCount, 10)
    assert.equal(units.find((u) => u.unitName === '商工部')?.answeredAt, null)
    assert.ok(units.find((u) => u.unitName === '雇用就業部')?.answeredAt)
    const page = await (await (await t.signIn('staff')).get(`/pr/surveys/${survey.id}`)).text()
    assert.ok(page.includes('回答 10 / 29'))
    // The survey period is on the schedule (workstream ②).
    const { tasks } = await json<{ tasks: { source: string | null; workstreamCode: string }[] }>(
      await (await t.signIn('staff')).get('/api/v1/schedule/tasks'),
    )
    assert.ok(tasks.some((x) => x.source === 'pr.survey' && x.workstreamCode === '②'))
  })

  test('a unit answers; reminders reach those who answer for units that have not', async () => {
    const { survey, units } = await demoSurvey()
    const ikebukuro = units.find((u) => u.unitName === '池袋事務所')!
    const osaki = units.find((u) => u.unitName === '大崎事務所')!
    const manager = await t.signIn('office_manager')
    const base = `/pr/surveys/${survey.id}/units`
    assert.equal((await manager.postForm(`${base}/${osaki.unitId}/answer`, {})).status, 403)
    assert.equal(
      (await (await t.signIn('staff')).postForm(`${base}/${ikebukuro.unitId}/answer`, {})).status,
      403,
    )
    const long = await manager.postForm(`${base}/${ikebukuro.unitId}/answer`, {
      note: 'x'.repeat(2001),
    })
    assert.equal(long.status, 400)
    const res = await manager.postForm(`${base}/${ikebukuro.unitId}/answer`, { note: '媒体なし' })
    assert.equal(res.status, 303)
    const after = await demoSurvey()
    assert.equal(after.survey.answeredCount, 11)

    assert.equal((await manager.postForm(`/pr/surveys/${survey.id}/remind`, {})).status, 403)
    const secretariat = await t.signIn('hq_secretariat')
    assert.equal((await secretariat.postForm(`/pr/surveys/${survey.id}/remind`, {})).status, 303)
    const db = t.database.db
    const shokoLead = await t.userId('dept-lead@demo.kaikaku.example')
    const notices = await db
      .selectFrom('notifications')
      .select(['title', 'link'])
      .where('user_id', '=', shokoLead)
      .execute()
    assert.ok(
      notices.some(
        (n) =>
          n.title.startsWith('【督促】') && n.link?.includes(`/pr/surveys/${survey.id}/units/`),
      ),
    )
    const managerId = await t.userId('office-manager@demo.kaikaku.example')
    const own = await db
      .selectFrom('notifications')
      .select('id')
      .where('user_id', '=', managerId)
      .execute()
    assert.equal(own.length, 0, 'Ikebukuro answered: its manager is not reminded')
    const mails = await db
      .selectFrom('jobs')
      .select('id')
      .where('kind', '=', 'notification.email')
      .execute()
    assert.ok(mails.length >= notices.length)
    const reminded = await demoSurvey()
    assert.equal(reminded.units.find((u) => u.unitName === '商工部')?.reminders, 1)
    assert.equal(reminded.units.find((u) => u.unitName === '池袋事務所')?.reminders, 0)
  })

  test('a unit answers with an xlsx: imported by a job with progress, bad rows reported', async () => {
    const { survey, units } = await demoSurvey()
    const shoko = units.find((u) => u.unitName === '商工部')!
    const lead = await t.signIn('dept_lead')
    const path = `/pr/surveys/${survey.id}/units/${shoko.unitId}/import`
    assert.equal((await upload(lead, path, new TextEncoder().encode('not a workbook'))).status, 400)
    const bytes = await workbook([
      [
        '商店街まつり支援ガイド',
        'パンフレット・冊子',
        '',
        '中小企業、観光客・来訪者',
        'SR-SHOKO-006',
        '1,200,000',
        '配布部数',
        5000,
      ],
      ['ラジオ番組', 'ラジオ', '', '都民一般', '', '', '', ''],
      ['創業サイト', 'web', 'https://example.jp/', '宇宙人', '', '', '', ''],
    ])
    const res = await upload(lead, path, bytes)
    assert.equal(res.status, 303)
    const statusPath = res.headers.get('location')!
    const seen = await runJob(statusPath)
    assert.deepEqual(seen, [0, 1, 2, 3])
    const page = await (await lead.get(statusPath)).text()
    assert.ok(page.includes('新規 1件、更新 0件、エラー 2件'))
    assert.ok(page.includes('<progress'))
    const staff = await t.signIn('staff')
    const { media } = await json<{ media: Medium[] }>(await staff.get('/api/v1/pr/media'))
    const added = media.find((m) => m.name === '商店街まつり支援ガイド')!
    assert.deepEqual(
      [added.unitName, added.costPerYear, added.reachValue],
      ['商工部', 1_200_000, 5000],
    )
    assert.deepEqual(
      added.audiences.map((a) => a.name),
      ['中小企業', '観光客・来訪者'],
    )
    assert.ok((await demoSurvey()).units.find((u) => u.unitName === '商工部')?.answeredAt)
    // Importing again updates by name instead of adding twice.
    const again = await upload(
      lead,
      path,
      await workbook([['商店街まつり支援ガイド', 'print', '', '中小企業', '', '', '', '']]),
    )
    await runJob(again.headers.get('location')!)
    const text = await (await lead.get(again.headers.get('location')!)).text()
    assert.ok(text.includes('新規 0件、更新 1件、エラー 0件'))
    // Only the uploader (or the secretariat) may see an import.
    assert.equal((await staff.get(statusPath)).status, 403)
    // Someone else's unit: 403.
    const osaki = units.find((u) => u.unitName === '大崎事務所')!
    const other = `/pr/surveys/${survey.id}/units/${osaki.unitId}/import`
    assert.equal((await upload(await t.signIn('office_manager'), other, bytes)).status, 403)
  })

  test('a workbook that is not one, or has no headings, fails with its reason', async () => {
    const { survey, units } = await demoSurvey()
    const shoko = units.find((u) => u.unitName === '商工部')!
    const lead = await t.signIn('dept_lead')
    const path = `/pr/surveys/${survey.id}/units/${shoko.unitId}/import`
    const broken = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6])
    const res = await upload(lead, path, broken)
    await runJob(res.headers.get('location')!)
    assert.ok(
      (await (await lead.get(res.headers.get('location')!)).text()).includes(
        'Excelファイルとして読み取れません',
      ),
    )
    const { default: Excel } = await import('exceljs')
    const wb = new Excel.Workbook()
    wb.addWorksheet('x').addRow(['a', 'b'])
    const headless = await upload(lead, path, new Uint8Array(await wb.xlsx.writeBuffer()))
    await runJob(headless.headers.get('location')!)
    assert.ok(
      (await (await lead.get(headless.headers.get('location')!)).text()).includes(
        '見出しがありません',
      ),
    )
  })

  test('the secretariat opens and closes a survey; a closed survey takes no answers', async () => {
    const secretariat = await t.signIn('hq_secretariat')
    const bad = await secretariat.postForm('/pr/surveys', {
      title: '臨時調査',
      opensOn: '2026-12-10',
      closesOn: '2026-12-01',
    })
    assert.equal(bad.status, 400)
    assert.equal(
      (
        await (
          await t.signIn('pr_team')
        ).postForm('/pr/surveys', { title: 'x', opensOn: '2026-12-01', closesOn: '2026-12-02' })
      ).status,
      403,
    )
    const res = await secretariat.postForm('/pr/surveys', {
      title: '臨時調査',
      opensOn: '2026-12-01',
      closesOn: '2026-12-10',
    })
    assert.equal(res.status, 303)
    const id = res.headers.get('location')!.split('?')[0]!.split('/').pop()!
    assert.equal((await secretariat.postForm(`/pr/surveys/${id}/close`, {})).status, 303)
    assert.equal((await secretariat.postForm(`/pr/surveys/${id}/close`, {})).status, 409)
    const detail = await json<SurveyJson>(await secretariat.get(`/api/v1/pr/surveys/${id}`))
    const unit = detail.units[0]!
    assert.equal(
      (await secretariat.postForm(`/pr/surveys/${id}/units/${unit.unitId}/answer`, {})).status,
      409,
    )
  })
})
