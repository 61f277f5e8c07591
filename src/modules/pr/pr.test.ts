import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { createTestApp, type TestApp } from '../../testing/app.ts'
import type { Matrix, Medium } from './pr.types.ts'

let t: TestApp
before(async () => {
  t = await createTestApp()
})
after(() => t.close())

type MatrixJson = Matrix & {
  findings: { kind: string; programName: string; audienceName: string; media: { name: string }[] }[]
}
const json = async <T>(res: Response) => (await res.json()) as T
const finding = (m: MatrixJson, program: string, audience: string) =>
  m.findings.find((f) => f.programName === program && f.audienceName === audience)

async function ids() {
  const staff = await t.signIn('staff')
  const { media } = await json<{ media: Medium[] }>(await staff.get('/api/v1/pr/media'))
  const { units } = await json<{ units: { id: string; code: string; name: string }[] }>(
    await staff.get('/api/v1/org/units'),
  )
  const unit = (name: string) => units.find((u) => u.name === name)!.id
  const { audiences } = await json<{ audiences: { id: string; name: string }[] }>(
    await staff.get('/api/v1/pr/audiences'),
  )
  const audience = (name: string) => audiences.find((a) => a.name === name)!.id
  const m = await json<MatrixJson>(await staff.get('/api/v1/pr/matrix'))
  const program = (name: string) => m.rows.find((r) => r.name === name)!.programId
  return { media, unit, audience, program }
}

describe('pr inventory and matrix', () => {
  test("the seed's inventory: media with owners, audiences, programmes, cost and reach", async () => {
    const staff = await t.signIn('staff')
    const { media } = await json<{ media: Medium[] }>(await staff.get('/api/v1/pr/media'))
    assert.equal(media.length, 20)
    const guide = media.find((m) => m.name === '中小企業支援施策ガイドブック')!
    assert.equal(guide.unitName, '経営支援課')
    assert.equal(guide.departmentName, '商工部')
    assert.equal(guide.channel, 'print')
    assert.deepEqual([guide.printRun, guide.stock, guide.costPerYear], [30_000, 6_500, 4_200_000])
    assert.deepEqual(
      guide.programs.map((p) => p.code),
      ['SR-KINYU-002', 'SR-SHOKO-001', 'SR-SHOKO-002', 'SR-SHOKO-008'],
    )
    const prints = await json<{ media: Medium[] }>(
      await staff.get('/api/v1/pr/media?channel=print'),
    )
    assert.equal(prints.media.length, 6)
    assert.ok(prints.media.every((m) => m.channel === 'print'))
    const page = await (await staff.get('/pr')).text()
    assert.ok(page.includes('TOKYOはたらくネット'))
  })

  test('the matrix shows overlaps of different units and gaps of targeted audiences', async () => {
    const staff = await t.signIn('staff')
    const m = await json<MatrixJson>(await staff.get('/api/v1/pr/matrix'))
    assert.equal(m.rows.length, 35)
    assert.equal(m.audiences.length, 10)
    assert.equal(m.overlaps, 12)
    assert.equal(m.gaps, 10)
    const training = finding(m, '離職者等再就職訓練事業', '求職者')!
    assert.equal(training.kind, 'overlap')
    assert.equal(training.media.length, 3)
    assert.equal(finding(m, '若年者就業支援（しごとセンター）事業', '若者・学生')?.kind, 'gap')
    // Two media of one unit (観光部振興課's site and advertisement) are not an overlap.
    assert.equal(finding(m, '風評被害対策観光PR事業', '観光客・来訪者'), undefined)
    // Filters: a channel counts only its media; a policy area keeps its programmes.
    const print = await json<MatrixJson>(await staff.get('/api/v1/pr/matrix?channel=print'))
    assert.equal(finding(print, '離職者等再就職訓練事業', '求職者')?.media.length, 2)
    const tourism = await json<MatrixJson>(await staff.get('/api/v1/pr/matrix?area=tourism'))
    assert.equal(tourism.rows.length, 6)
    const html = await (await staff.get('/pr/matrix?area=tourism')).text()
    assert.match(html, /<svg[^>]*role="img"/)
    assert.ok(html.includes('<caption>'))
    assert.equal((await staff.get('/api/v1/pr/matrix?channel=radio')).status, 400)
  })

  test('the matrix exports to xlsx with the matrix, the findings and the media', async () => {
    const staff = await t.signIn('staff')
    const res = await staff.get('/pr/matrix.xlsx')
    assert.equal(res.status, 200)
    const { default: Excel } = await import('exceljs')
    const wb = new Excel.Workbook()
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as never)
    assert.deepEqual(
      wb.worksheets.map((w) => w.name),
      ['カバー状況', '重複と漏れ', '広報媒体'],
    )
    assert.equal(wb.getWorksheet('カバー状況')!.rowCount, 36)
    assert.equal(wb.getWorksheet('重複と漏れ')!.rowCount, 23)
    assert.equal(wb.getWorksheet('広報媒体')!.rowCount, 21)
  })

  test('who may do what: 401 signed out, 403 outside one’s units, 400 bad input, 409 stale', async () => {
    assert.equal((await t.client().get('/pr')).status, 401)
    assert.equal((await t.client().get('/api/v1/pr/matrix')).status, 401)
    const { media, unit, audience } = await ids()
    const staff = await t.signIn('staff')
    const input = {
      unitId: unit('池袋事務所'),
      name: '池袋事務所 労働セミナー',
      channel: 'event',
      audienceIds: [audience('中小企業')],
      reachMetric: 'attendees',
      reachValue: 800,
    }
    assert.equal((await staff.sendJson('POST', '/api/v1/pr/media', input)).status, 403)
    const manager = await t.signIn('office_manager')
    assert.equal(
      (await manager.sendJson('POST', '/api/v1/pr/media', { ...input, unitId: unit('大崎事務所') }))
        .status,
      403,
    )
    const bad = await manager.sendJson('POST', '/api/v1/pr/media', {
      ...input,
      channel: 'radio',
      reachFrom: '2016-02-30',
      costPerYear: -1,
    })
    assert.equal(bad.status, 400)
    const { error } = await json<{ error: { fields: Record<string, string[]> } }>(bad)
    assert.deepEqual(Object.keys(error.fields).sort(), ['channel', 'costPerYear', 'reachFrom'])
    const created = await manager.sendJson('POST', '/api/v1/pr/media', input)
    assert.equal(created.status, 201)
    const { medium } = await json<{ medium: Medium }>(created)
    assert.equal(
      (await manager.sendJson('POST', '/api/v1/pr/media', input)).status,
      400,
      'a duplicate name in one unit',
    )
    const put = (version: number) =>
      manager.sendJson('PUT', `/api/v1/pr/media/${medium.id}`, { ...input, version, stock: 5 })
    assert.equal((await put(1)).status, 200)
    assert.equal((await put(1)).status, 409)
    // The form keeps what was typed after a conflict.
    const form = await manager.postForm(`/pr/media/${medium.id}`, {
      ...input,
      audienceIds: input.audienceIds[0]!,
      reachValue: '801',
      version: '1',
    })
    assert.equal(form.status, 409)
    assert.ok((await form.text()).includes('value="801"'))
    // Someone else's medium cannot be changed or deleted by an office manager.
    const other = media.find((m) => m.name === 'TOKYOはたらくネット')!
    assert.equal(
      (await manager.request(`/api/v1/pr/media/${other.id}`, { method: 'DELETE' })).status,
      403,
    )
    assert.equal((await manager.postForm(`/pr/media/${other.id}/delete`, {})).status, 403)
    assert.equal((await staff.get('/pr/media/not-a-uuid')).status, 404)
    assert.equal((await manager.postForm(`/pr/media/${medium.id}/delete`, {})).status, 303)
  })

  test('the PR desk sets targets and audiences; a new target without media becomes a gap', async () => {
    const secretariat = await t.signIn('hq_secretariat')
    assert.equal((await secretariat.postForm('/pr/audiences', { name: '中小企業' })).status, 400)
    assert.equal((await secretariat.postForm('/pr/audiences', { name: '外国人' })).status, 303)
    const { program, audience } = await ids()
    const staff = await t.signIn('staff')
    assert.equal((await staff.postForm('/pr/audiences', { name: '学生' })).status, 403)
    const id = program('MICE誘致推進事業')
    assert.equal(
      (await staff.postForm(`/pr/targets/${id}`, { audienceIds: audience('外国人') })).status,
      403,
    )
    const res = await secretariat.postForm(`/pr/targets/${id}`, { audienceIds: audience('外国人') })
    assert.equal(res.status, 303)
    const m = await json<MatrixJson>(await staff.get('/api/v1/pr/matrix'))
    assert.equal(finding(m, 'MICE誘致推進事業', '外国人')?.kind, 'gap')
    assert.equal(
      (await secretariat.postForm(`/pr/targets/${id}`, { audienceIds: 'not-an-id' })).status,
      400,
    )
  })

  test('the PR team page says which departments break the seed rule', async () => {
    const page = await (await (await t.signIn('pr_team')).get('/pr/team')).text()
    // 商工部 and 観光部 have no office in the demo (only affiliated bodies), 総務部 and 金融部 none at all.
    assert.ok(page.includes('ルールを満たしていない部: 総務部、商工部、金融部、観光部'))
    assert.ok(page.includes('href="/proposals"'))
  })

  test('every PR page renders for staff, and the API is in the OpenAPI document', async () => {
    const staff = await t.signIn('staff')
    const { media, program } = await ids()
    const { surveys } = await json<{ surveys: { id: string }[] }>(
      await staff.get('/api/v1/pr/surveys'),
    )
    for (const path of [
      '/pr',
      `/pr/media/${media[0]!.id}`,
      '/pr/surveys',
      `/pr/surveys/${surveys[0]!.id}`,
      '/pr/matrix',
      '/pr/actions',
      '/pr/audiences',
      `/pr/targets/${program('労働相談事業')}`,
      '/pr/team',
      '/pr/template.xlsx',
    ])
      assert.equal((await staff.get(path)).status, 200, path)
    const doc = await json<{ paths: Record<string, unknown> }>(
      await staff.get('/api/v1/openapi.json'),
    )
    for (const p of ['/pr/media', '/pr/media/{id}', '/pr/matrix', '/pr/actions', '/pr/surveys'])
      assert.ok(doc.paths[p], p)
  })
})
