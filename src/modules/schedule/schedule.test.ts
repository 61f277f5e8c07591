import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { createTestApp, type TestApp } from '../../testing/app.ts'
import { removeLinkedTask, upsertLinkedTask } from './index.ts'

let t: TestApp

before(async () => {
  t = await createTestApp()
})
after(() => t.close())

async function tasks(role: 'hq_secretariat' | 'staff' = 'hq_secretariat') {
  const client = await t.signIn(role)
  const res = await client.get('/api/v1/schedule/tasks')
  assert.equal(res.status, 200)
  return (await res.json()) as {
    today: string
    tasks: {
      id: string
      title: string
      milestone: boolean
      overdue: boolean
      version: number
      source: string | null
      dependsOn: string[]
      progress: number
      ownerUnitId: string | null
    }[]
  }
}

const byTitle = async (title: string) => (await tasks()).tasks.find((x) => x.title === title)!

describe('schedule', () => {
  test("the seed's 全体スケジュール: five workstreams, its tasks and the two ★ milestones", async () => {
    const { tasks: list } = await tasks('staff')
    assert.equal(list.filter((x) => !x.source).length, 33)
    assert.ok(list.some((x) => x.source === 'initiatives.report-meeting' && x.milestone))
    assert.deepEqual(
      list.filter((x) => x.milestone).map((x) => x.title),
      ['情報発信PTキックオフ', '契約', '事業所業務改善 中間報告会'],
    )
    const contract = list.find((x) => x.title === '契約')!
    assert.equal(contract.dependsOn.length, 1)
  })

  test('the Gantt page draws an SVG with a title and a table equivalent; 401 without sign-in', async () => {
    assert.equal((await t.client().get('/schedule')).status, 401)
    const client = await t.signIn('staff')
    const html = await (await client.get('/schedule')).text()
    assert.match(html, /<svg[^>]*role="img"/)
    assert.match(html, /<title id="gantt-title">/)
    assert.match(html, /<table class="table schedule-table">/)
    assert.ok(html.includes('情報発信PTキックオフ'))
    const filtered = await (await client.get('/schedule?workstream=%E2%91%A4')).text()
    assert.ok(filtered.includes('提案内容の評価（若手管理職）'))
    assert.ok(!filtered.includes('サーバ調達機器仕様検討'))
    assert.equal((await client.get('/schedule?unit=nope')).status, 400)
  })

  test('iCalendar export holds the milestones as all-day events', async () => {
    const client = await t.signIn('staff')
    const res = await client.get('/schedule/milestones.ics')
    assert.equal(res.status, 200)
    assert.match(res.headers.get('content-type') ?? '', /text\/calendar/)
    const body = await res.text()
    assert.equal((body.match(/BEGIN:VEVENT/g) ?? []).length, 3)
    assert.match(body, /SUMMARY:★契約/)
    assert.match(body, /DTSTART;VALUE=DATE:\d{8}/)
  })

  test('bad input: end before start, progress out of range, a cycle — 400 and nothing stored', async () => {
    const client = await t.signIn('hq_secretariat')
    const before = (await tasks()).tasks.length
    const base = {
      workstreamCode: '④',
      title: '試行',
      startsOn: '2026-10-11',
      endsOn: '2026-10-20',
    }
    let res = await client.sendJson('POST', '/api/v1/schedule/tasks', {
      ...base,
      endsOn: '2026-10-01',
    })
    assert.equal(res.status, 400)
    assert.ok(
      ((await res.json()) as { error: { fields: Record<string, string[]> } }).error.fields.endsOn,
    )
    res = await client.sendJson('POST', '/api/v1/schedule/tasks', { ...base, progress: 101 })
    assert.equal(res.status, 400)
    res = await client.sendJson('POST', '/api/v1/schedule/tasks', {
      ...base,
      startsOn: '2026-02-30',
    })
    assert.equal(res.status, 400)
    res = await client.postForm('/schedule/tasks', { ...base, endsOn: '2026-09-10' })
    assert.equal(res.status, 400)
    assert.match(await res.text(), /終了は開始より後にしてください/)
    assert.equal((await tasks()).tasks.length, before)

    // 契約 depends on サーバ調達機器仕様検討; making the latter depend on 運用開始 closes a loop.
    const spec = await byTitle('サーバ調達機器仕様検討')
    const run = await byTitle('運用開始')
    const { task } = (await (await client.get(`/api/v1/schedule/tasks/${spec.id}`)).json()) as {
      task: Record<string, unknown>
    }
    res = await client.sendJson('PUT', `/api/v1/schedule/tasks/${spec.id}`, {
      ...task,
      dependsOn: [run.id],
    })
    assert.equal(res.status, 400)
    assert.match(JSON.stringify(await res.json()), /循環/)
    res = await client.sendJson('PUT', `/api/v1/schedule/tasks/${spec.id}`, {
      ...task,
      dependsOn: [spec.id],
    })
    assert.equal(res.status, 400)
    assert.match(JSON.stringify(await res.json()), /循環/)
    assert.deepEqual((await byTitle('サーバ調達機器仕様検討')).dependsOn, [])
  })

  test('who may change what: 403 for staff, 409 for a stale version, owners report progress', async () => {
    const staff = await t.signIn('staff')
    const secretariat = await t.signIn('hq_secretariat')
    const base = {
      workstreamCode: '④',
      title: '職場ヒアリング',
      startsOn: '2026-10-11',
      endsOn: '2026-10-20',
    }
    assert.equal((await staff.sendJson('POST', '/api/v1/schedule/tasks', base)).status, 403)
    assert.equal((await t.client().sendJson('POST', '/api/v1/schedule/tasks', base)).status, 401)
    const created = (await (
      await secretariat.sendJson('POST', '/api/v1/schedule/tasks', base)
    ).json()) as { task: { id: string; version: number } }
    const id = created.task.id
    assert.equal(
      (
        await secretariat.sendJson('PUT', `/api/v1/schedule/tasks/${id}`, {
          ...base,
          version: 1,
          progress: 50,
        })
      ).status,
      200,
    )
    const stale = await secretariat.sendJson('PUT', `/api/v1/schedule/tasks/${id}`, {
      ...base,
      version: 1,
      progress: 60,
    })
    assert.equal(stale.status, 409)
    assert.equal(
      (
        await staff.sendJson('PATCH', `/api/v1/schedule/tasks/${id}/progress`, {
          progress: 70,
          version: 2,
        })
      ).status,
      403,
    )
    const badProgress = await secretariat.sendJson(
      'PATCH',
      `/api/v1/schedule/tasks/${id}/progress`,
      { progress: -1, version: 2 },
    )
    assert.equal(badProgress.status, 400)
    // The office manager of 池袋事務所 reports on a task the office owns.
    const manager = await t.signIn('office_manager')
    const ikebukuro = (
      await t.database.db
        .selectFrom('units')
        .select('id')
        .where('code', '=', 'off-ikebukuro')
        .executeTakeFirstOrThrow()
    ).id
    const owned = (await (
      await secretariat.sendJson('POST', '/api/v1/schedule/tasks', {
        ...base,
        ownerUnitId: ikebukuro,
      })
    ).json()) as { task: { id: string } }
    const ok = await manager.sendJson('PATCH', `/api/v1/schedule/tasks/${owned.task.id}/progress`, {
      progress: 40,
      version: 1,
    })
    assert.equal(ok.status, 200)
    assert.equal(
      (
        await manager.sendJson('PATCH', `/api/v1/schedule/tasks/${id}/progress`, {
          progress: 40,
          version: 2,
        })
      ).status,
      403,
    )
  })

  test('a milestone reaching 100 % is recorded for the newsletter', async () => {
    const client = await t.signIn('hq_secretariat')
    const created = (await (
      await client.sendJson('POST', '/api/v1/schedule/tasks', {
        workstreamCode: '③',
        title: 'サーバ運用開始式',
        startsOn: '2027-03-01',
        endsOn: '2027-03-10',
        milestone: true,
      })
    ).json()) as { task: { id: string } }
    const res = await client.sendJson(
      'PATCH',
      `/api/v1/schedule/tasks/${created.task.id}/progress`,
      { progress: 100, version: 1 },
    )
    assert.equal(res.status, 200)
    const entry = await t.database.db
      .selectFrom('audit_log')
      .select(['data'])
      .where('action', '=', 'schedule.milestone.reached')
      .where('entity_id', '=', created.task.id)
      .executeTakeFirstOrThrow()
    assert.equal(entry.data.title, 'サーバ運用開始式')
  })

  test('linked tasks: pushed by another module, updated in place, read-only on the chart, removed', async () => {
    const { db } = t.database
    const id = await upsertLinkedTask(db, {
      source: 'proposals.campaign',
      sourceId: 'c-1',
      workstream: '⑤',
      title: '改善提案の募集期間',
      startsOn: '2026-09-01',
      endsOn: '2026-11-30',
      href: '/proposals/campaigns/c-1',
    })
    const again = await upsertLinkedTask(db, {
      source: 'proposals.campaign',
      sourceId: 'c-1',
      workstream: '⑤',
      title: '改善提案の募集期間（延長）',
      startsOn: '2026-09-01',
      endsOn: '2026-12-10',
      href: '/proposals/campaigns/c-1',
    })
    assert.equal(again, id)
    const client = await t.signIn('hq_secretariat')
    const page = await (await client.get(`/schedule/tasks/${id}`)).text()
    assert.ok(page.includes('/proposals/campaigns/c-1'))
    assert.ok(!page.includes(`/schedule/tasks/${id}/edit`))
    const task = (await (await client.get(`/api/v1/schedule/tasks/${id}`)).json()) as {
      task: Record<string, unknown>
    }
    assert.equal(task.task.title, '改善提案の募集期間（延長）')
    assert.equal(
      (
        await client.sendJson('PUT', `/api/v1/schedule/tasks/${id}`, {
          ...task.task,
          workstreamCode: '⑤',
        })
      ).status,
      403,
    )
    await assert.rejects(
      upsertLinkedTask(db, {
        source: 'x',
        sourceId: '1',
        workstream: '⑤',
        title: 'x',
        startsOn: '2026-10-02',
        endsOn: '2026-10-01',
      }),
      /validation/,
    )
    // An organisation without that workstream simply has no such task on its chart.
    assert.equal(
      await upsertLinkedTask(db, {
        source: 'x',
        sourceId: '2',
        workstream: '⑨',
        title: 'x',
        startsOn: '2026-10-01',
        endsOn: '2026-10-02',
      }),
      null,
    )
    await removeLinkedTask(db, 'proposals.campaign', 'c-1')
    assert.equal((await client.get(`/api/v1/schedule/tasks/${id}`)).status, 404)
  })
})
